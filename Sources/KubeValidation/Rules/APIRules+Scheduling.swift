import KubeModels

extension APIRules {
    // MARK: Security contexts

    static let maximumID: Int64 = 2_147_483_647

    static func checkID(_ value: Int64?, field: String, in context: ValidationContext) {
        guard let value, value < 0 || value > maximumID else { return }
        context.report(
            .securityContext, "\(field) is \(value); user and group IDs must be between 0 and 2147483647",
            at: [.field(field)])
    }

    static func checkSeccomp(_ profile: SeccompProfile?, in context: ValidationContext) {
        guard let profile else { return }
        context.field("seccompProfile") {
            checkEnum(profile.type, known: SeccompProfileType.knownValues, field: "type", in: context)
            checkLocalhostProfile(type: profile.type.rawValue, profile: profile.localhostProfile, in: context)
        }
    }

    static func checkAppArmor(_ profile: AppArmorProfile?, in context: ValidationContext) {
        guard let profile else { return }
        context.field("appArmorProfile") {
            checkEnum(profile.type, known: AppArmorProfileType.knownValues, field: "type", in: context)
            checkLocalhostProfile(type: profile.type.rawValue, profile: profile.localhostProfile, in: context)
        }
    }

    static func checkLocalhostProfile(type: String, profile: String?, in context: ValidationContext) {
        let hasProfile = !(profile ?? "").isEmpty
        if type == "Localhost" && !hasProfile {
            context.report(
                .securityContext, "type Localhost needs localhostProfile, the profile's file name",
                at: ["localhostProfile"])
        } else if type != "Localhost" && profile != nil {
            context.report(
                .securityContext, "localhostProfile can only be set when type is Localhost (type is \(type))",
                at: ["localhostProfile"])
        }
    }

    /// `ValidateSecurityContext` for a container.
    static func checkContainerSecurityContext(
        _ security: SecurityContext, spec: PodSpec, in context: ValidationContext
    ) {
        checkID(security.runAsUser, field: "runAsUser", in: context)
        checkID(security.runAsGroup, field: "runAsGroup", in: context)
        if security.allowPrivilegeEscalation == false {
            if security.privileged == true {
                context.report(
                    .securityContext,
                    "allowPrivilegeEscalation cannot be false while privileged is true (a privileged container can always escalate)",
                    at: ["allowPrivilegeEscalation"])
            }
            if (security.capabilities?.add ?? []).contains(where: {
                $0.rawValue == "SYS_ADMIN" || $0.rawValue == "CAP_SYS_ADMIN"
            }) {
                context.report(
                    .securityContext,
                    "allowPrivilegeEscalation cannot be false while capabilities.add includes SYS_ADMIN",
                    at: ["allowPrivilegeEscalation"])
            }
        }
        checkEnum(security.procMount, known: ProcMountType.knownValues, field: "procMount", in: context)
        if let procMount = security.procMount?.rawValue, procMount == "Unmasked", spec.hostUsers != false {
            context.report(
                .securityContext, "procMount Unmasked needs a user namespace: set spec.hostUsers: false",
                at: ["procMount"])
        }
        checkSeccomp(security.seccompProfile, in: context)
        checkAppArmor(security.appArmorProfile, in: context)
        if security.windowsOptions?.hostProcess == true && spec.hostNetwork != true {
            context.report(
                .securityContext, "Windows HostProcess containers need spec.hostNetwork: true",
                at: ["windowsOptions", "hostProcess"])
        }
    }

    /// `ValidatePodSecurityContext`.
    static func checkPodSecurityContext(_ security: PodSecurityContext, spec: PodSpec, in context: ValidationContext) {
        checkID(security.runAsUser, field: "runAsUser", in: context)
        checkID(security.runAsGroup, field: "runAsGroup", in: context)
        checkID(security.fsGroup, field: "fsGroup", in: context)
        for (position, group) in (security.supplementalGroups ?? []).enumerated() where group < 0 || group > maximumID {
            context.report(
                .securityContext, "supplemental group \(group) is outside 0–2147483647",
                at: ["supplementalGroups", .index(position)])
        }
        checkEnum(
            security.fsGroupChangePolicy, known: PodFSGroupChangePolicy.knownValues, field: "fsGroupChangePolicy",
            in: context)
        checkEnum(
            security.seLinuxChangePolicy, known: PodSELinuxChangePolicy.knownValues, field: "seLinuxChangePolicy",
            in: context)
        checkEnum(
            security.supplementalGroupsPolicy, known: SupplementalGroupsPolicy.knownValues,
            field: "supplementalGroupsPolicy", in: context)
        checkSeccomp(security.seccompProfile, in: context)
        checkAppArmor(security.appArmorProfile, in: context)
        if security.windowsOptions?.hostProcess == true && spec.hostNetwork != true {
            context.report(
                .securityContext, "Windows HostProcess pods need spec.hostNetwork: true",
                at: ["windowsOptions", "hostProcess"])
        }
        var seen = Set<String>()
        for (position, sysctl) in (security.sysctls ?? []).enumerated() {
            if !isSysctlName(sysctl.name) {
                context.report(
                    .securityContext,
                    "sysctl \"\(sysctl.name)\" is not a valid sysctl name (lowercase segments separated by '.' or '/', such as net.ipv4.ip_local_port_range)",
                    at: ["sysctls", .index(position), "name"])
            } else if !seen.insert(sysctl.name).inserted {
                context.report(
                    .securityContext, "sysctl \"\(sysctl.name)\" is set twice",
                    at: ["sysctls", .index(position), "name"])
            }
        }
    }

