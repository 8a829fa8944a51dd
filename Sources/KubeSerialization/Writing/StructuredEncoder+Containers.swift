import Foundation

// The three container types StructuredEncoder hands to `encode(to:)` implementations, and the
// values it writes without calling their `encode(to:)`.

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: SlotEncoder

    var codingPath: [any CodingKey] { slot.codingPath }

    @inline(__always)
    private func write(
        _ value: @autoclosure () -> Any, forKey key: Key, _ body: (any StructuredWriter) throws -> Void
    ) throws {
        let name = key.stringValue
        let context = try slot.beginEntry(key: name)
        try slot.state.write(value(), codingPath: slot.codingPath(appending: .name(name))) { try body(context.writer) }
    }

    mutating func encodeNil(forKey key: Key) throws { try write((), forKey: key) { try $0.null() } }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try write(value, forKey: key) { try $0.bool(value) }
    }

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
        let name = key.stringValue
        let context = try slot.beginEntry(key: name)
        try slot.state.encodeValue(value, in: context, parent: slot, step: .name(name))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        slot.beginDeferredEntry(key: key.stringValue).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        slot.beginDeferredEntry(key: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        slot.beginDeferredEntry(key: CodingPathKey.super.stringValue)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        slot.beginDeferredEntry(key: key.stringValue)
    }
}

struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: SlotEncoder

    var codingPath: [any CodingKey] { slot.codingPath }
    var count: Int { slot.count }

    @inline(__always)
    private func write(_ value: @autoclosure () -> Any, _ body: (any StructuredWriter) throws -> Void) throws {
        let index = slot.count
        let context = try slot.beginEntry(key: nil)
        try slot.state.write(value(), codingPath: slot.codingPath(appending: .index(index))) {
            try body(context.writer)
        }
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
        let index = slot.count
        let context = try slot.beginEntry(key: nil)
        try slot.state.encodeValue(value, in: context, parent: slot, step: .index(index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        slot.beginDeferredEntry(key: nil).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.beginDeferredEntry(key: nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        slot.beginDeferredEntry(key: nil)
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
        try slot.state.encodeValue(value, in: context, parent: slot, step: .none)
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

/// The coding path of a value at `step` inside `parent` (or at the root).
func codingPath(parent: SlotEncoder?, step: PathStep) -> [any CodingKey] {
    if let parent { return parent.codingPath(appending: step) }
    switch step {
    case .none: return []
    case .name(let name): return [CodingPathKey(stringValue: name)]
    case .index(let index): return [CodingPathKey(index: index)]
    case .path(let full): return full
    }
}

/// Values that ``StructuredEncoder`` writes itself, faster or differently from their `encode(to:)`.
protocol DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws
}

extension String: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) { try context.writer.string(self) }
    }
}

extension Bool: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) { try context.writer.bool(self) }
    }
}

extension Double: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) { try context.writer.double(self) }
    }
}

extension Float: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
            try context.writer.double(shortestDouble)
        }
    }
}

/// Signed and small unsigned integers, written as `Int64`.
protocol DirectlyEncodableInteger: DirectlyEncodable, BinaryInteger {}

extension DirectlyEncodableInteger {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        if let signed = Int64(exactly: self) {
            try state.write(self, codingPath: codingPath(parent: parent, step: step)) { try context.writer.int(signed) }
        } else {
            // Only UInt and UInt64 can exceed Int64; they fit in UInt64.
            let unsigned = UInt64(truncatingIfNeeded: self)
            try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
                try context.writer.int(unsigned)
            }
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
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) { try context.writer.value(self) }
    }
}

extension Data: DirectlyEncodable {
    /// Base64, as Go's encoding/json writes `[]byte` (Secret `data`) and as Foundation's JSONEncoder does by default.
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
            try context.writer.string(base64EncodedString())
        }
    }
}

extension URL: DirectlyEncodable {
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
            try context.writer.string(absoluteString)
        }
    }
}

extension Decimal: DirectlyEncodable {
    /// As a number (Decimal's own `encode(to:)` writes its internal fields): an integer when
    /// integral and within 64 bits, otherwise the nearest double.
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        let text = description
        if let integer = Int64(text) {
            try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
                try context.writer.int(integer)
            }
        } else {
            let number = Double(text) ?? NSDecimalNumber(decimal: self).doubleValue
            try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
                try context.writer.double(number)
            }
        }
    }
}

extension Dictionary: DirectlyEncodable where Key: Encodable, Value: Encodable {
    /// Mappings with sorted keys: `String` keys in string order, `Int` keys in numeric order,
    /// `CodingKeyRepresentable` keys by their string value. Other key types encode as usual.
    func encodeDirectly(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) throws {
        if Key.self == String.self && Value.self == String.self {
            // Labels, annotations, ConfigMap data: concrete code, no encoder objects per entry.
            let strings = unsafeBitCast(self, to: [String: String].self)  // Key and Value are String
            var keys = Array(strings.keys)
            keys.sort()
            let writer = context.writer
            try state.write(self, codingPath: codingPath(parent: parent, step: step)) {
                try writer.beginMapping()
                for key in keys {
                    try writer.key(key)
                    try writer.string(strings[key] ?? "")
                }
                try writer.endMapping()
            }
            return
        }
        let slot = SlotEncoder(state: state, context: context, parent: parent, step: step)
        if Key.self == String.self {
            // Reinterpreting is exact here (Key is String); a cast would copy every element.
            let strings = unsafeBitCast(self, to: [String: Value].self)
            var keys = Array(strings.keys)
            keys.sort()
            slot.openCollection(isMapping: true)
            for key in keys {
                guard let value = strings[key] else { continue }
                let entry = try slot.beginEntry(key: key)
                try state.encodeValue(value, in: entry, parent: slot, step: .name(key))
            }
        } else if Key.self == Int.self {
            let integers = unsafeBitCast(self, to: [Int: Value].self)  // Key is Int
            var keys = Array(integers.keys)
            keys.sort()
            slot.openCollection(isMapping: true)
            for key in keys {
                guard let value = integers[key] else { continue }
                let name = String(key)
                let entry = try slot.beginEntry(key: name)
                try state.encodeValue(value, in: entry, parent: slot, step: .name(name))
            }
        } else if Key.self is any CodingKeyRepresentable.Type {
            var byName: [String: Value] = [:]
            for (key, value) in self {
                guard let representable = key as? any CodingKeyRepresentable else { continue }
                byName[representable.codingKey.stringValue] = value
            }
            var names = Array(byName.keys)
            names.sort()
            slot.openCollection(isMapping: true)
            for name in names {
                guard let value = byName[name] else { continue }
                let entry = try slot.beginEntry(key: name)
                try state.encodeValue(value, in: entry, parent: slot, step: .name(name))
            }
        } else {
            // Keys that are neither strings nor integers: Dictionary writes a flat key/value list.
            try encode(to: slot)
        }
        try slot.finalize()
    }
}
