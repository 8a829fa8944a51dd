import KubeModels

/// The stages of apply order, earliest first: what must exist before what on an empty cluster.
///
/// Within a stage, objects order by API group, kind, namespace and name, so the result never
/// depends on the order in which content was written. Custom resources also order among
/// themselves: Flux sources, then Flux releases and Kustomizations (which install controllers),
/// then Karpenter node classes, then NodePools and other consumers, then everything else.
public enum ApplyPhase: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Namespaces and CustomResourceDefinitions.
    case namespacesAndDefinitions
    /// PriorityClasses, StorageClasses, IngressClasses, RBAC, ServiceAccounts, ResourceQuotas,
    /// LimitRanges and PersistentVolumes.
    case clusterPolicy
    /// ConfigMaps, Secrets and PersistentVolumeClaims.
    case configuration
    /// Services.
    case services
    /// Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods.
    case workloads
    /// HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies and Ingresses.
    case policyAndRouting
    /// Objects of kinds defined by CRDs, and any other kind.
    case customResources

    /// Orders stages by declaration.
    public static func < (lhs: ApplyPhase, rhs: ApplyPhase) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The stage of objects of a kind.
    public static func of(group: String, kind: String) -> ApplyPhase {
        switch (group, kind) {
        case ("", "Namespace"), ("apiextensions.k8s.io", "CustomResourceDefinition"):
            return .namespacesAndDefinitions
        case ("scheduling.k8s.io", "PriorityClass"), ("storage.k8s.io", _), ("networking.k8s.io", "IngressClass"),
            ("rbac.authorization.k8s.io", _), ("", "ServiceAccount"), ("", "ResourceQuota"), ("", "LimitRange"),
            ("", "PersistentVolume"):
            return .clusterPolicy
        case ("", "ConfigMap"), ("", "Secret"), ("", "PersistentVolumeClaim"):
            return .configuration
        case ("", "Service"):
            return .services
        case ("apps", _), ("batch", _), ("", "Pod"), ("", "ReplicationController"):
            return .workloads
        case ("autoscaling", _), ("policy", _), ("networking.k8s.io", _):
            return .policyAndRouting
        default:
            return .customResources
        }
    }

    /// Order among custom resources: providers before the resources that use them.
    static func customRank(group: String, kind: String) -> Int {
        switch (group, kind) {
        case ("source.toolkit.fluxcd.io", "HelmChart"): return 1
        case ("source.toolkit.fluxcd.io", _): return 0
        case ("helm.toolkit.fluxcd.io", _), ("kustomize.toolkit.fluxcd.io", _): return 2
        case ("karpenter.k8s.aws", _), ("elbv2.k8s.aws", "IngressClassParams"): return 3
        case ("karpenter.sh", _), ("elbv2.k8s.aws", _): return 4
        default: return 5
        }
    }
}
