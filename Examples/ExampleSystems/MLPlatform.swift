import Foundation
import KubeKit

/// ADR-008's MLOps platform on Amazon EKS: many teams share one cluster.
///
/// - The cluster itself is an eksctl `ClusterConfig` (``eksctlConfig(for:)``): private API
///   endpoint, every control-plane log type, KMS envelope encryption of Secrets, managed add-ons,
///   IRSA and EKS Pod Identity, a tainted system node group for platform services and a tainted
///   GPU node group, and Karpenter.
/// - Karpenter adds capacity: CPU spot nodes for general work, on-demand GPU nodes tainted
///   `nvidia.com/gpu=present:NoSchedule`, and on-demand system nodes.
/// - Each team gets a namespace with the restricted Pod Security level, quotas and default
///   limits, an edit binding for its group, a training service account with an IAM role, and
///   network isolation.
/// - MLflow and Prometheus run on the system nodes; a GPU training Job lands on the GPU pool.
public enum MLPlatform {
    /// What differs between staging and production.
    public struct Settings: Sendable, Hashable {
        /// The AWS region.
        public var region: String
        /// The KMS key that encrypts Secrets in etcd.
        public var secretsKeyARN: String
        /// Bounds of the GPU node group (p4d.24xlarge, 8 A100 each).
        public var gpuNodes: ClosedRange<Int64>
        /// CPU limit of the Karpenter GPU pool (96 vCPU per p4d.24xlarge).
        public var gpuPoolCPU: Quantity
        /// CPU limit of the Karpenter CPU spot pool.
        public var spotPoolCPU: Quantity
        /// Each team's CPU request quota.
        public var teamCPU: Quantity
        /// Each team's GPU quota.
        public var teamGPUs: Quantity
        /// MLflow tracking server replicas.
        public var mlflowReplicas: Int32
        /// How long Prometheus keeps samples.
        public var prometheusRetention: String
        /// Prometheus volume size.
        public var prometheusStorage: Quantity

        /// Creates settings.
        public init(
            region: String, secretsKeyARN: String, gpuNodes: ClosedRange<Int64>, gpuPoolCPU: Quantity,
            spotPoolCPU: Quantity, teamCPU: Quantity, teamGPUs: Quantity, mlflowReplicas: Int32,
            prometheusRetention: String, prometheusStorage: Quantity
        ) {
            self.region = region
            self.secretsKeyARN = secretsKeyARN
            self.gpuNodes = gpuNodes
            self.gpuPoolCPU = gpuPoolCPU
            self.spotPoolCPU = spotPoolCPU
            self.teamCPU = teamCPU
            self.teamGPUs = teamGPUs
            self.mlflowReplicas = mlflowReplicas
            self.prometheusRetention = prometheusRetention
            self.prometheusStorage = prometheusStorage
        }
    }

    /// The AWS account the examples use (a documentation account number).
    public static let account = "111122223333"

    /// Staging and production.
    public static let environments: EnvironmentTable<Settings> = [
        .staging: Settings(
            region: "us-west-2", secretsKeyARN: "arn:aws:kms:us-west-2:\(account):alias/ml-platform-staging-secrets",
            gpuNodes: 0...4, gpuPoolCPU: "384", spotPoolCPU: "400", teamCPU: "50", teamGPUs: "8", mlflowReplicas: 1,
            prometheusRetention: "7d", prometheusStorage: "50Gi"),
        .prod: Settings(
            region: "us-west-2", secretsKeyARN: "arn:aws:kms:us-west-2:\(account):alias/ml-platform-prod-secrets",
            gpuNodes: 2...20, gpuPoolCPU: "1920", spotPoolCPU: "2000", teamCPU: "200", teamGPUs: "32",
            mlflowReplicas: 2, prometheusRetention: "30d", prometheusStorage: "500Gi"),
    ]

    /// The teams, each with its own namespace.
    public static let teams = ["fraud", "recsys", "vision", "nlp"]

    /// The namespace of MLflow and Prometheus.
    public static let platformNamespace = "platform"

    /// The label that marks team namespaces (platform services accept traffic from them).
    public static let teamNamespaceLabel = "ml-platform.example.com/team"

    /// The EKS cluster name of an environment.
    public static func clusterName(_ environment: Environment) -> String { "ml-platform-\(environment.name)" }

    /// The system node group: on-demand m6i.xlarge nodes for platform services only.
    public static let systemNodeGroup = ClusterConfig.ManagedNodeGroup(
        name: "system", desiredCapacity: 3, instanceType: "m6i.xlarge", labels: ["role": "platform"], maxSize: 6,
        minSize: 3, privateNetworking: true,
        taints: [ClusterConfig.NodeGroupTaint(effect: "NoSchedule", key: "platform", value: "true")],
        volumeEncrypted: true, volumeSize: 100, volumeType: "gp3")

