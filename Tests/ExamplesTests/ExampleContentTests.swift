import ExampleSystems
import Foundation
import KubeKit
import KubeTesting
import Testing

/// What each seed asks of its system, checked on the rendered objects.
@Suite struct ExampleContentTests {
    @Test func mlPlatformPlacesGPUWorkOnTheGPUPoolAndPlatformServicesOnSystemNodes() throws {
        let prod = try MLPlatform.cluster.render(for: .prod)
        let job = try #require(prod.first(Job.self, named: "resnet50-finetune", namespace: "vision"))
        let pod = try #require(job.spec?.template.spec)
        #expect(
            pod.tolerations == [
                Toleration(effect: .noSchedule, key: "nvidia.com/gpu", operator: .equal, value: "present")
            ])
        #expect(pod.nodeSelector == ["karpenter.sh/nodepool": "gpu", "workload-type": "gpu"])
        #expect(pod.containers[0].resources?.limits?["nvidia.com/gpu"] == 8)
        #expect(pod.serviceAccountName == "training")

        for name in ["mlflow"] {
            let deployment = try #require(prod.first(Deployment.self, named: name, namespace: "platform"))
            #expect(deployment.spec.template.spec?.nodeSelector == ["role": "platform"])
            #expect(deployment.spec.template.spec?.tolerations?.first?.key == "platform")
        }
        let prometheus = try #require(prod.first(StatefulSet.self, named: "prometheus", namespace: "platform"))
        #expect(prometheus.spec.template.spec?.nodeSelector == ["role": "platform"])

