/// Word-at-a-time tests on eight bytes packed in a `UInt64` (SWAR), used to skip quickly over
/// runs of bytes that need no attention when scanning strings.
enum ByteScanning {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero.
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// Whether some byte of `word` is below `limit` (at most 128). Exact only when no byte has its high bit set.
    @inline(__always)
    static func hasByte(_ word: UInt64, lessThan limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Loads eight bytes starting at `offset`, which must leave eight bytes in the buffer.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Whether all eight bytes are printable ASCII other than space and `:` — nothing the YAML
    /// style choice has to look at.
    @inline(__always)
    static func isQuietForYAML(_ word: UInt64) -> Bool {
        word & highBits == 0 && !hasByte(word, lessThan: 0x21) && !hasByte(word, equalTo: 0x3A)
            && !hasByte(word, equalTo: 0x7F)
    }

    /// Whether none of the eight bytes needs escaping in a JSON string (`"`, `\`, control characters).
    @inline(__always)
    static func isQuietForJSON(_ word: UInt64) -> Bool {
        // Bytes >= 0x80 are copied as they are; mask them out so the "less than" test stays exact.
        let ascii = word & ~highBits
        let wasHigh = (word & highBits) >> 7  // 1 in each byte that had its high bit set
        // A high byte masked down could look like a control character: lift those above 0x20.
        let lifted = ascii | (wasHigh &* 0x40)
        return !hasByte(lifted, lessThan: 0x20) && !hasByte(lifted, equalTo: 0x22) && !hasByte(lifted, equalTo: 0x5C)
    }

    /// Whether every byte is printable ASCII other than space and `:` (see ``isQuietForYAML(_:)``).
    @inline(__always)
    static func allQuietForYAML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                if !isQuietForYAML(load(bytes, at: i)) { return false }
                i &+= 8
            }
            // The last word may overlap the previous one.
            return isQuietForYAML(load(bytes, at: n &- 8))
        }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == 0x3A {
            return false
        }
        return true
    }

    /// Whether no byte needs escaping in a JSON string (see ``isQuietForJSON(_:)``).
    @inline(__always)
    static func allQuietForJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                if !isQuietForJSON(load(bytes, at: i)) { return false }
                i &+= 8
            }
            return isQuietForJSON(load(bytes, at: n &- 8))
        }
        for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            return false
        }
        return true
    }
}
