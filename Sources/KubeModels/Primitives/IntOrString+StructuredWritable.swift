import KubeSerialization

extension IntOrString: StructuredWritable {
    /// Writes the value as ``encode(to:)`` does: an integer or a string scalar.
    public func write(to writer: any StructuredWriter) throws {
        switch self {
        case .int(let value): try writer.int(Int64(value))
        case .string(let value): try writer.string(value)
        }
    }
}
