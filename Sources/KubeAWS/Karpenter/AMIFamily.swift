/// An EC2NodeClass `spec.amiFamily`: how Karpenter builds user data and picks default block devices.
///
/// Optional when the class selects its AMI with an ``AMIAlias`` (the family follows from the
/// alias); required otherwise. Other strings still decode.
public struct AMIFamily: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The family as written in manifests.
    public var rawValue: String

    /// Wraps a family string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a family written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The family string.
    public var description: String { rawValue }

    /// `AL2`: Amazon Linux 2.
    public static let al2 = AMIFamily(rawValue: "AL2")
    /// `AL2023`: Amazon Linux 2023.
    public static let al2023 = AMIFamily(rawValue: "AL2023")
    /// `Bottlerocket`: the container-optimised Bottlerocket OS.
    public static let bottlerocket = AMIFamily(rawValue: "Bottlerocket")
    /// `Custom`: Karpenter adds no bootstrap logic; you supply complete user data.
    public static let custom = AMIFamily(rawValue: "Custom")
    /// `Windows2019`: Windows Server 2019.
    public static let windows2019 = AMIFamily(rawValue: "Windows2019")
    /// `Windows2022`: Windows Server 2022.
    public static let windows2022 = AMIFamily(rawValue: "Windows2022")
    /// `Windows2025`: Windows Server 2025.
    public static let windows2025 = AMIFamily(rawValue: "Windows2025")

    /// The families the v1.14 EC2NodeClass CRD accepts.
    public static let knownValues: [AMIFamily] = [
        al2, al2023, bottlerocket, custom, windows2019, windows2022, windows2025,
    ]

    /// Whether an EC2NodeClass with this `amiFamily` may select its AMI with `alias`.
    ///
    /// Mirrors the CRD rules: the family must be the alias's own family or ``custom``.
    public func isCompatible(with alias: AMIAlias) -> Bool {
        self == .custom || self == alias.family.amiFamily
    }
}
