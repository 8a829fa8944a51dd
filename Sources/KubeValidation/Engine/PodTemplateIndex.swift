import KubeModels

/// A workload of the input as the cross-resource rules see it: its pod template, its labels and
/// the number of pods it runs at its lowest and highest scale.
struct WorkloadEntry {
    /// The kind (`Deployment`, `CronJob`, `ReplicationController` ...).
    let kind: String
    let name: String
    /// The pod template's labels.
    let labels: [String: String]
    let spec: PodSpec
    /// Pods at the lowest scale: the HPA's minReplicas when one scales the workload, else its
    /// replicas (Jobs: parallelism); `nil` when unknown (DaemonSets run one pod per node).
    let minimumPods: Int?
    /// Pods at the highest scale: the HPA's maxReplicas when one scales the workload, else its
    /// replicas (Jobs: parallelism); `nil` for DaemonSets.
    let maximumPods: Int?

    /// `Deployment web`.
    var title: String { "\(kind) \(name)" }
}

/// The pod templates of one namespace, indexed by label pair, so that finding the templates a
/// selector matches inspects only the templates that carry one of the selector's pairs (the
/// rarest one), not every template of the namespace.
struct PodTemplateIndex {
    private(set) var workloads: [WorkloadEntry] = []
    private var byPair: [LabelPair: [Int]] = [:]

    mutating func insert(_ workload: WorkloadEntry) {
        let slot = workloads.count
        workloads.append(workload)
        for (key, value) in workload.labels {
            byPair[LabelPair(key: key, value: value), default: []].append(slot)
        }
    }

    /// The slots of the templates worth testing against `selector`: those filed under its rarest
    /// `matchLabels` pair; else those filed under the values of an `In` expression; `nil` (every
    /// template) for a selector with neither.
    private func candidates(_ selector: LabelSelector) -> [Int]? {
        if let matchLabels = selector.matchLabels, !matchLabels.isEmpty {
            var best: [Int]?
            for (key, value) in matchLabels {
                guard let slots = byPair[LabelPair(key: key, value: value)] else { return [] }
                if best == nil || slots.count < (best?.count ?? 0) { best = slots }
            }
            return best ?? []
        }
        guard let requirement = selector.matchExpressions?.first(where: { $0.operator == .in }) else { return nil }
        var slots: Set<Int> = []
        for value in requirement.values ?? [] {
            slots.formUnion(byPair[LabelPair(key: requirement.key, value: value)] ?? [])
        }
        return slots.sorted()
    }

    /// Whether some template matches `selector`.
    func anyMatches(_ selector: LabelSelector) -> Bool {
        if let slots = candidates(selector) {
            return slots.contains { selector.matches(workloads[$0].labels) }
        }
        return workloads.contains { selector.matches($0.labels) }
    }

    /// The workloads whose templates match `selector`, in input order.
    func matching(_ selector: LabelSelector) -> [WorkloadEntry] {
        if let slots = candidates(selector) {
            return slots.compactMap { selector.matches(workloads[$0].labels) ? workloads[$0] : nil }
        }
        return workloads.filter { selector.matches($0.labels) }
    }
}
