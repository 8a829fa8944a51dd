// Scalar scanning: plain, single-quoted, double-quoted, literal and folded.
//
// A scalar whose text appears verbatim in the input (the common case: one line, no escapes) is
// returned as a range of the input; anything else is assembled in the arena.

extension YAMLScanner {
    // MARK: - Plain scalars

    mutating func fetchPlainScalar() throws(ReadError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        var token = YAMLToken(.scalar, offset: pos, line: line, lineStart: lineStart)
        let start = pos
        let minIndent = indent + 1
        let inFlow = flowLevel > 0
        var inArena = false
        var arenaStart = 0
        var contentEnd = pos
        scan: while true {
            // One run of non-blank characters.
            let wordStart = pos
            while true {
                let c = buffer[pos]
                if c <= Byte.space {
                    if c == Byte.space || c == Byte.tab || c == Byte.lineFeed || c == Byte.carriageReturn || c == 0 {
                        break
                    }
                } else if c == Byte.colon {
                    let next = buffer[pos + 1]
                    if Byte.isBlankOrEnd(next) || (inFlow && Byte.isFlowIndicator(next)) { break }
                } else if inFlow && Byte.isFlowIndicator(c) {
                    break
                }
                pos += 1
            }
            if inArena { arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[wordStart..<pos])) }
            contentEnd = pos
            var probe = pos
            while Byte.isBlank(buffer[probe]) { probe += 1 }
            let c = buffer[probe]
            if Byte.isBreak(c) {
                guard let continuation = try plainContinuation(from: probe, minIndent: minIndent, inFlow: inFlow) else {
                    pos = probe
                    break scan
                }
                if !inArena {
                    inArena = true
                    arenaStart = arena.count
                    arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<contentEnd]))
                }
                if continuation.breaks == 1 {
                    arena.append(Byte.space)
                } else {
                    arena.append(contentsOf: repeatElement(Byte.lineFeed, count: continuation.breaks - 1))
                }
                pos = continuation.offset
                line = continuation.line
                lineStart = continuation.lineStart
                continue scan
            }
            if probe > pos && canContinuePlain(at: probe, inFlow: inFlow) {
                if inArena { arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<probe])) }
                pos = probe
                continue scan
            }
            pos = probe
            break scan
        }
        if inArena {
            token.inArena = true
            token.valueStart = arenaStart
            token.valueEnd = arena.count
        } else {
            token.valueStart = start
            token.valueEnd = contentEnd
        }
        tokens.append(token)
    }

    /// Whether the character at `offset`, after whitespace, continues a plain scalar.
    @inline(__always) func canContinuePlain(at offset: Int, inFlow: Bool) -> Bool {
        let c = buffer[offset]
        if c == 0 || c == Byte.hash { return false }
        if c == Byte.colon {
            let next = buffer[offset + 1]
            return !(Byte.isBlankOrEnd(next) || (inFlow && Byte.isFlowIndicator(next)))
        }
        return !(inFlow && Byte.isFlowIndicator(c))
    }

    /// Looks past the line break at `offset` for a line that continues a multi-line plain scalar.
    mutating func plainContinuation(
        from offset: Int, minIndent: Int, inFlow: Bool
    ) throws(ReadError) -> (offset: Int, breaks: Int, line: Int, lineStart: Int)? {
        var probe = offset
        var breaks = 0
        var probeLine = line
        var probeLineStart = lineStart
        while true {
            if buffer[probe] == Byte.carriageReturn && buffer[probe + 1] == Byte.lineFeed {
                probe += 2
            } else {
                probe += 1
            }
            breaks += 1
            probeLine += 1
            probeLineStart = probe
            var tabInIndentation = -1
            while Byte.isBlank(buffer[probe]) {
                if buffer[probe] == Byte.tab && tabInIndentation < 0 && !inFlow && probe - probeLineStart < minIndent {
                    tabInIndentation = probe
                }
                probe += 1
            }
            let c = buffer[probe]
            if Byte.isBreak(c) { continue }
            if c == 0 || c == Byte.hash { return nil }
            if probe == probeLineStart && isDocumentMarker(at: probe) { return nil }
            if !inFlow && probe - probeLineStart < minIndent { return nil }
            if !canContinuePlain(at: probe, inFlow: inFlow) { return nil }
            if tabInIndentation >= 0 {
                throw error(
                    "found a tab character in indentation; YAML indents with spaces only",
                    offset: tabInIndentation, line: probeLine, lineStart: probeLineStart)
            }
            return (probe, breaks, probeLine, probeLineStart)
        }
    }

    // MARK: - Quoted scalars

    mutating func fetchQuotedScalar(single: Bool) throws(ReadError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        var token = YAMLToken(.scalar, offset: pos, line: line, lineStart: lineStart)
        token.style = single ? .singleQuoted : .doubleQuoted
        let quote = single ? Byte.singleQuote : Byte.doubleQuote
        pos += 1
        let contentStart = pos
        // Fast path: the text up to the closing quote needs no processing.
        var probe = pos
        while true {
            let c = buffer[probe]
            if c == quote {
                if single && buffer[probe + 1] == Byte.singleQuote { break }
                token.valueStart = contentStart
                token.valueEnd = probe
                pos = probe + 1
                tokens.append(token)
                adjacentValueAllowed = true
                return
            }
            if c == Byte.backslash && !single { break }
            if c == Byte.lineFeed || c == Byte.carriageReturn || c == 0 || c == Byte.space || c == Byte.tab {
                // Blanks matter only before a line break; keep scanning past ordinary ones.
                if Byte.isBlank(c) {
                    var after = probe
                    while Byte.isBlank(buffer[after]) { after += 1 }
                    if !Byte.isBreak(buffer[after]) && buffer[after] != 0 {
                        probe = after
                        continue
                    }
                }
                break
            }
            probe += 1
        }
        let arenaStart = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[contentStart..<probe]))
        pos = probe
        try scanQuotedRest(single: single, quote: quote, token: token)
        token.inArena = true
        token.valueStart = arenaStart
        token.valueEnd = arena.count
        tokens.append(token)
        adjacentValueAllowed = true
    }

    /// Scans the rest of a quoted scalar into the arena, up to and including the closing quote.
    mutating func scanQuotedRest(single: Bool, quote: UInt8, token: YAMLToken) throws(ReadError) {
        let kind = single ? "single-quoted" : "double-quoted"
        while true {
            let c = buffer[pos]
            if pos >= end {
                throw error(
                    "unterminated \(kind) string: reached the end of the input, expected the closing "
                        + (single ? "\"'\"" : "'\"'"),
                    offset: token.offset, line: token.line, lineStart: token.lineStart)
            }
            if c == quote {
                if single && buffer[pos + 1] == Byte.singleQuote {
                    arena.append(Byte.singleQuote)
                    pos += 2
                    continue
                }
                pos += 1
                return
            }
            if c == Byte.backslash && !single {
                let escape = buffer[pos + 1]
                if Byte.isBreak(escape) {
                    // An escaped line break joins the lines without a space.
                    pos += 1
                    consumeLineBreak()
                    try foldQuotedLines(escaped: true, kind: kind, token: token)
                    continue
                }
                try decodeEscape()
                continue
            }
            if Byte.isBlank(c) {
                var probe = pos
                while Byte.isBlank(buffer[probe]) { probe += 1 }
                if Byte.isBreak(buffer[probe]) || buffer[probe] == 0 {
                    pos = probe  // trailing blanks before a line break are not content
                } else {
                    arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<probe]))
                    pos = probe
                }
                continue
            }
            if Byte.isBreak(c) {
                consumeLineBreak()
                try foldQuotedLines(escaped: false, kind: kind, token: token)
                continue
            }
            // A run of ordinary characters.
            var probe = pos + 1
            while true {
                let d = buffer[probe]
                if d == quote || d == Byte.backslash || d <= Byte.space { break }
                probe += 1
            }
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<probe]))
            pos = probe
        }
    }

    /// Called at the start of the line after a line break inside a quoted scalar: skips the
    /// leading blanks of this and any following empty lines and appends the folded result.
    mutating func foldQuotedLines(escaped: Bool, kind: String, token: YAMLToken) throws(ReadError) {
        var emptyLines = 0
        while true {
            if isDocumentMarker(at: pos) {
                throw error(
                    "unterminated \(kind) string: found a document marker at line \(line) before the closing quote",
                    offset: token.offset, line: token.line, lineStart: token.lineStart)
            }
            while Byte.isBlank(buffer[pos]) { pos += 1 }
            if Byte.isBreak(buffer[pos]) {
                consumeLineBreak()
                emptyLines += 1
                continue
            }
            break
        }
        if emptyLines > 0 {
            arena.append(contentsOf: repeatElement(Byte.lineFeed, count: emptyLines))
        } else if !escaped {
            arena.append(Byte.space)
        }
    }

    /// Decodes the escape sequence at `pos` (a backslash) into the arena.
    mutating func decodeEscape() throws(ReadError) {
        let escape = buffer[pos + 1]
        var scalar: UInt32
        var length = 2
        switch escape {
        case Byte.zero: scalar = 0
        case 0x61: scalar = 0x07  // a
        case 0x62: scalar = 0x08  // b
        case 0x74, Byte.tab: scalar = 0x09  // t
        case 0x6E: scalar = 0x0A  // n
        case 0x76: scalar = 0x0B  // v
        case 0x66: scalar = 0x0C  // f
        case 0x72: scalar = 0x0D  // r
        case 0x65: scalar = 0x1B  // e
        case Byte.space: scalar = 0x20
        case Byte.doubleQuote: scalar = 0x22
        case Byte.slash: scalar = 0x2F
        case Byte.backslash: scalar = 0x5C
        case 0x4E: scalar = 0x85  // N
        case Byte.underscore: scalar = 0xA0
        case 0x4C: scalar = 0x2028  // L
        case 0x50: scalar = 0x2029  // P
        case 0x78, 0x75, 0x55:  // x u U
            let digits = escape == 0x78 ? 2 : (escape == 0x75 ? 4 : 8)
            scalar = try hexEscapeValue(at: pos + 2, digits: digits, escape: escape)
            length = 2 + digits
            if escape == 0x75 && scalar >= 0xD800 && scalar <= 0xDBFF {
                // A UTF-16 surrogate pair written as two \u escapes (as JSON writers do).
                guard buffer[pos + 6] == Byte.backslash && buffer[pos + 7] == 0x75 else {
                    throw error(
                        "found a \\u escape for a UTF-16 high surrogate that is not followed by a low surrogate \\u escape"
                    )
                }
                let low = try hexEscapeValue(at: pos + 8, digits: 4, escape: 0x75)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error(
                        "found a \\u escape for a UTF-16 high surrogate that is not followed by a low surrogate \\u escape"
                    )
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                length = 12
            } else if scalar >= 0xD800 && scalar <= 0xDFFF {
                throw error("found an escape for a lone UTF-16 surrogate, which is not a Unicode character")
            } else if scalar > 0x10FFFF {
                throw error("found an escape for a value beyond U+10FFFF, which is not a Unicode character")
            }
        default:
            let found =
                Byte.isBreak(escape) || escape == 0
                ? Byte.describe(escape)
                : (escape < 0x80 ? "'\\\(Character(Unicode.Scalar(escape)))'" : "'\\' before a non-ASCII character")
            throw error(
                "found the unknown escape \(found) in a double-quoted string; expected one of \\0 \\a \\b \\t \\n "
                    + "\\v \\f \\r \\e \\<space> \\\" \\/ \\\\ \\N \\_ \\L \\P \\xHH \\uHHHH \\UHHHHHHHH")
        }
        appendScalar(scalar)
        pos += length
    }

    mutating func hexEscapeValue(at offset: Int, digits: Int, escape: UInt8) throws(ReadError) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<digits {
            guard let digit = Byte.hexValue(buffer[offset + index]) else {
                let name = "\\" + String(Character(Unicode.Scalar(escape)))
                throw error(
                    "expected \(digits) hexadecimal digits after \(name), found \(Byte.describe(buffer[offset + index]))",
                    offset: offset + index, line: line, lineStart: lineStart)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Appends a Unicode scalar value to the arena as UTF-8.
    mutating func appendScalar(_ value: UInt32) {
        if value < 0x80 {
            arena.append(UInt8(value))
        } else if value < 0x800 {
            arena.append(UInt8(0xC0 | (value >> 6)))
            arena.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            arena.append(UInt8(0xE0 | (value >> 12)))
            arena.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            arena.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            arena.append(UInt8(0xF0 | (value >> 18)))
            arena.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            arena.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            arena.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    // MARK: - Block scalars

    mutating func fetchBlockScalar(folded: Bool) throws(ReadError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        var token = YAMLToken(.scalar, offset: pos, line: line, lineStart: lineStart)
        token.style = folded ? .folded : .literal
        pos += 1
        // Header: chomping and indentation indicators in either order.
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            let c = buffer[pos]
            if (c == Byte.plus || c == Byte.minus) && chomping == 0 {
                chomping = c == Byte.plus ? 1 : -1
                pos += 1
            } else if Byte.isDigit(c) && increment == 0 {
                if c == Byte.zero {
                    throw error("found the indentation indicator 0; a block scalar indentation indicator is 1 to 9")
                }
                increment = Int(c - Byte.zero)
                pos += 1
            }
        }
        var c = buffer[pos]
        if Byte.isBlank(c) {
            while Byte.isBlank(buffer[pos]) { pos += 1 }
            c = buffer[pos]
            if c == Byte.hash {
                while buffer[pos] != 0 && !Byte.isBreak(buffer[pos]) { pos += 1 }
                c = buffer[pos]
            }
        }
        if !Byte.isBreak(c) && c != 0 {
            throw error(
                "expected a line break after the block scalar header (|, > with optional +, - and 1-9), "
                    + "found \(Byte.describe(c))")
        }
        if Byte.isBreak(c) { consumeLineBreak() }

        var blockIndent = -1
        if increment > 0 { blockIndent = indent >= 0 ? indent + increment : increment }
        let minimumIndent = max(indent + 1, 0)
        let arenaStart = arena.count
        var leadingBreak = false
        var leadingBlank = false
        var trailingBreaks = 0
        try blockScalarBreaks(indent: &blockIndent, minimum: minimumIndent, breaks: &trailingBreaks, token: token)
        while pos < end && pos - lineStart == blockIndent && !(pos == lineStart && isDocumentMarker(at: pos)) {
            let trailingBlank = Byte.isBlank(buffer[pos])
            if folded && leadingBreak && !leadingBlank && !trailingBlank {
                if trailingBreaks == 0 { arena.append(Byte.space) }
            } else if leadingBreak {
                arena.append(Byte.lineFeed)
            }
            leadingBreak = false
            if trailingBreaks > 0 {
                arena.append(contentsOf: repeatElement(Byte.lineFeed, count: trailingBreaks))
                trailingBreaks = 0
            }
            leadingBlank = trailingBlank
            let lineContent = pos
            var c = buffer[pos]
            while c != Byte.lineFeed && c != Byte.carriageReturn && c != 0 {
                pos += 1
                c = buffer[pos]
            }
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineContent..<pos]))
            if pos >= end { break }
            consumeLineBreak()
            leadingBreak = true
            try blockScalarBreaks(indent: &blockIndent, minimum: minimumIndent, breaks: &trailingBreaks, token: token)
        }
        if chomping != -1 && leadingBreak { arena.append(Byte.lineFeed) }
        if chomping == 1 && trailingBreaks > 0 {
            arena.append(contentsOf: repeatElement(Byte.lineFeed, count: trailingBreaks))
        }
        token.inArena = true
        token.valueStart = arenaStart
        token.valueEnd = arena.count
        tokens.append(token)
    }

    /// Consumes the indentation and empty lines before a block scalar line, counting the line
    /// breaks; when the indentation is not known yet, detects it from the first non-empty line.
    mutating func blockScalarBreaks(
        indent blockIndent: inout Int, minimum: Int, breaks: inout Int, token: YAMLToken
    ) throws(ReadError) {
        var maxEmptyIndent = 0
        while true {
            while (blockIndent < 0 || pos - lineStart < blockIndent) && buffer[pos] == Byte.space { pos += 1 }
            let column = pos - lineStart
            if buffer[pos] == Byte.tab && (blockIndent < 0 || column < blockIndent) {
                // A tab where indentation is expected: fine on an empty line, and it ends the scalar
                // on a less indented line (the scanner then reports that line's own problem).
                var probe = pos
                while Byte.isBlank(buffer[probe]) { probe += 1 }
                if Byte.isBreak(buffer[probe]) || buffer[probe] == 0 {
                    pos = probe
                } else if blockIndent < 0 {
                    throw error(
                        "found a tab character in the indentation of a block scalar; YAML indents with spaces only")
                } else {
                    return
                }
            }
            if !Byte.isBreak(buffer[pos]) {
                if blockIndent < 0 {
                    // First non-empty line (or the end): its indentation is the block's indentation.
                    if pos >= end || (pos == lineStart && isDocumentMarker(at: pos)) {
                        blockIndent = max(maxEmptyIndent, minimum, 1)
                    } else {
                        if maxEmptyIndent > column && column >= minimum {
                            throw error(
                                "a leading empty line of this block scalar has more spaces (\(maxEmptyIndent)) than its "
                                    + "first non-empty line (\(column)); remove the extra spaces or add an indentation indicator",
                                offset: token.offset, line: token.line, lineStart: token.lineStart)
                        }
                        blockIndent = max(column, minimum)
                    }
                }
                return
            }
            if blockIndent < 0 && column > maxEmptyIndent { maxEmptyIndent = column }
            consumeLineBreak()
            breaks += 1
        }
    }
}
