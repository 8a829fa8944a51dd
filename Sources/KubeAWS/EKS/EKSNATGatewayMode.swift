/// How eksctl provisions NAT for private subnets (`vpc.nat.gateway`).
public struct EKSNATGatewayMode: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The mode as written in the config.
    public var rawValue: String

    /// Wraps a mode.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a mode written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The mode.
    public var description: String { rawValue }

    /// `HighlyAvailable`: one NAT gateway per availability zone.
    public static let highlyAvailable = EKSNATGatewayMode(rawValue: "HighlyAvailable")
    /// `Single`: one NAT gateway for the whole VPC. eksctl's default.
    public static let single = EKSNATGatewayMode(rawValue: "Single")
    /// `Disable`: no NAT gateway.
    public static let disable = EKSNATGatewayMode(rawValue: "Disable")

    /// The modes eksctl v0.230's schema accepts.
    public static let knownValues: [EKSNATGatewayMode] = [highlyAvailable, single, disable]
}
