import KubeModels

/// The checks the Kubernetes API server makes in Go code, for every built-in kind KubeModels
/// types. Each check cites the rule it restates; messages say what is wrong and what is accepted.
enum APIRules {
    /// The name format a kind requires (`pkg/apis/*/validation`, `Validate<Kind>Name`).
    enum NameFormat {
        case dns1123Subdomain
        case dns1123Label
        case dns1035Label
        case pathSegment
    }

    static func check(_ document: IndexedDocument, in context: ValidationContext) {
        let manifest = document.manifest
        guard let resource = manifest.resource else {
            checkUnstructured(document, in: context)
            return
        }
        let kind = type(of: resource).kind
        context.field("metadata") {
            checkObjectMeta(
                resource.metadata, format: nameFormat(of: resource), isNamespaced: type(of: resource).isNamespaced,
                kind: kind, in: context)
        }
        checks[ObjectIdentifier(type(of: resource))]?(resource, context)
    }

    typealias Check = @Sendable (any Resource, ValidationContext) -> Void

    /// The kind-specific checks, found by the object's type (one dictionary lookup and one cast
    /// per object instead of a chain of casts).
    static let checks: [ObjectIdentifier: Check] = [
        ObjectIdentifier(Pod.self): { if let value = $0 as? Pod { checkPod(value, in: $1) } },
        ObjectIdentifier(Deployment.self): { if let value = $0 as? Deployment { checkDeployment(value, in: $1) } },
        ObjectIdentifier(StatefulSet.self): { if let value = $0 as? StatefulSet { checkStatefulSet(value, in: $1) } },
        ObjectIdentifier(DaemonSet.self): { if let value = $0 as? DaemonSet { checkDaemonSet(value, in: $1) } },
        ObjectIdentifier(ReplicaSet.self): { if let value = $0 as? ReplicaSet { checkReplicaSet(value, in: $1) } },
        ObjectIdentifier(Job.self): { if let value = $0 as? Job { checkJob(value, in: $1) } },
        ObjectIdentifier(CronJob.self): { if let value = $0 as? CronJob { checkCronJob(value, in: $1) } },
        ObjectIdentifier(Service.self): { if let value = $0 as? Service { checkService(value, in: $1) } },
        ObjectIdentifier(ConfigMap.self): { if let value = $0 as? ConfigMap { checkConfigMap(value, in: $1) } },
        ObjectIdentifier(Secret.self): { if let value = $0 as? Secret { checkSecret(value, in: $1) } },
        ObjectIdentifier(HorizontalPodAutoscaler.self): {
            if let value = $0 as? HorizontalPodAutoscaler { checkAutoscaler(value, in: $1) }
        },
        ObjectIdentifier(PodDisruptionBudget.self): {
            if let value = $0 as? PodDisruptionBudget { checkDisruptionBudget(value, in: $1) }
        },
        ObjectIdentifier(NetworkPolicy.self): {
            if let value = $0 as? NetworkPolicy { checkNetworkPolicy(value, in: $1) }
        },
        ObjectIdentifier(Ingress.self): { if let value = $0 as? Ingress { checkIngress(value, in: $1) } },
        ObjectIdentifier(IngressClass.self): {
            if let value = $0 as? IngressClass { checkIngressClass(value, in: $1) }
        },
        ObjectIdentifier(Role.self): {
            if let value = $0 as? Role { checkRules(value.rules, isNamespaced: true, in: $1) }
        },
        ObjectIdentifier(ClusterRole.self): { if let value = $0 as? ClusterRole { checkClusterRole(value, in: $1) } },
        ObjectIdentifier(RoleBinding.self): {
            if let value = $0 as? RoleBinding {
                checkBinding(roleRef: value.roleRef, subjects: value.subjects, isNamespaced: true, in: $1)
            }
        },
        ObjectIdentifier(ClusterRoleBinding.self): {
            if let value = $0 as? ClusterRoleBinding {
                checkBinding(roleRef: value.roleRef, subjects: value.subjects, isNamespaced: false, in: $1)
            }
        },
        ObjectIdentifier(PersistentVolumeClaim.self): {
            if let value = $0 as? PersistentVolumeClaim { checkClaim(value, in: $1) }
        },
        ObjectIdentifier(PersistentVolume.self): {
            if let value = $0 as? PersistentVolume { checkPersistentVolume(value, in: $1) }
        },
        ObjectIdentifier(StorageClass.self): {
            if let value = $0 as? StorageClass { checkStorageClass(value, in: $1) }
        },
        ObjectIdentifier(PriorityClass.self): {
            if let value = $0 as? PriorityClass { checkPriorityClass(value, in: $1) }
        },
        ObjectIdentifier(ResourceQuota.self): {
            if let value = $0 as? ResourceQuota { checkResourceQuota(value, in: $1) }
        },
        ObjectIdentifier(LimitRange.self): { if let value = $0 as? LimitRange { checkLimitRange(value, in: $1) } },
        ObjectIdentifier(Namespace.self): { if let value = $0 as? Namespace { checkNamespace(value, in: $1) } },
        ObjectIdentifier(CustomResourceDefinition.self): {
            if let value = $0 as? CustomResourceDefinition { checkCustomResourceDefinition(value, in: $1) }
        },
    ]

