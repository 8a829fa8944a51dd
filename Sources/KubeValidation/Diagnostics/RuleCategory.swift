/// The family a rule belongs to.
public enum RuleCategory: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// What the Kubernetes API server enforces in its Go validation code. Findings are errors
    /// (a few are warnings the API server itself returns); their severity cannot be changed.
    case api
    /// Pod Security Admission: the baseline and restricted Pod Security Standards.
    case podSecurity
    /// Best practice and KubeKit's own checks; severities are defaults that configuration may change.
    case policy
    /// Checks across the whole input: references between objects, selectors that select
    /// nothing, autoscalers and disruption budgets that contradict each other, quota capacity.
    case crossResource = "cross-resource"

    /// `api`, `podSecurity`, `policy` or `cross-resource`.
    public var description: String { rawValue }
}
