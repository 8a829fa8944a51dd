/// A Service backend named by service and port, as in `target-control-port.<serviceName>.<servicePort>` keys.
public struct ALBServicePort: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The Service name.
    public var serviceName: String
    /// The Service port, as its number or its name.
    public var servicePort: String

    /// Names a Service port.
    public init(serviceName: String, servicePort: String) {
        self.serviceName = serviceName
        self.servicePort = servicePort
    }

    /// Names a Service port by number.
    public init(serviceName: String, port: Int) {
        self.init(serviceName: serviceName, servicePort: String(port))
    }

    /// `<serviceName>.<servicePort>`.
    public var description: String { "\(serviceName).\(servicePort)" }

    /// Orders by service name, then port.
    public static func < (lhs: ALBServicePort, rhs: ALBServicePort) -> Bool {
        (lhs.serviceName, lhs.servicePort) < (rhs.serviceName, rhs.servicePort)
    }

    /// Parses `<serviceName>.<servicePort>`. Service names cannot contain dots, so the text
    /// splits at the first one; `nil` when either side is empty.
    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let name = String(text[..<dot])
        let port = String(text[text.index(after: dot)...])
        guard !name.isEmpty, !port.isEmpty else { return nil }
        self.init(serviceName: name, servicePort: port)
    }
}
