import KubeModels

extension APIRules {
    // MARK: HorizontalPodAutoscaler

    /// `ValidateHorizontalPodAutoscaler` (autoscaling/v2).
    static func checkAutoscaler(_ autoscaler: HorizontalPodAutoscaler, in context: ValidationContext) {
        let spec = autoscaler.spec
        context.field("spec") {
            if let minimum = spec.minReplicas, minimum < 1 {
                context.report(
                    .hpaReplicas,
                    "minReplicas is \(minimum); it must be at least 1 (scaling to zero is an alpha feature)",
                    at: ["minReplicas"])
            }
            if spec.maxReplicas < 1 {
                context.report(
                    .hpaReplicas, "maxReplicas is \(spec.maxReplicas); it must be at least 1", at: ["maxReplicas"])
            }
            if let minimum = spec.minReplicas, spec.maxReplicas < minimum {
                context.report(
                    .hpaReplicas,
                    "maxReplicas (\(spec.maxReplicas)) is below minReplicas (\(minimum)); raise maxReplicas to at least \(minimum)",
                    at: ["maxReplicas"])
            }
            context.field("scaleTargetRef") {
                checkObjectReference(
                    kind: spec.scaleTargetRef.kind, name: spec.scaleTargetRef.name, rule: .hpaTargetReference,
                    in: context)
            }
            if let metrics = spec.metrics {
                context.field("metrics") {
                    for (position, metric) in metrics.enumerated() {
                        context.index(position) { checkMetric(metric, in: context) }
                    }
                }
            }
            if let behavior = spec.behavior {
                context.field("behavior") {
                    for (field, rules) in [("scaleUp", behavior.scaleUp), ("scaleDown", behavior.scaleDown)] {
                        guard let rules else { continue }
                        context.field(field) { checkScalingRules(rules, in: context) }
                    }
                }
            }
        }
    }

    /// `ValidateCrossVersionObjectReference`: a kind and a name that are API path segments.
    static func checkObjectReference(kind: String, name: String, rule: Rule, in context: ValidationContext) {
        if kind.isEmpty {
            context.report(rule, "kind is required, such as Deployment", at: ["kind"])
        } else if let problem = KubernetesSyntax.pathSegmentNameProblem(kind) {
            context.report(rule, "kind \(problem)", at: ["kind"])
        }
        if name.isEmpty {
            context.report(rule, "name is required: the object to scale", at: ["name"])
        } else if let problem = KubernetesSyntax.pathSegmentNameProblem(name) {
            context.report(rule, "name \(problem)", at: ["name"])
        }
    }

    /// `validateMetricSpec` and the source validators.
    static func checkMetric(_ metric: MetricSpec, in context: ValidationContext) {
        let type = metric.type.rawValue
        var present: [String] = []
        if metric.object != nil { present.append("object") }
        if metric.external != nil { present.append("external") }
        if metric.pods != nil { present.append("pods") }
        if metric.resource != nil { present.append("resource") }
        if metric.containerResource != nil { present.append("containerResource") }
        let expected: String?
        switch type {
        case "Object": expected = "object"
        case "Pods": expected = "pods"
        case "Resource": expected = "resource"
        case "External": expected = "external"
        case "ContainerResource": expected = "containerResource"
        default:
            expected = nil
            context.report(
                .hpaMetric,
                "metric type \"\(type)\" is not supported; use Resource, ContainerResource, Pods, Object or External"
                    + enumHint(type, known: ["Resource", "ContainerResource", "Pods", "Object", "External"]),
                at: ["type"])
        }
        if let expected, !present.contains(expected) {
            context.report(
                .hpaMetric, "a metric of type \(type) must fill in \(expected); it is missing", at: [.field(expected)])
        }
        if present.count > 1 || (present.count == 1 && expected != nil && present[0] != expected) {
            for field in present where field != expected {
                context.report(
                    .hpaMetric,
                    "a metric of type \(type) must populate \(expected ?? "its source") only; remove \(field)",
                    at: [.field(field)])
            }
        }
        if let source = metric.resource {
            context.field("resource") {
                if source.name.isEmpty {
                    context.report(.hpaMetric, "resource metrics need a resource name, such as cpu", at: ["name"])
                }
                checkUtilizationTarget(source.target, in: context)
            }
        }
        if let source = metric.containerResource {
            context.field("containerResource") {
                if source.name.isEmpty {
                    context.report(
                        .hpaMetric, "containerResource metrics need a resource name, such as cpu", at: ["name"])
                } else if let problem = containerResourceNameProblem(source.name) {
                    context.report(.hpaMetric, problem, at: ["name"])
                }
                if source.container.isEmpty {
                    context.report(.hpaMetric, "containerResource metrics need the container name", at: ["container"])
                } else if let problem = KubernetesSyntax.dns1123LabelProblem(source.container) {
                    context.report(.hpaMetric, "container \(problem)", at: ["container"])
                }
                checkUtilizationTarget(source.target, in: context)
            }
        }
        if let source = metric.pods {
            context.field("pods") {
                checkMetricIdentifier(source.metric, in: context)
                checkTarget(source.target, in: context)
                if source.target.averageValue == nil {
                    context.report(
                        .hpaMetric, "Pods metrics need a positive target.averageValue", at: ["target", "averageValue"])
                }
            }
        }
        if let source = metric.object {
            context.field("object") {
                context.field("describedObject") {
                    checkObjectReference(
                        kind: source.describedObject.kind, name: source.describedObject.name, rule: .hpaMetric,
                        in: context)
                }
                checkMetricIdentifier(source.metric, in: context)
                checkTarget(source.target, in: context)
                if source.target.value == nil && source.target.averageValue == nil {
                    context.report(
                        .hpaMetric, "Object metrics need target.value or target.averageValue",
                        at: ["target", "averageValue"])
                }
            }
        }
        if let source = metric.external {
            context.field("external") {
                checkMetricIdentifier(source.metric, in: context)
                checkTarget(source.target, in: context)
                if source.target.value == nil && source.target.averageValue == nil {
                    context.report(
                        .hpaMetric,
                        "External metrics need target.value (for the metric) or target.averageValue (per pod)",
                        at: ["target", "averageValue"])
                }
                if source.target.value != nil && source.target.averageValue != nil {
                    context.report(
                        .hpaMetric, "External metrics take target.value or target.averageValue, not both",
                        at: ["target", "value"])
                }
            }
        }
    }

