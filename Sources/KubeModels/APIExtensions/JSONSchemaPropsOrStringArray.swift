/// A value of a CRD schema's `dependencies` map: a schema, or the names of required properties.
public indirect enum JSONSchemaPropsOrStringArray: Codable, Hashable, Sendable {
    /// The object must also match this schema.
    case schema(JSONSchemaProps)
    /// The object must also have these properties.
    case properties([String])

    /// Decodes a list of strings as ``properties(_:)`` and an object as ``schema(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let names = try? container.decode([String].self) {
            self = .properties(names)
        } else {
            self = .schema(try container.decode(JSONSchemaProps.self))
        }
    }

    /// Encodes the schema or the list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .schema(let schema): try container.encode(schema)
        case .properties(let names): try container.encode(names)
        }
    }
}