    /// `IsValidSysctlName`: segments of `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` separated by `.` or `/`.
    static func isSysctlName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        for segment in name.split(separator: ".", omittingEmptySubsequences: false).flatMap({
            $0.split(separator: "/", omittingEmptySubsequences: false)
        }) {
            let bytes = Array(segment.utf8)
            guard let first = bytes.first, let last = bytes.last,
                KubernetesSyntax.isLowerAlphanumeric(first), KubernetesSyntax.isLowerAlphanumeric(last),
                bytes.allSatisfy({
                    KubernetesSyntax.isLowerAlphanumeric($0) || $0 == KubernetesSyntax.hyphen
                        || $0 == KubernetesSyntax.underscore
                })
            else { return false }
        }
        return true
    }

    // MARK: Tolerations

    /// `validateTolerations` for one toleration.
    static func checkToleration(_ toleration: Toleration, in context: ValidationContext) {
        let key = toleration.key ?? ""
        let op = toleration.operator?.rawValue ?? ""
        let value = toleration.value ?? ""
        if !key.isEmpty, let problem = KubernetesSyntax.qualifiedNameProblem(key) {
            context.report(.toleration, "toleration key \(problem)", at: ["key"])
        }
        if key.isEmpty && op != "Exists" {
            context.report(
                .toleration, "a toleration without a key matches every taint and needs operator: Exists",
                at: ["operator"])
        }
        if toleration.tolerationSeconds != nil && toleration.effect?.rawValue != "NoExecute" {
            context.report(
                .toleration, "tolerationSeconds only applies to effect NoExecute; set effect: NoExecute or remove it",
                at: ["effect"])
        }
        switch op {
        case "", "Equal":
            if let problem = KubernetesSyntax.labelValueProblem(value) {
                context.report(.toleration, "toleration value: \(problem)", at: ["value"])
            }
        case "Exists":
            if !value.isEmpty {
                context.report(.toleration, "operator Exists matches any value, so value must be empty", at: ["value"])
            }
        case "Lt", "Gt":
            if Int64(value) == nil {
                context.report(.toleration, "operator \(op) compares numbers; value must be an integer", at: ["value"])
            }
        default:
            context.report(
                .toleration,
                "operator \"\(op)\" is not supported; use Equal or Exists" + enumHint(op, known: ["Equal", "Exists"]),
                at: ["operator"])
        }
        checkEnum(toleration.effect, known: TaintEffect.knownValues, field: "effect", in: context, rule: .toleration)
    }

    // MARK: Affinity

    static func checkAffinity(_ affinity: Affinity, in context: ValidationContext) {
        if let node = affinity.nodeAffinity {
            context.field("nodeAffinity") {
                if let required = node.requiredDuringSchedulingIgnoredDuringExecution {
                    context.field("requiredDuringSchedulingIgnoredDuringExecution") {
                        checkNodeSelector(required, in: context)
                    }
                }
                for (position, term) in (node.preferredDuringSchedulingIgnoredDuringExecution ?? []).enumerated() {
                    context.field("preferredDuringSchedulingIgnoredDuringExecution") {
                        context.index(position) {
                            checkRange(term.weight, 1...100, field: "weight", in: context, rule: .scheduling)
                            context.field("preference") { checkNodeSelectorTerm(term.preference, in: context) }
                        }
                    }
                }
            }
        }
        for (field, required, preferred) in [
            (
                "podAffinity", affinity.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
                affinity.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution
            ),
            (
                "podAntiAffinity", affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
                affinity.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution
            ),
        ] {
            context.field(field) {
                for (position, term) in (required ?? []).enumerated() {
                    context.field("requiredDuringSchedulingIgnoredDuringExecution") {
                        context.index(position) { checkPodAffinityTerm(term, in: context) }
                    }
                }
                for (position, term) in (preferred ?? []).enumerated() {
                    context.field("preferredDuringSchedulingIgnoredDuringExecution") {
                        context.index(position) {
                            checkRange(term.weight, 1...100, field: "weight", in: context, rule: .scheduling)
                            context.field("podAffinityTerm") { checkPodAffinityTerm(term.podAffinityTerm, in: context) }
                        }
                    }
                }
            }
        }
    }

    static func checkNodeSelector(_ selector: NodeSelector, in context: ValidationContext) {
        if selector.nodeSelectorTerms.isEmpty {
            context.report(
                .scheduling, "a required node affinity needs at least one node selector term", at: ["nodeSelectorTerms"]
            )
        }
        context.field("nodeSelectorTerms") {
            for (position, term) in selector.nodeSelectorTerms.enumerated() {
                context.index(position) { checkNodeSelectorTerm(term, in: context) }
            }
        }
    }

    static func checkNodeSelectorTerm(_ term: NodeSelectorTerm, in context: ValidationContext) {
        let known = NodeSelectorOperator.knownValues.map(\.rawValue)
        for (position, requirement) in (term.matchExpressions ?? []).enumerated() {
            context.field("matchExpressions") {
                context.index(position) {
                    checkSelectorRequirement(
                        key: requirement.key, operator: requirement.operator.rawValue, values: requirement.values,
                        known: known, in: context, rule: .scheduling, checkValues: false)
                }
            }
        }
        for (position, requirement) in (term.matchFields ?? []).enumerated() {
            context.field("matchFields") {
                context.index(position) {
                    if requirement.key != "metadata.name" {
                        context.report(.scheduling, "matchFields only supports the key metadata.name", at: ["key"])
                    }
                    let op = requirement.operator.rawValue
                    if (op != "In" && op != "NotIn") || (requirement.values?.count ?? 0) != 1 {
                        context.report(
                            .scheduling, "matchFields needs operator In or NotIn with exactly one value (a node name)",
                            at: ["operator"])
                    }
                }
            }
        }
    }

    static func checkPodAffinityTerm(_ term: PodAffinityTerm, in context: ValidationContext) {
        if term.topologyKey.isEmpty {
            context.report(
                .scheduling, "topologyKey is required, such as kubernetes.io/hostname or topology.kubernetes.io/zone",
                at: ["topologyKey"])
        } else if let problem = KubernetesSyntax.qualifiedNameProblem(term.topologyKey) {
            context.report(.scheduling, "topologyKey \(problem)", at: ["topologyKey"])
        }
        if let selector = term.labelSelector {
            context.field("labelSelector") { checkLabelSelector(selector, in: context) }
        }
        if let selector = term.namespaceSelector {
            context.field("namespaceSelector") { checkLabelSelector(selector, in: context) }
        }
        for (position, namespace) in (term.namespaces ?? []).enumerated() {
            if let problem = KubernetesSyntax.dns1123LabelProblem(namespace) {
                context.report(.scheduling, "namespace \(problem)", at: ["namespaces", .index(position)])
            }
        }
    }

    // MARK: Topology spread

    static func checkTopologySpread(_ constraints: [TopologySpreadConstraint], in context: ValidationContext) {
        var pairs = Set<String>()
        for (position, constraint) in constraints.enumerated() {
            context.index(position) {
                if constraint.maxSkew <= 0 {
                    context.report(
                        .scheduling, "maxSkew is \(constraint.maxSkew); it must be greater than 0", at: ["maxSkew"])
                }
                if constraint.topologyKey.isEmpty {
                    context.report(
                        .scheduling, "topologyKey is required, such as topology.kubernetes.io/zone", at: ["topologyKey"]
                    )
                } else if let problem = KubernetesSyntax.qualifiedNameProblem(constraint.topologyKey) {
                    context.report(.scheduling, "topologyKey \(problem)", at: ["topologyKey"])
                }
                let when = constraint.whenUnsatisfiable.rawValue
                checkEnum(
                    constraint.whenUnsatisfiable, known: UnsatisfiableConstraintAction.knownValues,
                    field: "whenUnsatisfiable", in: context, rule: .scheduling)
                if when.isEmpty {
                    context.report(
                        .scheduling, "whenUnsatisfiable is required: DoNotSchedule or ScheduleAnyway",
                        at: ["whenUnsatisfiable"])
                }
                if let minDomains = constraint.minDomains {
                    if minDomains <= 0 {
                        context.report(
                            .scheduling, "minDomains is \(minDomains); it must be greater than 0", at: ["minDomains"])
                    }
                    if when != "DoNotSchedule" {
                        context.report(
                            .scheduling, "minDomains can only be used with whenUnsatisfiable: DoNotSchedule",
                            at: ["minDomains"])
                    }
                }
                if !pairs.insert("\(constraint.topologyKey)\u{0}\(when)").inserted {
                    context.report(
                        .scheduling,
                        "another constraint already uses topologyKey \(constraint.topologyKey) with \(when); combine them",
                        at: ["topologyKey"])
                }
                checkEnum(
                    constraint.nodeAffinityPolicy, known: NodeInclusionPolicy.knownValues, field: "nodeAffinityPolicy",
                    in: context)
                checkEnum(
                    constraint.nodeTaintsPolicy, known: NodeInclusionPolicy.knownValues, field: "nodeTaintsPolicy",
                    in: context)
                if let selector = constraint.labelSelector {
                    context.field("labelSelector") { checkLabelSelector(selector, in: context) }
                }
            }
        }
    }
}
