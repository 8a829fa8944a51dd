import KubeModels

extension APIRules {
    // MARK: Selectors

    /// A workload's selector: valid, non-empty and matching the template's labels
    /// (`ValidateDeploymentSpec` and friends).
    static func checkWorkloadSelector(
        _ selector: LabelSelector, template: PodTemplateSpec?, kind: String, in context: ValidationContext
    ) {
        context.field("selector") { checkLabelSelector(selector, in: context) }
        if selector.isEmpty {
            context.report(
                .selectorRequired,
                "an empty selector is invalid for a \(kind); select the pods with matchLabels, such as {app: web}, "
                    + "and put the same labels on the pod template",
                at: ["selector"])
            return
        }
        let labels = template?.metadata?.labels ?? [:]
        if !selector.matches(labels) {
            context.report(
                .selectorMismatch,
                "the selector \(describeSelector(selector)) does not match the template labels \(describeLabels(labels)); "
                    + "a \(kind) only manages pods its selector matches, so add the selector's labels to spec.template.metadata.labels",
                at: ["template", "metadata", "labels"])
        }
    }

    static func describeSelector(_ selector: LabelSelector) -> String {
        var parts: [String] = []
        if let labels = selector.matchLabels, !labels.isEmpty { parts.append(describeLabels(labels)) }
        for expression in selector.matchExpressions ?? [] {
            let values = (expression.values ?? []).joined(separator: ",")
            parts.append("\(expression.key) \(expression.operator.rawValue) (\(values))")
        }
        return parts.joined(separator: " and ")
    }

    // MARK: Deployment

    static func checkDeployment(_ deployment: Deployment, in context: ValidationContext) {
        let spec = deployment.spec
        context.field("spec") {
            checkMinimum(spec.replicas, 0, field: "replicas", in: context)
            checkMinimum(spec.minReadySeconds, 0, field: "minReadySeconds", in: context)
            checkMinimum(spec.revisionHistoryLimit, 0, field: "revisionHistoryLimit", in: context)
            if let deadline = spec.progressDeadlineSeconds {
                checkMinimum(deadline, 0, field: "progressDeadlineSeconds", in: context)
                let minReady = spec.minReadySeconds ?? 0
                if deadline >= 0 && deadline <= minReady {
                    context.report(
                        .fieldRange,
                        "progressDeadlineSeconds (\(deadline)) must be greater than minReadySeconds (\(minReady))",
                        at: ["progressDeadlineSeconds"])
                }
            }
            if let strategy = spec.strategy {
                context.field("strategy") {
                    checkEnum(strategy.type, known: DeploymentStrategyType.knownValues, field: "type", in: context)
                    if strategy.type?.rawValue == "Recreate" {
                        if strategy.rollingUpdate != nil {
                            context.report(
                                .rollingUpdate,
                                "rollingUpdate may not be set when the strategy type is Recreate; remove it",
                                at: ["rollingUpdate"])
                        }
                    } else if let rolling = strategy.rollingUpdate {
                        context.field("rollingUpdate") {
                            checkIntOrPercent(
                                rolling.maxUnavailable, field: "maxUnavailable", rule: .rollingUpdate, atMost100: true,
                                in: context)
                            checkIntOrPercent(
                                rolling.maxSurge, field: "maxSurge", rule: .rollingUpdate, atMost100: false, in: context
                            )
                            // Unset values default to 25%.
                            let unavailable = intOrPercentValue(rolling.maxUnavailable) ?? 25
                            let surge = intOrPercentValue(rolling.maxSurge) ?? 25
                            if unavailable == 0 && surge == 0 {
                                context.report(
                                    .rollingUpdate,
                                    "maxUnavailable and maxSurge are both 0, so a rollout could never make progress; allow at least one extra or one unavailable pod",
                                    at: ["maxUnavailable"])
                            }
                        }
                    }
                }
            }
            checkWorkloadSelector(spec.selector, template: spec.template, kind: "Deployment", in: context)
            checkPodTemplate(spec.template, owner: .workload("Deployment"), in: context)
        }
    }

    // MARK: StatefulSet

