/// An IP network in CIDR notation, such as `10.0.0.0/16` or `fd00::/64`.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The address as written (host bits may be set, as Kubernetes tolerates).
    public let address: IPAddress
    /// The prefix length: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Parses `address/prefix`; `nil` when `text` is not a CIDR.
    public init?(_ text: String) {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let lengthText = text[text.index(after: slash)...]
        guard let address = IPAddress(String(text[..<slash])),
            !lengthText.isEmpty, lengthText.utf8.count <= 3, lengthText.utf8.allSatisfy(KubernetesSyntax.isDigit),
            let length = Int(lengthText), length <= address.bytes.count * 8
        else { return nil }
        self.address = address
        self.prefixLength = length
    }

    /// `address/prefixLength`.
    public var description: String { "\(address)/\(prefixLength)" }

    /// Whether `other` lies inside this network and is strictly smaller, which is what a
    /// NetworkPolicy `except` entry must be relative to its `cidr`.
    public func strictlyContains(_ other: IPNetwork) -> Bool {
        guard other.address.isIPv4 == address.isIPv4 else { return false }
        return other.prefixLength > prefixLength && contains(other.address)
    }

    /// Whether `ip` lies inside this network.
    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.isIPv4 == address.isIPv4 else { return false }
        var remaining = prefixLength
        var index = 0
        while remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if address.bytes[index] & mask != ip.bytes[index] & mask { return false }
            remaining -= bits
            index += 1
        }
        return true
    }
}
