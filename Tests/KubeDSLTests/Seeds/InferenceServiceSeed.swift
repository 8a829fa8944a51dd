import Foundation
import KubeDSL
import KubeModels
import KubePrometheus
import Testing

/// ADR-0004: one ML inference service, Kustomize-style dev/staging/prod differences
/// (1 replica and 500m CPU; 2 replicas and 1 CPU; 3+ replicas and 2 CPU), HPA, PDB, health
/// checks, network policies and a ServiceMonitor.
enum InferenceSeed {
    struct Settings: Sendable, Hashable {
        var replicas: Int32
        var cpu: Quantity
        var memory: Quantity
        var imageTag: String
        var autoscaling: Bool
        var maxReplicas: Int32
    }

    static let environments: EnvironmentTable<Settings> = [
        .dev: Settings(
            replicas: 1, cpu: "500m", memory: "1Gi", imageTag: "1.4.0-rc.2", autoscaling: false, maxReplicas: 1),
        .staging: Settings(replicas: 2, cpu: "1", memory: "2Gi", imageTag: "1.4.0", autoscaling: true, maxReplicas: 10),
        .prod: Settings(replicas: 3, cpu: "2", memory: "4Gi", imageTag: "1.4.0", autoscaling: true, maxReplicas: 50),
    ]

    struct InferenceService: Component {
        var name: String
        var image: String
        var settings: Settings

        var deployment: Deployment {
            var deployment = Fixtures.deployment(
                name, image: image, replicas: settings.autoscaling ? nil : settings.replicas, cpu: settings.cpu,
                memory: settings.memory, labels: ["app.kubernetes.io/component": "inference"])
            deployment.spec.template.spec?.containers[0].livenessProbe = Fixtures.httpProbe("/health", delay: 15)
            deployment.spec.template.spec?.containers[0].readinessProbe = Fixtures.httpProbe("/ready", delay: 10)
            return deployment
        }

        var body: ClusterContent {
            get throws {
                let deployment = self.deployment
                deployment
                try Service.exposing(deployment)
                if settings.autoscaling {
                    try HorizontalPodAutoscaler.scaling(
                        deployment, minReplicas: settings.replicas, maxReplicas: settings.maxReplicas,
                        cpuUtilization: 70)
                }
                if settings.replicas > 1 {
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                }
                try NetworkPolicy.allowing(
                    to: deployment, from: [.namespace("ingress-nginx"), .namespace("monitoring")],
                    ports: [.named("http")])
                ServiceMonitor(
                    name: name,
                    spec: ServiceMonitor.Spec(
                        endpoints: [ServiceMonitor.Spec.Endpoint(interval: "30s", path: "/metrics", port: "http")],
                        selector: ServiceMonitor.Spec.Selector(matchLabels: deployment.podSelectorLabels)))
            }
        }
    }

    static let cluster = Cluster("ml-inference", environments: environments) { env in
        Namespace(name: "ml-inference", labels: ["environment": env.name])
        Group {
            NetworkPolicy.defaultDeny()
            InferenceService(
                name: "model-server", image: "registry.example.com/ml/model-server:\(env.imageTag)",
                settings: env.settings)
        }
        .namespace("ml-inference")
        .labels(["app.kubernetes.io/part-of": "ml-platform", "environment": env.name])
    }
}

@Suite struct InferenceServiceSeedTests {
    @Test func rendersPassesOraclesAndKustomizeMatches() throws {
        let renders = try ScenarioCheck.verify(InferenceSeed.cluster, name: "inference")
        try ScenarioCheck.verify(InferenceSeed.cluster, name: "inference-streaming", serializer: StreamingSerializer())
        let byEnvironment = Dictionary(uniqueKeysWithValues: renders.map { ($0.environment?.name ?? "", $0) })

        let dev = try #require(byEnvironment["dev"]?.first(Deployment.self, named: "model-server"))
        #expect(dev.spec.replicas == 1)
        #expect(dev.spec.template.spec?.containers[0].resources?.requests?["cpu"] == "500m")
        #expect(byEnvironment["dev"]?.all(HorizontalPodAutoscaler.self).isEmpty == true)

        let prod = try #require(byEnvironment["prod"])
        let prodDeployment = try #require(prod.first(Deployment.self, named: "model-server", namespace: "ml-inference"))
        #expect(prodDeployment.spec.replicas == nil, "an autoscaled Deployment leaves replicas to the HPA")
        #expect(prodDeployment.spec.template.spec?.containers[0].resources?.requests?["cpu"] == "2")
        #expect(prodDeployment.spec.template.spec?.containers[0].image == "registry.example.com/ml/model-server:1.4.0")
        let hpa = try #require(prod.first(HorizontalPodAutoscaler.self, named: "model-server"))
        #expect(hpa.spec.minReplicas == 3 && hpa.spec.maxReplicas == 50)
        #expect(hpa.spec.scaleTargetRef.kind == "Deployment" && hpa.spec.scaleTargetRef.name == "model-server")
        let pdb = try #require(prod.first(PodDisruptionBudget.self, named: "model-server"))
        #expect(pdb.spec?.minAvailable == .int(1))
        #expect(pdb.spec?.selector?.matchLabels == ["app.kubernetes.io/name": "model-server"])
        // Propagated labels reach the pod template, never the selector.
        #expect(prodDeployment.spec.template.metadata?.labels?["environment"] == "prod")
        #expect(prodDeployment.spec.selector.matchLabels == ["app.kubernetes.io/name": "model-server"])
        #expect(prod.all(ServiceMonitor.self).count == 1)
    }

    @Test func differencesAreVisibleInOnePlace() {
        let fields = InferenceSeed.environments.differences().map(\.field)
        #expect(fields == ["replicas", "cpu", "memory", "imageTag", "autoscaling", "maxReplicas"])
        let replicas = InferenceSeed.environments.differences().first { $0.field == "replicas" }
        #expect(replicas?.description == "replicas: dev=1 staging=2 prod=3")
    }
}
