/// Reads JSON (RFC 8259) into ``Node`` trees with the location of every value.
///
/// The reader is strict: no comments, no trailing commas, no single quotes, no leading zeros, no
/// `NaN`; strings must be valid UTF-8 with control characters escaped; `\uD83D\uDE00` surrogate
/// pairs are combined and a lone surrogate is an error; an object may not repeat a key. Numbers
/// written without a fraction or exponent that fit in 64 bits become
/// ``Node/Content/int(_:)``, all others ``Node/Content/double(_:)``, so `80` never turns into `80.0`.
///
/// ```swift
/// let pod = try JSONReader.read(#"{"apiVersion": "v1", "kind": "Pod"}"#)
/// ```
public enum JSONReader {
    /// Reads exactly one JSON value (surrounding whitespace allowed).
    /// - Parameters:
    ///   - text: the JSON text.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting and size.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func read(
        _ text: String, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> Node {
        try readOne(ReaderInput(text, file: file), limits: limits)
    }

    /// Reads exactly one JSON value from UTF-8 bytes (a `[UInt8]`, `Data`, ...).
    /// - Parameters:
    ///   - bytes: the UTF-8 encoded JSON text, optionally starting with a byte order mark.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting and size.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func read<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> Node {
        try readOne(ReaderInput(bytes, file: file), limits: limits)
    }

    /// Reads a stream of JSON values: concatenated, or separated by whitespace such as the newlines
    /// of JSON Lines (`kubectl ... -o json` output for several objects, one object per line).
    /// - Parameters:
    ///   - text: the JSON text.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting and on the size of each value.
    /// - Returns: every value, in order (an empty input gives an empty array).
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll(
        _ text: String, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try readStream(ReaderInput(text, file: file), limits: limits)
    }

    /// Reads a stream of JSON values from UTF-8 bytes (a `[UInt8]`, `Data`, ...).
    /// - Parameters:
    ///   - bytes: the UTF-8 encoded JSON text, optionally starting with a byte order mark.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting and on the size of each value.
    /// - Returns: every value, in order (an empty input gives an empty array).
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try readStream(ReaderInput(bytes, file: file), limits: limits)
    }

    static func readOne(_ input: ReaderInput, limits: ReaderLimits) throws(ReadError) -> Node {
        try input.validate(yaml: false)
        return try input.storage.withUnsafeBufferPointer { (buffer) throws(ReadError) -> Node in
            var parser = JSONParser(buffer: buffer, input: input, limits: limits)
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if parser.pos < parser.end {
                throw parser.error(
                    "found \(parser.describeCurrent()) after the JSON value; expected the end of the input")
            }
            return value
        }
    }

    static func readStream(_ input: ReaderInput, limits: ReaderLimits) throws(ReadError) -> [Node] {
        try input.validate(yaml: false)
        return try input.storage.withUnsafeBufferPointer { (buffer) throws(ReadError) -> [Node] in
            var parser = JSONParser(buffer: buffer, input: input, limits: limits)
            var values: [Node] = []
            parser.skipWhitespace()
            while parser.pos < parser.end {
                values.append(try parser.parseValue())
                parser.skipWhitespace()
            }
            return values
        }
    }
}

/// The JSON parser behind ``JSONReader``: byte-based and iterative (an explicit stack of open
/// arrays and objects), over a zero-padded buffer.
struct JSONParser {
    struct Frame {
        var isObject: Bool
        var location: SourceLocation
        var items: [Node] = []
        var entries: [Node.Entry] = []
        var key = ""
        var keyLocation: SourceLocation
        var keySet: Set<String>?
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let end: Int
    let file: String?
    let limits: ReaderLimits
    var pos: Int
    var line = 1
    var lineStart: Int
    var scratch: [UInt8] = []
    var stack: [Frame] = []
    var cachedLineStart = -1
    var cachedOffset = 0
    var cachedColumn = 0

    init(buffer: UnsafeBufferPointer<UInt8>, input: ReaderInput, limits: ReaderLimits) {
        self.buffer = buffer
        self.end = input.count
        self.file = input.file
        self.limits = limits
        self.pos = input.byteOrderMarkLength
        self.lineStart = pos
    }

