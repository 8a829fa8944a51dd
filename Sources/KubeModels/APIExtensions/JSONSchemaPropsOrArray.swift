/// The `items` of a CRD schema: one schema for every element, or a list of schemas by position.
public indirect enum JSONSchemaPropsOrArray: Codable, Hashable, Sendable {
    /// Every element follows this schema (the usual form).
    case schema(JSONSchemaProps)
    /// Element *n* follows schema *n*.
    case schemas([JSONSchemaProps])

    /// Decodes an object as ``schema(_:)`` and a list as ``schemas(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([JSONSchemaProps].self) {
            self = .schemas(list)
        } else {
            self = .schema(try container.decode(JSONSchemaProps.self))
        }
    }

    /// Encodes the schema or the list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .schema(let schema): try container.encode(schema)
        case .schemas(let list): try container.encode(list)
        }
    }
}
