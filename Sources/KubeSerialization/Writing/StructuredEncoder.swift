import Foundation

/// Encodes any `Encodable` value by streaming it through a ``StructuredWriter``.
///
/// Keys come out in the order the value's `encode(to:)` emits them, and nothing is built in
/// memory for the usual shapes: keyed, unkeyed and single-value containers write straight
/// into the writer. Only containers that `Encodable` code may fill out of order —
/// `nestedContainer(keyedBy:forKey:)`, `nestedUnkeyedContainer(forKey:)`, `superEncoder()` —
/// are recorded and written in place when their parent container is complete; once a
/// container has such a child, its later entries are recorded too, so that the order is kept.
///
/// Choices, where `Encodable` leaves them to the encoder:
/// - `nil` encoded through `encodeIfPresent` (what synthesized code does for optionals) is
///   omitted; `encodeNil` writes `null`.
/// - `[String: V]` and `[Int: V]` dictionaries are written with keys in sorted order (numeric
///   order for `Int`), so that output is stable.
/// - ``JSONValue`` is written with ``StructuredWriter/value(_:)`` (object keys sorted).
/// - `Data` is written as a Base64 string, `URL` as its absolute string, `Float` in its own
///   shortest form (`0.1`, not `0.10000000149011612`).
/// - A value whose `encode(to:)` writes nothing becomes an empty mapping `{}`.
/// - Encoding the same key twice in one keyed container throws `EncodingError.invalidValue`:
///   a streaming writer cannot take back what it wrote, and a mapping must not repeat a key.
/// - Errors from the writer (such as NaN in JSON) are rethrown as `EncodingError.invalidValue`
///   with the coding path of the value.
/// - A value that conforms to ``StructuredWritable`` writes itself through the writer's events,
///   without `encode(to:)`: the fastest path, for generated models.
///
/// Coding paths are computed only when asked for (by an error, or by `encode(to:)` code reading
/// `codingPath`); the keys in them are the key strings, not the original `CodingKey` values.
///
/// ```swift
/// let writer = YAMLWriter()
/// try StructuredEncoder().encode(deployment, to: writer)
/// try writer.finish()
/// ```
public struct StructuredEncoder: Sendable {
    /// Values for the `userInfo` of the encoder that `encode(to:)` implementations see.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Whether values that conform to ``StructuredWritable`` are written through
    /// ``StructuredWritable/write(to:)`` (the default) rather than their `encode(to:)`.
    ///
    /// Both paths write the same events; turning the direct path off is for comparing them.
    public var usesDirectWrites: Bool

    /// Creates an encoder.
    /// - Parameters:
    ///   - userInfo: values for the `userInfo` that `encode(to:)` implementations see.
    ///   - usesDirectWrites: whether ``StructuredWritable`` values write themselves directly.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:], usesDirectWrites: Bool = true) {
        self.userInfo = userInfo
        self.usesDirectWrites = usesDirectWrites
    }

    /// Writes `value` at the writer's current position: as a whole document when no document
    /// is open (the writer begins one), or as the value of the current key or sequence item.
    ///
    /// The document is not ended: call ``StructuredWriter/endDocument()`` or
    /// ``StructuredWriter/finish()`` afterwards.
    ///
    /// - Throws: `EncodingError` for values that cannot be encoded, or the writer's errors.
    public func encode<Value: Encodable>(_ value: Value, to writer: some StructuredWriter) throws {
        // A model that writes itself needs none of the encoding state: skip building it.
        // The checks look at the type only, so the value is not copied into an existential box.
        if usesDirectWrites, !(Value.self is any DirectlyEncodable.Type), !(Value.self is any EncodedElementwise.Type),
            let writableType = Value.self as? any StructuredWritable.Type
        {
            do {
                try withUnsafePointer(to: value) { pointer in
                    try Self.write(UnsafeRawPointer(pointer), as: writableType, to: writer)
                }
            } catch let error as StructuredWriterError {
                throw EncodingError.invalidValue(
                    value,
                    EncodingError.Context(
                        codingPath: [], debugDescription: error.description, underlyingError: error))
            }
            return
        }
        var info: [CodingUserInfoKey: Any] = [:]
        for (key, item) in userInfo { info[key] = item }
        let state = EncodingState(userInfo: info, usesDirectWrites: usesDirectWrites)
        let context = WriterContext(writer: writer)
        try state.encodeValue(value, in: context, parent: nil, step: .none)
        try state.throwDeferredError()
    }
}

extension StructuredEncoder {
    /// Writes the value of type `type` at `pointer` in place, without copying it.
    @inline(__always)
    fileprivate static func write<Value: StructuredWritable>(
        _ pointer: UnsafeRawPointer, as type: Value.Type, to writer: some StructuredWriter
    ) throws {
        try pointer.assumingMemoryBound(to: Value.self).pointee.write(to: writer)
    }
}

