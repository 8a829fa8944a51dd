import KubeKit

/// The EKS design doc's GitOps repository: Flux reconciles `clusters/platform`, whose
/// Kustomizations apply three stages in order, each waiting for the one before:
///
/// 1. `infra-controllers`: Karpenter, as a Flux HelmRelease from its OCI chart repository
///    (it installs the Karpenter CRDs);
/// 2. `infra-configs`: the EC2NodeClass (subnets and security groups found by their
///    `karpenter.sh/discovery` tag) and a NodePool of spot ARM instances;
/// 3. `apps`: the sample workload, a pod and a deployment running `sleep infinity`.
///
/// Because configs depend on controllers, Flux never applies the EC2NodeClass before its CRD
/// exists (the `no matches for kind "EC2NodeClass"` failure of the doc). Write the repository
/// with `swift run GitOpsPlatform --layout flux --output kube`.
public enum GitOpsPlatform {
    /// The EKS cluster's name, also the `karpenter.sh/discovery` tag value.
    public static let clusterName = "platform"

    /// The Karpenter chart version.
    public static let karpenterVersion = "1.6.0"

    /// Karpenter, installed by Flux from `oci://public.ecr.aws/karpenter`.
    public struct KarpenterController: Component {
        /// The cluster Karpenter manages.
        public var cluster: String

        /// Creates the component.
        public init(cluster: String) {
            self.cluster = cluster
        }

        /// The chart source and the release.
        public var body: ClusterContent {
            HelmRepository(
                metadata: ObjectMeta(
                    name: "karpenter", namespace: "flux-system",
                    // `flux bootstrap` creates flux-system and owns it; declaring it here too would
                    // make two Kustomizations fight over it.
                    annotations: [
                        ValidationConfiguration.ignoreAnnotation: "XREF-NAMESPACE-MISSING",
                        ValidationConfiguration.ignoreReasonAnnotation: "flux bootstrap creates the flux-system namespace",
                    ]),
                spec: HelmRepository.Spec(interval: "1h", type: "oci", url: "oci://public.ecr.aws/karpenter"))
            HelmRelease(
                name: "karpenter", namespace: "kube-system",
                spec: HelmRelease.Spec(
                    chart: .init(
                        spec: .init(
                            chart: "karpenter",
                            sourceRef: .init(name: "karpenter", namespace: "flux-system", kind: .helmRepository),
                            version: GitOpsPlatform.karpenterVersion)),
                    install: .init(crds: .createReplace), interval: "30m",
                    upgrade: .init(crds: .createReplace),
                    values: [
                        "dnsPolicy": "Default",
                        "settings": [
                            "clusterName": .string(cluster), "interruptionQueue": .string("Karpenter-\(cluster)"),
                        ],
                        "controller": ["resources": ["requests": ["cpu": "300m", "memory": "300Mi"]]],
                    ]))
        }
    }

    /// The spot ARM NodePool every app runs on.
    public static let spotARM = Capacity.nodePool(
        "default", nodeClass: "default",
        requirements: [
            Capacity.require("kubernetes.io/arch", in: ["arm64"]),
            Capacity.require("karpenter.sh/capacity-type", in: ["spot"]),
            Capacity.require("karpenter.k8s.aws/instance-category", in: ["c", "m"]),
            Capacity.require("karpenter.k8s.aws/instance-size", in: ["medium", "large", "xlarge"]),
        ],
        cpuLimit: "64")

    /// Karpenter's configuration: what capacity it may start.
    public struct NodeConfiguration: Component {
        /// The cluster, for the discovery tags and the node role.
        public var cluster: String

        /// Creates the component.
        public init(cluster: String) {
            self.cluster = cluster
        }

        /// The node class and the pool.
        public var body: ClusterContent {
            Capacity.nodeClass("default", cluster: cluster, role: "KarpenterNodeRole-\(cluster)", volumeSize: "20Gi")
            GitOpsPlatform.spotARM
        }
    }

    /// The sample workload: an Ubuntu pod and deployment that sleep, to prove that Karpenter
    /// starts nodes for pending pods.
    public struct Sandbox: Component {
        /// Creates the component.
        public init() {}

        /// An Ubuntu container that sleeps forever.
        public static func sleeper() -> Container {
            var container = Workloads.container(
                "ubuntu", image: "ubuntu:24.04", port: nil, requests: ["cpu": "10m", "memory": "16Mi"], probes: nil)
            container.command = ["sleep", "infinity"]
            return container
        }

        /// The namespace, the pod and the deployment, placed on the spot ARM pool.
        public var body: ClusterContent {
            get throws {
                Namespace(
                    name: "sandbox",
                    labels: [
                        "pod-security.kubernetes.io/enforce": "restricted",
                        "pod-security.kubernetes.io/warn": "restricted",
                    ])
                Group {
                    NetworkPolicy.defaultDeny(directions: [.ingress, .egress])
                    Pod(
                        name: "ubuntu", labels: [Workloads.nameLabel: "ubuntu-pod"],
                        spec: Workloads.podSpec([Self.sleeper()]))
                    Workloads.deployment("ubuntu", replicas: 1, pod: Workloads.podSpec([Self.sleeper()]))
                }
                .scheduled(on: .nodePool(GitOpsPlatform.spotARM))
            }
        }
    }

    /// The repository's content, staged for Flux.
    public static let cluster = Cluster(clusterName) { _ in
        KarpenterController(cluster: clusterName).fluxLayer(.infrastructureControllers)
        NodeConfiguration(cluster: clusterName).fluxLayer(.infrastructureConfigs)
        Sandbox().namespace("sandbox").fluxLayer(.apps)
    }
}
