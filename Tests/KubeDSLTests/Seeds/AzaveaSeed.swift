import Foundation
import KubeAWS
import KubeDSL
import KubeModels
import Testing

/// The Azavea cluster note: one shared cluster, system services on `node-type: core` nodes,
/// applications in their own namespaces on Karpenter `node-type: worker` nodes (by affinity),
/// exposed through the AWS Load Balancer Controller.
enum AzaveaSeed {
    static let workerPool = Karpenter.nodePool(
        "worker", nodeClass: "default", labels: ["node-type": "worker"],
        requirements: [
            .init(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot", "on-demand"]),
            .init(key: "karpenter.k8s.aws/instance-category", operator: .in, values: ["c", "m", "r"]),
        ])

    static let core = PodPlacement(nodeLabels: ["node-type": "core"])

    /// An application: its namespace, config, deployment, service and ALB ingress, all prefixed
    /// with the project's short name.
    struct Project: Component {
        var name: String
        var prefix: String
        var image: String

        var web: Deployment {
            var web = Fixtures.deployment("web", image: image, replicas: 2)
            web.spec.template.spec?.containers[0].envFrom = [
                EnvFromSource(configMapRef: ConfigMapEnvSource(name: "settings"))
            ]
            web.spec.template.spec?.serviceAccountName = "web"
            return web
        }

        var body: ClusterContent {
            get throws {
                let web = self.web
                Namespace(name: name, labels: ["project": name])
                ServiceAccount(name: "web")
                ConfigMap(name: "settings", data: ["PROJECT": name])
                web
                try Service.exposing(web)
                try PodDisruptionBudget.protecting(web, .maxUnavailable("50%"))
                Ingress(
                    metadata: ObjectMeta(
                        name: "web",
                        annotations: [
                            "alb.ingress.kubernetes.io/scheme": "internet-facing",
                            "alb.ingress.kubernetes.io/target-type": "ip",
                        ]),
                    spec: IngressSpec(
                        defaultBackend: IngressBackend(
                            service: IngressServiceBackend(name: "web", port: ServiceBackendPort(name: "http"))),
                        ingressClassName: "alb"))
            }
        }
    }

    static let cluster = Cluster("azavea-shared", environments: [.staging, .prod]) { env in
        Karpenter.nodeClass("default", cluster: "azavea-\(env.name)", role: "KarpenterNodeRole-azavea")
        workerPool
        IngressClassParams(
            metadata: ObjectMeta(name: "alb-shared"),
            spec: IngressClassParams.Spec(group: .init(name: "azavea-shared"), scheme: "internet-facing"))
        IngressClass(
            name: "alb",
            spec: IngressClassSpec(
                controller: "ingress.k8s.aws/alb",
                parameters: IngressClassParametersReference(
                    name: "alb-shared", apiGroup: "elbv2.k8s.aws", kind: "IngressClassParams")))
        Group {
            Namespace(name: "middleware")
            Fixtures.deployment("event-bus", image: "nats:2.10", replicas: 3, port: 4222)
        }
        .namespace("middleware")
        .scheduled(on: core)
        for project in [
            ("raster-foundry", "rf-", "azavea/raster-foundry:5.2"), ("geotrellis-demo", "gt-", "azavea/gt:1.0"),
        ] {
            Project(name: project.0, prefix: project.1, image: project.2)
                .namePrefix(project.1)
                .namespace(project.0)
                .scheduled(on: .nodePool(workerPool, style: .requiredAffinity))
        }
    }
}

@Suite struct AzaveaSeedTests {
    @Test func rendersPassesOraclesAndKustomizeMatches() throws {
        let renders = try ScenarioCheck.verify(AzaveaSeed.cluster, name: "azavea")
        let prod = try #require(renders.first { $0.environment == .prod })

        // Application pods require worker nodes by affinity; system pods select core nodes.
        let web = try #require(prod.first(Deployment.self, named: "rf-web", namespace: "raster-foundry"))
        let terms = web.spec.template.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?
            .nodeSelectorTerms
        #expect(
            terms?.first?.matchExpressions == [
                NodeSelectorRequirement(key: "karpenter.sh/nodepool", operator: .in, values: ["worker"]),
                NodeSelectorRequirement(key: "node-type", operator: .in, values: ["worker"]),
            ])
        let bus = try #require(prod.first(Deployment.self, named: "event-bus"))
        #expect(bus.spec.template.spec?.nodeSelector == ["node-type": "core"])

        // The name prefix renamed every object but the namespace, and kept references working.
        #expect(prod.first(Namespace.self, named: "raster-foundry") != nil)
        #expect(web.spec.template.spec?.serviceAccountName == "rf-web")
        #expect(web.spec.template.spec?.containers[0].envFrom?.first?.configMapRef?.name == "rf-settings")
        let ingress = try #require(prod.first(Ingress.self, named: "rf-web"))
        #expect(ingress.spec?.defaultBackend?.service?.name == "rf-web")
        #expect(prod.first(Service.self, named: "rf-web")?.spec?.selector == ["app.kubernetes.io/name": "web"])

        // IngressClassParams (a CRD kind) comes after the built-in IngressClass stage but is
        // ordered; EC2NodeClass before NodePool.
        let kinds = prod.objects.map(\.identity.kind)
        #expect(try #require(kinds.firstIndex(of: "EC2NodeClass")) < (try #require(kinds.firstIndex(of: "NodePool"))))
    }
}
