import Dispatch
import KubeAWS
import KubeModels

/// What keeps a pod off one pool.
enum PoolProblem: Sendable, Equatable {
    /// A node selector or required affinity the pool's labels cannot satisfy: what the pod asks
    /// for, and what the pool's nodes carry.
    case label(wanted: String, offered: String, affinity: Bool)
    /// An accelerator the pool's instance types do not have.
    case resource(String)
    /// A taint the pod does not tolerate.
    case taint(PoolTaint)

    func describe(for pool: SchedulingPool) -> String {
        switch self {
        case .label(let wanted, let offered, _):
            return "\(pool.title): \(wanted), but its nodes have \(offered)"
        case .resource(let resource):
            return "\(pool.title): its instance types have no \(resource)"
        case .taint(let taint):
            return "\(pool.title): taint \(taint.description) not tolerated"
        }
    }
}

/// A scheduling finding about one pod template, worked out while the index is built.
struct SchedulingFinding: Sendable {
    let rule: Rule
    let path: [PathComponent]
    let message: String
}

/// A NodePool limit compared with the pods only that pool can run.
struct PoolLimitFinding: Sendable {
    let rule: Rule
    let key: String
    let message: String
}

/// Where the pods of the input can run: the node pools the input declares (Karpenter NodePools,
/// eksctl node groups), each pod template checked against them, and the pods each NodePool alone
/// must hold at maximum scale, summed against its `limits`.
///
/// The checks only run when the input shows the cluster's capacity: at least one pool, no EKS
/// Auto Mode (whose built-in pools are not in the input), and not an eksctl config that installs
/// Karpenter while no NodePool is in the input. Pods with `nodeName`, another scheduler, or that
/// a Fargate profile selects are not checked; neither are pods whose object or namespace declares
/// `nodepool/…` in `kubekit.io/external-references`.
struct SchedulingIndex: Sendable {
    private(set) var pools: [SchedulingPool] = []
    /// Whether the input shows enough of the cluster's capacity to judge placement.
    private(set) var isActive = false
    /// Findings about pod templates, by document offset.
    private(set) var findings: [Int: SchedulingFinding] = [:]
    /// Findings about NodePool limits, by the NodePool's document offset.
    private(set) var limitFindings: [Int: [PoolLimitFinding]] = [:]
    private var fargate: [ClusterConfig.FargateProfileSelector] = []

    /// A workload to place, collected while the cross-resource index is built.
    struct Candidate {
        let offset: Int
        let namespace: String
        let site: PodTemplateSite
        let entry: WorkloadEntry
        let externals: CrossResourceRules.Externals
    }

    init() {}

    init(ecosystem: EcosystemIndex) {
        var hasNodePool = false
        var karpenterElsewhere = false
        var autoMode = false
        for (offset, object) in ecosystem.objects.sorted(by: { $0.key < $1.key }) {
            switch object {
            case .nodePool(let pool):
                hasNodePool = true
                pools.append(SchedulingPool(nodePool: pool, offset: offset))
            case .clusterConfig(let config):
                pools += SchedulingPool.pools(of: config, offset: offset)
                if config.karpenter != nil { karpenterElsewhere = true }
                if config.autoModeConfig?.enabled == true { autoMode = true }
                for profile in config.fargateProfiles ?? [] { fargate += profile.selectors ?? [] }
            default:
                continue
            }
        }
        isActive = !pools.isEmpty && !autoMode && !(karpenterElsewhere && !hasNodePool)
    }

    /// What placing one candidate gave.
    private enum Placement {
        case skipped
        case unschedulable(offset: Int, SchedulingFinding)
        /// Only one pool can run it: the pool and the workload's share at maximum scale.
        case single(pool: Int, share: NamespaceDemand.Share)
        /// Several pools can run it.
        case flexible([Int])
    }

