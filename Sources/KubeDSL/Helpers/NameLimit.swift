import KubeModels

/// The length and character rules of an object name or label value.
///
/// Kubernetes names come in three shapes: DNS labels (63 characters, no dots: Namespaces,
/// Services, label values), DNS subdomains (253 characters, dots allowed: most kinds), and
/// the shorter limits of kinds whose names are copied into generated names or labels
/// (a CronJob's Jobs add 11 characters, so 52).
public struct NameLimit: Hashable, Sendable {
    /// The most characters a name may have.
    public var maxLength: Int
    /// Whether dots may separate parts (DNS subdomains).
    public var allowsDots: Bool
    /// Whether the first character must be a letter (DNS-1035 labels, used by Services).
    public var requiresLeadingLetter: Bool

    /// Creates a limit.
    public init(maxLength: Int, allowsDots: Bool, requiresLeadingLetter: Bool = false) {
        self.maxLength = maxLength
        self.allowsDots = allowsDots
        self.requiresLeadingLetter = requiresLeadingLetter
    }

    /// A DNS-1123 label: 63 lowercase letters, digits and hyphens. Also right for label values.
    public static let dnsLabel = NameLimit(maxLength: 63, allowsDots: false)
    /// A DNS-1035 label: like ``dnsLabel`` but starting with a letter (Service names).
    public static let serviceName = NameLimit(maxLength: 63, allowsDots: false, requiresLeadingLetter: true)
    /// A DNS-1123 subdomain: 253 characters, dot-separated labels.
    public static let dnsSubdomain = NameLimit(maxLength: 253, allowsDots: true)
    /// A CronJob name: 52 characters, because each Job it creates appends 11.
    public static let cronJob = NameLimit(maxLength: 52, allowsDots: false)
    /// A StatefulSet name: 52 characters, because its pods carry the name plus an 11-character
    /// revision hash in a 63-character label.
    public static let statefulSet = NameLimit(maxLength: 52, allowsDots: false)

    /// The limit for objects of a kind.
    ///
    /// Namespaces, Services, Jobs (their name becomes a label value), NodePools and
    /// EC2NodeClasses (likewise) are labels; CronJobs and StatefulSets have 52 characters;
    /// everything else is a subdomain.
    public static func forKind(_ kind: String, group: String = "") -> NameLimit {
        switch (group, kind) {
        case ("", "Service"): return .serviceName
        case ("", "Namespace"), ("batch", "Job"), ("karpenter.sh", "NodePool"), ("karpenter.k8s.aws", "EC2NodeClass"):
            return .dnsLabel
        case ("batch", "CronJob"): return .cronJob
        case ("apps", "StatefulSet"): return .statefulSet
        default: return .dnsSubdomain
        }
    }

    /// The limit for objects of model type `type`.
    public static func forKind<R: Resource>(_ type: R.Type) -> NameLimit {
        forKind(R.kind, group: R.group)
    }

    /// Whether `name` is valid under this limit.
    public func accepts(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maxLength else { return false }
        let parts = allowsDots ? name.split(separator: ".", omittingEmptySubsequences: false) : [Substring(name)]
        for part in parts {
            guard let first = part.utf8.first, let last = part.utf8.last else { return false }
            guard Self.isAlphanumeric(first), Self.isAlphanumeric(last) else { return false }
            guard part.utf8.allSatisfy({ Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        if requiresLeadingLetter, let first = name.utf8.first, !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        {
            return false
        }
        return true
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
