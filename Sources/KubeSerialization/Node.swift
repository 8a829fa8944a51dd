/// A value read from a YAML or JSON document, with the location of every piece.
///
/// Readers produce nodes whose scalars are already resolved the way Kubernetes resolves them
/// (sigs.k8s.io/yaml on top of go-yaml): `yes` stays a string, `0x1F` becomes an integer and
/// mapping keys are always strings. Decoders use the locations to say where a bad value is.
public struct Node: Sendable {
    /// One key/value pair of a mapping, in document order.
    public struct Entry: Sendable {
        /// The key, converted to a string as Kubernetes does.
        public var key: String
        /// Where the key starts.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: Node

        /// Creates an entry.
        public init(key: String, keyLocation: SourceLocation, value: Node) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The kinds of content a node holds.
    public enum Content: Sendable {
        /// `null`, `~`, an empty value.
        case null
        /// A Boolean.
        case bool(Bool)
        /// An integer that fits in 64 bits.
        case int(Int64)
        /// A floating-point number (or an integer too large for 64 bits).
        case double(Double)
        /// A string.
        case string(String)
        /// A sequence, in document order.
        case sequence([Node])
        /// A mapping, in document order. Keys are unique.
        case mapping([Entry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The node as a plain `JSONValue`, without locations.
    public var jsonValue: JSONValue {
        switch content {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(entries.count)
            for entry in entries { object[entry.key] = entry.value.jsonValue }
            return .object(object)
        }
    }

    /// The value of the mapping entry named `key`, if this node is a mapping that has it.
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first(where: { $0.key == key })?.value
    }
}
