import Foundation

/// Encodes `Encodable` values as JSON through a ``JSONWriter``.
///
/// ```swift
/// let body = try JSONStreamEncoder().encode(deployment)            // compact bytes
/// let text = try JSONStreamEncoder(options: .pretty).encodeToString(deployment)
/// ```
///
/// Encoding follows ``StructuredEncoder``: keys in the order `encode(to:)` emits them, `nil`
/// optionals omitted, dictionaries sorted by key. NaN and infinities throw `EncodingError`.
public struct JSONStreamEncoder: Sendable {
    /// Layout of the output.
    public var options: JSONWriterOptions
    /// Values for the `userInfo` of the encoder that `encode(to:)` implementations see.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates an encoder.
    public init(options: JSONWriterOptions = .compact, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.options = options
        self.userInfo = userInfo
    }

    /// The JSON text of `value`, as UTF-8 bytes.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        // One value is collected whole in a buffer that starts small (a manifest is a few KiB)
        // and grows as needed, then copied out once; the streaming writer's 64 KiB buffer would be
        // allocated and freed for every call.
        let writer = JSONWriter(
            sink: ByteBuffer(), options: options, flushThreshold: Int.max, initialCapacity: 4096)
        try StructuredEncoder(userInfo: userInfo).encode(value, to: writer)
        try writer.finish()
        return writer.sink.bytes
    }

    /// The JSON text of `value`.
    public func encodeToString<Value: Encodable>(_ value: Value) throws -> String {
        try encode(value).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The JSON text of `value`, as `Data`.
    public func encodeToData<Value: Encodable>(_ value: Value) throws -> Data {
        Data(try encode(value))
    }
}
