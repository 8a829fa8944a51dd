/// Formats diagnostics one per line, compiler style, followed by a summary line:
///
/// ```text
/// deploy.yaml:4:9: error[K8S-NAME-DNS1123] Deployment default/Bad_Name metadata.name: "Bad_Name" is not …
/// 1 error, 0 warnings, 0 infos
/// ```
public struct TextFormatter: DiagnosticFormatter {
    /// The lowest severity to print.
    public var minimumSeverity: Severity
    /// Whether to end with a count of errors, warnings and infos.
    public var includesSummary: Bool

    /// Creates a formatter.
    public init(minimumSeverity: Severity = .info, includesSummary: Bool = true) {
        self.minimumSeverity = minimumSeverity
        self.includesSummary = includesSummary
    }

    /// One line per diagnostic, then the summary.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics where diagnostic.severity >= minimumSeverity {
            out += diagnostic.description
            out += "\n"
        }
        if includesSummary {
            let summary = DiagnosticSummary(diagnostics)
            out +=
                "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), "
                + "\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), "
                + "\(summary.infos) info\(summary.infos == 1 ? "" : "s")\n"
        }
        return out
    }
}
