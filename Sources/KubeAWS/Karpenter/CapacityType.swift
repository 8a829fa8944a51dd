/// A value of the `karpenter.sh/capacity-type` label: how an instance is paid for.
///
/// Only the three constants are values Karpenter understands; a requirement that allows nothing
/// else makes the NodePool not ready. Other strings still decode, for forward compatibility.
public struct CapacityType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The label value.
    public var rawValue: String

    /// Wraps a label value.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a label value written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The label value.
    public var description: String { rawValue }

    /// `on-demand`: regular EC2 pricing.
    public static let onDemand = CapacityType(rawValue: "on-demand")
    /// `spot`: spare capacity that AWS can reclaim with a two-minute warning.
    public static let spot = CapacityType(rawValue: "spot")
    /// `reserved`: capacity from an On-Demand Capacity Reservation or a Capacity Block.
    public static let reserved = CapacityType(rawValue: "reserved")

    /// The values Karpenter v1.14 knows.
    public static let knownValues: [CapacityType] = [onDemand, spot, reserved]
}
