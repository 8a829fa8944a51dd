/// How many findings of each severity a list holds.
public struct DiagnosticSummary: Hashable, Sendable, Codable {
    /// The number of errors.
    public var errors: Int
    /// The number of warnings.
    public var warnings: Int
    /// The number of infos.
    public var infos: Int

    /// Counts `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        var errors = 0
        var warnings = 0
        var infos = 0
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }
}
