import Foundation
import KubeSerialization

/// How one annotation's typed value is written as text and read back.
///
/// `encode` always produces text; when the value cannot be written faithfully it also reports
/// what would have been needed, which ``ALBIngressAnnotations/validatedAnnotations()`` turns into an error.
struct ALBAnnotationCoder<Value> {
    let encode: (Value, inout ALBValueProblem?) -> String
    let decode: (String) throws -> Value
}

extension ALBAnnotationCoder where Value == String {
    /// Plain text, kept as is.
    static var text: Self { Self(encode: { value, _ in value }, decode: { $0 }) }

    /// Text of at most `maximum` characters.
    static func limitedText(maximumLength maximum: Int) -> Self {
        Self(
            encode: { value, problem in
                if value.count > maximum { problem = ALBValueProblem("at most \(maximum) characters") }
                return value
            },
            decode: { raw in
                guard raw.count <= maximum else { throw ALBValueProblem("at most \(maximum) characters") }
                return raw
            })
    }

    /// An IngressGroup name: lower-case letters, digits, `-` and `.`, starting and ending with a
    /// letter or digit, at most 63 characters.
    static var groupName: Self {
        let expected =
            "a group name of lower-case letters, digits, '-' and '.', starting and ending "
            + "alphanumeric, at most 63 characters"
        func isValid(_ name: String) -> Bool {
            let bytes = Array(name.utf8)
            func alphanumeric(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
            guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
            return alphanumeric(first) && alphanumeric(last)
                && bytes.allSatisfy { alphanumeric($0) || $0 == 0x2D || $0 == 0x2E }
        }
        return Self(
            encode: { value, problem in
                if !isValid(value) { problem = ALBValueProblem(expected) }
                return value
            },
            decode: { raw in
                guard isValid(raw) else { throw ALBValueProblem(expected) }
                return raw
            })
    }
}

extension ALBAnnotationCoder where Value == Bool {
    /// `true` / `false` on output; on input every spelling Go's `strconv.ParseBool` accepts.
    static var bool: Self {
        Self(
            encode: { value, _ in value ? "true" : "false" },
            decode: { raw in
                switch raw {
                case "1", "t", "T", "TRUE", "true", "True": return true
                case "0", "f", "F", "FALSE", "false", "False": return false
                default: throw ALBValueProblem("true or false")
                }
            })
    }
}

extension ALBAnnotationCoder where Value == Int {
    /// A decimal integer (an optional sign, then digits), optionally limited to `range`.
    static func integer(_ range: ClosedRange<Int>? = nil) -> Self {
        let expected = range.map { "an integer from \($0.lowerBound) to \($0.upperBound)" } ?? "an integer"
        return Self(
            encode: { value, problem in
                if let range, !range.contains(value) { problem = ALBValueProblem(expected) }
                return String(value)
            },
            decode: { raw in
                guard let value = Int(raw), range?.contains(value) ?? true else { throw ALBValueProblem(expected) }
                return value
            })
    }

    /// A port number, 1–65535.
    static var port: Self { integer(1...65535) }

    /// The `CapacityUnits=<n>` map of `minimum-load-balancer-capacity`.
    static var capacityUnits: Self {
        let expected = "CapacityUnits=<non-negative integer>"
        return Self(
            encode: { value, problem in
                if value < 0 { problem = ALBValueProblem(expected) }
                return "CapacityUnits=\(value)"
            },
            decode: { raw in
                let map = try ALBAnnotationCoder<[String: String]>.decodeMap(raw, escapedCommas: false)
                guard map.count == 1, let text = map["CapacityUnits"], let units = Int(text), units >= 0 else {
                    throw ALBValueProblem(expected)
                }
                return units
            })
    }
}

extension ALBAnnotationCoder where Value == [String] {
    /// A comma-separated list; on input, items are trimmed and empty ones dropped, as the controller does.
    static var list: Self {
        Self(
            encode: { items, problem in
                if items.contains(where: { $0.isEmpty || $0.contains(",") || $0.trimmed != $0 }) {
                    problem = ALBValueProblem("list items that are non-empty, without commas or surrounding spaces")
                }
                return items.joined(separator: ",")
            },
            decode: { raw in raw.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } })
    }

