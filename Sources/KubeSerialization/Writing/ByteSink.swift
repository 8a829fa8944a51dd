/// A destination for the bytes a writer produces.
///
/// Writers collect output in an internal buffer of about 64 KiB and hand it to their sink in
/// chunks, so memory stays bounded however many documents are written. A sink receives each
/// chunk once, in order; it must copy what it wants to keep, because the memory is reused.
public protocol ByteSink {
    /// Consumes one chunk of output.
    ///
    /// - Parameter bytes: The bytes to write. They are valid only for the duration of the call.
    /// - Throws: Whatever error the destination reports (for example a failed system write).
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// A sink that keeps everything written to it in memory.
///
/// ```swift
/// let writer = YAMLWriter(sink: ByteBuffer())
/// try writer.value(["replicas": 3])
/// try writer.finish()
/// print(writer.sink.string)   // "replicas: 3\n"
/// ```
public struct ByteBuffer: ByteSink, Sendable, Hashable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty buffer, optionally reserving room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Creates a buffer that starts with `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes written so far, decoded as UTF-8 (every KubeKit writer produces valid UTF-8).
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `bytes` to ``bytes``.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }
}
