import Foundation
import KubeSerialization

/// Helpers the generated model code calls while decoding and encoding.
///
/// They are public because models generated from CRDs (`kubekit generate`) live in other modules
/// and use the same conventions.
public enum KubeCoding {
    /// Checks that every key of the object being decoded is one the model declares.
    ///
    /// Depending on the policy in `decoder.userInfo` (see ``UnknownFieldPolicy``), an unknown key
    /// throws a `DecodingError.dataCorrupted` naming its path, or is recorded and skipped.
    public static func checkFields<Key: CodingKey & CaseIterable>(
        of decoder: any Decoder, allowed: Key.Type, in typeName: String
    ) throws {
        let raw = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in raw.allKeys where Key(stringValue: key.stringValue) == nil {
            let candidates = Key.allCases.map(\.stringValue)
            let field = UnknownField(
                path: FieldPath.describe(decoder.codingPath + [key]),
                typeName: typeName,
                suggestion: closest(to: key.stringValue, among: candidates)
            )
            if let collector = decoder.userInfo[.unknownFields] as? UnknownFieldCollector {
                collector.record(field)
            } else {
                var message = "unknown field \"\(key.stringValue)\": \(typeName) has no such field"
                if let suggestion = field.suggestion { message += "; did you mean \"\(suggestion)\"?" }
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [key], debugDescription: message))
            }
        }
    }

    /// Checks the `apiVersion` and `kind` of a document against the model it is decoded into.
    ///
    /// Absent values are accepted (embedded objects often omit them); a different value is an
    /// error that names what was expected and what was found.
    public static func checkIdentity<R: KubeObject>(
        apiVersion: String?, kind: String?, of type: R.Type, codingPath: [any CodingKey]
    ) throws {
        if (apiVersion ?? R.apiVersion) != R.apiVersion || (kind ?? R.kind) != R.kind {
            let found = "\(apiVersion ?? R.apiVersion) \(kind ?? R.kind)"
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath,
                    debugDescription:
                        "expected a \(R.apiVersion) \(R.kind), found a \(found): decode it as its own type "
                        + "(or through ResourceRegistry)"))
        }
    }

    /// Decodes a required base64 string into bytes.
    public static func decodeBytes<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Data {
        let text = try container.decode(String.self, forKey: key)
        return try bytes(fromBase64: text, codingPath: container.codingPath + [key])
    }

    /// Decodes an optional base64 string into bytes.
    public static func decodeBytesIfPresent<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> Data? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        return try bytes(fromBase64: text, codingPath: container.codingPath + [key])
    }

    /// Decodes a required map of strings, reading a null value as the empty string.
    ///
    /// The API server decodes `labels: {tier: null}` (YAML `tier:` with nothing after it) into
    /// `tier: ""` and accepts it, so KubeKit does the same instead of rejecting the document.
    public static func decodeStringMap<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> [String: String] {
        try container.decode([String: String?].self, forKey: key).mapValues { $0 ?? "" }
    }

    /// Decodes an optional map of strings, reading a null value as the empty string (see
    /// ``decodeStringMap(_:forKey:)``).
    public static func decodeStringMapIfPresent<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> [String: String]? {
        try container.decodeIfPresent([String: String?].self, forKey: key)?.mapValues { $0 ?? "" }
    }

    /// Decodes a required map of base64 strings into bytes.
    public static func decodeByteMap<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> [String: Data] {
        let map = try decodeStringMap(container, forKey: key)
        return try byteMap(map, codingPath: container.codingPath + [key])
    }

    /// Decodes an optional map of base64 strings into bytes.
    public static func decodeByteMapIfPresent<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>, forKey key: Key
    ) throws -> [String: Data]? {
        guard let map = try decodeStringMapIfPresent(container, forKey: key) else { return nil }
        return try byteMap(map, codingPath: container.codingPath + [key])
    }

    private static func byteMap(_ map: [String: String], codingPath: [any CodingKey]) throws -> [String: Data] {
        var out: [String: Data] = [:]
        out.reserveCapacity(map.count)
        for (name, text) in map {
            out[name] = try bytes(fromBase64: text, codingPath: codingPath + [AnyCodingKey(name)])
        }
        return out
    }

    private static func bytes(fromBase64 text: String, codingPath: [any CodingKey]) throws -> Data {
        guard let data = Data(base64Encoded: text) else {
            // The value itself is not repeated: these fields hold secrets.
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath,
                    debugDescription: base64Message(text)))
        }
        return data
    }

    /// The candidate within a small edit distance of `name`, if any (for "did you mean" hints).
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            if candidate.lowercased() == lowered { return candidate }
            let distance = editDistance(Array(lowered.utf8), Array(candidate.lowercased().utf8))
            let limit = max(1, min(3, candidate.utf8.count / 3))
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A one-line description of a decoding error: the field path, then what went wrong.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .typeMismatch(let type, let context):
            return located(context, "expected \(typeDescription(type)); \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return located(context, "expected \(typeDescription(type)), found null")
        case .keyNotFound(let key, let context):
            let path = FieldPath.describe(context.codingPath + [key])
            return "\(path): required field \"\(key.stringValue)\" is missing"
        case .dataCorrupted(let context):
            return located(context, context.debugDescription)
        @unknown default:
            return String(describing: error)
        }
    }

    private static func located(_ context: DecodingError.Context, _ message: String) -> String {
        let path = FieldPath.describe(context.codingPath)
        return path.isEmpty ? message : "\(path): \(message)"
    }

    private static func typeDescription(_ type: Any.Type) -> String {
        switch type {
        case is Int32.Type: return "a 32-bit integer"
        case is Int64.Type, is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        case is String.Type: return "a string"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a map" }
            return "a \(name)"
        }
    }
}

extension KubeCoding {
    /// The coding keys of a type without fields (an empty marker object such as `status: {}`).
    public enum NoFields: CodingKey, CaseIterable {
        /// Always `nil`: a type without fields has no key named by a string.
        public init?(stringValue: String) { nil }
        /// Always `nil`: a type without fields has no integer key.
        public init?(intValue: Int) { nil }
        /// The empty string; no instance of this key exists.
        public var stringValue: String { "" }
        /// Always `nil`; no instance of this key exists.
        public var intValue: Int? { nil }
    }
}
