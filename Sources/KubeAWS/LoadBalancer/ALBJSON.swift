import Foundation
import KubeSerialization

/// JSON text helpers shared by the annotation coders.
enum ALBJSON {
    /// Parses JSON text into a value.
    static func parse(_ text: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ALBValueProblem("valid JSON")
        }
    }

    /// Compact JSON text with sorted keys and unescaped slashes, so output is stable.
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Builds an object from optional members, leaving out the `nil` ones.
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        var result: [String: JSONValue] = [:]
        for (key, value) in members {
            if let value { result[key] = value }
        }
        return .object(result)
    }

    /// A JSON array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// A JSON object of strings.
    static func stringMap(_ values: [String: String]) -> JSONValue { .object(values.mapValues(JSONValue.string)) }

    /// Decodes a type that is read from a ``JSONValue`` through a throwing initialiser.
    static func decode<T>(_ decoder: any Decoder, _ make: (JSONValue) throws -> T) throws -> T {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(JSONValue.self)
        do {
            return try make(value)
        } catch let problem as ALBValueProblem {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(problem.expected)")
        }
    }

    /// Encodes a JSON value.
    static func encode(_ value: JSONValue, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
