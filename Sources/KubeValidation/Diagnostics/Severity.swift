/// How serious a finding is.
///
/// Ordered from least to most serious, so `severity >= .warning` selects warnings and errors.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable, CustomStringConvertible {
    /// A remark worth knowing; never fails a build.
    case info
    /// Something that will probably cause trouble or goes against good practice.
    case warning
    /// Something the cluster would refuse, or that policy forbids.
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    /// Orders `info < warning < error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    /// `error`, `warning` or `info`.
    public var description: String { rawValue }
}