    static func checkClaim(_ claim: PersistentVolumeClaim, in context: ValidationContext) {
        guard let spec = claim.spec else {
            context.report(
                .persistentVolumeClaim,
                "a PersistentVolumeClaim needs a spec with accessModes and resources.requests.storage",
                at: ["spec"])
            return
        }
        context.field("spec") { checkClaimSpec(spec, in: context) }
    }

    static func nameFormat(of resource: any Resource) -> NameFormat {
        switch ObjectIdentifier(type(of: resource)) {
        case ObjectIdentifier(Namespace.self): return .dns1123Label
        case ObjectIdentifier(Service.self): return .dns1035Label
        case ObjectIdentifier(Role.self), ObjectIdentifier(ClusterRole.self), ObjectIdentifier(RoleBinding.self),
            ObjectIdentifier(ClusterRoleBinding.self):
            return .pathSegment
        default: return .dns1123Subdomain
        }
    }

    /// Objects of kinds without a model: custom resources are named like most kinds (DNS-1123
    /// subdomains, `apiextensions-apiserver`), and their labels and annotations follow the usual
    /// rules. Documents that are not Kubernetes objects (eksctl's ClusterConfig) are left alone.
    static func checkUnstructured(_ document: IndexedDocument, in context: ValidationContext) {
        let manifest = document.manifest
        if manifest.apiVersion.hasPrefix("eksctl.io/") { return }
        if manifest.apiVersion.hasPrefix("kustomize.config.k8s.io/") { return }
        checkRemovedVersion(manifest, in: context)
        context.field("metadata") {
            checkObjectMeta(
                manifest.metadata, format: .dns1123Subdomain, isNamespaced: manifest.isNamespaced ?? true,
                kind: manifest.kind, in: context)
        }
    }

    // MARK: Metadata

    /// `ValidateObjectMeta`: name, namespace, labels and annotations.
    static func checkObjectMeta(
        _ metadata: ObjectMeta, format: NameFormat, isNamespaced: Bool, kind: String, in context: ValidationContext
    ) {
        let name = metadata.name ?? ""
        if name.isEmpty {
            if let generateName = metadata.generateName, !generateName.isEmpty {
                // A generated name is the prefix plus random characters, so a trailing '-' is fine.
                var masked = generateName
                if masked.hasSuffix("-") {
                    masked.removeLast()
                    masked.append("a")
                }
                checkName(masked, shown: generateName, field: "generateName", format: format, kind: kind, in: context)
            } else {
                context.report(
                    .nameRequired,
                    "a \(kind) needs metadata.name (or metadata.generateName for objects created with kubectl create)",
                    at: ["name"])
            }
        } else {
            checkName(name, shown: name, field: "name", format: format, kind: kind, in: context)
        }

        if let namespace = metadata.namespace, !namespace.isEmpty {
            if isNamespaced {
                if let problem = KubernetesSyntax.dns1123LabelProblem(namespace) {
                    context.report(.namespaceName, "metadata.namespace \(problem)", at: ["namespace"])
                }
            } else {
                context.report(
                    .namespaceIgnored,
                    "\(kind) is cluster-scoped, so namespace \"\(namespace)\" is ignored; remove metadata.namespace",
                    at: ["namespace"])
            }
        }
        if let labels = metadata.labels {
            context.field("labels") { checkLabels(labels, in: context) }
        }
        if let annotations = metadata.annotations {
            context.field("annotations") { checkAnnotations(annotations, in: context) }
        }
    }

