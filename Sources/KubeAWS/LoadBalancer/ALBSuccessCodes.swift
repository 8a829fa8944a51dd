/// The status codes a health check counts as healthy: the `success-codes` and
/// `frontend-nlb-healthcheck-success-codes` annotations.
///
/// HTTP status codes for HTTP health checks, gRPC status codes (0–99) for gRPC ones.
public enum ALBSuccessCodes: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One or more codes, written `200` or `200,201`.
    case codes([Int])
    /// An inclusive range, written `200-299`.
    case range(ClosedRange<Int>)

    /// `200`, the HTTP default.
    public static let ok = ALBSuccessCodes.codes([200])
    /// `12`, the gRPC default.
    public static let grpcDefault = ALBSuccessCodes.codes([12])

    /// The annotation text.
    public var description: String {
        switch self {
        case .codes(let codes): return codes.map(String.init).joined(separator: ",")
        case .range(let range): return "\(range.lowerBound)-\(range.upperBound)"
        }
    }

    /// Parses `200`, `200,201` or `200-299`; `nil` for anything else (including a range whose
    /// start is above its end).
    public init?(_ text: String) {
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(part)
        }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        if bounds.count == 2 {
            guard let low = number(bounds[0]), let high = number(bounds[1]), low <= high else { return nil }
            self = .range(low...high)
            return
        }
        var codes: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let code = number(part) else { return nil }
            codes.append(code)
        }
        self = .codes(codes)
    }

    /// Decodes from the annotation text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ALBSuccessCodes(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected status codes such as 200, 200,201 or 200-299, got \"\(text)\"")
        }
        self = value
    }

    /// Encodes as the annotation text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