// MARK: - Engine

/// One step of a coding path, relative to the parent container.
enum PathStep {
    /// The root value, or a single-value container's value (the same position as its parent).
    case none
    /// A mapping entry.
    case name(String)
    /// A sequence item.
    case index(Int)
    /// A complete path (for values recorded out of order, which keep no link to a parent).
    case path([any CodingKey])
}

/// State shared by every encoder and container of one `encode` call.
final class EncodingState {
    let userInfo: [CodingUserInfoKey: Any]
    /// The first error raised where the `Encoder` API cannot throw (creating containers).
    private(set) var deferredError: (any Error)?

    /// Whether ``StructuredWritable`` values are written through `write(to:)`.
    let usesDirectWrites: Bool

    init(userInfo: [CodingUserInfoKey: Any], usesDirectWrites: Bool = true) {
        self.userInfo = userInfo
        self.usesDirectWrites = usesDirectWrites
    }

    func recordDeferred(_ error: any Error) {
        if deferredError == nil { deferredError = error }
    }

    @inline(__always)
    func throwDeferredError() throws {
        if let deferredError { throw deferredError }
    }

    /// Encodes one value at the current position of `context`'s writer.
    ///
    /// - Parameters:
    ///   - parent: The encoder whose container holds the value (for its coding path), if any.
    ///   - step: The value's key or index in that container.
    func encodeValue<Value: Encodable>(
        _ value: Value, in context: WriterContext, parent: SlotEncoder?, step: PathStep
    ) throws {
        // The most common scalars, recognised by their exact type without a conformance lookup.
        if Value.self == String.self {
            let text = unsafeBitCast(value, to: String.self)  // Value is String
            try write(text, codingPath: codingPath(parent: parent, step: step)) { try context.writer.string(text) }
            return
        }
        if Value.self == Int.self {
            let number = unsafeBitCast(value, to: Int.self)  // Value is Int
            try write(number, codingPath: codingPath(parent: parent, step: step)) {
                try context.writer.int(Int64(number))
            }
            return
        }
        if Value.self == Bool.self {
            let flag = unsafeBitCast(value, to: Bool.self)  // Value is Bool
            try write(flag, codingPath: codingPath(parent: parent, step: step)) { try context.writer.bool(flag) }
            return
        }
        switch route(for: Value.self) {
        case .direct:
            if let direct = value as? any DirectlyEncodable {
                try direct.encodeDirectly(state: self, context: context, parent: parent, step: step)
                return
            }
        case .writable:
            if let writable = value as? any StructuredWritable {
                try write(value, codingPath: codingPath(parent: parent, step: step)) {
                    try writable.write(to: context.writer)
                }
                return
            }
        case .encodable:
            break
        }
        let slot = SlotEncoder(state: self, context: context, parent: parent, step: step)
        try value.encode(to: slot)
        try slot.finalize()
    }

    /// How values of a type are written.
    enum Route {
        /// Through ``DirectlyEncodable``.
        case direct
        /// Through ``StructuredWritable``.
        case writable
        /// Through the type's `encode(to:)`.
        case encodable
    }

    /// Routes found so far: a conformance check per type and `encode` call, not per value.
    private var routes: [ObjectIdentifier: Route] = [:]

    private func route<Value>(for type: Value.Type) -> Route {
        let identifier = ObjectIdentifier(type)
        if let known = routes[identifier] { return known }
        let route: Route
        if type is any DirectlyEncodable.Type {
            route = .direct
        } else if usesDirectWrites, type is any StructuredWritable.Type, !(type is any EncodedElementwise.Type) {
            route = .writable
        } else {
            route = .encodable
        }
        routes[identifier] = route
        return route
    }

    /// Runs one writer call, turning the writer's errors into `EncodingError`s located at `codingPath`.
    @inline(__always)
    func write(
        _ value: @autoclosure () -> Any, codingPath: @autoclosure () -> [any CodingKey], _ body: () throws -> Void
    ) throws {
        do {
            try body()
        } catch let error as StructuredWriterError {
            let path = codingPath()
            throw EncodingError.invalidValue(
                value(),
                EncodingError.Context(
                    codingPath: path, debugDescription: Self.message(error.description, at: path),
                    underlyingError: error))
        }
    }

    static func message(_ text: String, at codingPath: [any CodingKey]) -> String {
        let path = FieldPath.describe(codingPath)
        return path.isEmpty ? text : "\(path): \(text)"
    }

