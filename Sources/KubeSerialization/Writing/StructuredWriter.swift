/// The streaming event interface that every value is written through, whatever the output format.
///
/// A writer receives a stream of events that describe documents made of mappings, sequences and
/// scalars, and produces bytes as it goes: nothing is buffered beyond a fixed-size output buffer.
/// ``YAMLWriter`` and ``JSONWriter`` conform, and ``StructuredEncoder`` drives any conforming
/// writer from an `Encodable` value.
///
/// Events must nest properly: inside a mapping, every value is preceded by ``key(_:)``; inside a
/// sequence, values follow each other. A value written with no open document begins one
/// implicitly, and ``finish()`` ends an open document. Writers throw
/// ``StructuredWriterError/invalidEvent(_:)`` for an event that does not fit.
///
/// ```swift
/// let writer = YAMLWriter(sink: ByteBuffer())
/// try writer.beginMapping()
/// try writer.key("name")
/// try writer.string("web")
/// try writer.key("ports")
/// try writer.beginSequence()
/// try writer.int(80)
/// try writer.endSequence()
/// try writer.endMapping()
/// try writer.finish()
/// // name: web
/// // ports:
/// // - 80
/// ```
public protocol StructuredWriter: AnyObject {
    /// Starts a document. Documents after the first are separated from the previous one.
    func beginDocument() throws
    /// Ends the current document; it must hold exactly one complete value (an empty document is written as null).
    func endDocument() throws
    /// Starts a mapping at the current position.
    func beginMapping() throws
    /// Writes the key of the next entry of the current mapping.
    func key(_ key: String) throws
    /// Ends the current mapping.
    func endMapping() throws
    /// Starts a sequence at the current position.
    func beginSequence() throws
    /// Ends the current sequence.
    func endSequence() throws
    /// Writes a string scalar.
    func string(_ value: String) throws
    /// Writes a signed integer.
    func int(_ value: Int64) throws
    /// Writes an unsigned integer (for values above `Int64.max`).
    func int(_ value: UInt64) throws
    /// Writes a floating-point number.
    func double(_ value: Double) throws
    /// Writes a Boolean.
    func bool(_ value: Bool) throws
    /// Writes a null.
    func null() throws
    /// Writes a whole JSON value; object members are written in sorted key order.
    func value(_ value: JSONValue) throws
    /// Ends an open document and hands every buffered byte to the sink.
    func finish() throws
}

extension StructuredWriter {
    /// Writes a signed integer.
    public func int(_ value: Int) throws { try int(Int64(value)) }
    /// Writes a signed integer.
    public func int(_ value: Int32) throws { try int(Int64(value)) }

    /// Writes a whole JSON value through the event methods, with object members in sorted key order.
    public func value(_ value: JSONValue) throws {
        switch value {
        case .null: try null()
        case .bool(let flag): try bool(flag)
        case .int(let number): try int(number)
        case .double(let number): try double(number)
        case .string(let text): try string(text)
        case .array(let elements):
            try beginSequence()
            for element in elements { try self.value(element) }
            try endSequence()
        case .object(let members):
            try beginMapping()
            for name in members.keys.sorted() {
                try key(name)
                // The key comes from the dictionary, so the lookup cannot fail.
                try self.value(members[name] ?? .null)
            }
            try endMapping()
        }
    }
}

/// An error reported by a ``StructuredWriter``.
public enum StructuredWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An event that does not fit the current state, such as a value where a key is expected,
    /// or ``StructuredWriter/finish()`` with a mapping still open. The text says what was expected.
    case invalidEvent(String)
    /// A NaN or infinite number, which the format cannot represent (JSON has no such numbers).
    case nonFiniteNumber(Double)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidEvent(let message):
            return "invalid writer event: \(message)"
        case .nonFiniteNumber(let number):
            return "\(number) cannot be represented in JSON (it has no NaN or infinity)"
        }
    }
}
