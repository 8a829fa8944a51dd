/// A Kubernetes field that holds either an integer or a string, such as a port (`8080` or `"http"`)
/// or a rollout budget (`1` or `"25%"`).
///
/// The case always follows what was written, never what the content looks like: the JSON integer
/// `80` is ``int(_:)``, the JSON string `"80"` is ``string(_:)``, and each is encoded back the same
/// way. The two are different values (`.int(80) != .string("80")`), because Kubernetes treats them
/// differently: a string port names a container port, an integer port is a number.
///
/// ```swift
/// let port: IntOrString = 8080          // .int(8080)
/// let name: IntOrString = "http"        // .string("http")
/// let surge: IntOrString = "25%"        // surge.percentage == 25
/// ```
public enum IntOrString: Sendable, Hashable {
    /// An integer. Kubernetes stores it in 32 bits; decoding rejects larger values.
    case int(Int)
    /// A string, kept exactly as written, even when it consists of digits.
    case string(String)

    /// The integer, if this is ``int(_:)``.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The string, if this is ``string(_:)``.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number in a percentage string such as `"25%"`: digits followed by `%`, nothing else.
    ///
    /// `nil` for an integer, for any other string (`"25"`, `"-5%"`, `"12.5%"`, `"% 5"`), and for a
    /// number too large for `Int`. Kubernetes' validation accepts the same `digits%` form.
    public var percentage: Int? {
        guard case .string(let text) = self, text.hasSuffix("%") else { return nil }
        let digits = text.utf8.dropLast()
        guard !digits.isEmpty,
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// Whether this is a well-formed percentage string (see ``percentage``).
    public var isPercentage: Bool {
        percentage != nil
    }
}

extension IntOrString: ExpressibleByIntegerLiteral {
    /// Creates ``int(_:)`` from an integer literal.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension IntOrString: ExpressibleByStringLiteral {
    /// Creates ``string(_:)`` from a string literal, whatever it contains.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension IntOrString: CustomStringConvertible {
    /// The integer in decimal, or the string as is.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return value
        }
    }
}

extension IntOrString: Codable {
    /// Decodes a JSON integer as ``int(_:)`` and a JSON string as ``string(_:)``.
    ///
    /// - Throws: `DecodingError.typeMismatch` for anything else (a fraction such as `80.5`, a Boolean,
    ///   null, an array or an object); `DecodingError.dataCorrupted` for an integer outside the
    ///   32-bit range Kubernetes stores.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            guard let narrow = Int32(exactly: integer) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: "\(integer) is outside the 32-bit integer range "
                            + "(\(Int32.min)...\(Int32.max)) that Kubernetes allows for an int-or-string field"
                    )
                )
            }
            self = .int(Int(narrow))
            return
        }
        if let string = try? container.decode(String.self) {
            self = .string(string)
            return
        }
        throw DecodingError.typeMismatch(
            IntOrString.self,
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected an integer (80) or a string (\"http\", \"25%\") but found "
                    + Self.describeUnexpected(in: container)
            )
        )
    }

    /// Encodes ``int(_:)`` as a JSON integer and ``string(_:)`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }

    private static func describeUnexpected(in container: any SingleValueDecodingContainer) -> String {
        if container.decodeNil() {
            return "null"
        }
        if let flag = try? container.decode(Bool.self) {
            return "the Boolean \(flag)"
        }
        if let number = try? container.decode(Double.self) {
            return "the number \(number)"
        }
        return "an array or an object"
    }
}
