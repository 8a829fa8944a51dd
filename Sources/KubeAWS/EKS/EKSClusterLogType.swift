/// A control-plane log stream eksctl can send to CloudWatch (`cloudWatch.clusterLogging.enableTypes[]`).
public struct EKSClusterLogType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The log type as written in the config.
    public var rawValue: String

    /// Wraps a log type.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a log type written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The log type.
    public var description: String { rawValue }

    /// `api`: the API server's own log.
    public static let api = EKSClusterLogType(rawValue: "api")
    /// `audit`: the Kubernetes audit log.
    public static let audit = EKSClusterLogType(rawValue: "audit")
    /// `authenticator`: the IAM authenticator's log.
    public static let authenticator = EKSClusterLogType(rawValue: "authenticator")
    /// `controllerManager`: the controller manager's log.
    public static let controllerManager = EKSClusterLogType(rawValue: "controllerManager")
    /// `scheduler`: the scheduler's log.
    public static let scheduler = EKSClusterLogType(rawValue: "scheduler")
    /// `all`: shorthand that eksctl expands to every type.
    public static let all = EKSClusterLogType(rawValue: "all")
    /// `*`: the same shorthand as ``all``.
    public static let wildcard = EKSClusterLogType(rawValue: "*")

    /// The five concrete log types, in the order EKS lists them.
    public static let everyType: [EKSClusterLogType] = [api, audit, authenticator, controllerManager, scheduler]

    /// Every value eksctl v0.230's schema accepts, shorthands included.
    public static let knownValues: [EKSClusterLogType] = everyType + [all, wildcard]

    /// The concrete types a list enables: shorthands expand to ``everyType``; duplicates are dropped.
    public static func expand(_ types: [EKSClusterLogType]) -> [EKSClusterLogType] {
        if types.contains(.all) || types.contains(.wildcard) { return everyType }
        var seen: Set<EKSClusterLogType> = []
        return types.filter { seen.insert($0).inserted }
    }

    /// The retention periods, in days, CloudWatch accepts for `logRetentionInDays`.
    public static let validRetentionDays: [Int] = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653,
    ]
}