    static func checkStatefulSet(_ statefulSet: StatefulSet, in context: ValidationContext) {
        let spec = statefulSet.spec
        context.field("spec") {
            checkMinimum(spec.replicas, 0, field: "replicas", in: context)
            checkMinimum(spec.minReadySeconds, 0, field: "minReadySeconds", in: context)
            checkMinimum(spec.revisionHistoryLimit, 0, field: "revisionHistoryLimit", in: context)
            checkEnum(
                spec.podManagementPolicy, known: PodManagementPolicyType.knownValues, field: "podManagementPolicy",
                in: context)
            if let ordinals = spec.ordinals {
                context.field("ordinals") { checkMinimum(ordinals.start, 0, field: "start", in: context) }
            }
            if let retention = spec.persistentVolumeClaimRetentionPolicy {
                context.field("persistentVolumeClaimRetentionPolicy") {
                    let known = PersistentVolumeClaimRetentionPolicyType.knownValues
                    checkEnum(retention.whenDeleted, known: known, field: "whenDeleted", in: context)
                    checkEnum(retention.whenScaled, known: known, field: "whenScaled", in: context)
                }
            }
            if let strategy = spec.updateStrategy {
                context.field("updateStrategy") {
                    checkEnum(
                        strategy.type, known: StatefulSetUpdateStrategyType.knownValues, field: "type", in: context)
                    if strategy.type?.rawValue == "OnDelete", strategy.rollingUpdate != nil {
                        context.report(
                            .rollingUpdate, "rollingUpdate is only allowed with updateStrategy type RollingUpdate",
                            at: ["rollingUpdate"])
                    }
                    if let rolling = strategy.rollingUpdate {
                        context.field("rollingUpdate") {
                            checkMinimum(rolling.partition, 0, field: "partition", in: context, rule: .rollingUpdate)
                            checkIntOrPercent(
                                rolling.maxUnavailable, field: "maxUnavailable", rule: .rollingUpdate, atMost100: true,
                                in: context)
                            if rolling.maxUnavailable != nil, intOrPercentValue(rolling.maxUnavailable) == 0 {
                                context.report(
                                    .rollingUpdate, "maxUnavailable must be greater than 0 (or a percentage above 0%)",
                                    at: ["maxUnavailable"])
                            }
                        }
                    }
                }
            }
            var claimNames: [String] = []
            if let templates = spec.volumeClaimTemplates {
                context.field("volumeClaimTemplates") {
                    for (position, claim) in templates.enumerated() {
                        context.index(position) {
                            if let name = claim.metadata.name {
                                claimNames.append(name)
                                if let problem = KubernetesSyntax.dns1123LabelProblem(name) {
                                    context.report(
                                        .volumeName, "volume claim template name \(problem)", at: ["metadata", "name"])
                                }
                            } else {
                                context.report(
                                    .volumeName, "every volume claim template needs metadata.name", at: ["metadata"])
                            }
                            if let labels = claim.metadata.labels {
                                context.field("metadata") {
                                    context.field("labels") { checkLabels(labels, in: context) }
                                }
                            }
                            if let claimSpec = claim.spec {
                                context.field("spec") { checkClaimSpec(claimSpec, in: context) }
                            }
                        }
                    }
                }
            }
            checkWorkloadSelector(spec.selector, template: spec.template, kind: "StatefulSet", in: context)
            checkPodTemplate(spec.template, owner: .workload("StatefulSet"), extraVolumes: claimNames, in: context)
        }
    }

    // MARK: DaemonSet

    static func checkDaemonSet(_ daemonSet: DaemonSet, in context: ValidationContext) {
        let spec = daemonSet.spec
        context.field("spec") {
            checkMinimum(spec.minReadySeconds, 0, field: "minReadySeconds", in: context)
            checkMinimum(spec.revisionHistoryLimit, 0, field: "revisionHistoryLimit", in: context)
            if let strategy = spec.updateStrategy {
                context.field("updateStrategy") {
                    checkEnum(strategy.type, known: DaemonSetUpdateStrategyType.knownValues, field: "type", in: context)
                    let type = strategy.type?.rawValue ?? "RollingUpdate"
                    if type == "RollingUpdate" || type.isEmpty, let rolling = strategy.rollingUpdate {
                        context.field("rollingUpdate") {
                            checkIntOrPercent(
                                rolling.maxUnavailable, field: "maxUnavailable", rule: .rollingUpdate, atMost100: true,
                                in: context)
                            checkIntOrPercent(
                                rolling.maxSurge, field: "maxSurge", rule: .rollingUpdate, atMost100: true, in: context)
                            // Unset values default to maxUnavailable 1 and maxSurge 0.
                            let unavailable = intOrPercentValue(rolling.maxUnavailable) ?? 1
                            let surge = intOrPercentValue(rolling.maxSurge) ?? 0
                            if unavailable != 0 && surge != 0 {
                                let note = rolling.maxUnavailable == nil ? " (maxUnavailable defaults to 1)" : ""
                                context.report(
                                    .rollingUpdate,
                                    "a DaemonSet rollout uses either maxSurge or maxUnavailable; maxSurge must be 0 when maxUnavailable is not\(note)",
                                    at: ["maxSurge"])
                            } else if unavailable == 0 && surge == 0 {
                                context.report(
                                    .rollingUpdate, "maxUnavailable cannot be 0 when maxSurge is 0",
                                    at: ["maxUnavailable"])
                            }
                        }
                    }
                }
            }
            checkWorkloadSelector(spec.selector, template: spec.template, kind: "DaemonSet", in: context)
            checkPodTemplate(spec.template, owner: .workload("DaemonSet"), in: context)
        }
    }

