/// A check KubeKit can run: its identifier, default severity, category and a one-line summary.
///
/// Every rule is listed in ``Rule/catalog``; output formats (SARIF) publish the catalog so tools
/// can show what each ID means.
public struct Rule: Hashable, Sendable, Identifiable, CustomStringConvertible {
    /// The stable identifier.
    public let id: RuleID
    /// The severity of a finding unless configuration changes it.
    public let defaultSeverity: Severity
    /// The family of the rule.
    public let category: RuleCategory
    /// What the rule checks, in one line.
    public let summary: String

    /// Creates a rule.
    public init(_ id: RuleID, _ defaultSeverity: Severity, _ category: RuleCategory, _ summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.category = category
        self.summary = summary
    }

    /// `ID (severity): summary`.
    public var description: String { "\(id) (\(defaultSeverity)): \(summary)" }
}
