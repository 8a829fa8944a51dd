/// Why a ``NodeDecoder`` could not decode a value, where in the document, and at which field.
///
/// ```
/// deploy.yaml:14:20: spec.template.spec.containers[0].ports[0].containerPort:
///     expected an integer, found the string "http"
/// ```
public struct NodeDecodingError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Hashable {
        /// The node has another type than the field (a string where an integer is expected).
        case typeMismatch
        /// The node is null where a value is required.
        case valueNotFound
        /// A required key is missing from a mapping.
        case keyNotFound
        /// A mapping has a key the type does not know (only with ``NodeDecoder/UnknownKeyPolicy/reject``).
        case unknownKey
        /// A number does not fit the field's type (300 for a `UInt8`, 1e300 for an `Int`).
        case numberOutOfRange
        /// The value has the right type but is not valid (bad Base64, or a type's own validation failed).
        case dataCorrupted
    }

    /// The kind of problem.
    public var kind: Kind
    /// The coding path of the offending value (for a missing key, the path including that key).
    public var codingPath: [any CodingKey]
    /// Where the offending node starts (for a missing key, where the mapping starts; for an
    /// unknown key, where that key starts).
    public var location: SourceLocation
    /// What is wrong, e.g. `expected an integer, found the string "abc"`.
    public var message: String
    /// The error that a type's own `init(from:)` threw, when this error wraps one.
    public var underlyingError: (any Error)?

    /// Creates an error.
    public init(
        kind: Kind, codingPath: [any CodingKey], location: SourceLocation, message: String,
        underlyingError: (any Error)? = nil
    ) {
        self.kind = kind
        self.codingPath = codingPath
        self.location = location
        self.message = message
        self.underlyingError = underlyingError
    }

    /// The coding path as a Kubernetes field path, e.g. `spec.template.spec.containers[0].image`.
    public var path: String {
        FieldPath.describe(codingPath)
    }

    /// `location: path: message`, e.g. `3:12: spec.replicas: expected an integer, found the string "abc"`.
    public var description: String {
        let path = self.path
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

extension NodeDecodingError {
    static func mismatch(expected: String, found node: Node, at codingPath: [any CodingKey]) -> NodeDecodingError {
        let kind: Kind
        if case .null = node.content { kind = .valueNotFound } else { kind = .typeMismatch }
        return NodeDecodingError(
            kind: kind, codingPath: codingPath, location: node.location,
            message: "expected \(expected), found \(describe(node))")
    }

    /// A short description of what a node holds, for messages. Long strings are shortened.
    static func describe(_ node: Node) -> String {
        switch node.content {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .int(let value): return "the integer \(value)"
        case .double(let value): return "the number \(value)"
        case .string(let value): return "the string \(quoted(value))"
        case .sequence(let items): return items.isEmpty ? "an empty sequence" : "a sequence"
        case .mapping(let entries): return entries.isEmpty ? "an empty mapping" : "a mapping"
        }
    }

    /// `"text"` with quotes, backslashes and control characters escaped, cut after 40 characters.
    static func quoted(_ text: String) -> String {
        var result = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 {
                result += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Wraps an error thrown by a type's own `init(from:)` while decoding `node`.
    init(wrapping error: any Error, node: Node, codingPath: [any CodingKey]) {
        guard let decodingError = error as? DecodingError else {
            self.init(
                kind: .dataCorrupted, codingPath: codingPath, location: node.location,
                message: String(describing: error), underlyingError: error)
            return
        }
        let kind: Kind
        let context: DecodingError.Context
        var path: [any CodingKey]
        switch decodingError {
        case .typeMismatch(_, let errorContext):
            kind = .typeMismatch
            context = errorContext
            path = errorContext.codingPath
        case .valueNotFound(_, let errorContext):
            kind = .valueNotFound
            context = errorContext
            path = errorContext.codingPath
        case .keyNotFound(let key, let errorContext):
            kind = .keyNotFound
            context = errorContext
            path = errorContext.codingPath + [key]
        case .dataCorrupted(let errorContext):
            kind = .dataCorrupted
            context = errorContext
            path = errorContext.codingPath
        @unknown default:
            self.init(
                kind: .dataCorrupted, codingPath: codingPath, location: node.location,
                message: String(describing: error), underlyingError: error)
            return
        }
        if path.count < codingPath.count { path = codingPath }
        // Locate the deepest node the error's path reaches below `node`.
        var located = node
        let extra = path.count > codingPath.count ? path[codingPath.count...] : []
        walk: for key in extra {
            switch located.content {
            case .mapping(let entries):
                guard let entry = entries.first(where: { $0.key == key.stringValue }) else { break walk }
                located = entry.value
            case .sequence(let items):
                guard let index = key.intValue, items.indices.contains(index) else { break walk }
                located = items[index]
            default:
                break walk
            }
        }
        self.init(
            kind: kind, codingPath: path, location: located.location, message: context.debugDescription,
            underlyingError: error)
    }
}
