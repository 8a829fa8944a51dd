/// The bytes a reader works on: the input followed by zero bytes, checked once before parsing.
///
/// Readers look ahead a few bytes at a time without bounds checks; the padding makes every such
/// look-ahead land inside the buffer, and a zero byte doubles as the end-of-input marker (the
/// validation pass rejects a NUL inside the input, so a zero byte can only be the padding).
struct ReaderInput {
    /// Zero bytes after the input; the longest look-ahead of any reader is shorter.
    static let padding = 16

    /// The input bytes, then ``padding`` zero bytes.
    var storage: [UInt8]
    /// The number of input bytes (without the padding).
    let count: Int
    /// The file name for locations.
    let file: String?

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes, file: String?) {
        var storage: [UInt8] = []
        storage.reserveCapacity(bytes.count + Self.padding)
        storage.append(contentsOf: bytes)
        count = storage.count
        storage.append(contentsOf: repeatElement(0, count: Self.padding))
        self.storage = storage
        self.file = file
    }

    init(_ text: String, file: String?) {
        var text = text
        let storage = text.withUTF8 { utf8 -> [UInt8] in
            var storage: [UInt8] = []
            storage.reserveCapacity(utf8.count + Self.padding)
            storage.append(contentsOf: utf8)
            storage.append(contentsOf: repeatElement(0, count: Self.padding))
            return storage
        }
        self.storage = storage
        count = storage.count - Self.padding
        self.file = file
    }

    /// The length of a UTF-8 byte order mark at the start of the input, or 0.
    var byteOrderMarkLength: Int {
        count >= 3 && storage[0] == 0xEF && storage[1] == 0xBB && storage[2] == 0xBF ? 3 : 0
    }

    /// Checks that the input is well-formed UTF-8 without NUL characters and, for YAML, that it only
    /// holds characters YAML allows in a stream (no C0/C1 controls other than TAB, LF, CR and NEL,
    /// no DEL, no U+FFFE or U+FFFF).
    func validate(yaml: Bool) throws(ReadError) {
        let problem: (offset: Int, message: String)? = storage.withUnsafeBufferPointer { buffer in
            TextValidation.firstProblem(in: buffer, count: count, yaml: yaml)
        }
        if let problem {
            throw ReadError(location: location(ofOffset: problem.offset), message: problem.message)
        }
    }

    /// The location of a byte offset, found by counting lines from the start (for error paths only).
    func location(ofOffset offset: Int) -> SourceLocation {
        storage.withUnsafeBufferPointer { buffer in
            var line = 1
            var lineStart = byteOrderMarkLength
            var index = lineStart
            let end = min(offset, count)
            while index < end {
                let byte = buffer[index]
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if byte == 0x0D {
                    if index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            if lineStart > end { lineStart = end }
            let column = TextValidation.scalarCount(in: buffer, from: lineStart, to: end) + 1
            return SourceLocation(file: file, line: line, column: column)
        }
    }
}

/// Byte-level checks shared by the readers.
enum TextValidation {
    /// The number of Unicode scalars in `buffer[from..<to]` (the count of non-continuation bytes).
    @inline(__always)
    static func scalarCount(in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var index = from
        while index < to {
            if buffer[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The offset and description of the first byte sequence that is not allowed, or `nil`.
    static func firstProblem(
        in buffer: UnsafeBufferPointer<UInt8>, count: Int, yaml: Bool
    ) -> (offset: Int, message: String)? {
        let raw = UnsafeRawBufferPointer(buffer)
        var index = 0
        while index < count {
            // Eight bytes at a time while they are all printable ASCII (0x20 to 0x7E).
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let nonPrintable =
                    (word & high) | ((word &+ 0x0101_0101_0101_0101) & high)
                    | ((word &- 0x2020_2020_2020_2020) & ~word & high)
                if nonPrintable != 0 { break }
                index += 8
            }
            if index >= count { break }
            let byte = buffer[index]
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F {
                    index += 1
                    continue
                }
                if byte == 0x0A || byte == 0x0D || byte == 0x09 || (byte == 0x7F && !yaml) {
                    index += 1
                    continue
                }
                return (
                    index,
                    "found the control character \(hex(UInt32(byte))), which is not allowed in "
                        + (yaml ? "YAML text; write it as an escape inside a double-quoted string" : "JSON text")
                )
            }
            // Multi-byte sequence. The padding guarantees three readable bytes after `index`.
            let scalar: UInt32
            let length: Int
            let b1 = buffer[index + 1]
            if byte >= 0xC2 && byte <= 0xDF {
                guard b1 & 0xC0 == 0x80 else { return (index, invalidUTF8Message) }
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(b1 & 0x3F)
                length = 2
            } else if byte >= 0xE0 && byte <= 0xEF {
                let b2 = buffer[index + 2]
                let lower: UInt8 = byte == 0xE0 ? 0xA0 : 0x80
                let upper: UInt8 = byte == 0xED ? 0x9F : 0xBF
                guard b1 >= lower && b1 <= upper && b2 & 0xC0 == 0x80 else { return (index, invalidUTF8Message) }
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                length = 3
            } else if byte >= 0xF0 && byte <= 0xF4 {
                let b2 = buffer[index + 2]
                let b3 = buffer[index + 3]
                let lower: UInt8 = byte == 0xF0 ? 0x90 : 0x80
                let upper: UInt8 = byte == 0xF4 ? 0x8F : 0xBF
                guard b1 >= lower && b1 <= upper && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 else {
                    return (index, invalidUTF8Message)
                }
                scalar =
                    UInt32(byte & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F)
                length = 4
            } else {
                return (index, invalidUTF8Message)
            }
            if index + length > count { return (index, invalidUTF8Message) }
            if yaml {
                if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                    return (
                        index,
                        "found the character \(hex(scalar)), which is not allowed in YAML text; "
                            + "write it as an escape inside a double-quoted string"
                    )
                }
            }
            index += length
        }
        return nil
    }

    static let invalidUTF8Message = "found a byte sequence that is not valid UTF-8; the input must be UTF-8 text"

    /// `U+XXXX` for a scalar value.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
