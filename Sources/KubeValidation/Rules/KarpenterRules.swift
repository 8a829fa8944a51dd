import KubeAWS
import KubeModels

/// The checks of Karpenter v1.14.1 (aws/karpenter-provider-aws): the CRD schemas and every
/// `x-kubernetes-validations` rule that runs on create, plus the checks Karpenter's controllers make
/// at runtime, and whether a NodePool's node class is in the input.
enum KarpenterRules {
    /// One requirement, whatever kind it came from.
    struct Requirement {
        let key: String
        let op: String
        let values: [String]?
        let minValues: Int64?
    }

    /// One taint, whatever list it came from.
    struct Taint {
        let key: String
        let value: String?
        let effect: String
    }

    // MARK: Patterns of the CRD schemas (matched anywhere, as OpenAPI patterns are)

    static func isDuration(_ text: String, allowsNever: Bool) -> Bool {
        if allowsNever && text == "Never" { return true }
        return text.wholeMatch(of: #/([0-9]+(s|m|h))+/#) != nil
    }

    /// The key pattern of requirements and taints (a qualified name without length limits on its parts).
    static func isKeyPattern(_ text: String) -> Bool {
        text.wholeMatch(
            of:
                #/([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(\/))?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]/#
        ) != nil
    }

    static func isLabelValuePattern(_ text: String) -> Bool {
        text.count <= 63 && text.wholeMatch(of: #/(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?/#) != nil
    }

    static let keyPatternHelp =
        "an optional lowercase DNS prefix and '/', then letters, digits, '-', '_' or '.', starting and ending with a letter or digit"

    // MARK: Dispatch

    static func check(_ object: EcosystemObject, index: EcosystemIndex, in context: ValidationContext) {
        switch object {
        case .nodePool(let pool): context.field("spec") { checkNodePool(pool.spec, index: index, in: context) }
        case .nodeClaim(let claim): context.field("spec") { checkNodeClaim(claim.spec, in: context) }
        case .nodeClass(let nodeClass):
            if let spec = nodeClass.spec { context.field("spec") { checkNodeClass(spec, in: context) } }
        case .nodeOverlay(let overlay): context.field("spec") { checkNodeOverlay(overlay.spec, in: context) }
        default: return
        }
    }

    // MARK: NodePool

    static func checkNodePool(_ spec: NodePool.Spec, index: EcosystemIndex, in context: ValidationContext) {
        if let replicas = spec.replicas {
            if replicas < 0 {
                context.report(
                    .karpenterFieldRange, "replicas is \(replicas); a static NodePool runs 0 or more nodes",
                    at: ["replicas"])
            }
            if let limits = spec.limits, !limits.isEmpty, !(limits.count == 1 && limits["nodes"] != nil) {
                let others = limits.keys.filter { $0 != "nodes" }.sorted().joined(separator: ", ")
                context.report(
                    .karpenterStaticLimits,
                    "a static NodePool (spec.replicas set) supports only limits.nodes, but limits also sets \(others); "
                        + "remove those limits or remove spec.replicas to make the NodePool dynamic",
                    at: ["limits"])
            }
            if spec.weight != nil {
                context.report(
                    .karpenterStaticWeight,
                    "a static NodePool (spec.replicas set) cannot have a weight; remove spec.weight, or remove "
                        + "spec.replicas if the pool should be chosen by weight",
                    at: ["weight"])
            }
        }
        if let weight = spec.weight, !(1...100).contains(weight) {
            context.report(
                .karpenterFieldRange, "weight is \(weight); use 1 to 100 (omit it for the lowest priority)",
                at: ["weight"])
        }
        if let limits = spec.limits {
            for (name, quantity) in limits where !quantity.isValid {
                context.report(
                    .karpenterFieldFormat,
                    "limit \"\(quantity.description)\" is not a quantity; write a number with an optional suffix such as 1000, 1000Gi or 500m",
                    at: ["limits", .key(name)])
            }
        }
        if let disruption = spec.disruption {
            context.field("disruption") { checkDisruption(disruption, in: context) }
        }
        context.field("template") {
            if let labels = spec.template.metadata?.labels {
                context.field("metadata") { context.field("labels") { checkTemplateLabels(labels, in: context) } }
            }
            context.field("spec") { checkTemplateSpec(spec.template.spec, index: index, in: context) }
        }
    }

    static func checkDisruption(_ disruption: NodePool.Spec.Disruption, in context: ValidationContext) {
        if !isDuration(disruption.consolidateAfter, allowsNever: true) {
            context.report(
                .karpenterFieldFormat,
                "consolidateAfter \"\(disruption.consolidateAfter)\" is not a duration; write whole s, m or h units "
                    + "such as 30s, 5m or 1h30m, or Never",
                at: ["consolidateAfter"])
        }
        let policies = ["WhenEmpty", "WhenEmptyOrUnderutilized", "Balanced"]
        if let policy = disruption.consolidationPolicy?.rawValue, !policies.contains(policy) {
            let hint =
                policy == "WhenUnderutilized"
                ? " (WhenUnderutilized was the v1beta1 name; v1 calls it WhenEmptyOrUnderutilized)" : ""
            context.report(
                .karpenterEnum,
                "consolidationPolicy \"\(policy)\" is not supported; use one of \(policies.joined(separator: ", "))\(hint)",
                at: ["consolidationPolicy"])
        }
        guard let budgets = disruption.budgets else { return }
        context.field("budgets") {
            if budgets.count > 50 {
                context.report(
                    .karpenterFieldRange, "\(budgets.count) disruption budgets are listed; at most 50 are allowed")
            }
            for (position, budget) in budgets.enumerated() {
                context.index(position) { checkBudget(budget, in: context) }
            }
        }
    }

    static func checkBudget(_ budget: NodePool.Spec.Disruption.Budget, in context: ValidationContext) {
        // Left out, `nodes` defaults to "10%".
        if let nodes = budget.nodes, nodes.wholeMatch(of: #/((100|[0-9]{1,2})%|[0-9]+)/#) == nil {
            context.report(
                .karpenterFieldFormat,
                "nodes \"\(nodes)\" is neither a node count nor a percentage; write a whole number (5) or 0% to 100% (\"10%\")",
                at: ["nodes"])
        }
        if let duration = budget.duration, duration.wholeMatch(of: #/(([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?/#) == nil {
            context.report(
                .karpenterFieldFormat,
                "duration \"\(duration)\" is not a budget duration; use whole hours and minutes such as 30m, 8h or 1h30m",
                at: ["duration"])
        }
        if let schedule = budget.schedule,
            schedule.firstMatch(
                of: #/^(@(annually|yearly|monthly|weekly|daily|midnight|hourly))|((.+)\s(.+)\s(.+)\s(.+)\s(.+))$/#)
                == nil
        {
            context.report(
                .karpenterFieldFormat,
                "schedule \"\(schedule)\" is not a cron schedule; write five fields (\"0 9 * * mon-fri\") or a macro such as @daily",
                at: ["schedule"])
        }
        if (budget.schedule == nil) != (budget.duration == nil) {
            let missing = budget.schedule == nil ? "schedule" : "duration"
            context.report(
                .karpenterBudgetSchedule,
                "a budget with \(missing == "schedule" ? "duration" : "schedule") also needs \(missing): the schedule says "
                    + "when the budget starts and the duration how long it lasts; set both or neither")
        }
        if let reasons = budget.reasons {
            let known = ["Underutilized", "Empty", "Drifted"]
            for (position, reason) in reasons.enumerated() where !known.contains(reason.rawValue) {
                context.report(
                    .karpenterEnum,
                    "reason \"\(reason.rawValue)\" is not a disruption reason; use one of \(known.joined(separator: ", "))",
                    at: ["reasons", .index(position)])
            }
        }
    }

    static func checkTemplateLabels(_ labels: [String: String], in context: ValidationContext) {
        if labels.count > 100 {
            context.report(
                .karpenterFieldRange, "\(labels.count) labels are set; a NodePool template allows at most 100")
        }
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            for restriction in WellKnownLabel(rawValue: key).restrictions(in: .nodePool) {
                context.report(
                    .karpenterLabelRestricted,
                    "\(restriction): Karpenter sets \"\(key)\" itself (or reserves its domain); remove it from the "
                        + "template labels, or use a label under your own domain such as example.com/\(labelName(key))",
                    at: [.key(key)])
            }
            if !isLabelValuePattern(value) {
                context.report(
                    .karpenterFieldFormat,
                    KubernetesSyntax.labelValueProblem(value) ?? "label value \"\(value)\" is not valid",
                    at: [.key(key)])
            }
            if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
                context.report(
                    .karpenterLabelSyntax,
                    "label key \(problem); Karpenter marks the NodePool not ready until it is fixed", at: [.key(key)])
            }
        }
    }

    static func labelName(_ key: String) -> String {
        guard let slash = key.lastIndex(of: "/") else { return key }
        return String(key[key.index(after: slash)...])
    }

    static func checkTemplateSpec(
        _ spec: NodePool.Spec.Template.Spec, index: EcosystemIndex, in context: ValidationContext
    ) {
        checkDurations(expireAfter: spec.expireAfter, terminationGracePeriod: spec.terminationGracePeriod, in: context)
        let ref = spec.nodeClassRef
        context.field("nodeClassRef") {
            checkNodeClassRef(group: ref.group, kind: ref.kind, name: ref.name, in: context)
            checkNodeClassResolves(group: ref.group, kind: ref.kind, name: ref.name, index: index, in: context)
        }
        checkNodeShape(
            requirements: spec.requirements.map {
                Requirement(key: $0.key, op: $0.operator.rawValue, values: $0.values, minValues: $0.minValues)
            },
            taints: spec.taints?.map { Taint(key: $0.key, value: $0.value, effect: $0.effect.rawValue) },
            startupTaints: spec.startupTaints?.map { Taint(key: $0.key, value: $0.value, effect: $0.effect.rawValue) },
            labelContext: .nodePool, in: context)
    }

    /// The requirements and taints of a NodePool template or a NodeClaim.
    static func checkNodeShape(
        requirements: [Requirement], taints: [Taint]?, startupTaints: [Taint]?, labelContext: KarpenterLabelContext,
        in context: ValidationContext
    ) {
        context.field("requirements") { checkRequirements(requirements, in: labelContext, context: context) }
        checkTaints(taints, startup: startupTaints, in: context)
    }

    static func checkDurations(expireAfter: String?, terminationGracePeriod: String?, in context: ValidationContext) {
        if let expireAfter, !isDuration(expireAfter, allowsNever: true) {
            context.report(
                .karpenterFieldFormat,
                "expireAfter \"\(expireAfter)\" is not a duration; write whole s, m or h units such as 720h, or Never",
                at: ["expireAfter"])
        }
        if let terminationGracePeriod, !isDuration(terminationGracePeriod, allowsNever: false) {
            context.report(
                .karpenterFieldFormat,
                "terminationGracePeriod \"\(terminationGracePeriod)\" is not a duration; write whole s, m or h units such as 48h",
                at: ["terminationGracePeriod"])
        }
    }

    static func checkNodeClassRef(group: String, kind: String, name: String, in context: ValidationContext) {
        for (field, value) in [("group", group), ("kind", kind), ("name", name)] where value.isEmpty {
            let example = ["group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"][field] ?? ""
            context.report(
                .karpenterNodeClassRefEmpty,
                "nodeClassRef.\(field) may not be empty; set it (for example \(field): \(example))", at: [.field(field)]
            )
        }
        if group.contains("/") {
            context.report(
                .karpenterFieldFormat,
                "nodeClassRef.group \"\(group)\" is an API group without version, so it contains no '/'; use karpenter.k8s.aws",
                at: ["group"])
        }
    }

    static func checkNodeClassResolves(
        group: String, kind: String, name: String, index: EcosystemIndex, in context: ValidationContext
    ) {
        guard !group.isEmpty, !kind.isEmpty, !name.isEmpty else { return }
        guard group == "karpenter.k8s.aws", kind == "EC2NodeClass" else {
            context.report(
                .karpenterNodeClassRefMissing,
                "nodeClassRef names \(kind) in group \(group); on AWS Karpenter provisions only from an EC2NodeClass "
                    + "(group karpenter.k8s.aws, kind EC2NodeClass)")
            return
        }
        if !index.nodeClassNames.contains(name) {
            context.report(
                .karpenterNodeClassRefMissing,
                "no EC2NodeClass \"\(name)\" is in the input; add it, or make sure it already exists in the cluster, "
                    + "or the NodePool will not launch nodes",
                at: ["name"])
        }
    }

    // MARK: Requirements

    static func checkRequirements(
        _ requirements: [Requirement], in labelContext: KarpenterLabelContext, context: ValidationContext
    ) {
        if requirements.count > 100 {
            context.report(
                .karpenterFieldRange, "\(requirements.count) requirements are listed; at most 100 are allowed")
        }
        let known = RequirementOperator.knownValues.map(\.rawValue)
        for (position, requirement) in requirements.enumerated() {
            context.index(position) {
                checkRequirement(requirement, known: known, in: labelContext, context: context)
            }
        }
    }

    static func checkRequirement(
        _ requirement: Requirement, known: [String], in labelContext: KarpenterLabelContext, context: ValidationContext
    ) {
        let key = requirement.key
        if key.utf8.count > 316 || !isKeyPattern(key) {
            context.report(
                .karpenterFieldFormat, "requirement key \"\(key)\" is not a label key: \(keyPatternHelp)", at: ["key"])
        } else if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
            context.report(
                .karpenterLabelSyntax, "requirement key \(problem); Karpenter marks the NodePool not ready", at: ["key"]
            )
        }
        for restriction in WellKnownLabel(rawValue: key).restrictions(in: labelContext) {
            var message = "\(restriction): \"\(key)\" cannot be a requirement key"
            if key == WellKnownLabel.instancePods.rawValue {
                message +=
                    "; karpenter.k8s.aws/instance-pods is a node label pods may select on, but Karpenter's admission "
                    + "rules do not allow it in requirements; constrain instance-cpu, instance-memory or instance types instead"
            } else if key == "kubernetes.io/hostname" {
                message += "; Karpenter picks node names itself, so spread pods with topologySpreadConstraints instead"
            } else {
                message += "; use one of the well-known Karpenter labels or a label under your own domain"
            }
            context.report(.karpenterRequirementKeyRestricted, message, at: ["key"])
        }
        let op = requirement.op
        guard known.contains(op) else {
            context.report(
                .karpenterEnum, "operator \"\(op)\" is not supported; use one of \(known.joined(separator: ", "))",
                at: ["operator"])
            return
        }
        let values = requirement.values ?? []
        let needsValues = op == "In" || (labelContext == .nodeOverlay && op == "NotIn")
        if needsValues && values.isEmpty {
            context.report(
                .karpenterRequirementValues,
                "requirements with operator '\(op)' must list at least one value in values (use Exists to accept any value)",
                at: ["values"])
        }
        if ["Gt", "Lt", "Gte", "Lte"].contains(op) {
            if values.count != 1 || (Int64(values[0]).map { $0 < 0 } ?? true) {
                context.report(
                    .karpenterRequirementValues,
                    "operator '\(op)' needs exactly one value that is a non-negative integer, such as values: [\"4\"]; "
                        + "got \(values.count) value(s)",
                    at: ["values"])
            }
        }
        if let minValues = requirement.minValues {
            if !(1...50).contains(minValues) {
                context.report(
                    .karpenterRequirementMinValues, "minValues is \(minValues); use 1 to 50", at: ["minValues"])
            } else if op == "In" && Int64(values.count) < minValues {
                context.report(
                    .karpenterRequirementMinValues,
                    "minValues is \(minValues) but only \(values.count) value(s) are listed; list at least \(minValues) "
                        + "values or lower minValues",
                    at: ["minValues"])
            }
        }
        for (position, value) in values.enumerated() {
            if let problem = KubernetesSyntax.labelValueProblem(value) {
                context.report(
                    .karpenterLabelSyntax,
                    "\(problem); Karpenter checks every requirement value and marks the NodePool not ready otherwise",
                    at: ["values", .index(position)])
            }
        }
    }