    /// The GPU node group: on-demand p4d.24xlarge nodes (8 A100 each) that only GPU pods tolerate.
    public static func gpuNodeGroup(_ nodes: ClosedRange<Int64>) -> ClusterConfig.ManagedNodeGroup {
        ClusterConfig.ManagedNodeGroup(
            name: "gpu-a100", desiredCapacity: nodes.lowerBound, instanceType: "p4d.24xlarge",
            labels: ["role": "gpu", "nvidia.com/gpu.present": "true"], maxSize: nodes.upperBound,
            minSize: nodes.lowerBound, privateNetworking: true,
            taints: [ClusterConfig.NodeGroupTaint(effect: "NoSchedule", key: "nvidia.com/gpu", value: "present")],
            volumeEncrypted: true, volumeSize: 500, volumeType: "gp3")
    }

    /// The IAM role of each team's training service account (IRSA).
    public static func trainingRoleARN(team: String, environment: Environment) -> String {
        "arn:aws:iam::\(account):role/\(clusterName(environment))-\(team)-training"
    }

    /// The eksctl configuration of an environment's cluster: create it with
    /// `eksctl create cluster -f eksctl/<env>.yaml`.
    public static func eksctlConfig(for environment: Environment) throws -> ClusterConfig {
        let settings = try environments.settings(for: environment)
        let name = clusterName(environment)
        let logTypes: [ClusterConfig.ClusterCloudWatchLogging.EnableType] = [
            .api, .audit, .authenticator, .controllerManager, .scheduler,
        ]
        return ClusterConfig(
            accessConfig: .init(authenticationMode: "API"),
            addons: [
                .init(name: "vpc-cni", useDefaultPodIdentityAssociations: true, version: "latest"),
                .init(name: "kube-proxy", version: "latest"),
                .init(name: "coredns", version: "latest"),
                .init(name: "eks-pod-identity-agent", version: "latest"),
                .init(name: "aws-ebs-csi-driver", useDefaultPodIdentityAssociations: true, version: "latest"),
                .init(name: "aws-efs-csi-driver", useDefaultPodIdentityAssociations: true, version: "latest"),
            ],
            cloudWatch: .init(clusterLogging: .init(enableTypes: logTypes, logRetentionInDays: 90)),
            iam: .init(
                podIdentityAssociations: [
                    .init(
                        namespace: platformNamespace,
                        permissionPolicyARNs: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"],
                        serviceAccountName: "mlflow")
                ],
                serviceAccounts: teams.map { team in
                    .init(
                        attachRoleARN: trainingRoleARN(team: team, environment: environment),
                        metadata: .init(name: "training", namespace: team), roleOnly: true)
                },
                withOIDC: true),
            karpenter: .init(createServiceAccount: true, version: "1.6.0", withSpotInterruptionQueue: true),
            managedNodeGroups: [systemNodeGroup, gpuNodeGroup(settings.gpuNodes)],
            metadata: .init(
                name: name, region: settings.region, tags: ["environment": environment.name, "team": "ml-platform"],
                version: "1.33"),
            secretsEncryption: .init(keyARN: settings.secretsKeyARN),
            vpc: .init(
                clusterEndpoints: .init(privateAccess: true, publicAccess: false),
                nat: .init(gateway: "HighlyAvailable")))
    }

    /// The eksctl configuration as a file beside the manifests: `eksctl/<env>.yaml`.
    public static let eksctlFiles: ExampleCommand.ExtraFiles = { environment in
        // The streaming encoder keeps the model's key order: apiVersion, kind, metadata first.
        ["eksctl/\(environment.name).yaml": try YAMLStreamEncoder().encode(try eksctlConfig(for: environment))]
    }

    /// The Karpenter CPU spot pool: general ML work on c/m/r instances, amd64 and arm64.
    public static func spotPool(cpu: Quantity) -> NodePool {
        Capacity.nodePool(
            "cpu-spot", nodeClass: "default", labels: ["workload-type": "cpu"],
            requirements: [
                Capacity.require("karpenter.sh/capacity-type", in: ["spot"]),
                Capacity.require("karpenter.k8s.aws/instance-category", in: ["c", "m", "r"]),
                Capacity.require("karpenter.k8s.aws/instance-generation", in: ["6", "7"]),
                Capacity.require("kubernetes.io/arch", in: ["amd64", "arm64"]),
            ],
            cpuLimit: cpu, weight: 50)
    }