    // MARK: - Positions and errors

    mutating func location(at offset: Int) -> SourceLocation {
        if lineStart == cachedLineStart && offset >= cachedOffset {
            cachedColumn += TextValidation.scalarCount(in: buffer, from: cachedOffset, to: offset)
        } else {
            cachedColumn = TextValidation.scalarCount(in: buffer, from: lineStart, to: offset)
            cachedLineStart = lineStart
        }
        cachedOffset = offset
        return SourceLocation(file: file, line: line, column: cachedColumn + 1)
    }

    mutating func error(_ message: String, at offset: Int? = nil) -> ReadError {
        ReadError(location: location(at: offset ?? pos), message: message)
    }

    func describeCurrent() -> String {
        pos >= end ? "the end of the input" : Byte.describe(buffer[pos])
    }

    mutating func skipWhitespace() {
        while true {
            let c = buffer[pos]
            if c == Byte.space || c == Byte.tab {
                pos += 1
            } else if c == Byte.lineFeed {
                pos += 1
                line += 1
                lineStart = pos
            } else if c == Byte.carriageReturn {
                pos += buffer[pos + 1] == Byte.lineFeed ? 2 : 1
                line += 1
                lineStart = pos
            } else {
                return
            }
        }
    }

    // MARK: - Values

    mutating func parseValue() throws(ReadError) -> Node {
        stack.removeAll(keepingCapacity: true)
        let valueStart = pos
        var afterComma = false
        outer: while true {
            skipWhitespace()
            if pos - valueStart > limits.maxDocumentBytes {
                throw error(
                    "the JSON value is larger than \(limits.maxDocumentBytes) bytes (ReaderLimits.maxDocumentBytes)")
            }
            let valueLocation = location(at: pos)
            let followsComma = afterComma
            afterComma = false
            var value: Node
            switch buffer[pos] {
            case Byte.leftBrace:
                pos += 1
                skipWhitespace()
                if buffer[pos] == Byte.rightBrace {
                    pos += 1
                    value = Node(.mapping([]), at: valueLocation)
                } else {
                    try push(isObject: true, at: valueLocation)
                    try parseKey(afterComma: false)
                    continue outer
                }
            case Byte.leftBracket:
                pos += 1
                skipWhitespace()
                if buffer[pos] == Byte.rightBracket {
                    pos += 1
                    value = Node(.sequence([]), at: valueLocation)
                } else {
                    try push(isObject: false, at: valueLocation)
                    continue outer
                }
            case Byte.doubleQuote:
                value = Node(.string(try parseString()), at: valueLocation)
            case 0x74:  // t
                try expectLiteral("true")
                value = Node(.bool(true), at: valueLocation)
            case 0x66:  // f
                try expectLiteral("false")
                value = Node(.bool(false), at: valueLocation)
            case 0x6E:  // n
                try expectLiteral("null")
                value = Node(.null, at: valueLocation)
            case Byte.minus, Byte.zero...Byte.nine:
                value = Node(try parseNumber(), at: valueLocation)
            case Byte.rightBracket where followsComma:
                throw error("found ']' after ','; JSON does not allow a trailing comma")
            default:
                throw error("expected a JSON value, found \(describeCurrent())")
            }
            // Hand the finished value to the enclosing containers, closing those that end here.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                skipWhitespace()
                let c = buffer[pos]
                if stack[top].isObject {
                    let key = stack[top].key
                    stack[top].entries.append(Node.Entry(key: key, keyLocation: stack[top].keyLocation, value: value))
                    stack[top].keySet?.insert(key)
                    if c == Byte.comma {
                        pos += 1
                        try parseKey(afterComma: true)
                        continue outer
                    }
                    if c == Byte.rightBrace {
                        pos += 1
                        let frame = stack.removeLast()
                        value = Node(.mapping(frame.entries), at: frame.location)
                        continue
                    }
                    if pos >= end { throw unclosedError(object: true) }
                    throw error("expected ',' or '}' after an object member, found \(describeCurrent())")
                } else {
                    stack[top].items.append(value)
                    if c == Byte.comma {
                        pos += 1
                        afterComma = true
                        continue outer
                    }
                    if c == Byte.rightBracket {
                        pos += 1
                        let frame = stack.removeLast()
                        value = Node(.sequence(frame.items), at: frame.location)
                        continue
                    }
                    if pos >= end { throw unclosedError(object: false) }
                    throw error("expected ',' or ']' after an array element, found \(describeCurrent())")
                }
            }
        }
    }

