/// The operating-system image family of an eksctl node group (`amiFamily`).
///
/// These are eksctl's names, not Karpenter's (see ``AMIFamily`` for an EC2NodeClass).
public struct EKSAMIFamily: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The family name.
    public var rawValue: String

    /// Wraps a family name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a family name written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The family name.
    public var description: String { rawValue }

    /// `AmazonLinux2023`: eksctl's default.
    public static let amazonLinux2023 = EKSAMIFamily(rawValue: "AmazonLinux2023")
    /// `AmazonLinux2`: refused for Kubernetes 1.33 and later.
    public static let amazonLinux2 = EKSAMIFamily(rawValue: "AmazonLinux2")
    /// `UbuntuPro2604`.
    public static let ubuntuPro2604 = EKSAMIFamily(rawValue: "UbuntuPro2604")
    /// `Ubuntu2604`.
    public static let ubuntu2604 = EKSAMIFamily(rawValue: "Ubuntu2604")
    /// `UbuntuPro2404`.
    public static let ubuntuPro2404 = EKSAMIFamily(rawValue: "UbuntuPro2404")
    /// `Ubuntu2404`.
    public static let ubuntu2404 = EKSAMIFamily(rawValue: "Ubuntu2404")
    /// `UbuntuPro2204`.
    public static let ubuntuPro2204 = EKSAMIFamily(rawValue: "UbuntuPro2204")
    /// `Ubuntu2204`.
    public static let ubuntu2204 = EKSAMIFamily(rawValue: "Ubuntu2204")
    /// `UbuntuPro2004`.
    public static let ubuntuPro2004 = EKSAMIFamily(rawValue: "UbuntuPro2004")
    /// `Ubuntu2004`.
    public static let ubuntu2004 = EKSAMIFamily(rawValue: "Ubuntu2004")
    /// `Bottlerocket`.
    public static let bottlerocket = EKSAMIFamily(rawValue: "Bottlerocket")
    /// `BottlerocketFips`: Bottlerocket with FIPS-validated cryptography.
    public static let bottlerocketFIPS = EKSAMIFamily(rawValue: "BottlerocketFips")
    /// `WindowsServer2019CoreContainer`.
    public static let windowsServer2019CoreContainer = EKSAMIFamily(rawValue: "WindowsServer2019CoreContainer")
    /// `WindowsServer2019FullContainer`.
    public static let windowsServer2019FullContainer = EKSAMIFamily(rawValue: "WindowsServer2019FullContainer")
    /// `WindowsServer2022CoreContainer`.
    public static let windowsServer2022CoreContainer = EKSAMIFamily(rawValue: "WindowsServer2022CoreContainer")
    /// `WindowsServer2022FullContainer`.
    public static let windowsServer2022FullContainer = EKSAMIFamily(rawValue: "WindowsServer2022FullContainer")
    /// `WindowsServer2025CoreContainer`.
    public static let windowsServer2025CoreContainer = EKSAMIFamily(rawValue: "WindowsServer2025CoreContainer")
    /// `WindowsServer2025FullContainer`.
    public static let windowsServer2025FullContainer = EKSAMIFamily(rawValue: "WindowsServer2025FullContainer")

    /// The families in eksctl v0.230's schema, in its order.
    public static let knownValues: [EKSAMIFamily] = [
        amazonLinux2023, amazonLinux2, ubuntuPro2604, ubuntu2604, ubuntuPro2404, ubuntu2404, ubuntuPro2204,
        ubuntu2204, ubuntuPro2004, ubuntu2004, bottlerocket, bottlerocketFIPS, windowsServer2019CoreContainer,
        windowsServer2019FullContainer, windowsServer2022CoreContainer, windowsServer2022FullContainer,
        windowsServer2025CoreContainer, windowsServer2025FullContainer,
    ]

    /// The family eksctl uses when `amiFamily` is omitted.
    public static let defaultValue: EKSAMIFamily = .amazonLinux2023

    /// Whether the family runs Windows.
    public var isWindows: Bool { rawValue.hasPrefix("WindowsServer") }
    /// Whether the family is a Bottlerocket one.
    public var isBottlerocket: Bool { rawValue.hasPrefix("Bottlerocket") }
    /// Whether the family is an Ubuntu (or Ubuntu Pro) one.
    public var isUbuntu: Bool { rawValue.hasPrefix("Ubuntu") }
}
