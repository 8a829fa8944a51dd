import Foundation
import KubeAWS
import KubeDSL
import KubeModels
import Testing

/// ADR-008: an EKS MLOps platform for many teams: a namespace per team (quota, RBAC, network
/// isolation), GPU training on a tainted GPU NodePool (`nvidia.com/gpu=present:NoSchedule`),
/// platform services (MLflow) on the tainted system node group.
enum MLPlatformSeed {
    struct Settings: Sendable, Hashable {
        var gpuLimit: Quantity
        var teamCPUQuota: Quantity
        var mlflowReplicas: Int32
    }

    static let teams = ["fraud", "recsys", "vision", "nlp"]

    /// The system node group of the eksctl config (not a Kubernetes object, but the source of
    /// the labels and taints platform pods need).
    static let systemNodeGroup = ClusterConfig.ManagedNodeGroup(
        name: "system", labels: ["role": "platform"],
        taints: [ClusterConfig.NodeGroupTaint(effect: "NoSchedule", key: "platform", value: "true")])

    static func gpuPool(limit: Quantity) -> NodePool {
        Karpenter.nodePool(
            "gpu", nodeClass: "gpu", labels: ["workload-type": "gpu"],
            taints: [.init(effect: .noSchedule, key: "nvidia.com/gpu", value: "present")],
            requirements: [
                .init(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["p4d", "p5"]),
                .init(key: "karpenter.sh/capacity-type", operator: .in, values: ["on-demand"]),
            ],
            cpuLimit: limit)
    }

    struct TeamNamespace: Component {
        var team: String
        var cpuQuota: Quantity

        var body: ClusterContent {
            Namespace(name: team, labels: ["team": team, "pod-security.kubernetes.io/enforce": "restricted"])
            ResourceQuota(
                name: "compute",
                spec: ResourceQuotaSpec(hard: ["requests.cpu": cpuQuota, "requests.nvidia.com/gpu": 16]))
            RoleBinding(
                name: "team-edit",
                roleRef: RoleRef(name: "edit", apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole"),
                subjects: [Subject(name: "team-\(team)", apiGroup: "rbac.authorization.k8s.io", kind: "Group")])
            NetworkPolicy.defaultDeny(directions: [.ingress, .egress])
            NetworkPolicy.allowDNS()
        }
    }

    static func trainingJob(_ name: String, gpus: Int) -> Job {
        var container = Fixtures.container(
            name, image: "registry.example.com/ml/trainer:2.3", port: nil, cpu: "8", memory: "64Gi",
            limits: ["memory": "64Gi", "nvidia.com/gpu": Quantity(gpus)])
        container.command = ["python", "train.py"]
        return Job(
            name: name,
            spec: JobSpec(
                backoffLimit: 2,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app.kubernetes.io/name": name]),
                    spec: PodSpec(containers: [container], restartPolicy: .never))))
    }

    static let cluster = Cluster(
        "ml-platform",
        environments: [
            .staging: Settings(gpuLimit: 192, teamCPUQuota: "50", mlflowReplicas: 1),
            .prod: Settings(gpuLimit: 1920, teamCPUQuota: "200", mlflowReplicas: 2),
        ]
    ) { env in
        Karpenter.nodeClass("gpu", cluster: "ml-platform-\(env.name)", role: "KarpenterNodeRole-ml-platform")
        gpuPool(limit: env.gpuLimit)
        for team in teams {
            TeamNamespace(team: team, cpuQuota: env.teamCPUQuota).namespace(team)
        }
        Group {
            trainingJob("resnet-finetune", gpus: 8)
        }
        .namespace("vision")
        .scheduled(on: .nodePool(gpuPool(limit: env.gpuLimit)))
        Group {
            Namespace(name: "platform")
            mlflow(replicas: env.mlflowReplicas)
        }
        .namespace("platform")
        .scheduled(on: .nodeGroup(systemNodeGroup))
    }

    @ClusterBuilder
    static func mlflow(replicas: Int32) -> ClusterContent {
        let deployment = Fixtures.deployment(
            "mlflow", image: "ghcr.io/mlflow/mlflow:v2.16.0", replicas: replicas, port: 5000, cpu: "500m", memory: "1Gi"
        )
        deployment
        Group { try Service.exposing(deployment) }
    }
}

@Suite struct MLPlatformSeedTests {
    @Test func rendersPassesOraclesAndKustomizeMatches() throws {
        let renders = try ScenarioCheck.verify(MLPlatformSeed.cluster, name: "ml-platform")
        try ScenarioCheck.verifyFlux(MLPlatformSeed.cluster, name: "ml-platform")
        let prod = try #require(renders.first { $0.environment == .prod })

        // GPU workloads tolerate the GPU pool's taint and target the pool.
        let job = try #require(prod.first(Job.self, named: "resnet-finetune", namespace: "vision"))
        let podSpec = try #require(job.spec?.template.spec)
        #expect(
            podSpec.tolerations == [
                Toleration(effect: .noSchedule, key: "nvidia.com/gpu", operator: .equal, value: "present")
            ])
        #expect(podSpec.nodeSelector == ["karpenter.sh/nodepool": "gpu", "workload-type": "gpu"])
        #expect(podSpec.containers[0].resources?.limits?["nvidia.com/gpu"] == 8)

        // Platform services tolerate the system node group's taint.
        let mlflow = try #require(prod.first(Deployment.self, named: "mlflow", namespace: "platform"))
        #expect(mlflow.spec.template.spec?.tolerations?.first?.key == "platform")
        #expect(mlflow.spec.template.spec?.nodeSelector == ["role": "platform"])

        // One namespace per team, each isolated.
        for team in MLPlatformSeed.teams {
            #expect(prod.first(Namespace.self, named: team) != nil)
            #expect(prod.first(NetworkPolicy.self, named: "default-deny", namespace: team) != nil)
            #expect(prod.first(ResourceQuota.self, named: "compute", namespace: team)?.namespace == team)
        }
        // Namespaces come first, the NodePool after its EC2NodeClass.
        let kinds = prod.objects.map(\.identity.kind)
        #expect(kinds.prefix(MLPlatformSeed.teams.count + 1).allSatisfy { $0 == "Namespace" })
        let nodeClass = try #require(kinds.firstIndex(of: "EC2NodeClass"))
        let nodePool = try #require(kinds.firstIndex(of: "NodePool"))
        #expect(nodeClass < nodePool)
    }
}
