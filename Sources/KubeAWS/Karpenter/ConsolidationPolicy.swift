/// A NodePool's `spec.disruption.consolidationPolicy`: which nodes Karpenter may consolidate.
public struct ConsolidationPolicy: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The policy as written in manifests.
    public var rawValue: String

    /// Wraps a policy string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a policy written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The policy string.
    public var description: String { rawValue }

    /// `WhenEmpty`: only nodes without workload pods are removed.
    public static let whenEmpty = ConsolidationPolicy(rawValue: "WhenEmpty")
    /// `WhenEmptyOrUnderutilized`: empty nodes are removed and underused ones replaced by cheaper
    /// capacity. The API server fills this in when the field is omitted.
    public static let whenEmptyOrUnderutilized = ConsolidationPolicy(rawValue: "WhenEmptyOrUnderutilized")
    /// `Balanced`: consolidates underused nodes only when the savings outweigh the disruption.
    public static let balanced = ConsolidationPolicy(rawValue: "Balanced")

    /// The policies the v1.14 NodePool CRD accepts. (v1beta1's `WhenUnderutilized` is gone.)
    public static let knownValues: [ConsolidationPolicy] = [whenEmpty, whenEmptyOrUnderutilized, balanced]

    /// The value the API server applies when the field is omitted.
    public static let defaultValue: ConsolidationPolicy = .whenEmptyOrUnderutilized
}
