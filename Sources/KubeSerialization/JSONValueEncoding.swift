import Foundation

/// Converts between `Codable` values and ``JSONValue`` trees.
///
/// This goes through Foundation's JSON coders, so it is meant for occasional conversions
/// (tests, unstructured objects), not for bulk serialization; use the streaming writers for that.
public enum JSONValueEncoding {
    /// The JSON value that `value` encodes to.
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Decodes a `T` from a JSON value.
    public static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        let decoder = JSONDecoder()
        decoder.userInfo = userInfo
        return try decoder.decode(type, from: data)
    }
}
