/// A ``StructuredWriter`` that records events so that they can be replayed into another writer later.
///
/// ``StructuredEncoder`` uses it for containers that `Encodable` code creates out of order
/// (`nestedContainer(keyedBy:forKey:)`, `superEncoder()`): their content is recorded, and
/// replayed in place when the parent container is complete.
final class RecordingWriter: StructuredWriter {
    enum Event {
        case beginMapping
        case endMapping
        case beginSequence
        case endSequence
        case key(String)
        case string(String)
        case int(Int64)
        case unsignedInt(UInt64)
        case double(Double)
        case bool(Bool)
        case null
        case value(JSONValue)
    }

    private(set) var events: [Event] = []

    func beginDocument() throws {}
    func endDocument() throws {}
    func beginMapping() throws { events.append(.beginMapping) }
    func key(_ key: String) throws { events.append(.key(key)) }
    func endMapping() throws { events.append(.endMapping) }
    func beginSequence() throws { events.append(.beginSequence) }
    func endSequence() throws { events.append(.endSequence) }
    func string(_ value: String) throws { events.append(.string(value)) }
    func int(_ value: Int64) throws { events.append(.int(value)) }
    func int(_ value: UInt64) throws { events.append(.unsignedInt(value)) }
    func double(_ value: Double) throws { events.append(.double(value)) }
    func bool(_ value: Bool) throws { events.append(.bool(value)) }
    func null() throws { events.append(.null) }
    func value(_ value: JSONValue) throws { events.append(.value(value)) }
    func finish() throws {}

    /// Sends every recorded event to `writer`, in order.
    func replay(into writer: any StructuredWriter) throws {
        for event in events {
            switch event {
            case .beginMapping: try writer.beginMapping()
            case .endMapping: try writer.endMapping()
            case .beginSequence: try writer.beginSequence()
            case .endSequence: try writer.endSequence()
            case .key(let key): try writer.key(key)
            case .string(let value): try writer.string(value)
            case .int(let value): try writer.int(value)
            case .unsignedInt(let value): try writer.int(value)
            case .double(let value): try writer.double(value)
            case .bool(let value): try writer.bool(value)
            case .null: try writer.null()
            case .value(let value): try writer.value(value)
            }
        }
    }
}
