/// A Pod Security Standard level.
public enum PodSecurityLevel: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// No restrictions.
    case privileged
    /// Prevents known privilege escalations.
    case baseline
    /// Current pod hardening practice; includes baseline.
    case restricted

    private var rank: Int {
        switch self {
        case .privileged: return 0
        case .baseline: return 1
        case .restricted: return 2
        }
    }

    /// Orders `privileged < baseline < restricted`.
    public static func < (lhs: PodSecurityLevel, rhs: PodSecurityLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The label value: `privileged`, `baseline` or `restricted`.
    public var description: String { rawValue }
}