    /// A space-separated list, as in `auth-scope`.
    static var spaceSeparated: Self {
        Self(
            encode: { items, problem in
                if items.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) }) {
                    problem = ALBValueProblem("scopes that are non-empty and contain no spaces")
                }
                return items.joined(separator: " ")
            },
            decode: { raw in raw.split(whereSeparator: \.isWhitespace).map(String.init) })
    }
}

extension ALBAnnotationCoder where Value == [String: String] {
    /// Comma-separated `key=value` pairs, written in key order. With `escapedCommas`, a comma
    /// inside a value is written `\,` (the `listener-attributes.*` convention).
    static func map(escapedCommas: Bool = false) -> Self {
        Self(
            encode: { map, problem in
                var pairs: [String] = []
                for key in map.keys.sorted() {
                    let value = map[key] ?? ""
                    let badKey =
                        key.isEmpty || key.contains("=") || key.contains(",") || key.trimmed != key
                        || (escapedCommas && key.contains("\\"))
                    let badValue =
                        (!escapedCommas && value.contains(",")) || value.trimmed != value
                        || (escapedCommas && value.hasSuffix("\\"))
                    if badKey || badValue {
                        problem = ALBValueProblem(
                            "key=value pairs with non-empty keys without '=', commas or surrounding spaces, "
                                + (escapedCommas
                                    ? "and values without surrounding spaces" : "and values without commas"))
                    }
                    let written = escapedCommas ? value.replacingOccurrences(of: ",", with: "\\,") : value
                    pairs.append("\(key)=\(written)")
                }
                return pairs.joined(separator: ",")
            },
            decode: { raw in try decodeMap(raw, escapedCommas: escapedCommas) })
    }

    /// Reads comma-separated `key=value` pairs: each pair is trimmed and split at its first `=`;
    /// empty pairs are skipped; a pair without `=` or with an empty key is an error.
    static func decodeMap(_ raw: String, escapedCommas: Bool) throws -> [String: String] {
        var pieces: [String] = []
        if escapedCommas {
            var current = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                if character == "\\" {
                    if let next = iterator.next() {
                        if next == "," {
                            current.append(",")
                        } else {
                            current.append(character)
                            current.append(next)
                        }
                    } else {
                        current.append(character)
                    }
                } else if character == "," {
                    pieces.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            pieces.append(current)
        } else {
            pieces = raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var result: [String: String] = [:]
        for piece in pieces {
            let pair = piece.trimmed
            if pair.isEmpty { continue }
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ALBValueProblem("comma-separated key=value pairs")
            }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }
}

extension ALBAnnotationCoder where Value == [Int: Int] {
    /// `nlbPort=albPort` pairs of `frontend-nlb-listener-port-mapping`, in port order.
    static var portMapping: Self {
        let expected = "comma-separated <nlbPort>=<albPort> pairs of ports from 1 to 65535"
        return Self(
            encode: { map, problem in
                if map.contains(where: { !(1...65535).contains($0.key) || !(1...65535).contains($0.value) }) {
                    problem = ALBValueProblem(expected)
                }
                return map.keys.sorted().map { "\($0)=\(map[$0] ?? 0)" }.joined(separator: ",")
            },
            decode: { raw in
                let strings = try ALBAnnotationCoder<[String: String]>.decodeMap(raw, escapedCommas: false)
                var result: [Int: Int] = [:]
                for (key, value) in strings {
                    guard let nlb = Int(key), let alb = Int(value), (1...65535).contains(nlb), (1...65535).contains(alb)
                    else { throw ALBValueProblem(expected) }
                    result[nlb] = alb
                }
                return result
            })
    }
}

extension ALBAnnotationCoder where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's raw values, matched exactly.
    static var oneOf: Self {
        let expected = "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
        return Self(
            encode: { value, _ in value.rawValue },
            decode: { raw in
                guard let value = Value(rawValue: raw) else { throw ALBValueProblem(expected) }
                return value
            })
    }
}

extension ALBAnnotationCoder {
    /// A value stored as compact JSON with sorted keys.
    static func json(_ toJSON: @escaping (Value) -> JSONValue, _ fromJSON: @escaping (JSONValue) throws -> Value)
        -> Self
    {
        Self(
            encode: { value, _ in ALBJSON.text(toJSON(value)) },
            decode: { raw in try fromJSON(try ALBJSON.parse(raw)) })
    }

