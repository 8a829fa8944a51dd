import KubeSerialization

extension MicroTime: StructuredWritable {
    /// Writes the time as encode(to:) does; a year outside 0000–9999 throws the same
    /// `EncodingError` as the `Encodable` path.
    public func write(to writer: any StructuredWriter) throws {
        let timestamp = self.timestamp
        guard (0...9999).contains(timestamp.year) else {
            try StructuredEncoder().encode(self, to: writer)
            return
        }
        try writer.string(timestamp.formatted(fractionDigits: 6))
    }
}
