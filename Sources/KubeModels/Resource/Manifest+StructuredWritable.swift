import KubeSerialization

extension Manifest: StructuredWritable {
    /// Writes the wrapped object: typed models through their direct write path, unstructured
    /// objects (and typed values that have no direct path) through their `encode(to:)`.
    public func write(to writer: any StructuredWriter) throws {
        switch content {
        case .typed(let resource):
            if let writable = resource as? any StructuredWritable {
                try writable.write(to: writer)
            } else {
                try StructuredEncoder().encode(resource, to: writer)
            }
        case .unstructured(let object):
            try StructuredEncoder().encode(object, to: writer)
        }
    }
}
