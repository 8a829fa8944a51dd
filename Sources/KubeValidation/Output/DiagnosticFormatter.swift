/// Turns diagnostics into text for people or tools.
public protocol DiagnosticFormatter: Sendable {
    /// The formatted output for `diagnostics`, in the order given.
    func format(_ diagnostics: [Diagnostic]) -> String
}
