/// A value of the `node.kubernetes.io/windows-build` label on Windows nodes.
public struct WindowsBuild: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
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

    /// `10.0.17763`: Windows Server 2019.
    public static let windowsServer2019 = WindowsBuild(rawValue: "10.0.17763")
    /// `10.0.20348`: Windows Server 2022.
    public static let windowsServer2022 = WindowsBuild(rawValue: "10.0.20348")
    /// `10.0.26100`: Windows Server 2025.
    public static let windowsServer2025 = WindowsBuild(rawValue: "10.0.26100")

    /// The builds Karpenter v1.14 has AMI families for.
    public static let knownValues: [WindowsBuild] = [windowsServer2019, windowsServer2022, windowsServer2025]
}
