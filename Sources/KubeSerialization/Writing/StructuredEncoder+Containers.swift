import Foundation

// The three container types StructuredEncoder hands to `encode(to:)` implementations, and the
// values it writes without calling their `encode(to:)`.

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let container: EncodingContainer
    let codingPath: [any CodingKey]

    @inline(__always)
    private func write(
        _ value: @autoclosure () -> Any, forKey key: Key, _ body: (any StructuredWriter) throws -> Void
    ) throws {
        let target = try container.beginEntry(key: key.stringValue, codingPath: codingPath + [key])
        try container.state.write(value(), codingPath: codingPath + [key]) { try body(target.context.writer) }
    }

    mutating func encodeNil(forKey key: Key) throws { try write((), forKey: key) { try $0.null() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try write(value, forKey: key) { try $0.bool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.string(value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.double(value) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.double(value.shortestDouble) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(value) }
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(UInt64(value)) }
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(Int64(value)) }
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.int(value) }
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        let path = codingPath + [key]
        let target = try container.beginEntry(key: key.stringValue, codingPath: path)
        try container.state.encodeValue(value, in: target.context, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        container.beginDeferredEntry(key: key.stringValue, codingPath: codingPath + [key])
            .container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        container.beginDeferredEntry(key: key.stringValue, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        container.beginDeferredEntry(key: CodingPathKey.super.stringValue, codingPath: codingPath + [CodingPathKey.super])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        container.beginDeferredEntry(key: key.stringValue, codingPath: codingPath + [key])
    }
}

struct UnkeyedContainer: UnkeyedEncodingContainer {
    let container: EncodingContainer
    let codingPath: [any CodingKey]

    var count: Int { container.count }

    private var nextPath: [any CodingKey] { codingPath + [CodingPathKey(index: container.count)] }

    @inline(__always)
    private func write(_ value: @autoclosure () -> Any, _ body: (any StructuredWriter) throws -> Void) throws {
        let path = nextPath
        let target = try container.beginEntry(key: nil, codingPath: path)
        try container.state.write(value(), codingPath: path) { try body(target.context.writer) }
    }

    mutating func encodeNil() throws { try write(()) { try $0.null() } }
    mutating func encode(_ value: Bool) throws { try write(value) { try $0.bool(value) } }
    mutating func encode(_ value: String) throws { try write(value) { try $0.string(value) } }
    mutating func encode(_ value: Double) throws { try write(value) { try $0.double(value) } }
    mutating func encode(_ value: Float) throws { try write(value) { try $0.double(value.shortestDouble) } }
    mutating func encode(_ value: Int) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int8) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int16) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int32) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int64) throws { try write(value) { try $0.int(value) } }
    mutating func encode(_ value: UInt) throws { try write(value) { try $0.int(UInt64(value)) } }
    mutating func encode(_ value: UInt8) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt16) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt32) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt64) throws { try write(value) { try $0.int(value) } }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let path = nextPath
        let target = try container.beginEntry(key: nil, codingPath: path)
        try container.state.encodeValue(value, in: target.context, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        container.beginDeferredEntry(key: nil, codingPath: nextPath).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        container.beginDeferredEntry(key: nil, codingPath: nextPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        container.beginDeferredEntry(key: nil, codingPath: nextPath)
    }
}

struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: SlotEncoder

    var codingPath: [any CodingKey] { slot.codingPath }

    @inline(__always)
    private func write(_ value: @autoclosure () -> Any, _ body: (any StructuredWriter) throws -> Void) throws {
        let context = try slot.beginSingleValue()
        try slot.state.write(value(), codingPath: slot.codingPath) { try body(context.writer) }
    }

    mutating func encodeNil() throws { try write(()) { try $0.null() } }
    mutating func encode(_ value: Bool) throws { try write(value) { try $0.bool(value) } }
    mutating func encode(_ value: String) throws { try write(value) { try $0.string(value) } }
    mutating func encode(_ value: Double) throws { try write(value) { try $0.double(value) } }
    mutating func encode(_ value: Float) throws { try write(value) { try $0.double(value.shortestDouble) } }
    mutating func encode(_ value: Int) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int8) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int16) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int32) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: Int64) throws { try write(value) { try $0.int(value) } }
    mutating func encode(_ value: UInt) throws { try write(value) { try $0.int(UInt64(value)) } }
    mutating func encode(_ value: UInt8) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt16) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt32) throws { try write(value) { try $0.int(Int64(value)) } }
    mutating func encode(_ value: UInt64) throws { try write(value) { try $0.int(value) } }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let context = try slot.beginSingleValue()
        try slot.state.encodeValue(value, in: context, codingPath: slot.codingPath)
    }
}

