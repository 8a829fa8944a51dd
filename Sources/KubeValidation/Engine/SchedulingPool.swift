import KubeAWS
import KubeModels

/// A taint a pool puts on all its nodes, as far as scheduling goes (`NoSchedule` or `NoExecute`;
/// `PreferNoSchedule` never keeps a pod off a node).
struct PoolTaint: Sendable, Hashable {
    let key: String
    let value: String?
    let effect: String

    /// `nvidia.com/gpu=present:NoSchedule`.
    var description: String { "\(key)\(value.map { "=\($0)" } ?? ""):\(effect)" }

    /// The toleration a pod needs, as YAML flow: `{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}`.
    var toleration: String { "{key: \(key), operator: Exists, effect: \(effect)}" }

    /// Whether one of the pod's tolerations tolerates this taint (the scheduler's matching:
    /// an empty effect matches every effect, an empty key with `Exists` matches every taint,
    /// `Exists` ignores the value and `Equal`, the default, compares it).
    func isTolerated(by tolerations: [Toleration]) -> Bool {
        tolerations.contains { toleration in
            if let effect = toleration.effect?.rawValue, !effect.isEmpty, effect != self.effect { return false }
            let operation = toleration.operator?.rawValue ?? "Equal"
            let key = toleration.key ?? ""
            if key.isEmpty { return operation == "Exists" }
            guard key == self.key else { return false }
            switch operation {
            case "Exists": return true
            case "Equal": return (toleration.value ?? "") == (value ?? "")
            default: return true  // numeric operators of newer releases: not judged here
            }
        }
    }
}

/// Where the nodes of a cluster come from, as far as the input shows: a Karpenter NodePool or an
/// eksctl node group (managed or self-managed), with the labels its nodes carry, the taints they
/// have, the accelerators they can offer and, for NodePools, the resource limits.
struct SchedulingPool: Sendable {
    enum Source: Sendable, Equatable {
        case nodePool
        case managedNodeGroup
        case nodeGroup
    }

    let source: Source
    let name: String
    /// The document (NodePool or ClusterConfig) that declares the pool, by offset in the input.
    let offset: Int
    /// Domains of the label keys the input says something about.
    let labels: [String: LabelDomain]
    let taints: [PoolTaint]
    /// The instance types the pool is limited to, when known (node groups; NodePools that list
    /// `node.kubernetes.io/instance-type`). `nil` when any type may be used.
    let instanceTypes: [String]?
    /// `spec.limits` of a NodePool (empty for node groups).
    let limits: [String: Quantity]

    /// `NodePool gpu`, `managed node group gpu-a100`.
    var title: String {
        switch source {
        case .nodePool: return "NodePool \(name)"
        case .managedNodeGroup: return "managed node group \(name)"
        case .nodeGroup: return "node group \(name)"
        }
    }

    /// The domain of a label key on this pool's nodes.
    func domain(of key: String) -> LabelDomain {
        if let domain = labels[key] { return domain }
        return Self.derivedDomain(of: key, source: source)
    }

    /// Labels the pool's nodes get without the input naming them: Kubernetes' own keys and, on
    /// Karpenter nodes, the instance-type keys of the AWS provider.
    private static func derivedDomain(of key: String, source: Source) -> LabelDomain {
        let alwaysPresent: Set<String> = [
            "kubernetes.io/arch", "kubernetes.io/os", "kubernetes.io/hostname", "node.kubernetes.io/instance-type",
            "topology.kubernetes.io/zone", "topology.kubernetes.io/region", "topology.k8s.aws/zone-id",
            "beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type",
            "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
        ]
        if alwaysPresent.contains(key) { return .anyValue }
        let domain = key.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        switch source {
        case .nodePool:
            if key == WellKnownLabel.capacityType.rawValue { return .anyValue }
            if WellKnownLabel.allKnown.contains(WellKnownLabel(rawValue: key)) { return .unconstrained }
        case .managedNodeGroup:
            if domain == "eks.amazonaws.com" || domain == "alpha.eksctl.io" { return .unconstrained }
        case .nodeGroup:
            if domain == "alpha.eksctl.io" { return .unconstrained }
        }
        // Node-condition and cloud keys the kubelet or cloud provider may add.
        if domain.hasSuffix("kubernetes.io") || domain.hasSuffix("k8s.io") { return .unconstrained }
        return .absent
    }

