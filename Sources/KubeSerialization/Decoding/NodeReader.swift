import Foundation

/// A type that builds itself straight from a ``Node``, without going through `Decodable`.
///
/// `Decodable` is general but slow: every field goes through keyed containers, existential
/// coding keys and dynamic casts. Types that conform to `NodeReadable` read their fields from the
/// node's entries directly, which is many times faster, and report the same errors as
/// ``NodeDecoder`` does for their `init(from:)`: a ``NodeDecodingError`` with the field path and
/// the source location of the offending node.
///
/// The KubeKit models conform (their conformances are generated next to their `Codable` ones, and
/// tests check that both give the same values). Conform your own types when reading speed matters:
///
/// ```swift
/// struct Port: NodeReadable {
///     var name: String?
///     var number: Int32
///
///     init(node: Node, reader: NodeReader) throws {
///         var name: String?
///         var number: Int32?
///         for entry in try reader.entries(of: node) {
///             switch entry.key {
///             case "name": name = try reader.optional(String.self, entry)
///             case "number": number = try reader.required(Int32.self, entry)
///             default: throw reader.unknownKey(entry)
///             }
///         }
///         self.name = name
///         self.number = try number ?? reader.missing("number", in: node)
///     }
/// }
/// let port = try NodeReader().read(Port.self, from: node)
/// ```
public protocol NodeReadable {
    /// Reads a value from `node`.
    ///
    /// - Parameters:
    ///   - node: the node to read; its nested nodes are read with the same `reader`.
    ///   - reader: the state of the read in progress: the field path so far and the `userInfo`.
    /// - Throws: ``NodeDecodingError``, located at the offending node.
    init(node: Node, reader: NodeReader) throws
}

/// The state of one direct read of ``NodeReadable`` values: the field path of the node being read
/// and the caller's `userInfo`.
///
/// Create one per read (it is cheap) with ``init(userInfo:)`` and call ``read(_:from:)``. The
/// helper methods (``required(_:_:)``, ``optional(_:_:)``, ``missing(_:in:)`` …) are what
/// conformances use to read their fields while keeping the path up to date for errors.
///
/// A reader is not thread-safe; use one per thread.
public final class NodeReader {
    /// One step of the field path: a mapping key or a sequence position.
    @usableFromInline
    enum Step {
        case key(String)
        case index(Int)
    }

    /// The steps from the root of the read to the node being read.
    @usableFromInline
    var steps: [Step] = []

