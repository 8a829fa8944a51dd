/// Where propagated labels and annotations go.
///
/// Propagation never touches selectors (`spec.selector` of workloads, Service selectors,
/// PodDisruptionBudget and NetworkPolicy selectors). Selectors of workloads are immutable once
/// created, so a label added later must not change them; pod templates get the label, and a
/// selector that matched before still matches.
///
/// StatefulSet `spec.volumeClaimTemplates` are not touched either: the API server refuses any
/// change to them on an existing StatefulSet, so a label added to a scope later would make the
/// next apply fail. Set labels on claim templates explicitly when you create them.
public enum MetadataPropagation: Sendable, Hashable {
    /// Object metadata and every pod template: `spec.template.metadata` of Deployments,
    /// StatefulSets, DaemonSets, ReplicaSets and Jobs, and both `spec.jobTemplate.metadata` and
    /// `spec.jobTemplate.spec.template.metadata` of CronJobs.
    case metadataAndPodTemplates
    /// Object metadata only.
    case metadataOnly
}
