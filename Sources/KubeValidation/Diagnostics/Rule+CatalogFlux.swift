// Rules for Flux (Kustomization, HelmRelease and the source kinds). The API rules restate the
// schemas and x-kubernetes-validations (CEL) rules of the Flux CRDs; the policy rules are
// KubeKit's cross-resource checks of the dependency graph.

extension Rule {
    /// The object does not match the CRD's structural schema.
    public static let fluxSchema = Rule(
        "FLUX-SCHEMA", .error, .api,
        "Flux objects must match the CRD schema: required fields present, known fields only, right types.")
    /// `kubeConfig` names exactly one reference.
    public static let fluxKubeConfig = Rule(
        "FLUX-KUBECONFIG-REF", .error, .api, "spec.kubeConfig sets exactly one of secretRef and configMapRef.")
    /// HelmRelease sets chart or chartRef.
    public static let fluxHelmReleaseChart = Rule(
        "FLUX-HELMRELEASE-CHART", .error, .api, "A HelmRelease sets exactly one of spec.chart and spec.chartRef.")
    /// Strategy retry intervals.
    public static let fluxRetryInterval = Rule(
        "FLUX-HELMRELEASE-RETRY-INTERVAL", .error, .api,
        "install/upgrade strategy retryInterval only goes with strategy name RetryOnFailure.")
    /// GitRepository service accounts.
    public static let fluxGitServiceAccount = Rule(
        "FLUX-GIT-SERVICE-ACCOUNT", .error, .api,
        "A GitRepository sets serviceAccountName only with provider aws or azure.")
    /// Source reference kinds.
    public static let fluxSourceRefKind = Rule(
        "FLUX-SOURCE-REF-KIND", .error, .api,
        "sourceRef and chartRef kinds must be source kinds the controller accepts for that field.")
    /// Schema patterns and lengths.
    public static let fluxFieldFormat = Rule(
        "FLUX-FIELD-FORMAT", .error, .api,
        "Flux fields match their schema patterns and lengths (durations such as 5m, source URLs, names).")
    /// Schema enumerations.
    public static let fluxEnum = Rule(
        "FLUX-ENUM", .error, .api, "Flux enumerations take one of their listed values (providers, strategies ...).")
    /// `dependsOn` names exist.
    public static let fluxDependsOnMissing = Rule(
        "FLUX-DEPENDS-ON-MISSING", .warning, .policy,
        "dependsOn should name Kustomizations (HelmReleases) that exist; otherwise reconciliation waits forever.")
    /// `dependsOn` has no cycle.
    public static let fluxDependsOnCycle = Rule(
        "FLUX-DEPENDS-ON-CYCLE", .error, .policy,
        "dependsOn must not form a cycle; Flux would never reconcile any object in it.")
    /// Sources named by sourceRef exist.
    public static let fluxSourceMissing = Rule(
        "FLUX-SOURCE-MISSING", .warning, .policy,
        "sourceRef and chartRef should name a source that exists in the input (or in the cluster).")

    /// The Flux rules, in catalog order.
    public static let fluxCatalog: [Rule] = [
        fluxSchema, fluxKubeConfig, fluxHelmReleaseChart, fluxRetryInterval, fluxGitServiceAccount,
        fluxSourceRefKind, fluxFieldFormat, fluxEnum, fluxDependsOnMissing, fluxDependsOnCycle, fluxSourceMissing,
    ]
}
