/// A reason a NodePool disruption budget applies to (`spec.disruption.budgets[].reasons[]`).
public struct DisruptionReason: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The reason as written in manifests.
    public var rawValue: String

    /// Wraps a reason string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a reason written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The reason string.
    public var description: String { rawValue }

    /// `Underutilized`: the node would be consolidated onto cheaper or fewer nodes.
    public static let underutilized = DisruptionReason(rawValue: "Underutilized")
    /// `Empty`: the node runs no workload pods.
    public static let empty = DisruptionReason(rawValue: "Empty")
    /// `Drifted`: the node no longer matches its NodePool or EC2NodeClass.
    public static let drifted = DisruptionReason(rawValue: "Drifted")

    /// The reasons the v1.14 NodePool CRD accepts.
    public static let knownValues: [DisruptionReason] = [underutilized, empty, drifted]
}