    // MARK: ReplicaSet

    static func checkReplicaSet(_ replicaSet: ReplicaSet, in context: ValidationContext) {
        let spec = replicaSet.spec
        context.field("spec") {
            checkMinimum(spec.replicas, 0, field: "replicas", in: context)
            checkMinimum(spec.minReadySeconds, 0, field: "minReadySeconds", in: context)
            checkWorkloadSelector(spec.selector, template: spec.template, kind: "ReplicaSet", in: context)
            checkPodTemplate(spec.template, owner: .workload("ReplicaSet"), in: context)
        }
    }

    // MARK: Job

    static func checkJob(_ job: Job, in context: ValidationContext) {
        guard let spec = job.spec else {
            context.report(.fieldRequired, "a Job needs a spec with a pod template", at: ["spec"])
            return
        }
        if spec.manualSelector != true, let name = job.metadata.name, name.utf8.count > 63 {
            context.report(
                .nameLength,
                "Job name has \(name.utf8.count) characters; the Job controller puts the name in the batch.kubernetes.io/job-name "
                    + "label of its pods, so it must be at most 63",
                at: ["metadata", "name"])
        }
        context.field("spec") {
            checkJobSpec(spec, owner: .job("Job"), inCronJob: false, in: context)
        }
    }

    /// `validateJobSpec`.
    static func checkJobSpec(_ spec: JobSpec, owner: PodOwner, inCronJob: Bool, in context: ValidationContext) {
        checkMinimum(spec.parallelism, 0, field: "parallelism", in: context)
        checkMinimum(spec.completions, 0, field: "completions", in: context)
        checkMinimum(spec.activeDeadlineSeconds, 0, field: "activeDeadlineSeconds", in: context)
        checkMinimum(spec.backoffLimit, 0, field: "backoffLimit", in: context)
        checkMinimum(spec.ttlSecondsAfterFinished, 0, field: "ttlSecondsAfterFinished", in: context)
        checkMinimum(spec.backoffLimitPerIndex, 0, field: "backoffLimitPerIndex", in: context)
        checkMinimum(spec.maxFailedIndexes, 0, field: "maxFailedIndexes", in: context)
        checkEnum(spec.completionMode, known: CompletionMode.knownValues, field: "completionMode", in: context)
        checkEnum(
            spec.podReplacementPolicy, known: PodReplacementPolicy.knownValues, field: "podReplacementPolicy",
            in: context)
        let indexed = spec.completionMode?.rawValue == "Indexed"
        if indexed {
            if spec.completions == nil {
                context.report(
                    .fieldRequired, "completions is required when completionMode is Indexed", at: ["completions"])
            }
            if let completions = spec.completions, completions > 100_000 {
                context.report(
                    .fieldRange, "completions is \(completions); Indexed Jobs allow at most 100000", at: ["completions"]
                )
            }
            if let parallelism = spec.parallelism, parallelism > 100_000 {
                context.report(
                    .fieldRange, "parallelism is \(parallelism); Indexed Jobs allow at most 100000", at: ["parallelism"]
                )
            }
        } else {
            for (field, isSet) in [
                ("backoffLimitPerIndex", spec.backoffLimitPerIndex != nil),
                ("successPolicy", spec.successPolicy != nil),
            ] where isSet {
                context.report(.fieldForbidden, "\(field) requires completionMode: Indexed", at: [.field(field)])
            }
        }
        if spec.maxFailedIndexes != nil && spec.backoffLimitPerIndex == nil {
            context.report(
                .fieldForbidden, "maxFailedIndexes can only be set together with backoffLimitPerIndex",
                at: ["maxFailedIndexes"])
        }
        if let policy = spec.podFailurePolicy {
            context.field("podFailurePolicy") {
                if policy.rules.count > 20 {
                    context.report(
                        .fieldRange, "podFailurePolicy has \(policy.rules.count) rules; at most 20 are allowed",
                        at: ["rules"])
                }
                for (position, rule) in policy.rules.enumerated() {
                    context.field("rules") {
                        context.index(position) {
                            checkEnum(
                                rule.action, known: PodFailurePolicyAction.knownValues, field: "action", in: context)
                            let both = rule.onExitCodes != nil && rule.onPodConditions != nil
                            let neither = rule.onExitCodes == nil && rule.onPodConditions == nil
                            if both || neither {
                                context.report(
                                    .fieldRequired,
                                    "each podFailurePolicy rule sets exactly one of onExitCodes or onPodConditions")
                            }
                            if rule.action.rawValue == "FailIndex" && spec.backoffLimitPerIndex == nil {
                                context.report(
                                    .fieldForbidden, "action FailIndex requires spec.backoffLimitPerIndex",
                                    at: ["action"])
                            }
                            if let codes = rule.onExitCodes {
                                context.field("onExitCodes") {
                                    checkEnum(
                                        codes.operator, known: PodFailurePolicyOnExitCodesOperator.knownValues,
                                        field: "operator", in: context)
                                    if codes.values.isEmpty {
                                        context.report(
                                            .fieldRequired, "onExitCodes needs at least one value", at: ["values"])
                                    }
                                    if Set(codes.values).count != codes.values.count {
                                        context.report(.fieldRange, "onExitCodes values must be unique", at: ["values"])
                                    }
                                    if codes.operator.rawValue == "In" && codes.values.contains(0) {
                                        context.report(
                                            .fieldRange, "exit code 0 cannot be used with operator In", at: ["values"])
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let replacement = spec.podReplacementPolicy?.rawValue, replacement != "Failed" {
                context.report(
                    .fieldForbidden, "podReplacementPolicy must be Failed when podFailurePolicy is set",
                    at: ["podReplacementPolicy"])
            }
            if let restart = spec.template.spec?.restartPolicy?.rawValue, restart != "Never" {
                context.report(
                    .restartPolicy,
                    "only restartPolicy Never is supported when podFailurePolicy is set (the template says \(restart))",
                    at: ["template", "spec", "restartPolicy"])
            }
        }
        if inCronJob {
            if spec.selector != nil {
                context.report(
                    .selectorGenerated,
                    "a CronJob's jobTemplate must not set selector; the Job controller generates it",
                    at: ["selector"])
            }
        } else if spec.manualSelector == true {
            if let selector = spec.selector {
                checkWorkloadSelector(selector, template: spec.template, kind: "Job", in: context)
            } else {
                context.report(
                    .selectorRequired, "manualSelector: true requires spec.selector to be set", at: ["selector"])
            }
        } else if spec.selector != nil {
            context.report(
                .selectorGenerated,
                "spec.selector is generated by the Job controller; remove it, or set manualSelector: true if you really manage it",
                at: ["selector"])
        }
        checkPodTemplate(spec.template, owner: owner, in: context)
    }

    // MARK: CronJob

    static func checkCronJob(_ cronJob: CronJob, in context: ValidationContext) {
        if let name = cronJob.metadata.name, name.utf8.count > 52 {
            context.report(
                .nameLength,
                "CronJob name has \(name.utf8.count) characters; at most 52 are allowed because the controller appends an "
                    + "11-character suffix to name each Job",
                at: ["metadata", "name"])
        }
        let spec = cronJob.spec
        context.field("spec") {
            if let problem = CronSchedule.problem(in: spec.schedule) {
                context.report(.cronSchedule, problem, at: ["schedule"])
            }
            if spec.schedule.containsBytes("TZ") {
                context.report(
                    .cronSchedule,
                    "TZ= and CRON_TZ= are not allowed in schedule; write the time zone in spec.timeZone instead "
                        + "(for example timeZone: \"Europe/Berlin\")",
                    at: ["schedule"])
            }
            if let timeZone = spec.timeZone, let problem = TimeZoneNames.problem(with: timeZone) {
                context.report(.cronTimeZone, problem, at: ["timeZone"])
            }
            checkEnum(
                spec.concurrencyPolicy, known: ConcurrencyPolicy.knownValues, field: "concurrencyPolicy", in: context)
            checkMinimum(spec.startingDeadlineSeconds, 0, field: "startingDeadlineSeconds", in: context)
            checkMinimum(spec.successfulJobsHistoryLimit, 0, field: "successfulJobsHistoryLimit", in: context)
            checkMinimum(spec.failedJobsHistoryLimit, 0, field: "failedJobsHistoryLimit", in: context)
            context.field("jobTemplate") {
                if let metadata = spec.jobTemplate.metadata {
                    context.field("metadata") {
                        if let labels = metadata.labels { context.field("labels") { checkLabels(labels, in: context) } }
                        if let annotations = metadata.annotations {
                            context.field("annotations") { checkAnnotations(annotations, in: context) }
                        }
                    }
                }
                guard let jobSpec = spec.jobTemplate.spec else {
                    context.report(.fieldRequired, "jobTemplate needs a spec with a pod template", at: ["spec"])
                    return
                }
                context.field("spec") { checkJobSpec(jobSpec, owner: .job("CronJob"), inCronJob: true, in: context) }
            }
        }
    }
}
