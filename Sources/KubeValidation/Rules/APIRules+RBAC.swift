import KubeModels

extension APIRules {
    static let rbacGroup = "rbac.authorization.k8s.io"

    /// `ValidatePolicyRule` for every rule of a Role or ClusterRole.
    static func checkRules(_ rules: [PolicyRule]?, isNamespaced: Bool, in context: ValidationContext) {
        guard let rules else { return }
        context.field("rules") {
            for (position, rule) in rules.enumerated() {
                context.index(position) { checkPolicyRule(rule, isNamespaced: isNamespaced, in: context) }
            }
        }
    }

    static func checkPolicyRule(_ rule: PolicyRule, isNamespaced: Bool, in context: ValidationContext) {
        if rule.verbs.isEmpty {
            context.report(
                .rbacRuleShape, "verbs must contain at least one verb, such as get, list or watch", at: ["verbs"])
        }
        if let urls = rule.nonResourceURLs, !urls.isEmpty {
            if isNamespaced {
                context.report(
                    .rbacRuleShape, "a Role cannot grant nonResourceURLs (they are cluster-wide); use a ClusterRole",
                    at: ["nonResourceURLs"])
            }
            if !(rule.apiGroups ?? []).isEmpty || !(rule.resources ?? []).isEmpty || !(rule.resourceNames ?? []).isEmpty
            {
                context.report(
                    .rbacRuleShape,
                    "a rule applies either to resources or to nonResourceURLs, not both; split it into two rules",
                    at: ["nonResourceURLs"])
            }
            return
        }
        if (rule.apiGroups ?? []).isEmpty {
            context.report(
                .rbacRuleShape, "resource rules need apiGroups (\"\" for the core group, such as pods and services)",
                at: ["apiGroups"])
        }
        if (rule.resources ?? []).isEmpty {
            context.report(.rbacRuleShape, "resource rules need at least one resource, such as pods", at: ["resources"])
        }
    }

    static func checkClusterRole(_ role: ClusterRole, in context: ValidationContext) {
        checkRules(role.rules, isNamespaced: false, in: context)
        guard let aggregation = role.aggregationRule else { return }
        context.field("aggregationRule") {
            let selectors = aggregation.clusterRoleSelectors ?? []
            if selectors.isEmpty {
                context.report(
                    .rbacAggregation, "an aggregationRule needs at least one clusterRoleSelector",
                    at: ["clusterRoleSelectors"])
            }
            for (position, selector) in selectors.enumerated() {
                context.field("clusterRoleSelectors") {
                    context.index(position) { checkLabelSelector(selector, in: context) }
                }
            }
        }
    }

    /// `ValidateRoleBinding` / `ValidateClusterRoleBinding`.
    static func checkBinding(roleRef: RoleRef, subjects: [Subject]?, isNamespaced: Bool, in context: ValidationContext)
    {
        context.field("roleRef") {
            let allowedKinds = isNamespaced ? ["Role", "ClusterRole"] : ["ClusterRole"]
            if !allowedKinds.contains(roleRef.kind) {
                context.report(
                    .rbacRoleRef,
                    "roleRef.kind \"\(roleRef.kind)\" is not supported here; use \(allowedKinds.joined(separator: " or "))",
                    at: ["kind"])
            }
            // An empty apiGroup is defaulted to rbac.authorization.k8s.io.
            if let group = roleRef.apiGroup, !group.isEmpty, group != rbacGroup {
                context.report(
                    .rbacRoleRef, "roleRef.apiGroup must be \(rbacGroup) (it is \"\(roleRef.apiGroup ?? "")\")",
                    at: ["apiGroup"])
            }
            if roleRef.name.isEmpty {
                context.report(.rbacRoleRef, "roleRef.name is required", at: ["name"])
            } else if let problem = KubernetesSyntax.pathSegmentNameProblem(roleRef.name) {
                context.report(.rbacRoleRef, "roleRef.name \(problem)", at: ["name"])
            }
        }
        guard let subjects else { return }
        context.field("subjects") {
            for (position, subject) in subjects.enumerated() {
                context.index(position) { checkSubject(subject, isNamespaced: isNamespaced, in: context) }
            }
        }
    }

    /// `ValidateRoleBindingSubject` (after defaulting User and Group apiGroups).
    static func checkSubject(_ subject: Subject, isNamespaced: Bool, in context: ValidationContext) {
        if subject.name.isEmpty {
            context.report(.rbacSubject, "subjects need a name", at: ["name"])
        }
        let apiGroup = subject.apiGroup ?? ""
        switch subject.kind {
        case "ServiceAccount":
            if !subject.name.isEmpty, let problem = KubernetesSyntax.dns1123SubdomainProblem(subject.name) {
                context.report(.rbacSubject, "ServiceAccount name \(problem)", at: ["name"])
            }
            if !apiGroup.isEmpty {
                context.report(
                    .rbacSubject, "ServiceAccount subjects use apiGroup \"\" (the core group), not \"\(apiGroup)\"",
                    at: ["apiGroup"])
            }
            if !isNamespaced && (subject.namespace ?? "").isEmpty {
                context.report(
                    .rbacSubject, "ServiceAccount subjects of a ClusterRoleBinding need the ServiceAccount's namespace",
                    at: ["namespace"])
            }
        case "User", "Group":
            if !apiGroup.isEmpty && apiGroup != rbacGroup {
                context.report(
                    .rbacSubject, "\(subject.kind) subjects use apiGroup \(rbacGroup), not \"\(apiGroup)\"",
                    at: ["apiGroup"])
            }
        default:
            context.report(
                .rbacSubject,
                "subject kind \"\(subject.kind)\" is not supported; use ServiceAccount, User or Group"
                    + enumHint(subject.kind, known: ["ServiceAccount", "User", "Group"]),
                at: ["kind"])
        }
    }
}