    /// Resource and ContainerResource targets: utilization or average value, exactly one.
    static func checkUtilizationTarget(_ target: MetricTarget, in context: ValidationContext) {
        checkTarget(target, in: context)
        if target.averageUtilization == nil && target.averageValue == nil {
            context.report(
                .hpaMetric,
                "set target.averageUtilization (percent of the request, such as 70) or target.averageValue",
                at: ["target", "averageUtilization"])
        }
        if target.averageUtilization != nil && target.averageValue != nil {
            context.report(
                .hpaMetric, "set target.averageUtilization or target.averageValue, not both",
                at: ["target", "averageValue"])
        }
    }

    /// `validateMetricTarget`.
    static func checkTarget(_ target: MetricTarget, in context: ValidationContext) {
        context.field("target") {
            let type = target.type.rawValue
            if !["Utilization", "Value", "AverageValue"].contains(type) {
                context.report(
                    .hpaMetric,
                    "target type \"\(type)\" is not supported; use Utilization, Value or AverageValue"
                        + enumHint(type, known: ["Utilization", "Value", "AverageValue"]),
                    at: ["type"])
            }
            for (field, quantity) in [("value", target.value), ("averageValue", target.averageValue)] {
                guard let quantity, checkQuantity(quantity, at: [.field(field)], in: context) else { continue }
                if quantity <= 0 {
                    context.report(
                        .hpaMetric, "\(field) is \(quantity.description); it must be positive", at: [.field(field)])
                }
            }
            if let utilization = target.averageUtilization, utilization < 1 {
                context.report(
                    .hpaMetric, "averageUtilization is \(utilization); it must be greater than 0",
                    at: ["averageUtilization"])
            }
        }
    }

    static func checkMetricIdentifier(_ identifier: MetricIdentifier, in context: ValidationContext) {
        context.field("metric") {
            if identifier.name.isEmpty {
                context.report(.hpaMetric, "the metric needs a name", at: ["name"])
            } else if let problem = KubernetesSyntax.pathSegmentNameProblem(identifier.name) {
                context.report(.hpaMetric, "metric name \(problem)", at: ["name"])
            }
            if let selector = identifier.selector {
                context.field("selector") { checkLabelSelector(selector, in: context) }
            }
        }
    }

    /// `validateScalingRules`.
    static func checkScalingRules(_ rules: HPAScalingRules, in context: ValidationContext) {
        checkRange(
            rules.stabilizationWindowSeconds, 0...3600, field: "stabilizationWindowSeconds", in: context,
            rule: .hpaBehavior)
        checkEnum(
            rules.selectPolicy, known: ScalingPolicySelect.knownValues, field: "selectPolicy", in: context,
            rule: .hpaBehavior)
        if let policies = rules.policies {
            if policies.isEmpty {
                context.report(
                    .hpaBehavior, "policies is empty; list at least one policy or leave it unset for the defaults",
                    at: ["policies"])
            }
            context.field("policies") {
                for (position, policy) in policies.enumerated() {
                    context.index(position) {
                        checkEnum(
                            policy.type, known: HPAScalingPolicyType.knownValues, field: "type", in: context,
                            rule: .hpaBehavior)
                        if policy.type.rawValue.isEmpty {
                            context.report(.hpaBehavior, "policy type is required: Pods or Percent", at: ["type"])
                        }
                        if policy.value <= 0 {
                            context.report(
                                .hpaBehavior, "value is \(policy.value); it must be greater than 0", at: ["value"])
                        }
                        checkRange(
                            policy.periodSeconds, 1...1800, field: "periodSeconds", in: context, rule: .hpaBehavior)
                    }
                }
            }
        }
        if let tolerance = rules.tolerance, checkQuantity(tolerance, at: ["tolerance"], in: context), tolerance < 0 {
            context.report(
                .hpaBehavior, "tolerance is \(tolerance.description); it must not be negative", at: ["tolerance"])
        }
    }

    // MARK: PodDisruptionBudget

    /// `ValidatePodDisruptionBudgetSpec`.
    static func checkDisruptionBudget(_ budget: PodDisruptionBudget, in context: ValidationContext) {
        guard let spec = budget.spec else { return }
        context.field("spec") {
            if spec.minAvailable != nil && spec.maxUnavailable != nil {
                context.report(
                    .pdbBudget,
                    "minAvailable and maxUnavailable cannot both be set; keep one (maxUnavailable adapts better to scaling)"
                )
            }
            checkIntOrPercent(spec.minAvailable, field: "minAvailable", rule: .pdbBudget, atMost100: true, in: context)
            checkIntOrPercent(
                spec.maxUnavailable, field: "maxUnavailable", rule: .pdbBudget, atMost100: true, in: context)
            if let selector = spec.selector {
                context.field("selector") { checkLabelSelector(selector, in: context) }
            }
            checkEnum(
                spec.unhealthyPodEvictionPolicy, known: UnhealthyPodEvictionPolicyType.knownValues,
                field: "unhealthyPodEvictionPolicy", in: context)
        }
    }
}
