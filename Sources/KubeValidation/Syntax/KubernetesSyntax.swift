/// The string formats the Kubernetes API server checks in its Go code: DNS labels and subdomains,
/// qualified names (label keys), label values, port names, path segments, data keys and
/// environment variable names.
///
/// Each format has a fast `is…` predicate, written as a hand-made matcher over UTF-8 bytes (no
/// regular expressions), and a `…Problem` function that returns `nil` for a valid string or a
/// sentence that says what is wrong and what the format allows. The rules follow
/// `k8s.io/apimachinery/pkg/util/validation` of Kubernetes v1.37.
public enum KubernetesSyntax {
    /// The longest DNS-1123 or DNS-1035 label: 63 characters.
    public static let labelMaximumLength = 63
    /// The longest DNS-1123 subdomain: 253 characters.
    public static let subdomainMaximumLength = 253
    /// The longest name part of a qualified name, and the longest label value: 63 characters.
    public static let qualifiedNameMaximumLength = 63
    /// The longest port name (IANA service name): 15 characters.
    public static let portNameMaximumLength = 15
    /// The longest ConfigMap or Secret key: 253 characters.
    public static let dataKeyMaximumLength = 253

    // MARK: Character classes

    @inline(__always) static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    @inline(__always) static func isLowerLetter(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A
    }

    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    static let hyphen = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let underscore = UInt8(ascii: "_")
    static let slash = UInt8(ascii: "/")

    // MARK: DNS names

    /// Whether `value` is a DNS-1123 label: 1–63 characters of `[a-z0-9-]`, starting and ending
    /// with a letter or digit (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`).
    public static func isDNS1123Label(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { isDNS1123Label(bytes: $0) }
    }

    static func isDNS1123Label(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 1, count <= labelMaximumLength else { return false }
        guard isLowerAlphanumeric(bytes[0]), isLowerAlphanumeric(bytes[count - 1]) else { return false }
        var index = 1
        while index < count - 1 {
            let byte = bytes[index]
            if !(isLowerAlphanumeric(byte) || byte == hyphen) { return false }
            index += 1
        }
        return true
    }

    /// Whether `value` is a DNS-1123 subdomain: at most 253 characters, one or more
    /// dot-separated parts that each match `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
    ///
    /// As in Kubernetes, the parts themselves have no length limit of their own.
    public static func isDNS1123Subdomain(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { isDNS1123Subdomain(bytes: $0) }
    }

    static func isDNS1123Subdomain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 1, count <= subdomainMaximumLength else { return false }
        var partStart = true
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == dot {
                // A dot must follow a letter or digit and may not start the name.
                if partStart || !isLowerAlphanumeric(previous) { return false }
                partStart = true
            } else if isLowerAlphanumeric(byte) {
                partStart = false
            } else if byte == hyphen {
                if partStart { return false }
            } else {
                return false
            }
            previous = byte
        }
        return isLowerAlphanumeric(previous)
    }

    /// Whether `value` is a DNS-1035 label: 1–63 characters of `[a-z0-9-]`, starting with a letter
    /// and ending with a letter or digit (`[a-z]([-a-z0-9]*[a-z0-9])?`).
    public static func isDNS1035Label(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard isDNS1123Label(bytes: bytes) else { return false }
            return isLowerLetter(bytes[0])
        }
    }

    // MARK: Qualified names and label values

    /// Whether `value` is the name part of a qualified name (and a non-empty label value):
    /// 1–63 characters matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    static func isQualifiedNamePart(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 1, count <= qualifiedNameMaximumLength else { return false }
        guard isAlphanumeric(bytes[0]), isAlphanumeric(bytes[count - 1]) else { return false }
        var index = 1
        while index < count - 1 {
            let byte = bytes[index]
            if !(isAlphanumeric(byte) || byte == hyphen || byte == underscore || byte == dot) { return false }
            index += 1
        }
        return true
    }

    /// Whether `value` is a qualified name, the format of label keys and annotation keys: an
    /// optional DNS-1123 subdomain prefix and a `/`, then a name of 1–63 characters matching
    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    public static func isQualifiedName(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard let slash = bytes.firstIndex(of: slash) else {
                return isQualifiedNamePart(bytes: bytes)
            }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<slash])
            let name = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
            if name.contains(Self.slash) { return false }
            return prefix.count > 0 && isDNS1123Subdomain(bytes: prefix) && isQualifiedNamePart(bytes: name)
        }
    }

    /// Whether `value` is a label value: empty, or 1–63 characters matching
    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    public static func isLabelValue(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            bytes.isEmpty || isQualifiedNamePart(bytes: bytes)
        }
    }

    // MARK: Ports

    /// Whether `value` is a port name (an IANA service name): 1–15 characters of `[-a-z0-9]`, at
    /// least one letter, no hyphen at either end and no two hyphens in a row.
    public static func isPortName(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 1, count <= portNameMaximumLength else { return false }
            guard bytes[0] != hyphen, bytes[count - 1] != hyphen else { return false }
            var hasLetter = false
            var previous: UInt8 = 0
            for byte in bytes {
                if isLowerLetter(byte) {
                    hasLetter = true
                } else if byte == hyphen {
                    if previous == hyphen { return false }
                } else if !isDigit(byte) {
                    return false
                }
                previous = byte
            }
            return hasLetter
        }
    }

    /// Whether `number` is a port number: 1–65535.
    public static func isPortNumber<T: BinaryInteger>(_ number: T) -> Bool {
        number >= 1 && number <= 65535
    }

    // MARK: Other formats

    /// Whether `value` can be one segment of an API path, the rule for RBAC object names and
    /// scale target names: not `.` or `..`, and no `/` or `%`.
    public static func isPathSegmentName(_ value: String) -> Bool {
        if value == "." || value == ".." { return false }
        for byte in value.utf8 where byte == slash || byte == UInt8(ascii: "%") {
            return false
        }
        return true
    }

    /// Whether `value` is a ConfigMap or Secret key: 1–253 characters of `[-._a-zA-Z0-9]`, and not
    /// `.`, `..` or anything starting with `..`.
    public static func isDataKey(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 1, count <= dataKeyMaximumLength else { return false }
            for byte in bytes where !(isAlphanumeric(byte) || byte == hyphen || byte == underscore || byte == dot) {
                return false
            }
            if bytes[0] == dot && (count == 1 || bytes[1] == dot) { return false }
            return true
        }
    }

    /// Whether `value` is an environment variable name as Kubernetes v1.34 and later accept it:
    /// non-empty, and only printable ASCII characters (space to `~`) other than `=`.
    public static func isEnvironmentVariableName(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        for byte in value.utf8 where byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "=") {
            return false
        }
        return true
    }

    /// Whether `value` is a C identifier: `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isCIdentifier(_ value: String) -> Bool {
        var first = true
        for byte in value.utf8 {
            let allowed = isAlphanumeric(byte) || byte == underscore
            if !allowed || (first && isDigit(byte)) { return false }
            first = false
        }
        return !first
    }

    /// Whether `value` is an HTTP header name as Kubernetes accepts it: `[-A-Za-z0-9]+`.
    public static func isHTTPHeaderName(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        for byte in value.utf8 where !(isAlphanumeric(byte) || byte == hyphen) {
            return false
        }
        return true
    }

    /// Whether `value` is a percentage string as Kubernetes reads rollout budgets: digits and `%`.
    public static func isPercentage(_ value: String) -> Bool {
        guard value.utf8.count >= 2, value.utf8.last == UInt8(ascii: "%") else { return false }
        return value.utf8.dropLast().allSatisfy(isDigit)
    }
}
