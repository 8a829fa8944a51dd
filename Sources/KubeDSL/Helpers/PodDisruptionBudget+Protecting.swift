import KubeModels

extension PodDisruptionBudget {
    /// A budget that selects the workload's pods.
    ///
    /// - Parameters:
    ///   - workload: the workload to protect.
    ///   - limit: the budget; `.minAvailable(1)` keeps one pod through drains.
    ///   - name: the budget's name; the workload's name by default.
    /// - Throws: ``KubeDSLError/invalidArgument(_:)`` when the workload's pods have no labels.
    public static func protecting<W: Workload>(
        _ workload: W, _ limit: DisruptionLimit = .minAvailable(1), name: String? = nil
    ) throws -> PodDisruptionBudget {
        let selector = workload.podSelectorLabels
        guard !selector.isEmpty else {
            throw KubeDSLError.invalidArgument(
                "cannot protect \(W.kind) \"\(workload.name)\": its pods have no labels to select them by")
        }
        var spec = PodDisruptionBudgetSpec(selector: LabelSelector(matchLabels: selector))
        switch limit {
        case .minAvailable(let value): spec.minAvailable = value
        case .maxUnavailable(let value): spec.maxUnavailable = value
        }
        return PodDisruptionBudget(
            name: name ?? workload.name, namespace: workload.namespace, labels: workload.metadata.labels, spec: spec)
    }
}