    /// Values that conformances may consult, like a `Decoder`'s `userInfo`.
    public let userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a reader.
    ///
    /// - Parameter userInfo: values for the conformances, such as an unknown-field collector.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
        steps.reserveCapacity(16)
    }

    /// Reads a value of type `type` from `node`, the root of this read.
    ///
    /// - Throws: ``NodeDecodingError``.
    public func read<Value: NodeReadable>(_ type: Value.Type = Value.self, from node: Node) throws -> Value {
        steps.removeAll(keepingCapacity: true)
        return try Value(node: node, reader: self)
    }

    /// The field path of the node being read, as coding keys (list positions have an `intValue`).
    public var codingPath: [any CodingKey] {
        steps.map { step in
            switch step {
            case .key(let name): return CodingPathKey(stringValue: name)
            case .index(let position): return CodingPathKey(index: position)
            }
        }
    }

    // MARK: Reading fields

    /// The entries of `node`, which must be a mapping.
    ///
    /// - Throws: a type-mismatch error (value-not-found for null) when `node` is not a mapping.
    @inlinable
    public func entries(of node: Node) throws -> [Node.Entry] {
        guard case .mapping(let entries) = node.content else { throw mismatch(expected: "a mapping", found: node) }
        return entries
    }

    /// The items of `node`, which must be a sequence.
    @inlinable
    public func items(of node: Node) throws -> [Node] {
        guard case .sequence(let items) = node.content else { throw mismatch(expected: "a sequence", found: node) }
        return items
    }

    /// Reads the value of a required field; null is an error, as for any non-optional value.
    @inlinable
    public func required<Value: NodeReadable>(_ type: Value.Type, _ entry: Node.Entry) throws -> Value {
        steps.append(.key(entry.key))
        let value = try Value(node: entry.value, reader: self)
        steps.removeLast()
        return value
    }

    /// Reads the value of an optional field: null reads as `nil`.
    @inlinable
    public func optional<Value: NodeReadable>(_ type: Value.Type, _ entry: Node.Entry) throws -> Value? {
        if case .null = entry.value.content { return nil }
        steps.append(.key(entry.key))
        let value = try Value(node: entry.value, reader: self)
        steps.removeLast()
        return value
    }

    /// Reads a required map of strings in which null values read as the empty string, as the
    /// Kubernetes API server reads `labels: {tier: null}`.
    @inlinable
    public func requiredStringMap(_ entry: Node.Entry) throws -> [String: String] {
        steps.append(.key(entry.key))
        let value = try stringMap(entry.value)
        steps.removeLast()
        return value
    }

    /// Reads an optional map of strings in which null values read as the empty string; a null
    /// map reads as `nil`.
    @inlinable
    public func optionalStringMap(_ entry: Node.Entry) throws -> [String: String]? {
        if case .null = entry.value.content { return nil }
        return try requiredStringMap(entry)
    }

    @inlinable
    func stringMap(_ node: Node) throws -> [String: String] {
        let entries = try entries(of: node)
        var map: [String: String] = [:]
        map.reserveCapacity(entries.count)
        for entry in entries {
            switch entry.value.content {
            case .string(let text): map[entry.key] = text
            case .null: map[entry.key] = ""
            default:
                steps.append(.key(entry.key))
                throw mismatch(expected: "a string", found: entry.value)
            }
        }
        return map
    }

    /// Reads the items of a sequence node, each at its position in the field path.
    @inlinable
    public func array<Element: NodeReadable>(of type: Element.Type, _ node: Node) throws -> [Element] {
        let items = try items(of: node)
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            steps.append(.index(position))
            result.append(try Element(node: item, reader: self))
            steps.removeLast()
        }
        return result
    }

    /// Reads the values of a mapping node, each under its key in the field path.
    @inlinable
    public func dictionary<Value: NodeReadable>(of type: Value.Type, _ node: Node) throws -> [String: Value] {
        let entries = try entries(of: node)
        var result: [String: Value] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries {
            steps.append(.key(entry.key))
            result[entry.key] = try Value(node: entry.value, reader: self)
            steps.removeLast()
        }
        return result
    }

    /// Runs `body`, giving `nil` instead of its error and restoring the field path, for types that
    /// try one form and then another (as `try?` does in a `Decodable` conformance).
    public func attempt<Value>(_ body: () throws -> Value) -> Value? {
        let depth = steps.count
        do {
            return try body()
        } catch {
            steps.removeSubrange(depth...)
            return nil
        }
    }

    /// Reads an integer the slow way: integral floating-point numbers, range errors, mismatches.
    @usableFromInline
    func slowInteger(_ type: Int32.Type, _ node: Node) throws -> Int32 {
        try Int32.decodePrimitive(from: node, at: codingPath)
    }

    @usableFromInline
    func slowInteger(_ type: Int64.Type, _ node: Node) throws -> Int64 {
        try Int64.decodePrimitive(from: node, at: codingPath)
    }

    @usableFromInline
    func slowInteger(_ type: Int.Type, _ node: Node) throws -> Int {
        try Int.decodePrimitive(from: node, at: codingPath)
    }

    // MARK: Errors

    /// The error for a required field that the mapping `node` lacks; throw it.
    ///
    /// Written as `self.field = try field ?? reader.missing("field", in: node)`.
    public func missing<Value>(_ key: String, in node: Node) throws -> Value {
        throw NodeDecodingError(
            kind: .keyNotFound, codingPath: codingPath + [CodingPathKey(stringValue: key)], location: node.location,
            message: "required key \(NodeDecodingError.quoted(key)) is missing")
    }

    /// The error for a mapping entry that the type being read does not know, located at its key.
    ///
    /// This is what ``NodeDecoder`` reports with ``NodeDecoder/UnknownKeyPolicy/reject``.
    public func unknownKey(_ entry: Node.Entry) -> NodeDecodingError {
        NodeDecodingError(
            kind: .unknownKey, codingPath: codingPath + [CodingPathKey(stringValue: entry.key)],
            location: entry.keyLocation, message: "unknown key \(NodeDecodingError.quoted(entry.key))")
    }

    /// The error for a node of the wrong type: `expected <expected>, found <what the node holds>`.
    ///
    /// A null node gives a ``NodeDecodingError/Kind/valueNotFound`` error, anything else a
    /// ``NodeDecodingError/Kind/typeMismatch`` one.
    public func mismatch(expected: String, found node: Node) -> NodeDecodingError {
        NodeDecodingError.mismatch(expected: expected, found: node, at: codingPath)
    }

    /// An error of the given kind about `node`, at the current field path (plus `key`, if given).
    public func error(
        _ kind: NodeDecodingError.Kind, at node: Node, key: String? = nil, message: String,
        underlyingError: (any Error)? = nil
    ) -> NodeDecodingError {
        var path = codingPath
        if let key { path.append(CodingPathKey(stringValue: key)) }
        return NodeDecodingError(
            kind: kind, codingPath: path, location: node.location, message: message, underlyingError: underlyingError)
    }
}

// MARK: - Standard types

extension String: NodeReadable {
    /// Reads a string scalar; numbers and Booleans are not strings.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        guard case .string(let value) = node.content else { throw reader.mismatch(expected: "a string", found: node) }
        self = value
    }
}

extension Bool: NodeReadable {
    /// Reads a Boolean.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        guard case .bool(let value) = node.content else { throw reader.mismatch(expected: "a boolean", found: node) }
        self = value
    }
}

extension Double: NodeReadable {
    /// Reads an integer or floating-point number.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        switch node.content {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        default: throw reader.mismatch(expected: "a number", found: node)
        }
    }
}

extension Int32: NodeReadable {
    /// Reads an integer (or an integral floating-point number) in the 32-bit range.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        if case .int(let value) = node.content, let narrow = Int32(exactly: value) {
            self = narrow
        } else {
            self = try reader.slowInteger(Int32.self, node)
        }
    }
}

extension Int64: NodeReadable {
    /// Reads an integer (or an integral floating-point number) in the 64-bit range.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        if case .int(let value) = node.content {
            self = value
        } else {
            self = try reader.slowInteger(Int64.self, node)
        }
    }
}

extension Int: NodeReadable {
    /// Reads an integer (or an integral floating-point number) in the range of `Int`.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        if case .int(let value) = node.content, let narrow = Int(exactly: value) {
            self = narrow
        } else {
            self = try reader.slowInteger(Int.self, node)
        }
    }
}

extension JSONValue: NodeReadable {
    /// Reads any node as a plain JSON value.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        self = node.jsonValue
    }
}

extension Array: NodeReadable where Element: NodeReadable {
    /// Reads a sequence, each item at its position in the field path.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        self = try reader.array(of: Element.self, node)
    }
}

extension Dictionary: NodeReadable where Key == String, Value: NodeReadable {
    /// Reads a mapping, each value under its key in the field path.
    @inlinable
    public init(node: Node, reader: NodeReader) throws {
        self = try reader.dictionary(of: Value.self, node)
    }
}
