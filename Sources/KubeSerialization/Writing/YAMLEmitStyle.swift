/// How the YAML writer presents one string.
///
/// The choice is made by ``YAMLEmitStyle/choose(for:isKey:literalNeedsNoIndicator:)`` in a
/// single pass over the string's UTF-8 bytes. The goal is that go-yaml v2 (kubectl),
/// go-yaml v3, PyYAML (YAML 1.1) and YAML 1.2 parsers all read back exactly the same string:
///
/// 1. A string with a character that must be escaped — a C0 control other than line feed and
///    TAB, DEL, a C1 control (including NEL), LS, PS, U+FEFF, U+FFFE, U+FFFF — is double-quoted.
/// 2. A multi-line value is a literal block (`|`, `|-`, `|+`) when that is lossless in every
///    reader: no escapes needed, no line ending in a space or TAB (which also excludes
///    whitespace-only lines), not starting with a line feed, and — at the root, where readers
///    disagree on where an indentation indicator points — not starting with a space or TAB
///    (elsewhere such a first line gets the indentation indicator `|2`). Otherwise
///    it is double-quoted with `\n`. Keys are never block scalars.
/// 3. A single-line string with a TAB is double-quoted (`\t`), as go-yaml does.
/// 4. A string that any of those readers could resolve to something other than a string —
///    a YAML 1.1 or 1.2 Boolean or null in any letter case, anything number-like, a
///    timestamp, `<<`, `=`, the empty string — is double-quoted, as kubectl writes it (`"true"`).
/// 5. A string that is a string everywhere but is not valid as a plain scalar — leading or
///    trailing space, an indicator as its first character, `: ` or ` #` inside, a trailing
///    `:`, a `---` or `...` prefix — is single-quoted (`'` doubled).
/// 6. Everything else is plain.
enum YAMLEmitStyle: Equatable {
    /// Written as is.
    case plain
    /// Between `'`, with `'` doubled.
    case singleQuoted
    /// Between `"`, with escapes.
    case doubleQuoted
    /// A literal block scalar; `indentationIndicator` when the first line starts with a space or TAB.
    case literal(indentationIndicator: Bool)

    /// Chooses the style of `bytes` (valid UTF-8).
    ///
    /// - Parameters:
    ///   - isKey: Whether the string is a mapping key (keys are never block scalars).
    ///   - literalNeedsNoIndicator: Whether a literal block must do without an indentation
    ///     indicator (at the root of a document).
    static func choose(
        for bytes: UnsafeBufferPointer<UInt8>, isKey: Bool, literalNeedsNoIndicator: Bool = false
    ) -> YAMLEmitStyle {
        let n = bytes.count
        guard n > 0 else { return .doubleQuoted }
        // Fast path for the common case: a letter (not one that can begin a Boolean or null word
        // in a short string) followed by printable ASCII without space or ':'. Such a string
        // cannot be ambiguous, start like syntax, or contain a break: it is plain.
        let first = bytes[0]
        let lowerFirst = first | 0x20
        if lowerFirst >= UInt8(ascii: "a") && lowerFirst <= UInt8(ascii: "z")
            && (n > 5 || !isBooleanOrNullInitial(first))
            && ByteScanning.allQuietForYAML(bytes)
        {
            return .plain
        }
        var hasNewline = false
        var needsEscape = false
        var hasTab = false
        var breaksPlain = false
        var trailingWhitespace = false

        var i = 0
        while i < n {
            if i &+ 8 <= n && ByteScanning.isQuietForYAML(ByteScanning.load(bytes, at: i)) {
                i &+= 8
                continue
            }
            let byte = bytes[i]
            // Fast path: printable ASCII other than space and ':' changes nothing.
            if (byte > 0x3A && byte < 0x7F) || (byte > 0x20 && byte < 0x3A) {
                i &+= 1
                continue
            }
            switch byte {
            case 0x20:  // space
                let next = i &+ 1 < n ? bytes[i &+ 1] : 0x0A
                if next == UInt8(ascii: "#") { breaksPlain = true }
                if next == 0x0A { trailingWhitespace = true }
            case 0x3A:  // ':'
                if i &+ 1 == n || bytes[i &+ 1] == 0x20 { breaksPlain = true }
            case 0x0A:
                hasNewline = true
            case 0x09:
                hasTab = true
                if i &+ 1 == n || bytes[i &+ 1] == 0x0A { trailingWhitespace = true }
            case 0x00..<0x20, 0x7F:
                needsEscape = true
            case 0xC2:  // U+0080...U+00BF: C1 controls (NEL among them) need escapes
                if i &+ 1 < n && bytes[i &+ 1] < 0xA0 { needsEscape = true }
            case 0xE2:  // U+2028 LS, U+2029 PS
                if i &+ 2 < n && bytes[i &+ 1] == 0x80 && (bytes[i &+ 2] == 0xA8 || bytes[i &+ 2] == 0xA9) {
                    needsEscape = true
                }
            case 0xEF:  // U+FEFF BOM, U+FFFE, U+FFFF
                if i &+ 2 < n {
                    let b1 = bytes[i &+ 1]
                    let b2 = bytes[i &+ 2]
                    if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) {
                        needsEscape = true
                    }
                }
            default:
                break
            }
            i &+= 1
        }