    /// The end of the input inside an array or object: reported at its opening bracket.
    func unclosedError(object: Bool) -> ReadError {
        let opening = stack.last?.location ?? SourceLocation(file: file, line: line, column: 1)
        return ReadError(
            location: opening,
            message: object
                ? "unclosed object: reached the end of the input, expected ',' or '}'"
                : "unclosed array: reached the end of the input, expected ',' or ']'")
    }

    mutating func push(isObject: Bool, at location: SourceLocation) throws(ReadError) {
        if stack.count >= limits.maxDepth {
            throw ReadError(
                location: location,
                message: "the JSON value nests deeper than \(limits.maxDepth) levels (ReaderLimits.maxDepth)")
        }
        stack.append(Frame(isObject: isObject, location: location, keyLocation: location))
    }

    /// Reads `"key" :` for the object on top of the stack.
    mutating func parseKey(afterComma: Bool) throws(ReadError) {
        skipWhitespace()
        let top = stack.count - 1
        guard buffer[pos] == Byte.doubleQuote else {
            if afterComma && buffer[pos] == Byte.rightBrace {
                throw error("found '}' after ','; JSON does not allow a trailing comma")
            }
            throw error("expected an object key in double quotes, found \(describeCurrent())")
        }
        let keyLocation = location(at: pos)
        let key = try parseString()
        var duplicate = false
        if stack[top].keySet != nil {
            duplicate = stack[top].keySet?.contains(key) ?? false
        } else if stack[top].entries.count >= 12 {
            var keys = Set<String>(minimumCapacity: stack[top].entries.count * 2)
            for entry in stack[top].entries { keys.insert(entry.key) }
            duplicate = keys.contains(key)
            stack[top].keySet = keys
        } else {
            for entry in stack[top].entries where entry.key == key {
                duplicate = true
                break
            }
        }
        if duplicate {
            let first = stack[top].entries.first(where: { $0.key == key })?.keyLocation
            let previous = first.map { " (first defined at \($0.line):\($0.column))" } ?? ""
            throw ReadError(location: keyLocation, message: "found the duplicate object key \"\(key)\"\(previous)")
        }
        stack[top].key = key
        stack[top].keyLocation = keyLocation
        skipWhitespace()
        guard buffer[pos] == Byte.colon else {
            throw error("expected ':' after an object key, found \(describeCurrent())")
        }
        pos += 1
    }

    mutating func expectLiteral(_ word: StaticString) throws(ReadError) {
        let pointer = word.utf8Start
        for index in 0..<word.utf8CodeUnitCount where buffer[pos + index] != pointer[index] {
            throw error("found \(Byte.describe(buffer[pos + index])) in a literal; expected '\(word)'", at: pos + index)
        }
        pos += word.utf8CodeUnitCount
    }

    // MARK: - Strings