    static func error(_ text: String, value: Any = (), at codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: codingPath, debugDescription: message(text, at: codingPath)))
    }
}

/// A writer, the encoders whose collections are open in it (innermost last), and the keys
/// written so far in those mappings (for duplicate detection).
final class WriterContext {
    let writer: any StructuredWriter
    @exclusivity(unchecked) var open: [SlotEncoder] = []
    /// Keys of the open mappings, each mapping's keys starting at its `keyStart`.
    @exclusivity(unchecked) var keys: [String] = []

    init(writer: any StructuredWriter) {
        self.writer = writer
    }
}

// MARK: - Encoder

/// The `Encoder` for one value: it owns the position in the writer where the value goes, and
/// the state of the mapping or sequence the value opens there.
final class SlotEncoder: Encoder {
    enum Use {
        case unused
        case mapping
        case sequence
        case singleValuePending
        case singleValueDone
    }

    /// Content that is recorded for now and written when this container closes.
    struct PendingEntry {
        var key: String?
        var recorder: RecordingWriter
        /// The encoder whose value is recorded, when it may still be written to (nested containers, super encoders).
        var slot: SlotEncoder?
    }

    let state: EncodingState
    let context: WriterContext
    /// The encoder whose container holds this value; `nil` at the root and for recorded values.
    let parent: SlotEncoder?
    let step: PathStep
    /// How many collections were open in the writer when this value's turn came.
    let depth: Int
    @exclusivity(unchecked) private(set) var use: Use = .unused
    @exclusivity(unchecked) private(set) var isFinalized = false
    @exclusivity(unchecked) private(set) var isClosed = false
    /// Entries written so far (mapping or sequence).
    @exclusivity(unchecked) private(set) var count = 0
    /// Where this mapping's keys start in `context.keys`.
    @exclusivity(unchecked) private var keyStart = 0
    /// A 64-bit summary of the keys written, to skip most duplicate searches.
    @exclusivity(unchecked) private var keyFilter: UInt64 = 0
    @exclusivity(unchecked) private var pending: [PendingEntry]? = nil

    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    init(state: EncodingState, context: WriterContext, parent: SlotEncoder?, step: PathStep) {
        self.state = state
        self.context = context
        self.parent = parent
        self.step = step
        self.depth = context.open.count
    }

    /// The coding path, built on demand from the parent links.
    var codingPath: [any CodingKey] {
        var path: [any CodingKey]
        switch step {
        case .path(let full): return full
        default: path = parent?.codingPath ?? []
        }
        switch step {
        case .none, .path: break
        case .name(let name): path.append(CodingPathKey(stringValue: name))
        case .index(let index): path.append(CodingPathKey(index: index))
        }
        return path
    }

    /// The coding path of an entry of this container.
    func codingPath(appending step: PathStep) -> [any CodingKey] {
        var path = codingPath
        switch step {
        case .none: break
        case .name(let name): path.append(CodingPathKey(stringValue: name))
        case .index(let index): path.append(CodingPathKey(index: index))
        case .path(let full): path = full
        }
        return path
    }

    // MARK: Turn order

    /// Whether the value may start writing now.
    private func checkTurn() throws {
        guard !isFinalized else {
            throw EncodingState.error(
                "an encoder was used after the value it belongs to finished encoding", at: codingPath)
        }
        guard context.open.count == depth else {
            throw EncodingState.error(
                "a value was encoded while another value's container was still open", at: codingPath)
        }
    }

