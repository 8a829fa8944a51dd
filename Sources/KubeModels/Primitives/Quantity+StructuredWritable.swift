import KubeSerialization

extension Quantity: StructuredWritable {
    /// Writes the quantity as ``encode(to:)`` does: as the number it was decoded from, or as its text.
    public func write(to writer: any StructuredWriter) throws {
        switch numberForm {
        case .integer(let integer): try writer.int(integer)
        case .floatingPoint(let number): try writer.double(number)
        case nil: try writer.string(text)
        }
    }
}
