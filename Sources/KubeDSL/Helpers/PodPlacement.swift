import KubeAWS
import KubeModels

/// Where pods should run: node labels to target and the taints to tolerate, derived from a
/// Karpenter NodePool or a node group.
///
/// ```swift
/// let gpu = PodPlacement.nodePool(gpuPool)   // tolerates nvidia.com/gpu, selects the pool
/// Group { trainingJob }.scheduled(on: gpu)
/// ```
public struct PodPlacement: Hashable, Sendable {
    /// How the node labels are required.
    public enum Style: Hashable, Sendable {
        /// `spec.nodeSelector`: simple, and merged with an existing selector.
        case nodeSelector
        /// A required node affinity term (`requiredDuringSchedulingIgnoredDuringExecution`),
        /// added to every existing term so that all of them require the labels.
        case requiredAffinity
        /// A preferred node affinity term with this weight (1–100): pods may run elsewhere.
        case preferredAffinity(weight: Int32)
    }

    /// The labels a node must have.
    public var nodeLabels: [String: String]
    /// The taints to tolerate.
    public var taints: [NodeTaint]
    /// How the labels are required.
    public var style: Style

    /// Creates a placement.
    public init(nodeLabels: [String: String], taints: [NodeTaint] = [], style: Style = .nodeSelector) {
        self.nodeLabels = nodeLabels
        self.taints = taints
        self.style = style
    }

    /// Placement on a Karpenter NodePool: its `karpenter.sh/nodepool` label and template labels,
    /// tolerating its taints (not its startup taints, which Karpenter expects to be removed).
    public static func nodePool(_ pool: NodePool, style: Style = .nodeSelector) -> PodPlacement {
        var labels = pool.spec.template.metadata?.labels ?? [:]
        labels["karpenter.sh/nodepool"] = pool.name
        let taints = (pool.spec.template.spec.taints ?? []).map {
            NodeTaint(key: $0.key, value: $0.value, effect: TaintEffect(rawValue: $0.effect.rawValue))
        }
        return PodPlacement(nodeLabels: labels, taints: taints, style: style)
    }

    /// Placement on an eksctl managed node group: its labels, tolerating its taints.
    public static func nodeGroup(_ group: ClusterConfig.ManagedNodeGroup, style: Style = .nodeSelector) -> PodPlacement
    {
        PodPlacement(nodeLabels: group.labels ?? [:], taints: taints(group.taints), style: style)
    }

    /// Placement on an eksctl self-managed node group: its labels, tolerating its taints.
    public static func nodeGroup(_ group: ClusterConfig.NodeGroup, style: Style = .nodeSelector) -> PodPlacement {
        PodPlacement(nodeLabels: group.labels ?? [:], taints: taints(group.taints), style: style)
    }

    private static func taints(_ taints: [ClusterConfig.NodeGroupTaint]?) -> [NodeTaint] {
        (taints ?? []).compactMap { taint in
            guard let key = taint.key, let effect = taint.effect else { return nil }
            return NodeTaint(key: key, value: taint.value, effect: TaintEffect(rawValue: effect))
        }
    }

    /// The tolerations for the taints.
    public var tolerations: [Toleration] { taints.map(\.toleration) }

    /// Applies the placement to a pod spec: labels by ``style``, tolerations added unless
    /// already present.
    public func apply(to spec: inout PodSpec) {
        let existing = spec.tolerations ?? []
        let missing = tolerations.filter { !existing.contains($0) }
        if !missing.isEmpty { spec.tolerations = existing + missing }
        guard !nodeLabels.isEmpty else { return }
        let requirements = nodeLabels.keys.sorted().map { key in
            NodeSelectorRequirement(key: key, operator: .in, values: [nodeLabels[key] ?? ""])
        }
        switch style {
        case .nodeSelector:
            spec.nodeSelector = (spec.nodeSelector ?? [:]).merging(nodeLabels) { _, new in new }
        case .requiredAffinity:
            var affinity = spec.affinity ?? Affinity()
            var nodeAffinity = affinity.nodeAffinity ?? NodeAffinity()
            var selector =
                nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? NodeSelector(nodeSelectorTerms: [])
            if selector.nodeSelectorTerms.isEmpty {
                selector.nodeSelectorTerms = [NodeSelectorTerm(matchExpressions: requirements)]
            } else {
                selector.nodeSelectorTerms = selector.nodeSelectorTerms.map { term in
                    var term = term
                    let current = term.matchExpressions ?? []
                    term.matchExpressions = current + requirements.filter { !current.contains($0) }
                    return term
                }
            }
            nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = selector
            affinity.nodeAffinity = nodeAffinity
            spec.affinity = affinity
        case .preferredAffinity(let weight):
            var affinity = spec.affinity ?? Affinity()
            var nodeAffinity = affinity.nodeAffinity ?? NodeAffinity()
            let term = PreferredSchedulingTerm(
                preference: NodeSelectorTerm(matchExpressions: requirements), weight: weight)
            nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution =
                (nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution ?? []) + [term]
            affinity.nodeAffinity = nodeAffinity
            spec.affinity = affinity
        }
    }

    /// Applies the placement to a pod template (creating its spec's placement fields).
    public func apply(to template: inout PodTemplateSpec) {
        guard var spec = template.spec else { return }
        apply(to: &spec)
        template.spec = spec
    }

    /// The workload with the placement applied to its pod template.
    public func applied<W: Workload>(to workload: W) -> W {
        var copy = workload
        guard var template = copy.podTemplate else { return copy }
        apply(to: &template)
        copy.podTemplate = template
        return copy
    }
}

extension Component {
    /// Places every pod template inside on the nodes of `placement`; fails at render time when
    /// there is no pod template inside, unless `allowNoMatch` is set.
    public func scheduled(on placement: PodPlacement, allowNoMatch: Bool = false) -> Group {
        patchPodTemplates(allowNoMatch: allowNoMatch) { placement.apply(to: &$0) }
    }
}
