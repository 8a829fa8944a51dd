/// Writes JSON, streaming into a ``ByteSink``: compact, pretty-printed, or one document per line.
///
/// - Strings escape only `"`, `\` and control characters (`\n \t \r \b \f`, otherwise
///   `\u00XX`); `/` and all non-ASCII characters are written as they are.
/// - Integers are written as integers; doubles in the shortest form that reads back exactly
///   (integral values below 2^53 without a fraction, `1e+21` beyond); NaN and infinities are
///   not JSON and make the writer throw ``StructuredWriterError/nonFiniteNumber(_:)``.
/// - ``value(_:)`` writes object members in sorted key order.
///
/// ```swift
/// let writer = JSONWriter(sink: FileSink.standardOutput, options: .newlineDelimited)
/// for object in objects { try writer.value(object); try writer.endDocument() }
/// try writer.finish()
/// ```
///
/// The writer buffers up to about 64 KiB before handing bytes to its sink; call ``finish()``
/// (or ``flush()``) so that everything reaches the sink.
public final class JSONWriter<Sink: ByteSink>: StructuredWriter {
    // The engine lives behind a pointer so that event calls need no exclusivity checks.
    private let engine: UnsafeMutablePointer<JSONEmitter>
    private let flushThreshold: Int
    /// The options the writer was created with.
    public let options: JSONWriterOptions
    /// The sink the output goes to. After ``finish()``, it holds the complete output.
    public private(set) var sink: Sink

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - sink: Where the bytes go.
    ///   - options: Layout (compact by default).
    ///   - bufferSize: How many bytes to collect before handing them to the sink (default 64 KiB).
    public convenience init(sink: Sink, options: JSONWriterOptions = .compact, bufferSize: Int = 64 * 1024) {
        let flushThreshold = max(bufferSize, 256)
        self.init(sink: sink, options: options, flushThreshold: flushThreshold, initialCapacity: flushThreshold + 4096)
    }

    /// Creates a writer that hands its buffer to the sink once it holds `flushThreshold` bytes,
    /// starting with room for `initialCapacity` bytes (the buffer grows as needed).
    init(sink: Sink, options: JSONWriterOptions, flushThreshold: Int, initialCapacity: Int) {
        self.sink = sink
        self.options = options
        self.flushThreshold = flushThreshold
        engine = .allocate(capacity: 1)
        engine.initialize(to: JSONEmitter(capacity: initialCapacity, options: options))
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

    /// Starts a document (separated from a previous one by a line feed).
    public func beginDocument() throws {
        try engine.pointee.beginDocument()
    }

    /// Ends the current document: adds a line feed in pretty and newline-delimited layouts; an empty document is `null`.
    public func endDocument() throws {
        try engine.pointee.endDocument()
        try flushIfNeeded()
    }

    /// Starts an object.
    public func beginMapping() throws {
        try engine.pointee.beginMapping()
    }

    /// Writes the name of the next object member.
    public func key(_ key: String) throws {
        try engine.pointee.key(key)
        try flushIfNeeded()
    }

    /// Ends the current object.
    public func endMapping() throws {
        try engine.pointee.endMapping()
        try flushIfNeeded()
    }

    /// Starts an array.
    public func beginSequence() throws {
        try engine.pointee.beginSequence()
    }

    /// Ends the current array.
    public func endSequence() throws {
        try engine.pointee.endSequence()
        try flushIfNeeded()
    }

    /// Writes a string.
    public func string(_ value: String) throws {
        try engine.pointee.string(value)
        try flushIfNeeded()
    }

    /// Writes an integer.
    public func int(_ value: Int64) throws {
        try engine.pointee.int(value)
        try flushIfNeeded()
    }

    /// Writes an integer.
    public func int(_ value: UInt64) throws {
        try engine.pointee.int(value)
        try flushIfNeeded()
    }

    /// Writes a number in its shortest exact form.
    ///
    /// - Throws: ``StructuredWriterError/nonFiniteNumber(_:)`` for NaN and infinities.
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
    /// - Throws: ``StructuredWriterError/invalidEvent(_:)`` if an object or array is still open,
    ///   or the sink's error.
    public func finish() throws {
        try engine.pointee.finish()
        try flush()
    }
}

extension JSONWriter where Sink == ByteBuffer {
    /// Creates a writer that collects its output in memory; read it from `sink` after ``finish()``.
    public convenience init(options: JSONWriterOptions = .compact) {
        self.init(sink: ByteBuffer(), options: options)
    }
}
