/// An IPv4 or IPv6 address, parsed the way Kubernetes validates addresses in Services and
/// NetworkPolicies.
///
/// IPv4 parts may have leading zeros (`010.0.0.1`), which older Kubernetes releases accepted and
/// newer ones still tolerate in existing objects. IPv6 addresses may use `::` and may end in an
/// embedded IPv4 address (`::ffff:10.0.0.1`); zones (`%eth0`) are not allowed.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address in network order: 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// Whether this is an IPv4 address.
    public var isIPv4: Bool { bytes.count == 4 }

    /// Parses an address; `nil` when `text` is not one.
    public init?(_ text: String) {
        if let v4 = Self.parseIPv4(Substring(text)) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(Substring(text)) {
            bytes = v6
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Dotted decimal for IPv4, colon-separated hexadecimal groups for IPv6.
    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        var index = 0
        while index < 16 {
            groups.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
            index += 2
        }
        return groups.joined(separator: ":")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        KubernetesSyntax.isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(4)
        for part in parts {
            guard !part.isEmpty, part.utf8.count <= 3, part.utf8.allSatisfy(KubernetesSyntax.isDigit),
                let value = Int(part), value <= 255
            else { return nil }
            out.append(UInt8(value))
        }
        return out
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawDoubleColon = false
        var embeddedIPv4: [UInt8]?
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        sawDoubleColon = halves.count == 2

        func parseGroups(_ part: String, allowIPv4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var groups: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                if allowIPv4 && position == pieces.count - 1 && piece.utf8.contains(UInt8(ascii: ".")) {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    embeddedIPv4 = v4
                    continue
                }
                guard !piece.isEmpty, piece.utf8.count <= 4, piece.utf8.allSatisfy(Self.isHexDigit),
                    let value = UInt16(piece, radix: 16)
                else { return nil }
                groups.append(value)
            }
            return groups
        }

        if sawDoubleColon {
            guard let first = parseGroups(halves[0], allowIPv4: false),
                let second = parseGroups(halves[1], allowIPv4: true)
            else { return nil }
            head = first
            tail = second
        } else {
            guard let all = parseGroups(halves[0], allowIPv4: true) else { return nil }
            head = all
        }
        let groupCount = head.count + tail.count + (embeddedIPv4 == nil ? 0 : 2)
        if sawDoubleColon {
            guard groupCount <= 7 else { return nil }
        } else {
            guard groupCount == 8 else { return nil }
        }
        var groups = head
        groups.append(contentsOf: Array(repeating: 0, count: 8 - groupCount))
        groups.append(contentsOf: tail)
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for group in groups {
            out.append(UInt8(group >> 8))
            out.append(UInt8(group & 0xFF))
        }
        if let embeddedIPv4 { out.append(contentsOf: embeddedIPv4) }
        return out.count == 16 ? out : nil
    }
}
