/// `additionalProperties` / `additionalItems` of a CRD schema: allowed or not, or a schema.
public indirect enum JSONSchemaPropsOrBool: Codable, Hashable, Sendable {
    /// `true` allows anything, `false` nothing.
    case allowed(Bool)
    /// Extra members must follow this schema.
    case schema(JSONSchemaProps)

    /// Decodes a Boolean as ``allowed(_:)`` and an object as ``schema(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .allowed(flag)
        } else {
            self = .schema(try container.decode(JSONSchemaProps.self))
        }
    }

    /// Encodes the Boolean or the schema.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .allowed(let flag): try container.encode(flag)
        case .schema(let schema): try container.encode(schema)
        }
    }
}
