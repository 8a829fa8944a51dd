/// The EBS volume type of an eksctl node group's root volume (`volumeType`).
public struct EKSVolumeType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The volume type as written in the config.
    public var rawValue: String

    /// Wraps a volume type.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a volume type written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The volume type.
    public var description: String { rawValue }

    /// `gp2`: general-purpose SSD, performance tied to size.
    public static let gp2 = EKSVolumeType(rawValue: "gp2")
    /// `gp3`: general-purpose SSD with provisioned IOPS and throughput. eksctl's default.
    public static let gp3 = EKSVolumeType(rawValue: "gp3")
    /// `io1`: provisioned-IOPS SSD.
    public static let io1 = EKSVolumeType(rawValue: "io1")
    /// `io2`: provisioned-IOPS SSD with higher durability.
    public static let io2 = EKSVolumeType(rawValue: "io2")
    /// `sc1`: cold HDD.
    public static let sc1 = EKSVolumeType(rawValue: "sc1")
    /// `st1`: throughput-optimised HDD.
    public static let st1 = EKSVolumeType(rawValue: "st1")

    /// The types eksctl v0.230's schema accepts.
    public static let knownValues: [EKSVolumeType] = [gp2, gp3, io1, io2, sc1, st1]

    /// The IOPS eksctl accepts for this type (`volumeIOPS`), or `nil` when the type takes none.
    public var iopsRange: ClosedRange<Int>? {
        switch self {
        case .gp3: return 3000...16000
        case .io1: return 100...64000
        case .io2: return 100...256_000
        default: return nil
        }
    }

    /// The throughput in MiB/s eksctl accepts (`volumeThroughput`, gp3 only), or `nil`.
    public var throughputRange: ClosedRange<Int>? { self == .gp3 ? 125...1000 : nil }
}
