/// HTTP or HTTPS, as used by listen ports, backend protocols and health checks.
public enum ALBProtocol: String, CaseIterable, Codable, Hashable, Sendable {
    /// `HTTP`.
    case http = "HTTP"
    /// `HTTPS`.
    case https = "HTTPS"
}
