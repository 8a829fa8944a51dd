/// Where health checks connect: the `healthcheck-port` and `frontend-nlb-healthcheck-port` annotations.
public enum ALBHealthCheckPort: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `traffic-port`: the port traffic is sent to. The default.
    case trafficPort
    /// A port number, 1–65535.
    case port(Int)
    /// A named port of the backend Service (Ingress health checks only).
    case named(String)

    /// The annotation text.
    public var description: String {
        switch self {
        case .trafficPort: return "traffic-port"
        case .port(let number): return String(number)
        case .named(let name): return name
        }
    }

    /// Reads annotation text: `traffic-port`, digits (a port number) or anything else (a port name).
    public init(_ text: String) {
        if text == "traffic-port" {
            self = .trafficPort
        } else if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(text) {
            self = .port(number)
        } else {
            self = .named(text)
        }
    }

    /// Decodes from the annotation text.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes as the annotation text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