    /// The Karpenter GPU pool: on-demand p4d/p5 nodes that only pods tolerating
    /// `nvidia.com/gpu=present:NoSchedule` can use.
    public static func gpuPool(cpu: Quantity) -> NodePool {
        Capacity.nodePool(
            "gpu", nodeClass: "gpu", labels: ["workload-type": "gpu"],
            taints: [.init(effect: .noSchedule, key: "nvidia.com/gpu", value: "present")],
            requirements: [
                Capacity.require("karpenter.sh/capacity-type", in: ["on-demand"]),
                Capacity.require("karpenter.k8s.aws/instance-family", in: ["p4d", "p5"]),
            ],
            cpuLimit: cpu, consolidation: .whenEmpty)
    }

    /// The Karpenter system pool: on-demand capacity with the system node group's label and taint,
    /// for when platform services outgrow the node group.
    public static let systemPool = Capacity.nodePool(
        "system", nodeClass: "default", labels: ["role": "platform"],
        taints: [.init(effect: .noSchedule, key: "platform", value: "true")],
        requirements: [
            Capacity.require("karpenter.sh/capacity-type", in: ["on-demand"]),
            Capacity.require("karpenter.k8s.aws/instance-family", in: ["m6i", "m7i"]),
        ],
        cpuLimit: "64", weight: 10)

    /// Karpenter's node classes and pools.
    public struct NodeCapacity: Component {
        /// The environment's EKS cluster name.
        public var cluster: String
        /// The environment's settings.
        public var settings: Settings

        /// Creates the component.
        public init(cluster: String, settings: Settings) {
            self.cluster = cluster
            self.settings = settings
        }

        /// Two node classes (GPU nodes get a larger root volume for images and datasets) and three pools.
        public var body: ClusterContent {
            let role = "KarpenterNodeRole-\(cluster)"
            Capacity.nodeClass("default", cluster: cluster, role: role)
            Capacity.nodeClass("gpu", cluster: cluster, role: role, volumeSize: "500Gi")
            MLPlatform.spotPool(cpu: settings.spotPoolCPU)
            MLPlatform.gpuPool(cpu: settings.gpuPoolCPU)
            MLPlatform.systemPool
        }
    }

    /// A team's namespace: restricted Pod Security, quotas and default limits, edit rights for
    /// the team's group, a training service account with an IAM role, and network isolation
    /// (traffic within the namespace, DNS, and the platform services).
    public struct TeamNamespace: Component {
        /// The team.
        public var team: String
        /// The environment being rendered.
        public var environment: Environment
        /// The environment's settings.
        public var settings: Settings

        /// Creates the component.
        public init(team: String, environment: Environment, settings: Settings) {
            self.team = team
            self.environment = environment
            self.settings = settings
        }

