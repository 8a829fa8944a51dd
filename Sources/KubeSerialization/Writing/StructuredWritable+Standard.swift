// Direct-write conformances of the standard value types, so that models can write their fields
// through `StructuredWriter` events without going through `Encodable`.

extension String: StructuredWritable {
    /// Writes the string as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.string(self) }
}

extension Bool: StructuredWritable {
    /// Writes the Boolean as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.bool(self) }
}

extension Int: StructuredWritable {
    /// Writes the integer as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.int(Int64(self)) }
}

extension Int32: StructuredWritable {
    /// Writes the integer as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.int(Int64(self)) }
}

extension Int64: StructuredWritable {
    /// Writes the integer as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.int(self) }
}

extension Double: StructuredWritable {
    /// Writes the number as a scalar.
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.double(self) }
}

extension JSONValue: StructuredWritable {
    /// Writes the value with ``StructuredWriter/value(_:)`` (object keys sorted).
    @inlinable
    public func write(to writer: any StructuredWriter) throws { try writer.value(self) }
}

extension Array: StructuredWritable where Element: StructuredWritable {
    /// Writes the elements as a sequence, in order.
    @inlinable
    public func write(to writer: any StructuredWriter) throws {
        try writer.beginSequence()
        // Elements are written in place from the buffer; a `for`-`in` loop copies every element.
        try withUnsafeBufferPointer { elements in
            for index in elements.indices { try elements[index].write(to: writer) }
        }
        try writer.endSequence()
    }
}

extension Dictionary: StructuredWritable where Key == String, Value: StructuredWritable {
    /// Writes the entries as a mapping with the keys in sorted order, as ``StructuredEncoder``
    /// writes `[String: V]` dictionaries.
    @inlinable
    public func write(to writer: any StructuredWriter) throws {
        try writer.beginMapping()
        if count < 2 {
            // Nothing to sort (most label and resource maps hold one or two entries).
            for (key, value) in self {
                try writer.key(key)
                try value.write(to: writer)
            }
        } else {
            // Sorting the entries, not the keys, saves a hash lookup per entry.
            for (key, value) in sorted(by: { $0.key < $1.key }) {
                try writer.key(key)
                try value.write(to: writer)
            }
        }
        try writer.endMapping()
    }
}

extension StructuredWriter {
    /// Writes `key` and `value` into the current mapping, or nothing when `value` is `nil`: the
    /// direct-write counterpart of `KeyedEncodingContainer.encodeIfPresent(_:forKey:)`.
    ///
    /// Code that writes many fields is faster with `if let` and the value's own
    /// ``StructuredWritable/write(to:)``: a call of this generic method on an opened writer type
    /// may stay unspecialized.
    @inlinable @inline(__always)
    public func field<Value: StructuredWritable>(_ key: String, _ value: Value?) throws {
        guard let value else { return }
        try self.key(key)
        try value.write(to: self)
    }
}

/// Collections whose direct write path ``StructuredEncoder`` does not use: it encodes them element
/// by element, so that an error names the element (`items[1]`) rather than the whole collection.
protocol EncodedElementwise {}

extension Array: EncodedElementwise where Element: StructuredWritable {}

extension Dictionary: EncodedElementwise where Key == String, Value: StructuredWritable {}
