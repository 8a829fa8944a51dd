/// A value of the `kubernetes.io/arch` label.
///
/// Karpenter reports AWS's `x86_64` as ``amd64``. Other strings still decode.
public struct Architecture: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
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

    /// `amd64`: 64-bit x86 (Intel and AMD).
    public static let amd64 = Architecture(rawValue: "amd64")
    /// `arm64`: 64-bit Arm, which on AWS means Graviton.
    public static let arm64 = Architecture(rawValue: "arm64")

    /// The values Karpenter's AWS provider produces.
    public static let knownValues: [Architecture] = [amd64, arm64]
}