        if needsEscape { return .doubleQuoted }
        if hasNewline {
            if isKey || trailingWhitespace || bytes[0] == 0x0A { return .doubleQuoted }
            // A leading space would be taken for indentation, and libyaml/go-yaml reject a TAB
            // while they are still detecting the indentation: both need an explicit indicator.
            let indicator = bytes[0] == 0x20 || bytes[0] == 0x09
            if indicator && literalNeedsNoIndicator { return .doubleQuoted }
            return .literal(indentationIndicator: indicator)
        }
        if hasTab { return .doubleQuoted }
        if mayBeTypeAmbiguous(first: bytes[0], count: n) && isTypeAmbiguous(bytes) { return .doubleQuoted }
        if breaksPlain || bytes[n - 1] == 0x20 || startsLikeSyntax(bytes) { return .singleQuoted }
        return .plain
    }

    /// Whether the first characters would be read as YAML syntax rather than as the start of a plain scalar.
    private static func startsLikeSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[0]
        switch first {
        case UInt8(ascii: " "), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        case UInt8(ascii: "-"):
            // `-x` and `--flag` are plain; `-`, `- x` and `---...` are not.
            if bytes.count == 1 || bytes[1] == 0x20 { return true }
            return bytes.count >= 3 && bytes[1] == first && bytes[2] == first
        case UInt8(ascii: "."):
            return bytes.count >= 3 && bytes[1] == first && bytes[2] == first
        default:
            return false
        }
    }

    @inline(__always)
    private static func isBooleanOrNullInitial(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "o"):
            return true
        default:
            return false
        }
    }

    /// A quick filter for ``isTypeAmbiguous(_:)``: only strings starting with these bytes can be ambiguous.
    @inline(__always)
    private static func mayBeTypeAmbiguous(first: UInt8, count: Int) -> Bool {
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "="), UInt8(ascii: "<"):
            return true
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return count <= 5
        default:
            return false
        }
    }

    /// Whether some YAML reader could resolve the plain scalar `bytes` to a non-string.
    ///
    /// Deliberately broader than any one schema (quoting a string that needs none costs two
    /// characters; failing to quote one changes its type):
    /// - Booleans and nulls of YAML 1.1 and 1.2 in any letter case: `y n yes no on off true false null ~`.
    /// - `<<` (merge key) and `=` (YAML 1.1 value key).
    /// - `.inf`, `.nan` in any case, with an optional sign.
    /// - Number-like text: an optional sign, then a digit, `.` or `_`, then only characters that occur
    ///   in some number or timestamp notation (digits, hex digits, `x o b _ . : + - t z` and
    ///   space). This covers `0755 0o17 0x1F 0b101 1e3 1_000 +1 08 1.10 .5 5. 12:30 1:20:00`,
    ///   dotted versions and addresses (which YAML 1.1's float pattern accepts) and dates.
    static func isTypeAmbiguous(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        if n == 0 { return true }
        if n <= 5 && isBooleanOrNullWord(bytes) { return true }
        if n == 1 && bytes[0] == UInt8(ascii: "=") { return true }
        if n == 2 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "<") { return true }

        var start = 0
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { start = 1 }
        if start == n { return true }  // a lone sign
        let lead = bytes[start]
        // `_` leads too: ruamel.yaml's YAML 1.2 integer pattern `[-+]?[0-9_]+` accepts `-_`.
        guard (lead >= 0x30 && lead <= 0x39) || lead == UInt8(ascii: ".") || lead == UInt8(ascii: "_") else {
            return false
        }
        if lead == UInt8(ascii: "."), n - start == 4 {
            let a = bytes[start + 1] | 0x20
            let b = bytes[start + 2] | 0x20
            let c = bytes[start + 3] | 0x20
            if (a == UInt8(ascii: "i") && b == UInt8(ascii: "n") && c == UInt8(ascii: "f"))
                || (a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n"))
            {
                return true
            }
        }
        for index in start..<n where !isNumberCharacter(bytes[index]) {
            return false
        }
        return true
    }

    @inline(__always)
    private static func isNumberCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "z"), UInt8(ascii: "Z"),
            UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }

    private static func isBooleanOrNullWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Lower-case ASCII letters; other bytes map to values that match no word.
        var word: UInt64 = 0
        for byte in bytes {
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            word = word << 8 | UInt64(lower)
        }
        switch word {
        case 0x79,  // y
            0x6E,  // n
            0x7E,  // ~
            0x7965_73,  // yes
            0x6E6F,  // no
            0x6F6E,  // on
            0x6F66_66,  // off
            0x7472_7565,  // true
            0x66_616C_7365,  // false
            0x6E75_6C6C:  // null
            return true
        default:
            return false
        }
    }
}
