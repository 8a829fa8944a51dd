/// Encodes `Encodable` values as YAML documents in kubectl's layout (see ``YAMLWriter``).
///
/// ```swift
/// let yaml = try YAMLStreamEncoder().encode(deployment)
/// let stream = try YAMLStreamEncoder().encode(documents: [namespace, deployment, service])
/// ```
///
/// Encoding follows ``StructuredEncoder``: keys in the order `encode(to:)` emits them, `nil`
/// optionals omitted, dictionaries sorted by key.
public struct YAMLStreamEncoder: Sendable {
    /// Values for the `userInfo` of the encoder that `encode(to:)` implementations see.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates an encoder.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// One YAML document for `value`, ending with a line feed.
    public func encode<Value: Encodable>(_ value: Value) throws -> String {
        try encodeToBytes(value).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// One YAML document for `value`, as UTF-8 bytes.
    public func encodeToBytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = YAMLWriter()
        try StructuredEncoder(userInfo: userInfo).encode(value, to: writer)
        try writer.finish()
        return writer.sink.bytes
    }

    /// A stream of YAML documents separated by `---` lines, one per value, in order.
    public func encode(documents: [any Encodable]) throws -> String {
        let writer = YAMLWriter()
        try encode(documents: documents, to: writer)
        try writer.finish()
        return writer.sink.string
    }

    /// Writes one YAML document per value to `writer` (not finished: call ``YAMLWriter/finish()``).
    public func encode<Sink: ByteSink>(documents: [any Encodable], to writer: YAMLWriter<Sink>) throws {
        let encoder = StructuredEncoder(userInfo: userInfo)
        for document in documents {
            try writer.beginDocument()
            try encoder.encode(document, to: writer)
            try writer.endDocument()
        }
    }
}