extension Float {
    /// The double whose shortest form is this float's shortest form (`0.1` stays `0.1`).
    var shortestDouble: Double {
        guard isFinite else { return Double(self) }
        return Double(description) ?? Double(self)
    }
}

// MARK: - Values written without their encode(to:)

/// Values that ``StructuredEncoder`` writes itself, faster or differently from their `encode(to:)`.
protocol DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws
}

extension String: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.string(self) }
    }
}

extension Bool: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.bool(self) }
    }
}

extension Double: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.double(self) }
    }
}

extension Float: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.double(shortestDouble) }
    }
}

/// Signed and small unsigned integers, written as `Int64`.
protocol DirectlyEncodableInteger: DirectlyEncodable, BinaryInteger {}

extension DirectlyEncodableInteger {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        if let signed = Int64(exactly: self) {
            try state.write(self, codingPath: codingPath) { try context.writer.int(signed) }
        } else {
            // Only UInt and UInt64 can exceed Int64; they fit in UInt64.
            let unsigned = UInt64(truncatingIfNeeded: self)
            try state.write(self, codingPath: codingPath) { try context.writer.int(unsigned) }
        }
    }
}

extension Int: DirectlyEncodableInteger {}
extension Int8: DirectlyEncodableInteger {}
extension Int16: DirectlyEncodableInteger {}
extension Int32: DirectlyEncodableInteger {}
extension Int64: DirectlyEncodableInteger {}
extension UInt: DirectlyEncodableInteger {}
extension UInt8: DirectlyEncodableInteger {}
extension UInt16: DirectlyEncodableInteger {}
extension UInt32: DirectlyEncodableInteger {}
extension UInt64: DirectlyEncodableInteger {}

extension JSONValue: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.value(self) }
    }
}

extension Data: DirectlyEncodable {
    /// Base64, as Go's encoding/json writes `[]byte` (Secret `data`) and as Foundation's JSONEncoder does by default.
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.string(base64EncodedString()) }
    }
}

extension URL: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        try state.write(self, codingPath: codingPath) { try context.writer.string(absoluteString) }
    }
}

extension Decimal: DirectlyEncodable {
    /// As a number (Decimal's own `encode(to:)` writes its internal fields): an integer when
    /// integral and within 64 bits, otherwise the nearest double.
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        let text = description
        if let integer = Int64(text) {
            try state.write(self, codingPath: codingPath) { try context.writer.int(integer) }
        } else {
            let number = Double(text) ?? NSDecimalNumber(decimal: self).doubleValue
            try state.write(self, codingPath: codingPath) { try context.writer.double(number) }
        }
    }
}

extension Dictionary: DirectlyEncodable where Key: Encodable, Value: Encodable {
    /// Mappings with sorted keys: `String` keys in string order, `Int` keys in numeric order,
    /// `CodingKeyRepresentable` keys by their string value. Other key types encode as usual.
    func encodeDirectly(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) throws {
        let entries: [(key: String, value: Value)]
        if Key.self == String.self {
            entries = map { (key: ($0.key as? String) ?? "", value: $0.value) }.sorted { $0.key < $1.key }
        } else if Key.self == Int.self {
            entries = compactMap { entry in (entry.key as? Int).map { (key: $0, value: entry.value) } }
                .sorted { $0.key < $1.key }
                .map { (key: String($0.key), value: $0.value) }
        } else if Key.self is any CodingKeyRepresentable.Type {
            entries = compactMap { entry in
                (entry.key as? any CodingKeyRepresentable).map { (key: $0.codingKey.stringValue, value: entry.value) }
            }.sorted { $0.key < $1.key }
        } else {
            // Keys that are neither strings nor integers: Dictionary writes a flat key/value list.
            let slot = SlotEncoder(state: state, context: context, codingPath: codingPath)
            try encode(to: slot)
            try slot.finalize()
            return
        }
        let writer = context.writer
        try writer.beginMapping()
        for entry in entries {
            try writer.key(entry.key)
            try state.encodeValue(entry.value, in: context, codingPath: codingPath + [CodingPathKey(stringValue: entry.key)])
        }
        try writer.endMapping()
    }
}
