/// Writes YAML in the layout kubectl uses, streaming into a ``ByteSink``.
///
/// - Block style, 2-space indentation, sequences "compact" (the `- ` at the parent key's
///   column), the first key of a mapping in a sequence on the `- ` line, nested sequences as `- - a`.
/// - `{}` and `[]` for empty collections, `null`, `true`/`false`, decimal integers.
/// - Doubles in the shortest form that reads back exactly: integral values below 2^53 as
///   integers (`100`), others in decimal (`0.25`) or exponent form with a fraction
///   (`1.0e+21`); NaN and infinities as `.nan`, `.inf`, `-.inf` (valid YAML, though Kubernetes,
///   whose wire format is JSON, rejects them).
/// - Strings plain when every common reader (go-yaml v2 as used by kubectl, go-yaml v3,
///   PyYAML, YAML 1.2 parsers) reads them back as the same string, else single-quoted, else
///   double-quoted; multi-line strings as literal blocks when lossless. Never folded.
/// - Keys longer than 1000 bytes as written use explicit `? key` syntax.
/// - Documents separated by `---` (none before the first); no `...`, directives, tags or anchors.
/// - Output ends with exactly one line feed — unless the last value is a `|+` block scalar,
///   whose kept trailing line breaks are part of its content.
///
/// ```swift
/// let writer = YAMLWriter(sink: ByteBuffer())
/// try writer.value(["apiVersion": "v1", "kind": "ConfigMap", "data": ["on": "yes"]])
/// try writer.finish()
/// // apiVersion: v1
/// // data:
/// //   "on": "yes"
/// // kind: ConfigMap
/// ```
///
/// The writer buffers up to about 64 KiB before handing bytes to its sink; call ``finish()``
/// (or ``flush()``) so that everything reaches the sink.
public final class YAMLWriter<Sink: ByteSink>: StructuredWriter {
    // The engine lives behind a pointer so that event calls need no exclusivity checks.
    private let engine: UnsafeMutablePointer<YAMLEmitter>
    private let flushThreshold: Int
    /// The sink the output goes to. After ``finish()``, it holds the complete output.
    public private(set) var sink: Sink

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - sink: Where the bytes go.
    ///   - bufferSize: How many bytes to collect before handing them to the sink (default 64 KiB).
    public init(sink: Sink, bufferSize: Int = 64 * 1024) {
        self.sink = sink
        self.flushThreshold = max(bufferSize, 256)
        engine = .allocate(capacity: 1)
        engine.initialize(to: YAMLEmitter(capacity: flushThreshold + 4096))
    }

    deinit {
        engine.pointee.deallocate()
        engine.deinitialize(count: 1)
        engine.deallocate()
    }

    @inline(__always)
    private func flushIfNeeded() throws {
        if engine.pointee.out.count >= flushThreshold { try flush() }
    }

    /// Hands every buffered byte to the sink, without ending the document.
    public func flush() throws {
        guard engine.pointee.out.count > 0 else { return }
        try sink.write(engine.pointee.out.bytes)
        engine.pointee.out.removeAll()
    }

    /// Starts a document; from the second one on, writes `---` first.
    public func beginDocument() throws {
        try engine.pointee.beginDocument()
    }

    /// Ends the current document (an empty one is written as `null`).
    public func endDocument() throws {
        try engine.pointee.endDocument()
        try flushIfNeeded()
    }

    /// Starts a mapping.
    public func beginMapping() throws {
        try engine.pointee.beginMapping()
    }

    /// Writes the key of the next mapping entry.
    public func key(_ key: String) throws {
        try engine.pointee.key(key)
        try flushIfNeeded()
    }

    /// Ends the current mapping (`{}` if it had no entries).
    public func endMapping() throws {
        try engine.pointee.endMapping()
        try flushIfNeeded()
    }

    /// Starts a sequence.
    public func beginSequence() throws {
        try engine.pointee.beginSequence()
    }

    /// Ends the current sequence (`[]` if it had no items).
    public func endSequence() throws {
        try engine.pointee.endSequence()
        try flushIfNeeded()
    }

    /// Writes a string, quoted only as much as needed for every reader to read it back unchanged.
    public func string(_ value: String) throws {
        try engine.pointee.string(value)
        try flushIfNeeded()
    }

    /// Writes a decimal integer.
    public func int(_ value: Int64) throws {
        try engine.pointee.int(value)
        try flushIfNeeded()
    }

    /// Writes a decimal integer.
    public func int(_ value: UInt64) throws {
        try engine.pointee.int(value)
        try flushIfNeeded()
    }

    /// Writes a number in its shortest exact form; NaN and infinities as `.nan`, `.inf`, `-.inf`.
    public func double(_ value: Double) throws {
        try engine.pointee.double(value)
        try flushIfNeeded()
    }

    /// Writes `true` or `false`.
    public func bool(_ value: Bool) throws {
        try engine.pointee.bool(value)
        try flushIfNeeded()
    }

    /// Writes `null`.
    public func null() throws {
        try engine.pointee.null()
        try flushIfNeeded()
    }

    /// Writes a whole JSON value, object members in sorted key order.
    public func value(_ value: JSONValue) throws {
        try engine.pointee.value(value)
        try flushIfNeeded()
    }

    /// Ends an open document and hands every buffered byte to the sink.
    ///
    /// - Throws: ``StructuredWriterError/invalidEvent(_:)`` if a mapping or sequence is still open,
    ///   or the sink's error.
    public func finish() throws {
        try engine.pointee.finish()
        try flush()
    }
}

extension YAMLWriter where Sink == ByteBuffer {
    /// Creates a writer that collects its output in memory; read it from `sink` after ``finish()``.
    public convenience init() {
        self.init(sink: ByteBuffer())
    }
}