    mutating func parseString() throws(ReadError) -> String {
        let quote = pos
        let start = pos + 1
        var probe = start
        while true {
            let c = buffer[probe]
            if c == Byte.doubleQuote {
                pos = probe + 1
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<probe]), as: UTF8.self)
            }
            if c == Byte.backslash || c < 0x20 { break }
            probe += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<probe]))
        pos = probe
        while true {
            let c = buffer[pos]
            if c == Byte.doubleQuote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c == Byte.backslash {
                try parseEscape()
                continue
            }
            if c < 0x20 {
                if pos >= end {
                    throw error(
                        "unterminated string: reached the end of the input, expected the closing '\"'", at: quote)
                }
                throw error(
                    "found the control character \(TextValidation.hex(UInt32(c))) in a string; JSON requires it "
                        + "to be escaped (\\n, \\t, \\u00XX)")
            }
            var run = pos + 1
            while buffer[run] != Byte.doubleQuote && buffer[run] != Byte.backslash && buffer[run] >= 0x20 { run += 1 }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<run]))
            pos = run
        }
    }

    mutating func parseEscape() throws(ReadError) {
        let escape = buffer[pos + 1]
        switch escape {
        case Byte.doubleQuote, Byte.backslash, Byte.slash:
            scratch.append(escape)
        case 0x62: scratch.append(0x08)  // b
        case 0x66: scratch.append(0x0C)  // f
        case 0x6E: scratch.append(0x0A)  // n
        case 0x72: scratch.append(0x0D)  // r
        case 0x74: scratch.append(0x09)  // t
        case 0x75:  // u
            var scalar = try hex4(at: pos + 2)
            var length = 6
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard buffer[pos + 6] == Byte.backslash && buffer[pos + 7] == 0x75 else {
                    throw error(
                        "found a \\u escape for a UTF-16 high surrogate that is not followed by a low surrogate")
                }
                let low = try hex4(at: pos + 8)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error(
                        "found a \\u escape for a UTF-16 high surrogate that is not followed by a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                length = 12
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error("found a \\u escape for a lone UTF-16 low surrogate, which is not a Unicode character")
            }
            appendUTF8(scalar)
            pos += length
            return
        default:
            let found =
                escape >= 0x20 && escape < 0x7F ? "'\\\(Character(Unicode.Scalar(escape)))'" : Byte.describe(escape)
            throw error(
                "found the invalid escape \(found) in a string; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
            )
        }
        pos += 2
    }

    mutating func hex4(at offset: Int) throws(ReadError) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            guard let digit = Byte.hexValue(buffer[offset + index]) else {
                throw error(
                    "expected 4 hexadecimal digits after \\u, found \(Byte.describe(buffer[offset + index]))",
                    at: offset + index)
            }
            value = value << 4 | digit
        }
        return value
    }

    mutating func appendUTF8(_ value: UInt32) {
        if value < 0x80 {
            scratch.append(UInt8(value))
        } else if value < 0x800 {
            scratch.append(UInt8(0xC0 | (value >> 6)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            scratch.append(UInt8(0xE0 | (value >> 12)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            scratch.append(UInt8(0xF0 | (value >> 18)))
            scratch.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    // MARK: - Numbers

    mutating func parseNumber() throws(ReadError) -> Node.Content {
        let start = pos
        var negative = false
        if buffer[pos] == Byte.minus {
            negative = true
            pos += 1
        }
        if buffer[pos] == Byte.zero {
            pos += 1
            if Byte.isDigit(buffer[pos]) { throw error("found a leading zero in a number; JSON does not allow it") }
        } else if Byte.isDigit(buffer[pos]) {
            while Byte.isDigit(buffer[pos]) { pos += 1 }
        } else {
            throw error("expected a digit after '-', found \(describeCurrent())")
        }
        let integerEnd = pos
        var isInteger = true
        if buffer[pos] == Byte.period {
            pos += 1
            guard Byte.isDigit(buffer[pos]) else {
                throw error("expected a digit after the decimal point, found \(describeCurrent())")
            }
            while Byte.isDigit(buffer[pos]) { pos += 1 }
            isInteger = false
        }
        if buffer[pos] | 0x20 == 0x65 {  // e E
            pos += 1
            if buffer[pos] == Byte.plus || buffer[pos] == Byte.minus { pos += 1 }
            guard Byte.isDigit(buffer[pos]) else {
                throw error("expected a digit in the exponent, found \(describeCurrent())")
            }
            while Byte.isDigit(buffer[pos]) { pos += 1 }
            isInteger = false
        }
        let next = buffer[pos]
        if !(Byte.isBlankOrEnd(next) || next == Byte.comma || next == Byte.rightBracket || next == Byte.rightBrace) {
            throw error("found \(describeCurrent()) after a number; expected ',', ']', '}' or whitespace")
        }
        if isInteger {
            var magnitude: UInt64 = 0
            var overflow = false
            var index = negative ? start + 1 : start
            while index < integerEnd {
                let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(buffer[index] - Byte.zero))
                if o1 || o2 {
                    overflow = true
                    break
                }
                magnitude = sum
                index += 1
            }
            if !overflow {
                if !negative && magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
                if negative && magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
                if negative && magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<pos]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("the number \(text) is too large to represent", at: start)
        }
        return .double(value)
    }
}
