import KubeModels

/// What a validation run checks and how it reports.
///
/// ```swift
/// var configuration = ValidationConfiguration()
/// configuration.policySets.insert(.podSecurityRestricted)
/// configuration.disable("POLICY-CPU-LIMIT")
/// configuration.setSeverity(.error, for: "POLICY-RUN-AS-NON-ROOT")
/// configuration.allowsSuppressions = false
/// let diagnostics = Validator(configuration: configuration).validate(manifests)
/// ```
public struct ValidationConfiguration: Sendable {
    /// The annotation that suppresses rules on one object: `kubekit.io/ignore: RULE-ID[,RULE-ID]`.
    public static let ignoreAnnotation = "kubekit.io/ignore"
    /// The annotation that must explain a suppression: `kubekit.io/ignore-reason: why`.
    public static let ignoreReasonAnnotation = "kubekit.io/ignore-reason"

    /// The policy sets to run (``PolicySet/defaults`` unless changed).
    public var policySets: Set<PolicySet>
    /// Rules that never report.
    public var disabledRules: Set<RuleID>
    /// Severity overrides for Pod Security and policy rules. API rules keep their severity: what
    /// the API server refuses is always an error (use ``disabledRules`` to turn one off).
    public private(set) var severityOverrides: [RuleID: Severity]
    /// Whether `kubekit.io/ignore` annotations take effect. When `false` they are reported
    /// (``Rule/suppressionForbidden``) and everything they name is reported as usual.
    public var allowsSuppressions: Bool
    /// The namespace of namespaced objects whose manifest names none (`kubectl apply` uses the
    /// current context's namespace; `default` unless set).
    public var defaultNamespace: String
    /// The node port range of the cluster (`--service-node-port-range`; 30000–32767 by default).
    public var nodePortRange: ClosedRange<Int>
    /// The Pod Security levels for namespaces without labels (the admission controller's
    /// `defaults`); privileged everywhere unless set.
    public var podSecurityDefaults: PodSecurityPolicy
    /// Namespaces the admission controller exempts from Pod Security checks.
    public var podSecurityExemptNamespaces: Set<String>
    /// Thresholds of the best-practice set.
    public var bestPractice: BestPracticeOptions
    /// The registry used to decode the items of `List` documents.
    public var registry: ResourceRegistry

    /// Creates a configuration with the default policy sets and no overrides.
    public init(
        policySets: Set<PolicySet> = PolicySet.defaults,
        disabledRules: Set<RuleID> = [],
        allowsSuppressions: Bool = true,
        defaultNamespace: String = "default",
        nodePortRange: ClosedRange<Int> = 30000...32767,
        podSecurityDefaults: PodSecurityPolicy = PodSecurityPolicy(),
        podSecurityExemptNamespaces: Set<String> = [],
        bestPractice: BestPracticeOptions = BestPracticeOptions(),
        registry: ResourceRegistry = .kubernetes
    ) {
        self.policySets = policySets
        self.disabledRules = disabledRules
        self.severityOverrides = [:]
        self.allowsSuppressions = allowsSuppressions
        self.defaultNamespace = defaultNamespace
        self.nodePortRange = nodePortRange
        self.podSecurityDefaults = podSecurityDefaults
        self.podSecurityExemptNamespaces = podSecurityExemptNamespaces
        self.bestPractice = bestPractice
        self.registry = registry
    }

    /// Turns a rule off.
    public mutating func disable(_ rule: RuleID) {
        disabledRules.insert(rule)
    }

    /// Changes the severity of a Pod Security or policy rule.
    ///
    /// - Returns: `false` (and changes nothing) for an API rule or an unknown ID.
    @discardableResult
    public mutating func setSeverity(_ severity: Severity, for rule: RuleID) -> Bool {
        guard let known = Rule.named(rule), known.category != .api else { return false }
        severityOverrides[rule] = severity
        return true
    }

    /// Whether a rule reports at all.
    public func isEnabled(_ rule: RuleID) -> Bool {
        !disabledRules.contains(rule)
    }

    /// The severity a rule reports with, given the severity the check chose.
    func severity(of rule: Rule, proposed: Severity) -> Severity {
        severityOverrides[rule.id] ?? proposed
    }
}

/// Thresholds and switches of the best-practice policy set.
public struct BestPracticeOptions: Sendable, Hashable {
    /// The name of the policy set, as reports show it.
    public var name: String
    /// The fewest replicas a Deployment or StatefulSet should run (``Rule/policyReplicas``).
    public var minimumReplicas: Int
    /// The lowest `minReplicas` an HPA should have (``Rule/policyHPAMinReplicas``).
    public var minimumHPAReplicas: Int
    /// Substrings (lowercase) of environment variable names that mark a value as a secret.
    public var secretNameMarkers: [String]

    /// Creates options with KubeKit's recommended thresholds.
    public init(
        name: String = "kubekit-recommended", minimumReplicas: Int = 2, minimumHPAReplicas: Int = 2,
        secretNameMarkers: [String] = [
            "password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "private_key",
            "privatekey", "credential", "access_key", "accesskey",
        ]
    ) {
        self.name = name
        self.minimumReplicas = minimumReplicas
        self.minimumHPAReplicas = minimumHPAReplicas
        self.secretNameMarkers = secretNameMarkers
    }
}