        /// The team's objects, all in its namespace.
        public var body: ClusterContent {
            Namespace(
                name: team,
                labels: [
                    "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted",
                    MLPlatform.teamNamespaceLabel: team,
                ])
            ResourceQuota(
                name: "compute",
                spec: ResourceQuotaSpec(hard: [
                    "requests.cpu": settings.teamCPU, "requests.memory": "1Ti",
                    "requests.nvidia.com/gpu": settings.teamGPUs,
                    "persistentvolumeclaims": 20,
                ]))
            LimitRange(
                name: "defaults",
                spec: LimitRangeSpec(limits: [
                    LimitRangeItem(
                        default: ["memory": "2Gi"], defaultRequest: ["cpu": "250m", "memory": "512Mi"], type: .container
                    )
                ]))
            RoleBinding(
                name: "team-edit",
                roleRef: RoleRef(name: "edit", apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole"),
                subjects: [Subject(name: "ml-team-\(team)", apiGroup: "rbac.authorization.k8s.io", kind: "Group")])
            ServiceAccount(
                metadata: ObjectMeta(
                    name: "training",
                    annotations: [
                        "eks.amazonaws.com/role-arn": MLPlatform.trainingRoleARN(team: team, environment: environment)
                    ]),
                automountServiceAccountToken: false)
            NetworkPolicy.defaultDeny(directions: [.ingress, .egress])
            NetworkPolicy.allowDNS()
            NetworkPolicy(
                name: "allow-same-namespace",
                spec: NetworkPolicySpec(
                    egress: [NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: LabelSelector())])],
                    ingress: [NetworkPolicyIngressRule(from: [NetworkPolicyPeer(podSelector: LabelSelector())])],
                    podSelector: LabelSelector(), policyTypes: [.ingress, .egress]))
            NetworkPolicy(
                name: "allow-platform-services",
                spec: NetworkPolicySpec(
                    egress: [
                        NetworkPolicyEgressRule(
                            ports: [.tcp(5000)], to: [.namespace(MLPlatform.platformNamespace)]),
                        // Object storage and the AWS APIs (S3, STS) outside the cluster.
                        NetworkPolicyEgressRule(
                            ports: [.tcp(443)], to: [.cidr("0.0.0.0/0", except: ["169.254.169.254/32"])]),
                    ],
                    // Prometheus scrapes the team's pods.
                    ingress: [NetworkPolicyIngressRule(from: [.namespace(MLPlatform.platformNamespace)])],
                    podSelector: LabelSelector(), policyTypes: [.ingress, .egress]))
        }
    }

    /// The MLflow tracking server: metadata in PostgreSQL (its URI comes from a Secret synced
    /// from AWS Secrets Manager), artifacts in S3 through EKS Pod Identity.
    public struct MLflow: Component {
        /// Replicas; two or more get a disruption budget.
        public var replicas: Int32
        /// The environment being rendered.
        public var environment: Environment

        /// Creates the component.
        public init(replicas: Int32, environment: Environment) {
            self.replicas = replicas
            self.environment = environment
        }

        /// The server's Deployment.
        public var deployment: Deployment {
            var container = Workloads.container(
                "mlflow", image: "ghcr.io/mlflow/mlflow:v2.16.0", port: 5000,
                requests: ["cpu": "500m", "memory": "1Gi"],
                limits: ["memory": "2Gi"],
                env: [
                    EnvVar(
                        name: "MLFLOW_BACKEND_STORE_URI",
                        valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "mlflow-database", key: "uri")))
                ])
            container.command = [
                "mlflow", "server", "--host", "0.0.0.0", "--port", "5000",
                "--artifacts-destination", "s3://\(MLPlatform.clusterName(environment))-mlflow-artifacts",
            ]
            container.livenessProbe = Workloads.httpProbe("/health", delay: 30)
            container.readinessProbe = Workloads.httpProbe("/health", delay: 10, period: 5)
            var deployment = Workloads.deployment(
                "mlflow", replicas: replicas, labels: ["app.kubernetes.io/component": "tracking"],
                pod: Workloads.podSpec([container], serviceAccount: "mlflow"))
            // The Secret is synced from AWS Secrets Manager, not kept in Git.
            deployment.metadata.annotations = [
                ValidationConfiguration.externalReferencesAnnotation: "secret/mlflow-database"
            ]
            return deployment
        }

        /// Service account, Deployment, Service, disruption budget and who may connect.
        public var body: ClusterContent {
            get throws {
                let deployment = self.deployment
                ServiceAccount(name: "mlflow")
                deployment
                try Service.exposing(deployment)
                if replicas > 1 {
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                }
                try NetworkPolicy.allowing(
                    to: deployment,
                    from: [
                        NetworkPolicyPeer(
                            namespaceSelector: LabelSelector(
                                matchExpressions: [
                                    LabelSelectorRequirement(key: MLPlatform.teamNamespaceLabel, operator: "Exists")
                                ]))
                    ], ports: [.named("http")])
            }
        }
    }

    /// Prometheus: scrapes annotated pods and nodes of the whole cluster, keeps its data on a
    /// volume, and reads the API with a read-only ClusterRole.
    public struct Prometheus: Component {
        /// How long samples are kept.
        public var retention: String
        /// Volume size.
        public var storage: Quantity

        /// Creates the component.
        public init(retention: String, storage: Quantity) {
            self.retention = retention
            self.storage = storage
        }

        /// The scrape configuration.
        public static let configuration = """
            global:
              scrape_interval: 30s
            scrape_configs:
              - job_name: kubernetes-pods
                kubernetes_sd_configs:
                  - role: pod
                relabel_configs:
                  - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
                    action: keep
                    regex: "true"
              - job_name: kubernetes-nodes
                kubernetes_sd_configs:
                  - role: node

            """

        /// Read access to nodes, pods, services and endpoints of the whole cluster for the
        /// service account `prometheus` in `namespace`.
        @ClusterBuilder
        public static func clusterAccess(namespace: String) -> ClusterContent {
            ClusterRole(
                name: "prometheus",
                rules: [
                    PolicyRule(
                        apiGroups: [""], resources: ["nodes", "nodes/metrics", "pods", "services", "endpoints"],
                        verbs: ["get", "list", "watch"]),
                    PolicyRule(nonResourceURLs: ["/metrics"], verbs: ["get"]),
                ])
            ClusterRoleBinding(
                name: "prometheus",
                roleRef: RoleRef(name: "prometheus", apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole"),
                subjects: [Subject(name: "prometheus", namespace: namespace, kind: "ServiceAccount")])
        }

        /// The StatefulSet.
        public var statefulSet: StatefulSet {
            let labels = [Workloads.nameLabel: "prometheus"]
            var container = Workloads.container(
                "prometheus", image: "quay.io/prometheus/prometheus:v3.5.0", port: 9090,
                requests: ["cpu": "1", "memory": "4Gi"], limits: ["memory": "8Gi"],
                volumeMounts: [
                    VolumeMount(name: "config", mountPath: "/etc/prometheus", readOnly: true),
                    VolumeMount(name: "data", mountPath: "/prometheus"),
                ])
            container.args = [
                "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.retention.time=\(retention)",
            ]
            container.livenessProbe = Workloads.httpProbe("/-/healthy", delay: 30)
            container.readinessProbe = Workloads.httpProbe("/-/ready", delay: 10, period: 5)
            let pod = Workloads.podSpec(
                [container], serviceAccount: "prometheus", callsAPI: true, user: 65534,
                volumes: [Volume(name: "config", configMap: ConfigMapVolumeSource(name: "prometheus"))])
            return StatefulSet(
                name: "prometheus", labels: labels,
                spec: StatefulSetSpec(
                    replicas: 1, selector: LabelSelector(matchLabels: labels), serviceName: "prometheus",
                    template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: pod),
                    volumeClaimTemplates: [
                        PersistentVolumeClaim(
                            name: "data",
                            spec: PersistentVolumeClaimSpec(
                                accessModes: [.readWriteOnce],
                                resources: VolumeResourceRequirements(requests: ["storage": storage]),
                                storageClassName: "gp3"))
                    ]))
        }

        /// Configuration, service account, StatefulSet and Service (the cluster-wide read access
        /// is ``clusterAccess(namespace:)``, outside any namespace).
        public var body: ClusterContent {
            get throws {
                let statefulSet = self.statefulSet
                ConfigMap(name: "prometheus", data: ["prometheus.yml": Self.configuration])
                ServiceAccount(name: "prometheus")
                statefulSet
                try Service.exposing(statefulSet)
            }
        }
    }

    /// A distributed-data-parallel fine-tuning Job: 8 GPUs on one node, shared memory for the
    /// data loaders, the team's training service account for S3 access.
    public static func trainingJob(_ name: String, gpus: Int, image: String) -> Job {
        var container = Workloads.container(
            "trainer", image: image, port: nil,
            requests: ["cpu": "32", "memory": "256Gi", "nvidia.com/gpu": Quantity(gpus)],
            limits: ["memory": "256Gi", "nvidia.com/gpu": Quantity(gpus)],
            volumeMounts: [VolumeMount(name: "dshm", mountPath: "/dev/shm")])
        container.command = ["torchrun", "--nproc-per-node=\(gpus)", "train.py", "--config", "configs/resnet50.yaml"]
        return Job(
            name: name,
            spec: JobSpec(
                backoffLimit: 2,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: [Workloads.nameLabel: name]),
                    spec: Workloads.podSpec(
                        [container], serviceAccount: "training",
                        volumes: [
                            Volume(name: "dshm", emptyDir: EmptyDirVolumeSource(medium: "Memory", sizeLimit: "64Gi"))
                        ],
                        restartPolicy: .never)),
                ttlSecondsAfterFinished: 86400))
    }

    /// The whole platform.
    public static let cluster = Cluster("ml-platform", environments: environments) { env in
        NodeCapacity(cluster: clusterName(env.environment), settings: env.settings)
        for team in teams {
            TeamNamespace(team: team, environment: env.environment, settings: env.settings).namespace(team)
        }
        Group {
            Namespace(
                name: platformNamespace,
                labels: [
                    "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted",
                ])
            NetworkPolicy.defaultDeny()
            MLflow(replicas: env.mlflowReplicas, environment: env.environment)
            Prometheus(retention: env.prometheusRetention, storage: env.prometheusStorage)
        }
        .namespace(platformNamespace)
        .scheduled(on: .nodeGroup(systemNodeGroup))
        Prometheus.clusterAccess(namespace: platformNamespace)
        Group {
            trainingJob("resnet50-finetune", gpus: 8, image: "registry.example.com/vision/trainer:2.3.1")
        }
        .namespace("vision")
        .scheduled(on: .nodePool(gpuPool(cpu: env.gpuPoolCPU)))
    }
}