    // MARK: Taints

    static func checkTaints(_ taints: [Taint]?, startup: [Taint]?, in context: ValidationContext) {
        var seen: [String: String] = [:]
        for (field, list) in [("taints", taints ?? []), ("startupTaints", startup ?? [])] {
            for (position, taint) in list.enumerated() {
                context.field(field) {
                    context.index(position) {
                        checkTaint(taint, seen: &seen, location: "\(field)[\(position)]", in: context)
                    }
                }
            }
        }
    }

    static func checkTaint(
        _ taint: Taint, seen: inout [String: String], location: String, in context: ValidationContext
    ) {
        if taint.key.isEmpty || !isKeyPattern(taint.key) {
            context.report(
                .karpenterFieldFormat, "taint key \"\(taint.key)\" is not a valid key: \(keyPatternHelp)", at: ["key"])
        } else if let problem = KubernetesSyntax.qualifiedNameProblem(taint.key) {
            context.report(.karpenterTaintDuplicate, "taint key \(problem)", at: ["key"])
        }
        if let value = taint.value, !isKeyPattern(value) {
            context.report(
                .karpenterFieldFormat,
                "taint value \"\(value)\" does not match the taint value pattern (\(keyPatternHelp)); omit value for an empty one",
                at: ["value"])
        }
        let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
        if !effects.contains(taint.effect) {
            context.report(
                .karpenterEnum,
                "taint effect \"\(taint.effect)\" is not supported; use one of \(effects.joined(separator: ", "))"
                    + APIRules.enumHint(taint.effect, known: effects),
                at: ["effect"])
        }
        let identity = "\(taint.key):\(taint.effect)"
        if let first = seen[identity] {
            context.report(
                .karpenterTaintDuplicate,
                "taint \(identity) is already set at \(first); each key and effect may appear once across taints and "
                    + "startupTaints, so remove one")
        } else {
            seen[identity] = location
        }
    }

