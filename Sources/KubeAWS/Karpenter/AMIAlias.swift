/// An EC2NodeClass AMI alias, `family@version`, such as `al2023@latest` or `bottlerocket@v1.10.0`.
///
/// Put its ``description`` in `spec.amiSelectorTerms[].alias`. Creating one checks the same
/// rules the v1.14 CRD enforces, so an alias you can build is one the API server accepts:
///
/// ```swift
/// let pinned = try AMIAlias(family: .al2023, version: "v20240807")
/// let windows = AMIAlias.latest(.windows2022)          // "windows2022@latest"
/// let parsed = try AMIAlias("bottlerocket@latest")
/// ```
///
/// An alias must be the only AMI selector term of its EC2NodeClass, and a `spec.amiFamily`
/// next to it must be the alias's family or `Custom` (see ``AMIFamily/isCompatible(with:)``).
public struct AMIAlias: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The longest alias the CRD accepts, in characters.
    public static let maximumLength = 30

    /// An operating-system family an alias can name.
    public enum Family: String, CaseIterable, Codable, Hashable, Sendable {
        /// `al2`: Amazon Linux 2.
        case al2
        /// `al2023`: Amazon Linux 2023.
        case al2023
        /// `bottlerocket`: Bottlerocket.
        case bottlerocket
        /// `windows2019`: Windows Server 2019 (only `@latest`).
        case windows2019
        /// `windows2022`: Windows Server 2022 (only `@latest`).
        case windows2022
        /// `windows2025`: Windows Server 2025 (only `@latest`).
        case windows2025

        /// Whether this is a Windows family, which may only be used with ``Version/latest``.
        public var isWindows: Bool {
            self == .windows2019 || self == .windows2022 || self == .windows2025
        }

        /// The `spec.amiFamily` value this alias family stands for.
        public var amiFamily: AMIFamily {
            switch self {
            case .al2: return .al2
            case .al2023: return .al2023
            case .bottlerocket: return .bottlerocket
            case .windows2019: return .windows2019
            case .windows2022: return .windows2022
            case .windows2025: return .windows2025
            }
        }
    }

    /// The part after `@`: `latest`, or a pinned AMI release such as `v20240807` or `v1.10.0`.
    public struct Version: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The version text.
        public var rawValue: String

        /// Wraps version text; it is checked when an ``AMIAlias`` is made from it.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Wraps version text written as a string literal.
        public init(stringLiteral value: String) { self.rawValue = value }

        /// The version text.
        public var description: String { rawValue }

        /// `latest`: the newest AMI release, re-resolved as new releases appear (nodes then drift).
        public static let latest = Version(rawValue: "latest")

        /// Whether this is ``latest``.
        public var isLatest: Bool { self == .latest }
    }

    /// The operating-system family.
    public let family: Family
    /// The AMI release.
    public let version: Version

    /// Makes an alias, checking it against the EC2NodeClass CRD rules.
    ///
    /// - Throws: ``AMIAliasError`` when the version is empty or contains `@` or a line break,
    ///   when a Windows family is pinned to anything but `latest`, or when the alias would be
    ///   longer than ``maximumLength``.
    public init(family: Family, version: Version = .latest) throws {
        try Self.check(family: family, version: version.rawValue)
        self.family = family
        self.version = version
    }

    /// Parses alias text such as `al2023@v20240807`.
    ///
    /// - Throws: ``AMIAliasError`` naming the rule the text breaks.
    public init(_ text: String) throws {
        if text.count > Self.maximumLength {
            throw AMIAliasError.tooLong(text)
        }
        guard let at = text.firstIndex(of: "@") else {
            throw AMIAliasError.malformed(text)
        }
        let familyText = String(text[..<at])
        let versionText = String(text[text.index(after: at)...])
        let familyIsAlphanumeric = familyText.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        if familyText.isEmpty || !familyIsAlphanumeric || versionText.isEmpty
            || versionText.contains(where: \.isNewline)
        {
            throw AMIAliasError.malformed(text)
        }
        guard let family = Family(rawValue: familyText) else {
            throw AMIAliasError.unsupportedFamily(familyText)
        }
        try self.init(family: family, version: Version(rawValue: versionText))
    }

    /// The alias that follows the newest AMI of `family`; always valid.
    public static func latest(_ family: Family) -> AMIAlias {
        AMIAlias(uncheckedFamily: family, version: .latest)
    }

    private init(uncheckedFamily family: Family, version: Version) {
        self.family = family
        self.version = version
    }

    /// The alias text, `family@version`, as it goes into `amiSelectorTerms[].alias`.
    public var description: String { "\(family.rawValue)@\(version.rawValue)" }

    /// Decodes an alias from its text, applying the same checks as ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch let error as AMIAliasError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the alias as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func check(family: Family, version: String) throws {
        if version.isEmpty || version.contains(where: \.isNewline) {
            throw AMIAliasError.malformed("\(family.rawValue)@\(version)")
        }
        if version.contains("@") {
            throw AMIAliasError.invalidVersion(version)
        }
        if family.isWindows && version != Version.latest.rawValue {
            throw AMIAliasError.windowsRequiresLatest(family)
        }
        let text = "\(family.rawValue)@\(version)"
        if text.count > maximumLength {
            throw AMIAliasError.tooLong(text)
        }
    }
}
