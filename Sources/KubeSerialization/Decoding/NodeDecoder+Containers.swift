import Foundation

// The containers NodeDecoder hands to `init(from:)` implementations, and the primitives it decodes itself.

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoderEngine
    let index: MappingIndex

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        index.entries.compactMap { Key(stringValue: $0.key) }
    }

    func contains(_ key: Key) -> Bool {
        index.position(of: key.stringValue) != nil
    }

    private func node(for key: Key) throws -> Node {
        guard let position = index.position(of: key.stringValue) else {
            throw NodeDecodingError(
                kind: .keyNotFound, codingPath: codingPath + [key], location: decoder.node.location,
                message: "required key \(NodeDecodingError.quoted(key.stringValue)) is missing")
        }
        return index.entries[position].value
    }

    private func presentNode(for key: Key) -> Node? {
        guard let position = index.position(of: key.stringValue) else { return nil }
        let node = index.entries[position].value
        if case .null = node.content { return nil }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try node(for: key).content { return true }
        return false
    }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decoder.state.decodeValue(type, from: node(for: key), at: codingPath + [key])
    }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard let node = presentNode(for: key) else { return nil }
        return try decoder.state.decodeValue(type, from: node, at: codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeGeneric(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeGeneric(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeGeneric(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeGeneric(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeGeneric(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeGeneric(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeGeneric(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeGeneric(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeGeneric(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeGeneric(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeGeneric(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeGeneric(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeGeneric(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeGeneric(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try decodeIfPresentGeneric(type, key)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try decodeIfPresentGeneric(type, key)
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresentGeneric(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        try decodeIfPresentGeneric(type, key)
    }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        try decodeIfPresentGeneric(type, key)
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        try decodeIfPresentGeneric(type, key)
    }

    @inline(__always)
    private func decodeGeneric<Value: NodeDecodablePrimitive>(_ type: Value.Type, _ key: Key) throws -> Value {
        try Value.decodePrimitive(from: node(for: key), at: codingPath + [key])
    }

    @inline(__always)
    private func decodeIfPresentGeneric<Value: NodeDecodablePrimitive>(_ type: Value.Type, _ key: Key) throws -> Value?
    {
        guard let node = presentNode(for: key) else { return nil }
        return try Value.decodePrimitive(from: node, at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(node: node(for: key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(node: node(for: key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        superDecoder(named: CodingPathKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        superDecoder(named: key)
    }

    /// A decoder for the entry named `key`, or for null when there is none (as Foundation's decoders do).
    private func superDecoder(named key: any CodingKey) -> any Decoder {
        let node: Node
        if let position = index.position(of: key.stringValue) {
            node = index.entries[position].value
        } else {
            node = Node(.null, at: decoder.node.location)
        }
        return decoder.child(node: node, codingPath: codingPath + [key])
    }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoderEngine
    let items: [Node]
    private(set) var currentIndex = 0

    init(decoder: NodeDecoderEngine, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var currentPath: [any CodingKey] { codingPath + [CodingPathKey(index: currentIndex)] }

    /// The next item; throws at the end of the sequence.
    private func current(expecting description: String) throws -> Node {
        guard !isAtEnd else {
            throw NodeDecodingError(
                kind: .valueNotFound, codingPath: currentPath, location: decoder.node.location,
                message: "expected \(description), found the end of a sequence of \(items.count) items")
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try current(expecting: "a value").content else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let node = try current(expecting: "a value")
        let value = try decoder.state.decodeValue(type, from: node, at: currentPath)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        let node = try current(expecting: "a mapping")
        let container = try decoder.child(node: node, codingPath: currentPath).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let node = try current(expecting: "a sequence")
        let container = try decoder.child(node: node, codingPath: currentPath).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let node = try current(expecting: "a value")
        let child = decoder.child(node: node, codingPath: currentPath)
        currentIndex += 1
        return child
    }
}

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoderEngine

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node.content { return true }
        return false
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try decoder.state.decodeValue(type, from: decoder.node, at: codingPath)
    }
}

// MARK: - Primitives

/// Types that ``NodeDecoder`` reads straight from a node, with its strict type rules.
protocol NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Self
}

extension String: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> String {
        guard case .string(let value) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a string", found: node, at: codingPath)
        }
        return value
    }
}

extension Bool: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Bool {
        guard case .bool(let value) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a boolean", found: node, at: codingPath)
        }
        return value
    }
}

extension Double: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Double {
        switch node.content {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: throw NodeDecodingError.mismatch(expected: "a number", found: node, at: codingPath)
        }
    }
}

extension Float: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Float {
        let value = try Double.decodePrimitive(from: node, at: codingPath)
        let result = Float(value)
        if value.isFinite && !result.isFinite {
            throw NodeDecodingError(
                kind: .numberOutOfRange, codingPath: codingPath, location: node.location,
                message: "the number \(value) is too large for a Float")
        }
        return result
    }
}

/// Integers: from integer nodes, and from floating-point nodes with an integral value.
protocol NodeDecodableInteger: NodeDecodablePrimitive, FixedWidthInteger {}

extension NodeDecodableInteger {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Self {
        switch node.content {
        case .int(let value):
            if let result = Self(exactly: value) { return result }
        case .double(let value):
            guard value.isFinite, value.rounded(.towardZero) == value else {
                throw NodeDecodingError.mismatch(expected: "an integer", found: node, at: codingPath)
            }
            if let result = Self(exactly: value) { return result }
        default:
            throw NodeDecodingError.mismatch(expected: "an integer", found: node, at: codingPath)
        }
        throw NodeDecodingError(
            kind: .numberOutOfRange, codingPath: codingPath, location: node.location,
            message: "\(NodeDecodingError.describe(node)) does not fit in \(Self.self) (\(Self.min)...\(Self.max))")
    }
}

extension Int: NodeDecodableInteger {}
extension Int8: NodeDecodableInteger {}
extension Int16: NodeDecodableInteger {}
extension Int32: NodeDecodableInteger {}
extension Int64: NodeDecodableInteger {}
extension UInt: NodeDecodableInteger {}
extension UInt8: NodeDecodableInteger {}
extension UInt16: NodeDecodableInteger {}
extension UInt32: NodeDecodableInteger {}
extension UInt64: NodeDecodableInteger {}

extension Data: NodeDecodablePrimitive {
    /// From a Base64 string. The message never shows the string: it may be a Secret's data.
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Data {
        guard case .string(let text) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a Base64 string", found: node, at: codingPath)
        }
        guard let data = Data(base64Encoded: text) else {
            throw NodeDecodingError(
                kind: .dataCorrupted, codingPath: codingPath, location: node.location,
                message: "expected Base64 data, found a string that is not valid Base64")
        }
        return data
    }
}

extension URL: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> URL {
        guard case .string(let text) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a URL string", found: node, at: codingPath)
        }
        guard let url = URL(string: text) else {
            throw NodeDecodingError(
                kind: .dataCorrupted, codingPath: codingPath, location: node.location,
                message: "expected a URL, found \(NodeDecodingError.describe(node))")
        }
        return url
    }
}

extension Decimal: NodeDecodablePrimitive {
    static func decodePrimitive(from node: Node, at codingPath: [any CodingKey]) throws -> Decimal {
        switch node.content {
        case .int(let value): return Decimal(value)
        case .double(let value): return Decimal(string: "\(value)") ?? Decimal(value)
        default: throw NodeDecodingError.mismatch(expected: "a number", found: node, at: codingPath)
        }
    }
}