    // MARK: Accelerators

    /// Whether the pool's nodes can offer the extended resource, judged by the instance types it
    /// may launch; `true` for resources that are not accelerators KubeKit knows.
    func offers(_ resource: String) -> Bool {
        guard let accepts = Self.acceleratorInstances[resource] else { return true }
        if let instanceTypes { return instanceTypes.contains { accepts(EC2InstanceType(rawValue: $0)) } }
        guard source == .nodePool else { return true }
        let category = domain(of: WellKnownLabel.instanceCategory.rawValue)
        if let allowed = category.allowed,
            !allowed.contains(where: { category.admits($0) && accepts(EC2InstanceType(rawValue: "\($0)99.x")) })
        {
            // A category alone decides for every accelerator but AMD's (g4ad is in category g).
            if resource != "amd.com/gpu" || !allowed.contains("g") { return false }
        }
        let family = domain(of: WellKnownLabel.instanceFamily.rawValue)
        if let allowed = family.allowed,
            !allowed.contains(where: { family.admits($0) && accepts(EC2InstanceType(rawValue: "\($0).x")) })
        {
            return false
        }
        if resource == "nvidia.com/gpu" || resource == "amd.com/gpu" {
            let count = domain(of: WellKnownLabel.instanceGPUCount.rawValue)
            if !count.labelsExistFor(count: 1) { return false }
            let maker = domain(of: WellKnownLabel.instanceGPUManufacturer.rawValue)
            if maker.allowed != nil, !maker.admits(resource == "nvidia.com/gpu" ? "nvidia" : "amd") { return false }
        }
        return true
    }

    /// The names of ``acceleratorInstances``, sorted.
    static let acceleratorNames = acceleratorInstances.keys.sorted()

    /// The accelerator resources KubeKit knows, with the instance types that have them.
    static let acceleratorInstances: [String: @Sendable (EC2InstanceType) -> Bool] = [
        "nvidia.com/gpu": { type in
            guard let category = type.category else { return false }
            return ["g", "gr", "p"].contains(category) && type.family != "g4ad"
        },
        "amd.com/gpu": { type in type.family == "g4ad" },
        "aws.amazon.com/neuron": { type in ["inf", "trn"].contains(type.category ?? "") },
        "aws.amazon.com/neuroncore": { type in ["inf", "trn"].contains(type.category ?? "") },
        "aws.amazon.com/neurondevice": { type in ["inf", "trn"].contains(type.category ?? "") },
    ]

    // MARK: Building

    /// The pool of a Karpenter NodePool.
    init(nodePool: NodePool, offset: Int) {
        source = .nodePool
        name = nodePool.metadata.name ?? ""
        self.offset = offset
        let template = nodePool.spec.template
        var labels: [String: LabelDomain] = [:]
        for (key, value) in template.metadata?.labels ?? [:] { labels[key] = .fixed(value) }
        labels[WellKnownLabel.nodePool.rawValue] = .fixed(name)
        if template.spec.nodeClassRef.kind == "EC2NodeClass" {
            labels[WellKnownLabel.ec2NodeClass.rawValue] = .fixed(template.spec.nodeClassRef.name)
        }
        var types: [String]?
        for requirement in template.spec.requirements {
            let key = requirement.key
            var domain = labels[key] ?? Self.derivedDomain(of: key, source: .nodePool)
            if domain == .absent { domain = .unconstrained }
            domain.narrow(operator: requirement.operator.rawValue, values: requirement.values ?? [])
            labels[key] = domain
            if key == WellKnownLabel.instanceType.rawValue, let allowed = domain.allowed {
                types = allowed.filter { domain.admits($0) }.sorted()
            }
        }
        self.labels = labels
        instanceTypes = types
        taints = (template.spec.taints ?? []).compactMap {
            Self.schedulingTaint(key: $0.key, value: $0.value, effect: $0.effect.rawValue)
        }
        limits = nodePool.spec.limits ?? [:]
    }