        // Three pools: CPU spot, GPU on-demand with the GPU taint, system.
        let pools = Dictionary(uniqueKeysWithValues: prod.all(NodePool.self).map { ($0.name, $0) })
        #expect(Set(pools.keys) == ["cpu-spot", "gpu", "system"])
        #expect(pools["gpu"]?.spec.template.spec.taints?.first?.key == "nvidia.com/gpu")
        #expect(
            pools["cpu-spot"]?.spec.template.spec.requirements.first { $0.key == "karpenter.sh/capacity-type" }?.values
                == ["spot"])
        for team in MLPlatform.teams {
            let namespace = try #require(prod.first(Namespace.self, named: team))
            #expect(namespace.metadata.labels?["pod-security.kubernetes.io/enforce"] == "restricted")
            #expect(
                prod.first(RoleBinding.self, named: "team-edit", namespace: team)?.subjects?.first?.name
                    == "ml-team-\(team)")
            #expect(
                prod.first(ResourceQuota.self, named: "compute", namespace: team)?.spec?.hard?[
                    "requests.nvidia.com/gpu"] == 32)
        }
    }

    @Test func mlPlatformEksctlConfigIsPrivateLoggedEncryptedAndTainted() throws {
        let config = try MLPlatform.eksctlConfig(for: .prod)
        #expect(config.metadata.name == "ml-platform-prod")
        #expect(config.vpc?.clusterEndpoints == .init(privateAccess: true, publicAccess: false))
        #expect(config.cloudWatch?.clusterLogging?.enableTypes?.count == 5)
        #expect(config.secretsEncryption?.keyARN.contains("alias/ml-platform-prod-secrets") == true)
        #expect(config.iam?.withOIDC == true)
        #expect(config.iam?.podIdentityAssociations?.first?.serviceAccountName == "mlflow")
        #expect(config.addons?.map(\.name).contains("aws-ebs-csi-driver") == true)
        let groups = Dictionary(uniqueKeysWithValues: (config.managedNodeGroups ?? []).map { ($0.name, $0) })
        #expect(groups["system"]?.taints?.first?.key == "platform")
        #expect(groups["gpu-a100"]?.taints?.first?.key == "nvidia.com/gpu")
        #expect(groups["gpu-a100"]?.maxSize == 20)
    }

    @Test func inferenceServiceDiffersByEnvironmentAsTheADRSays() throws {
        let expected: [(Environment, Int32, Quantity)] = [(.dev, 1, "500m"), (.staging, 2, "1"), (.prod, 3, "2")]
        for (environment, replicas, cpu) in expected {
            let render = try InferenceService.cluster.render(for: environment)
            let deployment = try #require(
                render.first(Deployment.self, named: "model-server", namespace: "ml-inference"))
            let container = try #require(deployment.spec.template.spec?.containers.first)
            #expect(container.resources?.requests?["cpu"] == cpu)
            #expect(container.livenessProbe?.httpGet?.path == "/health")
            #expect(container.readinessProbe?.httpGet?.path == "/ready")
            #expect(container.ports?.first?.containerPort == 8080)
            let hpa = try #require(render.first(HorizontalPodAutoscaler.self, named: "model-server"))
            #expect(hpa.spec.minReplicas == replicas)
            #expect(hpa.spec.metrics?.first?.resource?.target.averageUtilization == 70)
            #expect((render.first(PodDisruptionBudget.self, named: "model-server") != nil) == (replicas > 1))
            #expect(render.all(ServiceMonitor.self).count == 1)
        }
        let prod = try InferenceService.cluster.render(for: .prod)
        #expect(prod.first(HorizontalPodAutoscaler.self, named: "model-server")?.spec.maxReplicas == 50)
        #expect(prod.first(PodDisruptionBudget.self, named: "model-server")?.spec?.minAvailable == .int(1))
    }

    @Test func inferenceServiceEnvironmentsDifferOnlyInTheirSettings() throws {
        let dev = try InferenceService.cluster.render(for: .dev)
        let prod = try InferenceService.cluster.render(for: .prod)
        let changes = try ManifestDiff(from: dev, to: prod)
        #expect(changes.added.map(\.kind) == ["PodDisruptionBudget"])
        #expect(changes.removed.isEmpty)
        let paths = changes.changed.flatMap { object in object.changes.map { "\(object.identity.kind) \($0.path)" } }
        #expect(paths.contains("HorizontalPodAutoscaler spec.maxReplicas"), "\(paths)")
    }

    @Test func gitOpsPlatformStagesKarpenterBeforeItsNodeClass() throws {
        let render = try GitOpsPlatform.cluster.render(for: .default)
        let layers = Dictionary(render.objects.map { ($0.identity.kind, $0.fluxLayer) }) { first, _ in first }
        #expect(layers["HelmRelease"] == .infrastructureControllers)
        #expect(layers["HelmRepository"] == .infrastructureControllers)
        #expect(layers["EC2NodeClass"] == .infrastructureConfigs)
        #expect(layers["NodePool"] == .infrastructureConfigs)
        #expect(layers["Deployment"] == .apps)
        let nodeClass = try #require(render.first(EC2NodeClass.self, named: "default"))
        #expect(nodeClass.spec?.subnetSelectorTerms.first?.tags == ["karpenter.sh/discovery": "platform"])
        let pool = try #require(render.first(NodePool.self, named: "default"))
        #expect(pool.spec.template.spec.requirements.first { $0.key == "kubernetes.io/arch" }?.values == ["arm64"])
        let files = try GitOpsPlatform.cluster.files(.flux())
        #expect(files["clusters/platform/infra-configs.yaml"]?.contains("infra-controllers") == true)
        #expect(files["clusters/platform/apps.yaml"]?.contains("infra-configs") == true)
    }

    @Test func erpSwitchesBlueGreenBySelectorAndHardensEveryPod() throws {
        let prod = try ERPSystem.cluster.render(for: .prod)
        let service = try #require(prod.first(Service.self, named: "api-gateway-service", namespace: "marimo-erp"))
        #expect(service.spec?.selector?["color"] == "blue")
        let staging = try ERPSystem.cluster.render(for: .staging)
        #expect(staging.first(Service.self, named: "api-gateway-service")?.spec?.selector?["color"] == "green")
        #expect(
            prod.first(HorizontalPodAutoscaler.self, named: "api-gateway-hpa")?.spec.scaleTargetRef.name
                == "api-gateway-blue")
        #expect(Set(prod.all(StatefulSet.self).map(\.name)) == ["postgres", "redis", "consul", "rabbitmq"])
        #expect(prod.all(StatefulSet.self).allSatisfy { $0.spec.volumeClaimTemplates?.isEmpty == false })
        #expect(Set(prod.all(CronJob.self).map(\.name)) == ["postgres-backup", "weekly-reports", "cleanup"])
        #expect(prod.first(Ingress.self, named: "erp")?.spec?.ingressClassName == "nginx")
        #expect(
            [Environment.dev, .staging, .prod].map {
                try? ERPSystem.cluster.render(for: $0).all(Namespace.self).map(\.name)
            }
                == [["marimo-erp-dev"], ["marimo-erp-staging"], ["marimo-erp"]])

        // Every pod: non-root, read-only root filesystem, all capabilities dropped, own account.
        var templates: [(String, PodSpec)] = []
        for deployment in prod.all(Deployment.self) {
            templates.append((deployment.name, deployment.spec.template.spec ?? PodSpec(containers: [])))
        }
        for statefulSet in prod.all(StatefulSet.self) {
            templates.append((statefulSet.name, statefulSet.spec.template.spec ?? PodSpec(containers: [])))
        }
        for (name, pod) in templates {
            #expect(pod.securityContext?.runAsNonRoot == true, "\(name)")
            #expect(pod.serviceAccountName != nil, "\(name)")
            for container in pod.containers {
                #expect(container.securityContext?.readOnlyRootFilesystem == true, "\(name)")
                #expect(container.securityContext?.capabilities?.drop == [.all], "\(name)")
            }
        }
        // Least privilege: Roles name the objects they read; nothing uses wildcards.
        for role in prod.all(Role.self) {
            #expect(role.rules?.allSatisfy { !$0.verbs.contains("*") && !($0.resources ?? []).contains("*") } == true)
        }
        // Data stores come before the services that depend on them.
        let names = prod.objects.map(\.identity.name)
        let lastStore = try #require(names.lastIndex { ["postgres", "redis", "consul", "rabbitmq"].contains($0) })
        let firstGateway = try #require(names.firstIndex { $0.hasPrefix("api-gateway-") })
        #expect(lastStore < firstGateway)
    }

    @Test func coreWorkerClusterSeparatesCoreAndWorkerNodes() throws {
        let prod = try CoreWorkerCluster.cluster.render(for: .prod)
        let web = try #require(prod.first(Deployment.self, named: "rf-web", namespace: "raster-foundry"))
        let terms = web.spec.template.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?
            .nodeSelectorTerms
        #expect(
            terms?.first?.matchExpressions == [
                NodeSelectorRequirement(key: "karpenter.sh/nodepool", operator: .in, values: ["worker"]),
                NodeSelectorRequirement(key: "node-type", operator: .in, values: ["worker"]),
            ])
        let bus = try #require(prod.first(Deployment.self, named: "event-bus", namespace: "middleware"))
        #expect(bus.spec.template.spec?.nodeSelector == ["node-type": "core"])
        let ingress = try #require(prod.first(Ingress.self, named: "rf-web", namespace: "raster-foundry"))
        #expect(ingress.spec?.ingressClassName == "alb")
        let alb = try ingress.albAnnotations()
        #expect(alb.targetType == .ip)
        #expect(ingress.spec?.rules?.first?.http?.paths.first?.backend.service?.name == "rf-web")
        #expect(prod.first(IngressClass.self, named: "alb")?.spec?.controller == "ingress.k8s.aws/alb")
        for (name, _, _) in CoreWorkerCluster.projects {
            #expect(prod.first(Namespace.self, named: name) != nil)
        }
    }
}
