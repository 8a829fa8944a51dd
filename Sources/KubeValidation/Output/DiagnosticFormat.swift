/// The output formats `kubekit validate --format` offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// One line per finding plus a summary (``TextFormatter``).
    case text
    /// A JSON document with a summary and the findings (``JSONFormatter``).
    case json
    /// SARIF 2.1.0, for code scanning tools (``SARIFFormatter``).
    case sarif

    /// The formatter for this format, with default options.
    public var formatter: any DiagnosticFormatter {
        switch self {
        case .text: return TextFormatter()
        case .json: return JSONFormatter()
        case .sarif: return SARIFFormatter()
        }
    }

    /// `text`, `json` or `sarif`.
    public var description: String { rawValue }
}