    // MARK: NodeClaim

    static func checkNodeClaim(_ spec: NodeClaim.Spec, in context: ValidationContext) {
        checkDurations(expireAfter: spec.expireAfter, terminationGracePeriod: spec.terminationGracePeriod, in: context)
        context.field("nodeClassRef") {
            checkNodeClassRef(
                group: spec.nodeClassRef.group, kind: spec.nodeClassRef.kind, name: spec.nodeClassRef.name, in: context)
        }
        checkNodeShape(
            requirements: spec.requirements.map {
                Requirement(key: $0.key, op: $0.operator.rawValue, values: $0.values, minValues: $0.minValues)
            },
            taints: spec.taints?.map { Taint(key: $0.key, value: $0.value, effect: $0.effect.rawValue) },
            startupTaints: spec.startupTaints?.map { Taint(key: $0.key, value: $0.value, effect: $0.effect.rawValue) },
            labelContext: .nodeClaim, in: context)
    }

    // MARK: NodeOverlay

    static func checkNodeOverlay(_ spec: NodeOverlay.Spec, in context: ValidationContext) {
        if spec.price != nil && spec.priceAdjustment != nil {
            context.report(
                .karpenterNodeOverlay,
                "price and priceAdjustment cannot both be set; keep price for a fixed price or priceAdjustment to change the listed one"
            )
        }
        if let price = spec.price, price.wholeMatch(of: #/\d+(\.\d+)?/#) == nil {
            context.report(
                .karpenterFieldFormat, "price \"\(price)\" is not a decimal number such as 0.25", at: ["price"])
        }
        if let adjustment = spec.priceAdjustment,
            adjustment.wholeMatch(of: #/([+-](\d*\.?\d+))|(\+\d*\.?\d+%)|(-\d{1,2}(\.\d+)?%)|(-100%)/#) == nil
        {
            context.report(
                .karpenterFieldFormat,
                "priceAdjustment \"\(adjustment)\" must be a signed amount (+0.5, -0.1) or percentage (+10%, -25%, at most -100%)",
                at: ["priceAdjustment"])
        }
        if let capacity = spec.capacity {
            for name in capacity.keys.sorted() where ["cpu", "memory", "ephemeral-storage", "pods"].contains(name) {
                context.report(
                    .karpenterNodeOverlay,
                    "capacity cannot override \(name); a NodeOverlay may only add extended resources such as example.com/device",
                    at: ["capacity", .key(name)])
            }
        }
        if let weight = spec.weight, !(1...10000).contains(weight) {
            context.report(.karpenterFieldRange, "weight is \(weight); use 1 to 10000", at: ["weight"])
        }
        context.field("requirements") {
            checkRequirements(
                spec.requirements.map {
                    Requirement(key: $0.key, op: $0.operator.rawValue, values: $0.values, minValues: nil)
                }, in: .nodeOverlay, context: context)
        }
    }
}