    /// Places every candidate and sums the NodePool demand. Candidates are placed in parallel
    /// chunks (each placement only reads the pools); the sums are then made in input order.
    mutating func evaluate(_ candidates: [Candidate]) {
        guard isActive else { return }
        let snapshot = self
        var placements = [Placement](repeating: .skipped, count: candidates.count)
        let chunk = 512
        let chunks = (candidates.count + chunk - 1) / chunk
        placements.withUnsafeMutableBufferPointer { buffer in
            let slots = PlacementSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                for position in (index * chunk)..<min(candidates.count, (index + 1) * chunk) {
                    slots.store(snapshot.place(candidates[position]), at: position)
                }
            }
        }
        var demand = [PoolDemand](repeating: PoolDemand(), count: pools.count)
        for placement in placements {
            switch placement {
            case .skipped: continue
            case .unschedulable(let offset, let finding): findings[offset] = finding
            case .single(let pool, let share): demand[pool].add(share)
            case .flexible(let feasible): for position in feasible { demand[position].flexible += 1 }
            }
        }
        for (position, pool) in pools.enumerated() where pool.source == .nodePool && !pool.limits.isEmpty {
            let findings = Self.limitFindings(pool, demand: demand[position])
            if !findings.isEmpty { limitFindings[pool.offset] = findings }
        }
    }

    /// One placement slot per candidate, each written by exactly one worker.
    private struct PlacementSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Placement>

        func store(_ placement: Placement, at position: Int) {
            buffer[position] = placement
        }
    }

    private func place(_ candidate: Candidate) -> Placement {
        let spec = candidate.site.spec
        if !(spec.nodeName ?? "").isEmpty { return .skipped }
        if let scheduler = spec.schedulerName, !scheduler.isEmpty, scheduler != "default-scheduler" { return .skipped }
        if candidate.externals.mentions(.nodePool) { return .skipped }
        if runsOnFargate(namespace: candidate.namespace, labels: candidate.site.metadata.labels ?? [:]) {
            return .skipped
        }
        let placement = PodPlacement(spec: spec)
        var feasible: [Int] = []
        var problems: [(pool: Int, problem: PoolProblem)] = []
        for (position, pool) in pools.enumerated() {
            if let problem = placement.problem(on: pool) {
                problems.append((position, problem))
            } else {
                feasible.append(position)
            }
        }
        if feasible.isEmpty {
            return .unschedulable(
                offset: candidate.offset, finding(placement, site: candidate.site, problems: problems))
        }
        guard let count = candidate.entry.maximumPods, count > 0 else { return .skipped }
        guard feasible.count == 1 else { return .flexible(feasible) }
        let pool = pools[feasible[0]]
        guard pool.source == .nodePool, !pool.limits.isEmpty else { return .skipped }
        return .single(pool: feasible[0], share: PoolDemand.share(of: candidate.entry, pods: count))
    }

    private func runsOnFargate(namespace: String, labels: [String: String]) -> Bool {
        fargate.contains { selector in
            guard Self.glob(selector.namespace, matches: namespace) else { return false }
            return (selector.labels ?? [:]).allSatisfy { key, pattern in
                labels[key].map { Self.glob(pattern, matches: $0) } ?? false
            }
        }
    }

    /// Fargate selector patterns: `*` any run of characters, `?` one character.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern)
        let text = Array(text)
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    // MARK: Findings

    private func finding(
        _ placement: PodPlacement, site: PodTemplateSite, problems: [(pool: Int, problem: PoolProblem)]
    ) -> SchedulingFinding {
        let base = site.specPath
        // Pools the pod would fit but for a taint, when it asks for an accelerator.
        let tainted = problems.filter { if case .taint = $0.problem { return true } else { return false } }
        if let accelerator = placement.accelerators.first, !tainted.isEmpty {
            var taints: [PoolTaint] = []
            for (_, problem) in tainted {
                if case .taint(let taint) = problem, !taints.contains(taint) { taints.append(taint) }
            }
            let titles = tainted.map { pools[$0.pool].title }
            let fixes = taints.prefix(3).map(\.toleration).joined(separator: " or ")
            let taintText = taints.map(\.description).joined(separator: ", ")
            return SchedulingFinding(
                rule: .crossGPUToleration,
                path: base + (site.spec.tolerations == nil ? [] : ["tolerations"]),
                message: "the pod requests \(accelerator.resource): \(accelerator.amount), and the pools whose nodes "
                    + "have it (\(Self.listed(titles))) are tainted \(taintText), which the pod does not tolerate, "
                    + "so it stays Pending; add the toleration \(fixes)")
        }
        let reasons = problems.map { $0.problem.describe(for: pools[$0.pool]) }
        var path = base
        if problems.allSatisfy({ if case .taint = $0.problem { return true } else { return false } }) {
            if site.spec.tolerations != nil { path = base + ["tolerations"] }
        } else if problems.allSatisfy({ if case .label(_, _, false) = $0.problem { return true } else { return false } }) {
            path = base + ["nodeSelector"]
        } else if problems.allSatisfy({ if case .label(_, _, true) = $0.problem { return true } else { return false } }) {
            path = base + ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]
        }
        let shown = reasons.prefix(5).joined(separator: "; ")
        let more = reasons.count > 5 ? "; and \(reasons.count - 5) more" : ""
        return SchedulingFinding(
            rule: .crossPodUnschedulable, path: path,
            message: "no node pool in the input can run this pod, so it stays Pending (\(shown)\(more)); change the "
                + "nodeSelector, affinity or tolerations, or the pool's labels and taints; if pools outside the input "
                + "can run it, declare them with \(ValidationConfiguration.externalReferencesAnnotation): "
                + "\"nodepool/*\"")
    }

    static func listed(_ titles: [String]) -> String {
        titles.prefix(4).joined(separator: ", ") + (titles.count > 4 ? ", …" : "")
    }

    /// The pods each NodePool alone can run, summed at maximum scale.
    struct PoolDemand {
        var totals: [String: Quantity] = [:]
        var pods = 0
        var shares: [NamespaceDemand.Share] = []
        /// Workloads that fit this pool and others (not counted).
        var flexible = 0

        /// A workload's requests at maximum scale, by resource (and `pods`).
        static func share(of entry: WorkloadEntry, pods count: Int) -> NamespaceDemand.Share {
            let perPod = PodDemand(spec: entry.spec, includesLimits: false)
            var amounts: [String: Quantity] = [:]
            for (key, amount) in perPod.amounts where key.hasPrefix("requests.") && !amount.isZero {
                amounts[String(key.dropFirst("requests.".count))] = amount * count
            }
            amounts["pods"] = Quantity(count)
            return NamespaceDemand.Share(title: entry.title, pods: count, amounts: amounts)
        }

        mutating func add(_ share: NamespaceDemand.Share) {
            for (resource, total) in share.amounts {
                totals[resource] = (totals[resource] ?? Quantity(0)) + total
            }
            pods += share.pods
            shares.append(share)
        }
    }

    private static func limitFindings(_ pool: SchedulingPool, demand: PoolDemand) -> [PoolLimitFinding] {
        guard demand.pods > 0 else { return [] }
        var result: [PoolLimitFinding] = []
        for (key, limit) in pool.limits.sorted(by: { $0.key < $1.key }) where limit.isValid {
            guard key == "cpu" || key == "memory" || key == "pods" || SchedulingPool.acceleratorInstances[key] != nil
            else { continue }
            let used = demand.totals[key] ?? Quantity(0)
            let unit = LimitUnit(key)
            var notes: [String] = []
            if demand.flexible > 0 {
                notes.append("\(demand.flexible) workload(s) that other pools can also run are not counted")
            }
            notes.append("nodes also hold DaemonSet pods and kubelet reservations, so the real room is smaller")
            let suffix = "; " + notes.joined(separator: "; ")
            let workloads = demand.shares.count == 1 ? "1 workload" : "\(demand.shares.count) workloads"
            if used > limit {
                let largest = demand.shares.filter { $0.amounts[key] != nil }
                    .sorted { ($0.amounts[key] ?? Quantity(0)) > ($1.amounts[key] ?? Quantity(0)) }
                    .prefix(3).map { "\($0.title) (\(unit.format($0.amounts[key] ?? Quantity(0))))" }
                result.append(
                    PoolLimitFinding(
                        rule: .crossNodePoolLimitExceeded, key: key,
                        message: "at maximum scale the pods only this NodePool can run (\(workloads)) need "
                            + "\(unit.format(used)) but spec.limits.\(key) is \(unit.format(limit)) "
                            + "(\(unit.format(used - limit)) over; largest: \(largest.joined(separator: ", "))); "
                            + "Karpenter launches no node past the limit, so the rest stay Pending; raise the limit, "
                            + "lower maxReplicas or the requests, or let another pool run some of them\(suffix)"))
            } else {
                let left = limit - used
                let percent = limit.value > 0 ? Int((left.value / limit.value * 100).rounded(.down)) : 0
                result.append(
                    PoolLimitFinding(
                        rule: .crossNodePoolHeadroom, key: key,
                        message: "at maximum scale the pods only this NodePool can run (\(workloads)) need "
                            + "\(unit.format(used)) of spec.limits.\(key) \(unit.format(limit)) (\(percent)% "
                            + "headroom, \(unit.format(left)) left)\(suffix)"))
            }
        }
        return result
    }

    /// How a NodePool limit's amounts are written in messages.
    struct LimitUnit {
        let key: String

        init(_ key: String) { self.key = key }

        func format(_ quantity: Quantity) -> String {
            switch key {
            case "cpu": return CrossResourceRules.Unit("requests.cpu").format(quantity)
            case "memory": return CrossResourceRules.Unit("requests.memory").format(quantity)
            case "pods": return CrossResourceRules.Unit("pods").format(quantity)
            default: return "\(CrossResourceRules.Unit.decimal(quantity.value, places: 3)) \(key)"
            }
        }
    }
}

