import Foundation
import KubeSerialization

// The helpers the generated `NodeReadable` conformances call. They give the same errors, with the
// same paths, messages and locations, as the `Decodable` conformances decoded by `NodeDecoder`.

extension KubeCoding {
    /// Handles a mapping entry that the type being read does not declare.
    ///
    /// With an ``UnknownFieldCollector`` in the reader's `userInfo` (under
    /// `CodingUserInfoKey.unknownFields`) the field is recorded and reading goes on; otherwise it
    /// throws a ``NodeDecodingError`` that names the field path and suggests the closest known field.
    ///
    /// - Parameters:
    ///   - entry: the unknown entry.
    ///   - typeName: the model being read, for the message.
    ///   - allowed: the field names the model declares, for the suggestion.
    ///   - reader: the read in progress.
    public static func unknownField(
        _ entry: Node.Entry, in typeName: String, allowed: [String], reader: NodeReader
    ) throws {
        let path = reader.codingPath + [AnyCodingKey(entry.key)]
        let field = UnknownField(
            path: FieldPath.describe(path), typeName: typeName,
            suggestion: closest(to: entry.key, among: allowed))
        if let collector = reader.userInfo[.unknownFields] as? UnknownFieldCollector {
            collector.record(field)
            return
        }
        var message = "unknown field \"\(entry.key)\": \(typeName) has no such field"
        if let suggestion = field.suggestion { message += "; did you mean \"\(suggestion)\"?" }
        throw reader.error(.unknownKey, at: entry.value, key: entry.key, message: message)
    }

    /// Checks the `apiVersion` and `kind` read from a document against the model being read.
    ///
    /// Absent values are accepted; a different value is an error located at the document.
    public static func checkIdentity<R: KubeObject>(
        apiVersion: String?, kind: String?, of type: R.Type, node: Node, reader: NodeReader
    ) throws {
        if (apiVersion ?? R.apiVersion) != R.apiVersion || (kind ?? R.kind) != R.kind {
            let found = "\(apiVersion ?? R.apiVersion) \(kind ?? R.kind)"
            throw reader.error(
                .dataCorrupted, at: node,
                message: "expected a \(R.apiVersion) \(R.kind), found a \(found): decode it as its own type "
                    + "(or through ResourceRegistry)")
        }
    }

    /// Reads a required base64 field into bytes.
    public static func requiredBytes(_ entry: Node.Entry, reader: NodeReader) throws -> Data {
        let text = try reader.required(String.self, entry)
        return try bytes(fromBase64: text, node: entry.value, key: entry.key, reader: reader)
    }

    /// Reads an optional base64 field into bytes; null reads as `nil`.
    public static func optionalBytes(_ entry: Node.Entry, reader: NodeReader) throws -> Data? {
        guard let text = try reader.optional(String.self, entry) else { return nil }
        return try bytes(fromBase64: text, node: entry.value, key: entry.key, reader: reader)
    }

    /// Reads a required map of base64 values into bytes (null values read as empty).
    public static func requiredByteMap(_ entry: Node.Entry, reader: NodeReader) throws -> [String: Data] {
        let map = try reader.requiredStringMap(entry)
        return try byteMap(map, entry: entry, reader: reader)
    }

    /// Reads an optional map of base64 values into bytes; a null map reads as `nil`.
    public static func optionalByteMap(_ entry: Node.Entry, reader: NodeReader) throws -> [String: Data]? {
        guard let map = try reader.optionalStringMap(entry) else { return nil }
        return try byteMap(map, entry: entry, reader: reader)
    }

    private static func byteMap(_ map: [String: String], entry: Node.Entry, reader: NodeReader) throws -> [String: Data] {
        var out: [String: Data] = [:]
        out.reserveCapacity(map.count)
        for (name, text) in map {
            guard let data = Data(base64Encoded: text) else {
                // Locate the value as the Decodable path does: the map's entry for `name`.
                let valueNode = entry.value[name] ?? entry.value
                let path = reader.codingPath + [AnyCodingKey(entry.key), AnyCodingKey(name)]
                throw NodeDecodingError(
                    kind: .dataCorrupted, codingPath: path, location: valueNode.location,
                    message: base64Message(text))
            }
            out[name] = data
        }
        return out
    }

    private static func bytes(fromBase64 text: String, node: Node, key: String, reader: NodeReader) throws -> Data {
        guard let data = Data(base64Encoded: text) else {
            throw reader.error(.dataCorrupted, at: node, key: key, message: base64Message(text))
        }
        return data
    }

    /// The message for a string that is not base64; the value itself is not repeated (it may be a secret).
    static func base64Message(_ text: String) -> String {
        "expected base64-encoded bytes (\(text.utf8.count) characters that are not valid base64)"
    }
}
