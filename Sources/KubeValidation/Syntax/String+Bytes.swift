extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (no locale, no Foundation).
    func containsBytes(_ needle: String) -> Bool {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= haystack.count else { return false }
        let first = pattern[0]
        var start = 0
        let last = haystack.count - pattern.count
        while start <= last {
            if haystack[start] == first {
                var matched = true
                var offset = 1
                while offset < pattern.count {
                    if haystack[start + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    offset += 1
                }
                if matched { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether the string contains the ASCII character `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.contains(byte)
    }
}
