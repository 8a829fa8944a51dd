import KubeModels

extension CrossResourceRules {
    /// A PodDisruptionBudget: it selects pods, allows at least one eviction, and is the only
    /// budget of the pods it selects.
    static func checkBudget(
        _ budget: PodDisruptionBudget, namespace: String, index: CrossResourceIndex, in context: ValidationContext
    ) {
        let spec = budget.spec
        if let maxUnavailable = spec?.maxUnavailable, maxUnavailable.intValue == 0 || maxUnavailable.percentage == 0 {
            context.withPath(["spec", "maxUnavailable"]) {
                context.report(
                    .crossPDBBlocksEviction,
                    "maxUnavailable: \(maxUnavailable) never allows an eviction, so node drains and cluster upgrades "
                        + "stall on these pods; allow at least 1 (or a percentage above 0%)")
            }
        }
        if let minAvailable = spec?.minAvailable, minAvailable.percentage == 100 {
            context.withPath(["spec", "minAvailable"]) {
                context.report(
                    .crossPDBBlocksEviction,
                    "minAvailable: 100% never allows an eviction, so node drains and cluster upgrades stall on these "
                        + "pods; use maxUnavailable: 1 or a lower percentage")
            }
        }
        guard let templates = index.podTemplates[namespace], !templates.workloads.isEmpty,
            !usesRuntimeLabels(spec?.selector)
        else { return }
        guard let selector = spec?.selector else {
            context.withPath(["spec"]) {
                context.report(
                    .crossSelectorMatchesNothing,
                    "this PodDisruptionBudget has no selector, and a budget without one selects no pods, so it "
                        + "protects nothing; add spec.selector matching the workload's spec.template.metadata.labels")
            }
            return
        }
        let matched = templates.matching(selector)
        guard !matched.isEmpty else {
            reportSelectsNothing(
                kind: "PodDisruptionBudget", selector: describe(selector), path: ["spec", "selector"],
                namespace: namespace, workloads: templates.workloads, in: context)
            return
        }
        checkMinimum(spec?.minAvailable, matched: matched, in: context)
        checkOverlap(budget, selector: selector, matched: matched, namespace: namespace, index: index, in: context)
    }

    /// minAvailable as a number at least the pods at the lowest scale.
    private static func checkMinimum(
        _ minAvailable: IntOrString?, matched: [WorkloadEntry], in context: ValidationContext
    ) {
        guard let required = minAvailable?.intValue, required > 0 else { return }
        var lowest = 0
        for workload in matched {
            guard let pods = workload.minimumPods else { return }
            lowest += pods
        }
        guard required >= lowest else { return }
        let detail = matched.prefix(3).map { "\($0.title): \($0.minimumPods ?? 0)" }.joined(separator: ", ")
        context.withPath(["spec", "minAvailable"]) {
            context.report(
                .crossPDBBlocksEviction,
                "minAvailable: \(required) but the selected pods number \(lowest) at the lowest scale (\(detail), "
                    + "counting an HPA's minReplicas), so no pod can ever be evicted and node drains stall; set "
                    + "minAvailable below \(lowest) or use maxUnavailable: 1")
        }
    }

    /// Other budgets that select pods this one selects.
    private static func checkOverlap(
        _ budget: PodDisruptionBudget, selector: LabelSelector, matched: [WorkloadEntry], namespace: String,
        index: CrossResourceIndex, in context: ValidationContext
    ) {
        guard let budgets = index.budgets[namespace], let names = index.budgetNames[namespace] else { return }
        var shared: [String: [String]] = [:]
        for workload in matched {
            for slot in budgets.matchingOwners(workload.labels) where slot < names.count && names[slot] != budget.name {
                shared[names[slot], default: []].append(workload.title)
            }
        }
        for (other, workloads) in shared.sorted(by: { $0.key < $1.key }) {
            let listed = workloads.prefix(3).joined(separator: ", ") + (workloads.count > 3 ? ", …" : "")
            context.withPath(["spec", "selector"]) {
                context.report(
                    .crossPDBOverlap,
                    "PodDisruptionBudget \"\(other)\" also selects the pods of \(listed); the eviction API refuses to "
                        + "evict a pod that more than one budget selects, so node drains fail on them; merge the two "
                        + "budgets or make their selectors disjoint")
            }
        }
    }
}