    /// A JSON array whose entries are read one by one.
    static func jsonArray<Element>(
        _ toJSON: @escaping (Element) -> JSONValue, _ fromJSON: @escaping (JSONValue, String) throws -> Element
    ) -> Self where Value == [Element] {
        json(
            { .array($0.map(toJSON)) },
            { value in
                guard case .array(let items) = value else {
                    throw ALBValueProblem("a JSON array, got \(value.typeName)")
                }
                return try items.enumerated().map { index, item in try fromJSON(item, "entry \(index)") }
            })
    }
}

extension ALBAnnotationCoder where Value == [ALBListenPort] {
    /// `[{"HTTP": 80}, {"HTTPS": 443}]`: a non-empty JSON array of one-member objects, no port twice.
    static var listenPorts: Self {
        let expected =
            "a non-empty JSON array of objects like {\"HTTP\": 80} or {\"HTTPS\": 443}, "
            + "ports from 1 to 65535, no port twice"
        return Self(
            encode: { ports, problem in
                if ports.isEmpty || Set(ports.map(\.port)).count != ports.count
                    || ports.contains(where: { !(1...65535).contains($0.port) })
                {
                    problem = ALBValueProblem(expected)
                }
                let entries = ports.map { "{\"\($0.protocol.rawValue)\": \($0.port)}" }
                return "[" + entries.joined(separator: ", ") + "]"
            },
            decode: { raw in
                guard case .array(let items) = try ALBJSON.parse(raw), !items.isEmpty else {
                    throw ALBValueProblem(expected)
                }
                var result: [ALBListenPort] = []
                for item in items {
                    guard case .object(let members) = item, !members.isEmpty else { throw ALBValueProblem(expected) }
                    for (name, value) in members.sorted(by: { $0.key < $1.key }) {
                        guard let proto = ALBProtocol(rawValue: name), case .int(let number) = value,
                            let port = Int(exactly: number), (1...65535).contains(port),
                            !result.contains(where: { $0.port == port })
                        else { throw ALBValueProblem(expected) }
                        result.append(ALBListenPort(protocol: proto, port: port))
                    }
                }
                return result
            })
    }
}

extension ALBAnnotationCoder where Value == ALBHealthCheckPort {
    /// `traffic-port`, a port number (1–65535) or a named port.
    static var healthCheckPort: Self {
        let expected = "traffic-port, a port number from 1 to 65535, or a port name"
        return Self(
            encode: { value, problem in
                switch value {
                case .port(let number) where !(1...65535).contains(number): problem = ALBValueProblem(expected)
                case .named(let name) where name.isEmpty || name == "traffic-port": problem = ALBValueProblem(expected)
                default: break
                }
                return value.description
            },
            decode: { raw in
                let value = ALBHealthCheckPort(raw)
                switch value {
                case .port(let number) where !(1...65535).contains(number): throw ALBValueProblem(expected)
                case .named(let name) where name.isEmpty: throw ALBValueProblem(expected)
                default: return value
                }
            })
    }
}

extension ALBAnnotationCoder where Value == ALBSuccessCodes {
    /// `200`, `200,201` or `200-299`.
    static var successCodes: Self {
        let expected = "status codes such as 200, 200,201 or 200-299"
        return Self(
            encode: { value, problem in
                if ALBSuccessCodes(value.description) != value { problem = ALBValueProblem(expected) }
                return value.description
            },
            decode: { raw in
                guard let value = ALBSuccessCodes(raw) else { throw ALBValueProblem(expected) }
                return value
            })
    }
}

extension ALBAnnotationCoder where Value == ALBWebACL {
    /// A web ACL identifier, or `none`.
    static var webACL: Self {
        Self(
            encode: { value, problem in
                if case .attach(let identifier) = value, identifier.isEmpty || identifier == "none" {
                    problem = ALBValueProblem("a web ACL identifier, or none to detach")
                }
                return value.description
            },
            decode: { raw in ALBWebACL(raw) })
    }
}

extension String {
    /// The text without leading and trailing white space, as Go's `strings.TrimSpace` leaves it.
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
