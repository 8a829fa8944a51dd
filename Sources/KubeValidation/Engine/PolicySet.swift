/// A named group of rules that a validation run can include.
///
/// ``apiServer`` is what the cluster would refuse; the others are opt-in or opt-out policy.
public enum PolicySet: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The checks the Kubernetes API server makes in code (category ``RuleCategory/api``).
    case apiServer = "api"
    /// Pod Security Admission as a cluster applies it: every pod template checked against the
    /// level its namespace's `pod-security.kubernetes.io/enforce|warn|audit` labels choose.
    case podSecurityAdmission = "pod-security"
    /// Every pod template checked against the baseline Pod Security Standard, whatever its
    /// namespace says. Findings are errors.
    case podSecurityBaseline = "pss-baseline"
    /// Every pod template checked against the restricted Pod Security Standard (which includes
    /// baseline), whatever its namespace says. Findings are errors.
    case podSecurityRestricted = "pss-restricted"
    /// KubeKit's recommended practices, the checks that kube-linter, kube-score, Polaris and checkov
    /// share (category ``RuleCategory/policy``).
    case bestPractice = "best-practice"
    /// Checks that need the whole input: missing references, selectors that select nothing,
    /// HPA/PDB conflicts and ResourceQuota capacity at maximum scale (category
    /// ``RuleCategory/crossResource``).
    case crossResource = "cross-resource"

    /// The name used on the command line (`--policy NAME`).
    public var description: String { rawValue }

    /// The sets a run uses unless told otherwise: API rules, Pod Security Admission by namespace
    /// labels, best practice and the cross-resource checks.
    public static let defaults: Set<PolicySet> = [.apiServer, .podSecurityAdmission, .bestPractice, .crossResource]
}
