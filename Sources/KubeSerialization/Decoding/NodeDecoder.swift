import Foundation

/// Decodes any `Decodable` value from a ``Node`` that a KubeKit reader produced, reporting
/// problems with the field path and the source location of the offending node.
///
/// ```swift
/// let node: Node = ...                      // from the YAML or JSON reader
/// do {
///     let deployment = try NodeDecoder().decode(Deployment.self, from: node)
/// } catch let error as NodeDecodingError {
///     print(error)   // deploy.yaml:9:17: spec.replicas: expected an integer, found the string "three"
/// }
/// ```
///
/// Types are checked as strictly as Kubernetes' JSON decoding checks them:
/// - A string is never a number or a Boolean, and a number or Boolean is never a string
///   (`"80"` does not decode as an `Int`, `80` does not decode as a `String`).
/// - Integer fields accept integers, and also floating-point numbers with an integral value
///   (`3.0`, `6e2`): YAML readers resolve `6e2` to a float and kubectl sends it to the API
///   server as `600`, which Go accepts for an integer field. `1.5` is rejected, and so is any
///   number outside the field type's range.
/// - `Double` and `Float` fields accept integers and floating-point numbers.
/// - Null decodes only into optionals (`decodeIfPresent` gives `nil` for both a missing key and
///   an explicit null) and types that accept it themselves; a non-optional field holding null is
///   a ``NodeDecodingError/Kind/valueNotFound`` error.
/// - `Data` decodes from a Base64 string, `URL` from a string, ``JSONValue`` from any node
///   (keeping integers apart from floating-point numbers).
/// - Unknown keys are ignored unless ``unknownKeys`` is ``UnknownKeyPolicy/reject``, as the
///   API server's strict field validation does.
///
/// Errors are ``NodeDecodingError``s. A `DecodingError` or other error that a type's own
/// `init(from:)` throws is wrapped in one, located at the node that type was decoding.
public struct NodeDecoder: Sendable {
    /// What to do with mapping keys that the decoded type never asks for.
    public enum UnknownKeyPolicy: Sendable, Hashable {
        /// Ignore them, as Kubernetes' default (lenient) decoding does.
        case ignore
        /// Throw a ``NodeDecodingError/Kind/unknownKey`` error located at the key.
        case reject
    }

    /// What to do with unknown keys; ``UnknownKeyPolicy/ignore`` by default.
    ///
    /// A key counts as known when the type asked for it in any way (`decode`,
    /// `decodeIfPresent`, `contains`), so synthesized `Decodable` conformances know exactly
    /// their coding keys.
    public var unknownKeys: UnknownKeyPolicy
    /// Values for the `userInfo` of the decoder that `init(from:)` implementations see.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a decoder.
    public init(unknownKeys: UnknownKeyPolicy = .ignore, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.unknownKeys = unknownKeys
        self.userInfo = userInfo
    }

    /// Decodes a value of type `type` from `node`.
    ///
    /// - Throws: ``NodeDecodingError``.
    public func decode<Value: Decodable>(_ type: Value.Type = Value.self, from node: Node) throws -> Value {
        var info: [CodingUserInfoKey: Any] = [:]
        for (key, item) in userInfo { info[key] = item }
        let state = DecodingState(userInfo: info, rejectsUnknownKeys: unknownKeys == .reject)
        return try state.decodeValue(type, from: node, at: [])
    }
}

/// Settings shared by every decoder of one `decode` call.
final class DecodingState {
    let userInfo: [CodingUserInfoKey: Any]
    let rejectsUnknownKeys: Bool

    init(userInfo: [CodingUserInfoKey: Any], rejectsUnknownKeys: Bool) {
        self.userInfo = userInfo
        self.rejectsUnknownKeys = rejectsUnknownKeys
    }

    /// Decodes one value: primitives directly, other types through their `init(from:)`.
    func decodeValue<Value: Decodable>(_ type: Value.Type, from node: Node, at codingPath: [any CodingKey]) throws
        -> Value
    {
        if let primitive = Value.self as? any NodeDecodablePrimitive.Type,
            let value = try primitive.decodePrimitive(from: node, at: codingPath) as? Value
        {
            return value
        }
        if Value.self == JSONValue.self, let value = node.jsonValue as? Value { return value }
        let decoder = NodeDecoderEngine(node: node, codingPath: codingPath, state: self)
        let value: Value
        do {
            value = try Value(from: decoder)
        } catch let error as NodeDecodingError {
            throw error
        } catch {
            throw NodeDecodingError(wrapping: error, node: node, codingPath: codingPath)
        }
        if rejectsUnknownKeys { try decoder.checkUnknownKeys() }
        return value
    }
}

/// The `Decoder` over one node.
final class NodeDecoderEngine: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let state: DecodingState
    /// The keys asked for, shared by every keyed container of this decoder.
    private(set) var mappingIndex: MappingIndex?
    /// Decoders for nested containers and super decoders, checked for unknown keys with this one.
    private var children: [NodeDecoderEngine] = []

    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    init(node: Node, codingPath: [any CodingKey], state: DecodingState) {
        self.node = node
        self.codingPath = codingPath
        self.state = state
    }

    func child(node: Node, codingPath: [any CodingKey]) -> NodeDecoderEngine {
        let decoder = NodeDecoderEngine(node: node, codingPath: codingPath, state: state)
        if state.rejectsUnknownKeys { children.append(decoder) }
        return decoder
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let entries) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a mapping", found: node, at: codingPath)
        }
        let index = mappingIndex ?? MappingIndex(entries: entries)
        mappingIndex = index
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, index: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = node.content else {
            throw NodeDecodingError.mismatch(expected: "a sequence", found: node, at: codingPath)
        }
        return NodeUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    /// Throws for the first key of this decoder's mapping (or of its nested containers) that was never asked for.
    func checkUnknownKeys() throws {
        if let mappingIndex, let unknown = mappingIndex.firstUnaskedEntry() {
            throw NodeDecodingError(
                kind: .unknownKey, codingPath: codingPath + [CodingPathKey(stringValue: unknown.key)],
                location: unknown.keyLocation, message: "unknown key \(NodeDecodingError.quoted(unknown.key))")
        }
        for child in children { try child.checkUnknownKeys() }
    }
}

/// Finds entries of a mapping by key, remembering which keys were asked for.
final class MappingIndex {
    let entries: [Node.Entry]
    private var positions: [String: Int]?
    private var asked: [Bool]

    init(entries: [Node.Entry]) {
        self.entries = entries
        self.asked = Array(repeating: false, count: entries.count)
    }

    /// The position of the entry named `key`; marks the key as asked for.
    func position(of key: String) -> Int? {
        let found: Int?
        if entries.count <= 12 {
            found = entries.firstIndex { $0.key == key }
        } else {
            if positions == nil {
                var table: [String: Int] = [:]
                table.reserveCapacity(entries.count)
                for (position, entry) in entries.enumerated() where table[entry.key] == nil {
                    table[entry.key] = position
                }
                positions = table
            }
            found = positions?[key]
        }
        if let found { asked[found] = true }
        return found
    }

    func firstUnaskedEntry() -> Node.Entry? {
        guard let position = asked.firstIndex(of: false) else { return nil }
        return entries[position]
    }
}
