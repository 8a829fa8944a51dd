/// The stable identifier of a rule, such as `K8S-NAME-DNS1123` or `POLICY-RUN-AS-NON-ROOT`.
///
/// IDs never change meaning once published, so they are safe to use in configuration files and
/// in `kubekit.io/ignore` annotations.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier text.
    public var rawValue: String

    /// Wraps an identifier.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps an identifier literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Wraps an identifier.
    public init(_ value: String) {
        self.rawValue = value
    }

    /// Orders identifiers alphabetically.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The identifier text.
    public var description: String { rawValue }

    /// Decodes the identifier from a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