    /// Begins this value's mapping or sequence (or checks that the same kind is already begun).
    /// Errors are deferred: the `Encoder` methods that call this cannot throw.
    func openCollection(isMapping: Bool) {
        switch use {
        case .mapping where isMapping, .sequence where !isMapping:
            return
        case .unused:
            do {
                try checkTurn()
                try state.throwDeferredError()
                if isMapping { try context.writer.beginMapping() } else { try context.writer.beginSequence() }
            } catch {
                state.recordDeferred(error)
                isClosed = true
                return
            }
            use = isMapping ? .mapping : .sequence
            keyStart = context.keys.count
            context.open.append(self)
        default:
            state.recordDeferred(
                EncodingState.error(
                    "a value asked for a \(isMapping ? "keyed" : "unkeyed") container after using another kind",
                    at: codingPath))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        openCollection(isMapping: true)
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        openCollection(isMapping: false)
        return UnkeyedContainer(slot: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        switch use {
        case .unused:
            use = .singleValuePending
        case .singleValuePending, .singleValueDone:
            break
        case .mapping, .sequence:
            state.recordDeferred(
                EncodingState.error(
                    "a value asked for a single-value container after using a keyed or unkeyed one", at: codingPath))
        }
        return SingleValueContainer(slot: self)
    }

    /// Called by the single-value container before it writes.
    func beginSingleValue() throws -> WriterContext {
        try state.throwDeferredError()
        guard case .singleValuePending = use else {
            throw EncodingState.error("a single-value container was asked to encode a second value", at: codingPath)
        }
        try checkTurn()
        use = .singleValueDone
        return context
    }

    // MARK: Entries

    /// Where the next entry's value goes: straight into the writer after its key, or into a recorder.
    func beginEntry(key: String?) throws -> WriterContext {
        try state.throwDeferredError()
        guard !isClosed else {
            throw EncodingState.error(
                "a container was used after the value that created it finished encoding",
                at: codingPath(appending: key.map(PathStep.name) ?? .index(count)))
        }
        if let key { try register(key) }
        count &+= 1
        if pending != nil {
            let recorder = RecordingWriter()
            pending?.append(PendingEntry(key: key, recorder: recorder, slot: nil))
            return WriterContext(writer: recorder)
        }
        guard context.open.last === self else {
            throw EncodingState.error(
                "a container was written to while a value inside it was still being encoded",
                at: codingPath(appending: key.map(PathStep.name) ?? .index(count - 1)))
        }
        if let key { try context.writer.key(key) }
        return context
    }

    /// Adds an entry whose content is written later through the returned encoder (a nested
    /// container or super encoder); from now on, this container records its entries.
    func beginDeferredEntry(key: String?) -> SlotEncoder {
        let recorder = RecordingWriter()
        let entryPath = codingPath(appending: key.map(PathStep.name) ?? .index(count))
        let slot = SlotEncoder(
            state: state, context: WriterContext(writer: recorder), parent: nil, step: .path(entryPath))
        do {
            try state.throwDeferredError()
            guard !isClosed else {
                throw EncodingState.error(
                    "a container was used after the value that created it finished encoding", at: entryPath)
            }
            if let key { try register(key) }
        } catch {
            state.recordDeferred(error)
            return slot
        }
        count &+= 1
        if pending == nil { pending = [] }
        pending?.append(PendingEntry(key: key, recorder: recorder, slot: slot))
        return slot
    }

    /// Records a key of this mapping, throwing if it was written before.
    @inline(__always)
    private func register(_ key: String) throws {
        let utf8 = key.utf8
        let summary = UInt64(truncatingIfNeeded: utf8.count &* 7 &+ Int(utf8.first ?? 0))
        let bit: UInt64 = 1 << (summary & 63)
        if keyFilter & bit != 0 {
            let keys = context.keys
            for index in keyStart..<keys.count where keys[index] == key {
                throw EncodingState.error(
                    "the key \"\(key)\" is encoded twice in the same container", at: codingPath(appending: .name(key)))
            }
        }
        keyFilter |= bit
        context.keys.append(key)
    }

    /// Writes recorded entries, then ends the collection.
    func close() throws {
        guard !isClosed else { return }
        try state.throwDeferredError()
        guard context.open.last === self else {
            throw EncodingState.error("a container inside this value was left open", at: codingPath)
        }
        isClosed = true
        let writer = context.writer
        if let entries = pending {
            pending = nil
            for entry in entries {
                try entry.slot?.finalize()
                if let key = entry.key { try writer.key(key) }
                try entry.recorder.replay(into: writer)
            }
        }
        context.open.removeLast()
        if context.keys.count > keyStart { context.keys.removeSubrange(keyStart...) }
        if case .mapping = use { try writer.endMapping() } else { try writer.endSequence() }
    }

    /// Completes the value: closes its container, or writes `{}` if it encoded nothing.
    func finalize() throws {
        guard !isFinalized else { return }
        try state.throwDeferredError()
        switch use {
        case .unused:
            try checkTurn()
            try context.writer.beginMapping()
            try context.writer.endMapping()
        case .mapping, .sequence:
            try close()
        case .singleValuePending:
            throw EncodingState.error("a value asked for a single-value container but encoded nothing", at: codingPath)
        case .singleValueDone:
            break
        }
        isFinalized = true
    }
}

/// A value that writes itself through a ``StructuredWriter``'s events.
///
/// ``StructuredEncoder`` (and so ``YAMLStreamEncoder`` and ``JSONStreamEncoder``) calls
/// ``write(to:)`` instead of `encode(to:)` for conforming values. Writing events directly
/// avoids the overhead of `Encodable`'s containers, so generated models can be written at the
/// writers' full speed. The method must write exactly one value (a scalar, or one complete
/// mapping or sequence) at the writer's current position.
public protocol StructuredWritable {
    /// Writes this value at the writer's current position.
    func write(to writer: any StructuredWriter) throws
}
