/// How Pod Security Admission acts on a level, as the namespace label names it.
public enum PodSecurityMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pods that violate the level are rejected (KubeKit: errors).
    case enforce
    /// Violations are returned as warnings to the user (KubeKit: warnings).
    case warn
    /// Violations are recorded in the audit log (KubeKit: warnings).
    case audit

    /// The label suffix: `enforce`, `warn` or `audit`.
    public var description: String { rawValue }

    /// The label that sets the level for this mode, `pod-security.kubernetes.io/<mode>`.
    public var levelLabel: String { "pod-security.kubernetes.io/\(rawValue)" }

    /// The label that pins the policy version for this mode, `pod-security.kubernetes.io/<mode>-version`.
    public var versionLabel: String { "pod-security.kubernetes.io/\(rawValue)-version" }
}