    static func checkName(
        _ name: String, shown: String, field: String, format: NameFormat, kind: String, in context: ValidationContext
    ) {
        switch format {
        case .dns1123Subdomain:
            if let problem = KubernetesSyntax.dns1123SubdomainProblem(name) {
                context.report(.nameDNS1123Subdomain, "\(kind) name \(problem)", at: [.field(field)])
            }
        case .dns1123Label:
            if let problem = KubernetesSyntax.dns1123LabelProblem(name) {
                context.report(.nameDNS1123Label, "\(kind) name \(problem)", at: [.field(field)])
            }
        case .dns1035Label:
            if let problem = KubernetesSyntax.dns1035LabelProblem(name) {
                context.report(
                    .nameDNS1035Label,
                    "Service name \(problem); Service names become DNS labels, so they must also start with a letter",
                    at: [.field(field)])
            }
        case .pathSegment:
            if let problem = KubernetesSyntax.pathSegmentNameProblem(shown) {
                context.report(.namePathSegment, "\(kind) name \(problem)", at: [.field(field)])
            }
        }
    }

    /// `ValidateLabels`: keys are qualified names, values label values.
    static func checkLabels(_ labels: [String: String], in context: ValidationContext) {
        for (key, value) in labels {
            if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
                context.report(.labelKey, "label key \(problem)", at: [.key(key)])
            }
            if let problem = KubernetesSyntax.labelValueProblem(value) {
                context.report(.labelValue, "value of label \(key): \(problem)", at: [.key(key)])
            }
        }
    }

    /// The total size of annotations (`TotalAnnotationSizeLimitB`, 256 KiB).
    static let annotationSizeLimit = 256 * 1024

    /// `ValidateAnnotations`: keys are qualified names (checked lowercased), and all keys and values
    /// together fit in 256 KiB.
    static func checkAnnotations(_ annotations: [String: String], in context: ValidationContext) {
        var total = 0
        for (key, value) in annotations {
            total += key.utf8.count + value.utf8.count
            if !KubernetesSyntax.isQualifiedName(key.lowercased()),
                let problem = KubernetesSyntax.qualifiedNameProblem(key.lowercased())
            {
                context.report(.annotationKey, "annotation key \(problem)", at: [.key(key)])
            }
        }
        if total > annotationSizeLimit {
            context.report(
                .annotationSize,
                "annotations take \(total) bytes, more than the 262144 (256 KiB) allowed; move large data into a "
                    + "ConfigMap or shorten the values")
        }
    }

    // MARK: Shared value checks

    /// An enumeration value that must be one of `known` (empty values are defaulted by the API).
    static func checkEnum<T: RawRepresentable>(
        _ value: T?, known: [T], field: String, in context: ValidationContext, rule: Rule = .enumValue
    ) where T.RawValue == String {
        guard let value, !value.rawValue.isEmpty else { return }
        if known.contains(where: { $0.rawValue == value.rawValue }) { return }
        context.report(
            rule,
            "\(field) \"\(value.rawValue)\" is not supported; use one of "
                + known.map(\.rawValue).joined(separator: ", ")
                + enumHint(value.rawValue, known: known.map(\.rawValue)),
            at: [.field(field)])
    }

    /// " (did you mean X?)" when a known value differs only in case.
    static func enumHint(_ value: String, known: [String]) -> String {
        if let match = known.first(where: { $0.lowercased() == value.lowercased() }) {
            return " (did you mean \"\(match)\"?)"
        }
        return ""
    }

    /// A quantity that must parse; reports and returns `false` when it does not.
    @discardableResult
    static func checkQuantity(_ quantity: Quantity, at extra: [PathComponent], in context: ValidationContext) -> Bool {
        if quantity.isValid { return true }
        let reason = quantity.validationError.map { " (\($0))" } ?? ""
        context.report(
            .quantitySyntax,
            "\"\(quantity.description)\" is not a quantity\(reason); write a number with an optional suffix: "
                + "cpu as 500m or 2, memory as 512Mi or 2Gi (binary Ki, Mi, Gi, Ti, Pi, Ei; decimal k, M, G, T, P, E)",
            at: extra)
        return false
    }

    /// A map of quantities: each parses and (unless `allowNegative`) is not negative.
    static func checkQuantities(_ map: [String: Quantity]?, allowNegative: Bool = false, in context: ValidationContext)
    {
        guard let map else { return }
        for (name, quantity) in map {
            guard checkQuantity(quantity, at: [.key(name)], in: context) else { continue }
            if !allowNegative && quantity < 0 {
                context.report(
                    .quantityNegative, "\(name) is \(quantity.description); resource amounts must be 0 or more",
                    at: [.key(name)])
            }
        }
    }

    /// `ValidatePositiveIntOrPercent` and (optionally) `IsNotMoreThan100Percent`.
    static func checkIntOrPercent(
        _ value: IntOrString?, field: String, rule: Rule, atMost100: Bool, in context: ValidationContext
    ) {
        guard let value else { return }
        switch value {
        case .int(let number):
            if number < 0 {
                context.report(
                    rule, "\(field) is \(number); use an integer of 0 or more, or a percentage such as \"25%\"",
                    at: [.field(field)])
            }
        case .string(let text):
            guard let percent = value.percentage else {
                context.report(
                    rule,
                    "\(field) \"\(text)\" is neither an integer nor a percentage; write a number (2) or digits followed by '%' (\"25%\")",
                    at: [.field(field)])
                return
            }
            if atMost100 && percent > 100 {
                context.report(rule, "\(field) is \(text); a percentage here must not exceed 100%", at: [.field(field)])
            }
        }
    }

    /// The number an int-or-percent stands for when only zero-ness matters (`getIntOrPercentValue`).
    static func intOrPercentValue(_ value: IntOrString?) -> Int? {
        guard let value else { return nil }
        switch value {
        case .int(let number): return number
        case .string(let text): return value.percentage ?? Int(text) ?? 0
        }
    }

    /// A numeric field that must be at least `minimum`.
    static func checkMinimum<T: BinaryInteger>(
        _ value: T?, _ minimum: T, field: String, in context: ValidationContext, rule: Rule = .fieldRange
    ) {
        guard let value, value < minimum else { return }
        let bound = minimum == 0 ? "0 or more" : "at least \(minimum)"
        context.report(rule, "\(field) is \(value); it must be \(bound)", at: [.field(field)])
    }

    /// A numeric field that must lie in `range`.
    static func checkRange<T: BinaryInteger>(
        _ value: T?, _ range: ClosedRange<T>, field: String, in context: ValidationContext, rule: Rule = .fieldRange
    ) {
        guard let value, !range.contains(value) else { return }
        context.report(
            rule, "\(field) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)",
            at: [.field(field)])
    }

    // MARK: Label selectors

    /// `ValidateLabelSelector`: keys, operators and values of a label selector.
    static func checkLabelSelector(_ selector: LabelSelector, in context: ValidationContext) {
        if let labels = selector.matchLabels {
            context.field("matchLabels") {
                for (key, value) in labels {
                    if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
                        context.report(.selectorSyntax, "selector key \(problem)", at: [.key(key)])
                    }
                    if let problem = KubernetesSyntax.labelValueProblem(value) {
                        context.report(.selectorSyntax, "selector value for \(key): \(problem)", at: [.key(key)])
                    }
                }
            }
        }
        guard let expressions = selector.matchExpressions else { return }
        context.field("matchExpressions") {
            for (position, expression) in expressions.enumerated() {
                context.index(position) {
                    checkSelectorRequirement(
                        key: expression.key, operator: expression.operator.rawValue, values: expression.values,
                        known: LabelSelectorOperator.knownValues.map(\.rawValue), in: context)
                }
            }
        }
    }

    static func checkSelectorRequirement(
        key: String, operator op: String, values: [String]?, known: [String], in context: ValidationContext,
        rule: Rule = .selectorSyntax, checkValues: Bool = true
    ) {
        if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
            context.report(rule, "key \(problem)", at: ["key"])
        }
        let count = values?.count ?? 0
        switch op {
        case "In", "NotIn":
            if count == 0 {
                context.report(rule, "operator \(op) needs at least one value in values", at: ["values"])
            }
        case "Exists", "DoesNotExist":
            if count > 0 {
                context.report(rule, "operator \(op) takes no values; remove values", at: ["values"])
            }
        case "Gt", "Lt":
            if count != 1 || Int64(values?.first ?? "") == nil {
                context.report(rule, "operator \(op) needs exactly one integer value, such as [\"3\"]", at: ["values"])
            }
        default:
            context.report(
                rule, "operator \"\(op)\" is not supported; use one of \(known.joined(separator: ", "))",
                at: ["operator"])
        }
        if checkValues && (op == "In" || op == "NotIn") {
            for (position, value) in (values ?? []).enumerated() {
                if let problem = KubernetesSyntax.labelValueProblem(value) {
                    context.report(rule, problem, at: ["values", .index(position)])
                }
            }
        }
    }

    /// Whether `labels` satisfy `selector` (for the selector-matches-template rule).
    static func selectorMatches(_ selector: LabelSelector, _ labels: [String: String]) -> Bool {
        selector.matches(labels)
    }

    /// `"key=value,key2=value2"` for messages.
    static func describeLabels(_ labels: [String: String]) -> String {
        if labels.isEmpty { return "{}" }
        return "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
