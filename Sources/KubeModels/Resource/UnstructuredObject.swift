import KubeSerialization

/// An object of a kind KubeKit has no model for: identity and metadata typed, the rest free-form.
///
/// Streams of mixed documents decode kinds that the ``ResourceRegistry`` does not know into this
/// type, so no document is dropped and everything round-trips. Some tools put non-Kubernetes
/// fields in `metadata` (eksctl's `region` and `version`); those are kept in
/// ``extraMetadata`` and written back unchanged.
public struct UnstructuredObject: Hashable, Sendable {
    /// The document's `apiVersion`.
    public var apiVersion: String
    /// The document's `kind`.
    public var kind: String
    /// The document's metadata (the standard Kubernetes fields).
    public var metadata: ObjectMeta
    /// Fields of `metadata` that are not standard Kubernetes metadata, as written.
    public var extraMetadata: [String: JSONValue]
    /// Every other top-level field (`spec`, `data`, `status` ...), as written.
    public var body: [String: JSONValue]

    /// Creates an object.
    public init(
        apiVersion: String, kind: String, metadata: ObjectMeta = ObjectMeta(),
        extraMetadata: [String: JSONValue] = [:], body: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.extraMetadata = extraMetadata
        self.body = body
    }

    /// The identity of the object.
    public var typeMeta: TypeMeta { TypeMeta(apiVersion: apiVersion, kind: kind) }

    /// The whole object as one JSON value.
    public var jsonValue: JSONValue {
        var object = body
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        var meta = (try? JSONValueEncoding.encode(metadata))?.objectValue ?? [:]
        for (key, value) in extraMetadata { meta[key] = value }
        if !meta.isEmpty { object["metadata"] = .object(meta) }
        return .object(object)
    }
}

extension UnstructuredObject: Codable {
    private enum Keys: String, CodingKey {
        case apiVersion, kind, metadata
    }

    /// Decodes any object that has `apiVersion` and `kind`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        apiVersion = try container.decode(String.self, forKey: .apiVersion)
        kind = try container.decode(String.self, forKey: .kind)
        var all = try decoder.singleValueContainer().decode([String: JSONValue].self)
        all["apiVersion"] = nil
        all["kind"] = nil
        var extra: [String: JSONValue] = [:]
        if case .object(var rawMetadata)? = all.removeValue(forKey: "metadata") {
            for key in rawMetadata.keys where ObjectMeta.CodingKeys(stringValue: key) == nil {
                extra[key] = rawMetadata.removeValue(forKey: key)
            }
            metadata = try JSONValueEncoding.decode(ObjectMeta.self, from: .object(rawMetadata))
        } else {
            metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        }
        extraMetadata = extra
        body = all
    }

    /// Encodes `apiVersion`, `kind`, `metadata` and the body.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: AnyCodingKey("apiVersion"))
        try container.encode(kind, forKey: AnyCodingKey("kind"))
        if !extraMetadata.isEmpty {
            var meta = try JSONValueEncoding.encode(metadata).objectValue ?? [:]
            for (key, value) in extraMetadata { meta[key] = value }
            try container.encode(JSONValue.object(meta), forKey: AnyCodingKey("metadata"))
        } else if !metadata.isEmpty {
            try container.encode(metadata, forKey: AnyCodingKey("metadata"))
        }
        for key in body.keys.sorted() {
            if let value = body[key] { try container.encode(value, forKey: AnyCodingKey(key)) }
        }
    }
}
