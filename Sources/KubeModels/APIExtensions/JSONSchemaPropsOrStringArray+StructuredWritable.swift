import KubeSerialization

extension JSONSchemaPropsOrStringArray: StructuredWritable {
    /// Writes the value as `encode(to:)` does.
    public func write(to writer: any StructuredWriter) throws {
        switch self {
        case .schema(let value): try value.write(to: writer)
        case .properties(let value): try value.write(to: writer)
        }
    }
}
