/// The kind of an ``ALBAction``.
public struct ALBActionType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The `type` text.
    public var rawValue: String

    /// Wraps a type string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a type string written as a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The `type` text.
    public var description: String { rawValue }

    /// `fixed-response`.
    public static let fixedResponse = ALBActionType(rawValue: "fixed-response")
    /// `forward`.
    public static let forward = ALBActionType(rawValue: "forward")
    /// `redirect`.
    public static let redirect = ALBActionType(rawValue: "redirect")
}
