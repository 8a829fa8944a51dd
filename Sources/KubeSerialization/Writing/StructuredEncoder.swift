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
///
/// ```swift
/// let writer = YAMLWriter()
/// try StructuredEncoder().encode(deployment, to: writer)
/// try writer.finish()
/// ```
public struct StructuredEncoder: Sendable {
    /// Values for the `userInfo` of the encoder that `encode(to:)` implementations see.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates an encoder.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// Writes `value` at the writer's current position: as a whole document when no document
    /// is open (the writer begins one), or as the value of the current key or sequence item.
    ///
    /// The document is not ended: call ``StructuredWriter/endDocument()`` or
    /// ``StructuredWriter/finish()`` afterwards.
    ///
    /// - Throws: `EncodingError` for values that cannot be encoded, or the writer's errors.
    public func encode<Value: Encodable>(_ value: Value, to writer: some StructuredWriter) throws {
        var info: [CodingUserInfoKey: Any] = [:]
        for (key, item) in userInfo { info[key] = item }
        let state = EncodingState(userInfo: info)
        let context = WriterContext(writer: writer)
        try state.encodeValue(value, in: context, codingPath: [])
        try state.throwDeferredError()
    }
}

// MARK: - Engine

/// State shared by every encoder and container of one `encode` call.
final class EncodingState {
    let userInfo: [CodingUserInfoKey: Any]
    /// The first error raised where the `Encoder` API cannot throw (creating containers).
    private(set) var deferredError: (any Error)?

