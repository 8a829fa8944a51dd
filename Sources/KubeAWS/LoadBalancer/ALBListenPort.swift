/// A listener of the ALB: a protocol and a port, as in `listen-ports` and `listener-attributes.*`.
public struct ALBListenPort: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The listener protocol.
    public var `protocol`: ALBProtocol
    /// The listener port, 1–65535.
    public var port: Int

    /// Describes a listener.
    public init(protocol: ALBProtocol, port: Int) {
        self.protocol = `protocol`
        self.port = port
    }

    /// An HTTP listener, on port 80 unless told otherwise.
    public static func http(_ port: Int = 80) -> ALBListenPort { ALBListenPort(protocol: .http, port: port) }

    /// An HTTPS listener, on port 443 unless told otherwise.
    public static func https(_ port: Int = 443) -> ALBListenPort { ALBListenPort(protocol: .https, port: port) }

    /// `<Protocol>-<Port>`, for example `HTTPS-443`: the form used in `listener-attributes.*` keys.
    public var description: String { "\(self.protocol.rawValue)-\(port)" }

    /// Orders listeners by port, then protocol.
    public static func < (lhs: ALBListenPort, rhs: ALBListenPort) -> Bool {
        (lhs.port, lhs.protocol.rawValue) < (rhs.port, rhs.protocol.rawValue)
    }

    /// Parses `<Protocol>-<Port>`, such as `HTTPS-443`; `nil` for anything else.
    public init?(_ text: String) {
        guard let dash = text.firstIndex(of: "-"),
            let proto = ALBProtocol(rawValue: String(text[..<dash])),
            let port = Int(text[text.index(after: dash)...]), (1...65535).contains(port)
        else { return nil }
        self.init(protocol: proto, port: port)
    }
}
