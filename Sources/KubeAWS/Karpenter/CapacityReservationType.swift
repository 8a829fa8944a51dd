/// A value of the `karpenter.k8s.aws/capacity-reservation-type` label on reserved nodes.
public struct CapacityReservationType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
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

    /// `default`: an On-Demand Capacity Reservation.
    public static let `default` = CapacityReservationType(rawValue: "default")
    /// `capacity-block`: an EC2 Capacity Block (time-boxed, typically for GPU instances).
    public static let capacityBlock = CapacityReservationType(rawValue: "capacity-block")

    /// The values Karpenter v1.14 knows.
    public static let knownValues: [CapacityReservationType] = [.default, capacityBlock]
}