/// A pod template's placement constraints: node selector, required node affinity, tolerations
/// and the accelerators it requests.
struct PodPlacement {
    let nodeSelector: [(key: String, value: String)]
    /// The required node-affinity terms (any one must hold), or `nil` when there are none.
    let terms: [NodeSelectorTerm]?
    let tolerations: [Toleration]
    /// Accelerator resources the pod requests, with the per-pod amount.
    let accelerators: [(resource: String, amount: String)]

    init(spec: PodSpec) {
        nodeSelector = (spec.nodeSelector ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
        tolerations = spec.tolerations ?? []
        var accelerators: [(String, String)] = []
        func collect(_ container: Container) {
            guard let resources = container.resources, resources.limits != nil || resources.requests != nil else {
                return
            }
            for resource in SchedulingPool.acceleratorNames where !accelerators.contains(where: { $0.0 == resource }) {
                guard let amount = resources.limits?[resource] ?? resources.requests?[resource], !amount.isZero
                else { continue }
                accelerators.append((resource, amount.description))
            }
        }
        for container in spec.initContainers ?? [] { collect(container) }
        for container in spec.containers { collect(container) }
        self.accelerators = accelerators
    }

    /// Why the pod cannot run on the pool, or `nil` when it can.
    func problem(on pool: SchedulingPool) -> PoolProblem? {
        for (key, value) in nodeSelector {
            let domain = pool.domain(of: key)
            if !domain.admits(value) {
                return .label(wanted: "nodeSelector \(key)=\(value)", offered: domain.describe(key: key), affinity: false)
            }
        }
        if let terms, !terms.isEmpty {
            var firstFailure: (String, String)?
            let holds = terms.contains { term in
                let expressions = term.matchExpressions ?? []
                // A term with neither expressions nor fields selects no node.
                if expressions.isEmpty && (term.matchFields ?? []).isEmpty { return false }
                for requirement in expressions {
                    let domain = pool.domain(of: requirement.key)
                    if !domain.satisfies(operator: requirement.operator.rawValue, values: requirement.values ?? []) {
                        if firstFailure == nil {
                            let values = (requirement.values ?? []).joined(separator: ", ")
                            firstFailure = (
                                "required node affinity \(requirement.key) \(requirement.operator.rawValue)"
                                    + (values.isEmpty ? "" : " [\(values)]"),
                                domain.describe(key: requirement.key)
                            )
                        }
                        return false
                    }
                }
                return true
            }
            if !holds {
                let (wanted, offered) = firstFailure ?? ("required node affinity (no term selects a node)", "no match")
                return .label(wanted: wanted, offered: offered, affinity: true)
            }
        }
        for (resource, _) in accelerators where !pool.offers(resource) {
            return .resource(resource)
        }
        for taint in pool.taints where !taint.isTolerated(by: tolerations) {
            return .taint(taint)
        }
        return nil
    }
}
