/// The family a rule belongs to.
public enum RuleCategory: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// What the Kubernetes API server enforces in its Go validation code. Findings are errors
    /// (a few are warnings the API server itself returns); their severity cannot be changed.
    case api
    /// Pod Security Admission: the baseline and restricted Pod Security Standards.
    case podSecurity
    /// Best practice and KubeKit's own checks; severities are defaults that configuration may change.
    case policy

    /// `api`, `podSecurity` or `policy`.
    public var description: String { rawValue }
}
