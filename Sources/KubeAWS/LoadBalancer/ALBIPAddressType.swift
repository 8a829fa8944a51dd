/// The address families an ALB listens on: the `ip-address-type` annotation.
public enum ALBIPAddressType: String, CaseIterable, Codable, Hashable, Sendable {
    /// `ipv4`: IPv4 only. The default.
    case ipv4
    /// `dualstack`: IPv4 and IPv6.
    case dualstack
    /// `dualstack-without-public-ipv4`: public IPv6 with no public IPv4 addresses.
    case dualstackWithoutPublicIPv4 = "dualstack-without-public-ipv4"
}