    init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
    }

    func recordDeferred(_ error: any Error) {
        if deferredError == nil { deferredError = error }
    }

    @inline(__always)
    func throwDeferredError() throws {
        if let deferredError { throw deferredError }
    }

    /// Encodes one value at the current position of `context`'s writer.
    func encodeValue<Value: Encodable>(
        _ value: Value, in context: WriterContext, codingPath: [any CodingKey]
    ) throws {
        if let direct = value as? any DirectlyEncodable {
            try direct.encodeDirectly(state: self, context: context, codingPath: codingPath)
            return
        }
        let slot = SlotEncoder(state: self, context: context, codingPath: codingPath)
        try value.encode(to: slot)
        try slot.finalize()
    }

    /// Runs one writer call, turning the writer's errors into `EncodingError`s located at `codingPath`.
    @inline(__always)
    func write(
        _ value: @autoclosure () -> Any, codingPath: [any CodingKey], _ body: () throws -> Void
    ) throws {
        do {
            try body()
        } catch let error as StructuredWriterError {
            throw EncodingError.invalidValue(
                value(),
                EncodingError.Context(
                    codingPath: codingPath,
                    debugDescription: Self.message(error.description, at: codingPath),
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

/// A writer, and the containers the encoder has open in it, innermost last.
final class WriterContext {
    let writer: any StructuredWriter
    var open: [EncodingContainer] = []

    init(writer: any StructuredWriter) {
        self.writer = writer
    }
}

/// A mapping or sequence the encoder began in some writer.
final class EncodingContainer {
    /// Content that is recorded for now and written when this container closes.
    struct PendingEntry {
        var key: String?
        var recorder: RecordingWriter
        /// The encoder whose value is recorded, when it may still be written to (nested containers, super encoders).
        var slot: SlotEncoder?
    }

    let isMapping: Bool
    let context: WriterContext
    let state: EncodingState
    let codingPath: [any CodingKey]
    private(set) var count = 0
    private var keys: [String] = []
    private var keySet: Set<String>? = nil
    private var pending: [PendingEntry]? = nil
    private(set) var isClosed: Bool

    init(isMapping: Bool, context: WriterContext, state: EncodingState, codingPath: [any CodingKey], isClosed: Bool = false) {
        self.isMapping = isMapping
        self.context = context
        self.state = state
        self.codingPath = codingPath
        self.isClosed = isClosed
    }

    /// Where the next entry's value goes.
    enum Target {
        /// Straight into the writer, after its key.
        case direct(WriterContext)
        /// Into a recorder, replayed when the container closes.
        case recorded(WriterContext)

        var context: WriterContext {
            switch self {
            case .direct(let context), .recorded(let context): return context
            }
        }
    }

    /// Validates a new entry and prepares where its value goes (writing its key when streaming).
    func beginEntry(key: String?, codingPath entryPath: @autoclosure () -> [any CodingKey]) throws -> Target {
        try state.throwDeferredError()
        guard !isClosed else {
            throw EncodingState.error(
                "a container was used after the value that created it finished encoding", at: entryPath())
        }
        if let key, !registerKey(key) {
            throw EncodingState.error("the key \"\(key)\" is encoded twice in the same container", at: entryPath())
        }
        count += 1
        if pending != nil {
            let recorder = RecordingWriter()
            pending?.append(PendingEntry(key: key, recorder: recorder, slot: nil))
            return .recorded(WriterContext(writer: recorder))
        }
        guard context.open.last === self else {
            throw EncodingState.error(
                "a container was written to while a value inside it was still being encoded", at: entryPath())
        }
        if let key { try context.writer.key(key) }
        return .direct(context)
    }

    /// Adds an entry whose content is written later through `slot` (a nested container or super encoder).
    func beginDeferredEntry(key: String?, codingPath entryPath: [any CodingKey]) -> SlotEncoder {
        let recorder = RecordingWriter()
        let slot = SlotEncoder(state: state, context: WriterContext(writer: recorder), codingPath: entryPath)
        do {
            try state.throwDeferredError()
            guard !isClosed else {
                throw EncodingState.error(
                    "a container was used after the value that created it finished encoding", at: entryPath)
            }
            if let key, !registerKey(key) {
                throw EncodingState.error("the key \"\(key)\" is encoded twice in the same container", at: entryPath)
            }
        } catch {
            state.recordDeferred(error)
            return slot
        }
        count += 1
        if pending == nil { pending = [] }
        pending?.append(PendingEntry(key: key, recorder: recorder, slot: slot))
        return slot
    }

    private func registerKey(_ key: String) -> Bool {
        if keySet != nil { return keySet?.insert(key).inserted ?? false }
        if keys.count < 12 {
            if keys.contains(key) { return false }
            keys.append(key)
            return true
        }
        var set = Set(keys)
        keys = []
        let inserted = set.insert(key).inserted
        keySet = set
        return inserted
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
        if isMapping { try writer.endMapping() } else { try writer.endSequence() }
    }
}

// MARK: - Encoder

/// The `Encoder` for one value: it owns the position in the writer where the value goes.
final class SlotEncoder: Encoder {
    enum Use {
        case unused
        case container(EncodingContainer)
        case singleValuePending
        case singleValueDone
    }

    let state: EncodingState
    let context: WriterContext
    let codingPath: [any CodingKey]
    /// How many containers were open in the writer when this value's turn came.
    let depth: Int
    private(set) var use: Use = .unused
    private(set) var isFinalized = false

    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    init(state: EncodingState, context: WriterContext, codingPath: [any CodingKey]) {
        self.state = state
        self.context = context
        self.codingPath = codingPath
        self.depth = context.open.count
    }

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

    private func openContainer(isMapping: Bool) -> EncodingContainer {
        switch use {
        case .container(let existing) where existing.isMapping == isMapping:
            return existing
        case .unused:
            do {
                try checkTurn()
                try state.throwDeferredError()
                if isMapping { try context.writer.beginMapping() } else { try context.writer.beginSequence() }
            } catch {
                state.recordDeferred(error)
                return EncodingContainer(
                    isMapping: isMapping, context: context, state: state, codingPath: codingPath, isClosed: true)
            }
            let container = EncodingContainer(isMapping: isMapping, context: context, state: state, codingPath: codingPath)
            context.open.append(container)
            use = .container(container)
            return container
        default:
            state.recordDeferred(
                EncodingState.error(
                    "a value asked for a \(isMapping ? "keyed" : "unkeyed") container after using another kind",
                    at: codingPath))
            return EncodingContainer(
                isMapping: isMapping, context: context, state: state, codingPath: codingPath, isClosed: true)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(container: openContainer(isMapping: true), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(container: openContainer(isMapping: false), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        switch use {
        case .unused:
            use = .singleValuePending
        case .singleValuePending, .singleValueDone:
            break
        case .container:
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

    /// Completes the value: closes its container, or writes `{}` if it encoded nothing.
    func finalize() throws {
        guard !isFinalized else { return }
        try state.throwDeferredError()
        switch use {
        case .unused:
            try checkTurn()
            try context.writer.beginMapping()
            try context.writer.endMapping()
        case .container(let container):
            try container.close()
        case .singleValuePending:
            throw EncodingState.error("a value asked for a single-value container but encoded nothing", at: codingPath)
        case .singleValueDone:
            break
        }
        isFinalized = true
    }
}
