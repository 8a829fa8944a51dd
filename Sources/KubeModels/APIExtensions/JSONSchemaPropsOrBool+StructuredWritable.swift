import KubeSerialization

extension JSONSchemaPropsOrBool: StructuredWritable {
    /// Writes the value as `encode(to:)` does.
    public func write(to writer: any StructuredWriter) throws {
        switch self {
        case .allowed(let value): try value.write(to: writer)
        case .schema(let value): try value.write(to: writer)
        }
    }
}