    /// The pool of an eksctl node group.
    init(
        nodeGroup name: String, managed: Bool, cluster: String, offset: Int, labels own: [String: String]?,
        taints: [ClusterConfig.NodeGroupTaint]?, instanceTypes declared: [String], spot: Bool, typesUnknown: Bool
    ) {
        source = managed ? .managedNodeGroup : .nodeGroup
        self.name = name
        self.offset = offset
        var labels: [String: LabelDomain] = [:]
        for (key, value) in own ?? [:] { labels[key] = .fixed(value) }
        labels["alpha.eksctl.io/nodegroup-name"] = .fixed(name)
        labels["alpha.eksctl.io/cluster-name"] = .fixed(cluster)
        if managed {
            labels["eks.amazonaws.com/nodegroup"] = .fixed(name)
            labels["eks.amazonaws.com/capacityType"] = .fixed(spot ? "SPOT" : "ON_DEMAND")
        }
        // eksctl launches m5.large when a node group names no instance type.
        let types = declared.isEmpty ? (typesUnknown ? nil : ["m5.large"]) : declared
        if let types { labels[WellKnownLabel.instanceType.rawValue] = .oneOf(Set(types)) }
        self.labels = labels
        instanceTypes = types
        self.taints = (taints ?? []).compactMap {
            Self.schedulingTaint(key: $0.key ?? "", value: $0.value, effect: $0.effect ?? "")
        }
        limits = [:]
    }

    private static func schedulingTaint(key: String, value: String?, effect: String) -> PoolTaint? {
        guard !key.isEmpty, effect == "NoSchedule" || effect == "NoExecute" else { return nil }
        return PoolTaint(key: key, value: value.flatMap { $0.isEmpty ? nil : $0 }, effect: effect)
    }

    /// The pools of an eksctl ClusterConfig: its node groups and managed node groups.
    static func pools(of config: ClusterConfig, offset: Int) -> [SchedulingPool] {
        let cluster = config.metadata.name
        var pools: [SchedulingPool] = []
        for group in config.nodeGroups ?? [] where group.maxSize != 0 {
            var types = group.instanceType.map { [$0] } ?? []
            if types == ["mixed"] { types = [] }
            types += group.instancesDistribution?.instanceTypes ?? []
            pools.append(
                SchedulingPool(
                    nodeGroup: group.name, managed: false, cluster: cluster, offset: offset, labels: group.labels,
                    taints: group.taints, instanceTypes: types, spot: false,
                    typesUnknown: types.isEmpty && group.instanceSelector != nil))
        }
        for group in config.managedNodeGroups ?? [] where group.maxSize != 0 {
            let types = (group.instanceType.map { [$0] } ?? []) + (group.instanceTypes ?? [])
            pools.append(
                SchedulingPool(
                    nodeGroup: group.name, managed: true, cluster: cluster, offset: offset, labels: group.labels,
                    taints: group.taints, instanceTypes: types, spot: group.spot ?? false,
                    typesUnknown: types.isEmpty && (group.instanceSelector != nil || group.launchTemplate != nil)))
        }
        return pools
    }
}

extension LabelDomain {
    /// Whether a node may carry an integer count of at least `count`.
    fileprivate func labelsExistFor(count: Int) -> Bool {
        guard mayBePresent else { return false }
        if allowed == nil && greaterThan == nil && lessThan == nil { return true }
        return admitsInteger(beyond: count - 1, above: true)
    }
}
