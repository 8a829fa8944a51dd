/// How the cluster maps IAM principals to Kubernetes identities (`accessConfig.authenticationMode`).
public struct EKSAuthenticationMode: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
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

    /// `CONFIG_MAP`: only the `aws-auth` ConfigMap (legacy).
    public static let configMap = EKSAuthenticationMode(rawValue: "CONFIG_MAP")
    /// `API`: only EKS access entries.
    public static let api = EKSAuthenticationMode(rawValue: "API")
    /// `API_AND_CONFIG_MAP`: access entries and the ConfigMap. eksctl's default.
    public static let apiAndConfigMap = EKSAuthenticationMode(rawValue: "API_AND_CONFIG_MAP")

    /// The modes EKS accepts.
    public static let knownValues: [EKSAuthenticationMode] = [configMap, api, apiAndConfigMap]

    /// Whether `accessConfig.accessEntries` may be used with this mode.
    public var supportsAccessEntries: Bool { self != .configMap }
}
