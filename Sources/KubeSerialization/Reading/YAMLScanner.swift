// The YAML tokenizer: bytes in, tokens out.
//
// It follows the classic token model of YAML processors: indentation turns into
// BLOCK-SEQUENCE-START / BLOCK-MAPPING-START / BLOCK-END tokens, and a KEY token is inserted
// retroactively before a "simple key" once the `:` that follows it is found. Everything works on
// bytes of a zero-padded buffer (see `ReaderInput`), so no Character or String iteration happens
// on the hot path; scalar text is either a range of the input or, when it needs processing
// (escapes, folding, block scalars), a range of a reusable byte arena.

/// Byte values and classes the YAML scanner tests for.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21  // !
    static let doubleQuote: UInt8 = 0x22  // "
    static let hash: UInt8 = 0x23  // #
    static let percent: UInt8 = 0x25  // %
    static let ampersand: UInt8 = 0x26  // &
    static let singleQuote: UInt8 = 0x27  // '
    static let asterisk: UInt8 = 0x2A  // *
    static let plus: UInt8 = 0x2B  // +
    static let comma: UInt8 = 0x2C  // ,
    static let minus: UInt8 = 0x2D  // -
    static let period: UInt8 = 0x2E  // .
    static let slash: UInt8 = 0x2F  // /
    static let zero: UInt8 = 0x30  // 0
    static let nine: UInt8 = 0x39  // 9
    static let colon: UInt8 = 0x3A  // :
    static let less: UInt8 = 0x3C  // <
    static let greater: UInt8 = 0x3E  // >
    static let question: UInt8 = 0x3F  // ?
    static let at: UInt8 = 0x40  // @
    static let leftBracket: UInt8 = 0x5B  // [
    static let backslash: UInt8 = 0x5C  // \
    static let rightBracket: UInt8 = 0x5D  // ]
    static let underscore: UInt8 = 0x5F  // _
    static let backtick: UInt8 = 0x60  // `
    static let leftBrace: UInt8 = 0x7B  // {
    static let pipe: UInt8 = 0x7C  // |
    static let rightBrace: UInt8 = 0x7D  // }
    static let tilde: UInt8 = 0x7E  // ~

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == lineFeed || c == carriageReturn }
    /// Space, tab, line break or the end of the input (a zero byte).
    @inline(__always) static func isBlankOrEnd(_ c: UInt8) -> Bool {
        c == space || c == tab || c == lineFeed || c == carriageReturn || c == 0
    }
    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == comma || c == leftBracket || c == rightBracket || c == leftBrace || c == rightBrace
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= zero && c <= nine }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func hexValue(_ c: UInt8) -> UInt32? {
        if c >= zero && c <= nine { return UInt32(c - zero) }
        let lower = c | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }
    /// Characters of a tag suffix (a URI character other than `!` and the flow indicators).
    @inline(__always) static func isTagCharacter(_ c: UInt8) -> Bool {
        if isDigit(c) || isAlpha(c) { return true }
        switch c {
        case minus, hash, 0x3B, slash, question, colon, at, ampersand, 0x3D, plus, 0x24, underscore, period,
            tilde, asterisk, singleQuote, 0x28, 0x29, percent:
            return true
        default:
            return false
        }
    }

    /// How a byte reads in a message: `'x'`, or a name for blanks and the end of the input.
    static func describe(_ c: UInt8) -> String {
        switch c {
        case 0: return "the end of the input"
        case lineFeed, carriageReturn: return "a line break"
        case tab: return "a tab character"
        case space: return "a space"
        default:
            if c < 0x80 { return "'\(Character(Unicode.Scalar(c)))'" }
            return "a non-ASCII character"
        }
    }
}

struct YAMLScanner {
    struct SimpleKey {
        var possible = false
        var required = false
        var tokenNumber = 0
        var offset = 0
        var line = 0
        var lineStart = 0
    }

    let buffer: UnsafeBufferPointer<UInt8>
    /// The number of input bytes; `buffer[end]` and a few bytes after it are zero.
    let end: Int
    let file: String?
    let limits: ReaderLimits

    var pos: Int
    var line = 1
    var lineStart: Int

    /// Queued tokens; `tokens[head]` is the next one the parser sees.
    var tokens: [YAMLToken] = []
    var head = 0
    /// How many tokens the parser has consumed so far (the number of the token at `head`).
    var tokensParsed = 0
    var streamStarted = false
    var streamEnded = false

    var indent = -1
    var indents: [Int] = []
    var flowLevel = 0
    var simpleKeyAllowed = false
    /// One slot per flow level (index 0 is the block context).
    var simpleKeys: [SimpleKey] = [SimpleKey()]
    /// Set after a quoted scalar or a flow collection end: a following `:` is a value indicator
    /// in flow context even without a space after it (JSON style `{"a":1}`).
    var adjacentValueAllowed = false
    /// Where the current document started, for `ReaderLimits.maxDocumentBytes`.
    var documentStart: Int

    /// Processed scalar text (escapes, folding, block scalars) for the queued tokens.
    var arena: [UInt8] = []
    /// Names of the queued anchor, alias, tag and directive tokens: anchor or alias name (or tag
    /// handle, %TAG handle) and tag suffix (or %TAG prefix).
    var names: [(text: String, suffix: String)] = []

    /// Column caches: one for the scanner's own indentation checks, one for the locations the
    /// parser asks for. Each sees increasing offsets, so long lines are counted once, not per token.
    var cachedLineStart = -1
    var cachedOffset = 0
    var cachedColumn = 0
    var locationLineStart = -1
    var locationOffset = 0
    var locationColumn = 0

    init(buffer: UnsafeBufferPointer<UInt8>, count: Int, start: Int, file: String?, limits: ReaderLimits) {
        self.buffer = buffer
        self.end = count
        self.file = file
        self.limits = limits
        self.pos = start
        self.lineStart = start
        self.documentStart = start
        tokens.reserveCapacity(16)
        arena.reserveCapacity(256)
    }

    // MARK: - Positions and errors

    /// The 0-based column (in Unicode scalars) of `offset` on the line that starts at `start`.
    mutating func column(of offset: Int, lineStart start: Int) -> Int {
        if start == cachedLineStart && offset >= cachedOffset {
            cachedColumn += TextValidation.scalarCount(in: buffer, from: cachedOffset, to: offset)
        } else {
            cachedColumn = TextValidation.scalarCount(in: buffer, from: start, to: offset)
            cachedLineStart = start
        }
        cachedOffset = offset
        return cachedColumn
    }

    mutating func location(offset: Int, line: Int, lineStart start: Int) -> SourceLocation {
        if start == locationLineStart && offset >= locationOffset {
            locationColumn += TextValidation.scalarCount(in: buffer, from: locationOffset, to: offset)
        } else {
            locationColumn = TextValidation.scalarCount(in: buffer, from: start, to: offset)
            locationLineStart = start
        }
        locationOffset = offset
        return SourceLocation(file: file, line: line, column: locationColumn + 1)
    }

    mutating func location(of token: YAMLToken) -> SourceLocation {
        location(offset: token.offset, line: token.line, lineStart: token.lineStart)
    }

    mutating func error(_ message: String, offset: Int, line: Int, lineStart: Int) -> ReadError {
        ReadError(location: location(offset: offset, line: line, lineStart: lineStart), message: message)
    }

    /// An error at the current position.
    mutating func error(_ message: String) -> ReadError {
        error(message, offset: pos, line: line, lineStart: lineStart)
    }

    @inline(__always) func isDocumentMarker(at offset: Int) -> Bool {
        let c = buffer[offset]
        guard c == Byte.minus || c == Byte.period else { return false }
        return buffer[offset + 1] == c && buffer[offset + 2] == c && Byte.isBlankOrEnd(buffer[offset + 3])
    }

    @inline(__always) mutating func consumeLineBreak() {
        if buffer[pos] == Byte.carriageReturn && buffer[pos + 1] == Byte.lineFeed {
            pos += 2
        } else {
            pos += 1
        }
        line += 1
        lineStart = pos
    }

    // MARK: - Token queue

    /// The next token, scanning more input when needed.
    mutating func peek() throws(ReadError) -> YAMLToken {
        try fetchMoreTokens()
        return tokens[head]
    }

    /// The kind of the next token.
    mutating func peekKind() throws(ReadError) -> YAMLTokenKind {
        try fetchMoreTokens()
        return tokens[head].kind
    }

    /// Consumes the token returned by the last `peek()`. Callers must take any scalar text out of
    /// the token (see `withValue(of:)`) before calling this: the arena is recycled once the queue is empty.
    mutating func advance() {
        head += 1
        tokensParsed += 1
        if head == tokens.count {
            tokens.removeAll(keepingCapacity: true)
            head = 0
            arena.removeAll(keepingCapacity: true)
            if !names.isEmpty { names.removeAll(keepingCapacity: true) }
        }
    }

    /// The name of an anchor or alias token, the handle of a tag or %TAG token.
    func text(of token: YAMLToken) -> String { names[token.valueStart].text }

    /// The suffix of a tag token, the prefix of a %TAG token.
    func suffix(of token: YAMLToken) -> String { names[token.valueStart].suffix }

    mutating func appendNamed(_ token: YAMLToken, text: String, suffix: String = "") {
        var token = token
        token.valueStart = names.count
        names.append((text, suffix))
        tokens.append(token)
    }

    /// Calls `body` with the bytes of a scalar token.
    @inline(__always)
    func withValue<R>(of token: YAMLToken, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if token.inArena {
            return arena.withUnsafeBufferPointer { arenaBuffer in
                body(UnsafeBufferPointer(rebasing: arenaBuffer[token.valueStart..<token.valueEnd]))
            }
        }
        return body(UnsafeBufferPointer(rebasing: buffer[token.valueStart..<token.valueEnd]))
    }

    /// The text of a scalar token as a String.
    func string(of token: YAMLToken) -> String {
        if token.inArena {
            return arena.withUnsafeBufferPointer { arenaBuffer in
                String(
                    decoding: UnsafeBufferPointer(rebasing: arenaBuffer[token.valueStart..<token.valueEnd]),
                    as: UTF8.self)
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[token.valueStart..<token.valueEnd]), as: UTF8.self)
    }

    mutating func fetchMoreTokens() throws(ReadError) {
        while true {
            if head < tokens.count {
                if simpleKeys.count == 1 && !simpleKeys[0].possible { return }
                // Staleness is checked by `fetchNextToken`; a key that went stale since then costs
                // at most one token of extra look-ahead.
                var waiting = false
                for key in simpleKeys where key.possible && key.tokenNumber == tokensParsed {
                    waiting = true
                    break
                }
                if !waiting || streamEnded { return }
            } else if streamEnded {
                // The parser never reads past STREAM-END; keep answering it if asked again.
                tokens.append(YAMLToken(.streamEnd, offset: pos, line: line, lineStart: lineStart))
                return
            }
            try fetchNextToken()
        }
    }

    @inline(__always) mutating func append(_ kind: YAMLTokenKind) {
        tokens.append(YAMLToken(kind, offset: pos, line: line, lineStart: lineStart))
    }

    // MARK: - Simple keys and indentation

    mutating func staleSimpleKeys() throws(ReadError) {
        for index in simpleKeys.indices where simpleKeys[index].possible {
            let key = simpleKeys[index]
            if key.line < line || pos - key.offset > 1024 {
                if key.required {
                    throw error(
                        "could not find the ':' that must follow this mapping key (an implicit key must end "
                            + "with ': ' on the same line); check the indentation",
                        offset: key.offset, line: key.line, lineStart: key.lineStart)
                }
                simpleKeys[index].possible = false
            }
        }
    }

    mutating func saveSimpleKey() throws(ReadError) {
        guard simpleKeyAllowed else { return }
        let required = flowLevel == 0 && indent == column(of: pos, lineStart: lineStart)
        try removeSimpleKey()
        simpleKeys[flowLevel] = SimpleKey(
            possible: true, required: required, tokenNumber: tokensParsed + tokens.count - head,
            offset: pos, line: line, lineStart: lineStart)
    }

    mutating func removeSimpleKey() throws(ReadError) {
        let key = simpleKeys[flowLevel]
        if key.possible && key.required {
            throw error(
                "could not find the ':' that must follow this mapping key; check the indentation",
                offset: key.offset, line: key.line, lineStart: key.lineStart)
        }
        simpleKeys[flowLevel].possible = false
    }

    mutating func unrollIndent(to column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd)
            indent = indents.popLast() ?? -1
        }
    }

    /// Opens a block collection at `column` if it is deeper than the current indentation. With a
    /// `tokenNumber`, the start token is inserted before that queued token (a simple key).
    mutating func rollIndent(
        column: Int, tokenNumber: Int?, kind: YAMLTokenKind, offset: Int, line: Int, lineStart: Int
    ) throws(ReadError) {
        guard flowLevel == 0, indent < column else { return }
        if indents.count > limits.maxDepth {
            throw error(
                "the document nests deeper than \(limits.maxDepth) levels (ReaderLimits.maxDepth)",
                offset: offset, line: line, lineStart: lineStart)
        }
        indents.append(indent)
        indent = column
        let token = YAMLToken(kind, offset: offset, line: line, lineStart: lineStart)
        if let tokenNumber {
            tokens.insert(token, at: head + tokenNumber - tokensParsed)
        } else {
            tokens.append(token)
        }
    }

    // MARK: - Dispatch

    mutating func fetchNextToken() throws(ReadError) {
        if !streamStarted {
            streamStarted = true
            simpleKeyAllowed = true
            append(.streamStart)
            return
        }
        try skipToNextToken()
        try staleSimpleKeys()
        if pos - documentStart > limits.maxDocumentBytes {
            throw error(
                "the document is larger than \(limits.maxDocumentBytes) bytes (ReaderLimits.maxDocumentBytes)")
        }
        if flowLevel == 0 {
            unrollIndent(to: column(of: pos, lineStart: lineStart))
        }
        let adjacent = adjacentValueAllowed
        adjacentValueAllowed = false
        let c = buffer[pos]
        if pos >= end {
            try fetchStreamEnd()
            return
        }
        if pos == lineStart {
            if c == Byte.percent {
                try fetchDirective()
                return
            }
            if isDocumentMarker(at: pos) {
                try fetchDocumentIndicator(c == Byte.minus ? .documentStart : .documentEnd)
                return
            }
        }
        let next = buffer[pos + 1]
        switch c {
        case Byte.leftBracket:
            try fetchFlowCollectionStart(.flowSequenceStart)
        case Byte.leftBrace:
            try fetchFlowCollectionStart(.flowMappingStart)
        case Byte.rightBracket:
            try fetchFlowCollectionEnd(.flowSequenceEnd)
        case Byte.rightBrace:
            try fetchFlowCollectionEnd(.flowMappingEnd)
        case Byte.comma:
            try fetchFlowEntry()
        case Byte.minus where Byte.isBlankOrEnd(next):
            try fetchBlockEntry()
        case Byte.question where Byte.isBlankOrEnd(next) || (flowLevel > 0 && Byte.isFlowIndicator(next)):
            try fetchKey()
        case Byte.colon
        where Byte.isBlankOrEnd(next) || (flowLevel > 0 && (Byte.isFlowIndicator(next) || adjacent)):
            try fetchValue()
        case Byte.asterisk:
            try fetchAnchorOrAlias(.alias)
        case Byte.ampersand:
            try fetchAnchorOrAlias(.anchor)
        case Byte.exclamation:
            try fetchTag()
        case Byte.pipe where flowLevel == 0:
            try fetchBlockScalar(folded: false)
        case Byte.greater where flowLevel == 0:
            try fetchBlockScalar(folded: true)
        case Byte.singleQuote:
            try fetchQuotedScalar(single: true)
        case Byte.doubleQuote:
            try fetchQuotedScalar(single: false)
        default:
            if canStartPlainScalar(c, next: next) {
                try fetchPlainScalar()
                return
            }
            throw error(cannotStartMessage(c))
        }
    }

    func canStartPlainScalar(_ c: UInt8, next: UInt8) -> Bool {
        switch c {
        case Byte.minus, Byte.question, Byte.colon:
            return !Byte.isBlankOrEnd(next) && !(flowLevel > 0 && Byte.isFlowIndicator(next))
        case Byte.comma, Byte.leftBracket, Byte.rightBracket, Byte.leftBrace, Byte.rightBrace, Byte.hash,
            Byte.ampersand, Byte.asterisk, Byte.exclamation, Byte.pipe, Byte.greater, Byte.singleQuote,
            Byte.doubleQuote, Byte.percent, Byte.at, Byte.backtick:
            return false
        default:
            return !Byte.isBlankOrEnd(c)
        }
    }

    func cannotStartMessage(_ c: UInt8) -> String {
        switch c {
        case Byte.at, Byte.backtick:
            return
                "found \(Byte.describe(c)), which YAML reserves and which cannot start a plain value; quote the value"
        case Byte.percent:
            return "found '%', which cannot start a plain value (a directive must start at column 1); quote the value"
        case Byte.minus:
            return "found a sequence entry '-' inside a flow collection, where only values separated by ',' are allowed"
        case Byte.pipe, Byte.greater:
            return
                "found \(Byte.describe(c)) inside a flow collection, where block scalars are not allowed; quote the value"
        default:
            return "found \(Byte.describe(c)), which cannot start a value here; quote the value"
        }
    }

    /// Skips spaces, tabs, comments and line breaks before the next token.
    mutating func skipToNextToken() throws(ReadError) {
        var tabInIndentation = -1
        while true {
            var c = buffer[pos]
            while c == Byte.space || c == Byte.tab {
                if c == Byte.tab && flowLevel == 0 && tabInIndentation < 0 && onlyBlanksBefore(pos) {
                    tabInIndentation = pos
                }
                pos += 1
                c = buffer[pos]
            }
            if c == Byte.hash {
                while c != 0 && !Byte.isBreak(c) {
                    pos += 1
                    c = buffer[pos]
                }
            }
            if Byte.isBreak(c) {
                consumeLineBreak()
                if flowLevel == 0 { simpleKeyAllowed = true }
                tabInIndentation = -1
                continue
            }
            break
        }
        if tabInIndentation >= 0 && pos < end {
            throw error(
                "found a tab character in indentation; YAML indents with spaces only",
                offset: tabInIndentation, line: line, lineStart: lineStart)
        }
    }

    /// Whether only spaces and tabs precede `offset` on its line (it is in the indentation).
    func onlyBlanksBefore(_ offset: Int) -> Bool {
        var index = lineStart
        while index < offset {
            if !Byte.isBlank(buffer[index]) { return false }
            index += 1
        }
        return true
    }

    // MARK: - Structure tokens

    mutating func fetchStreamEnd() throws(ReadError) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        // Nothing follows the end, so no pending simple key can get its ':' any more.
        for index in simpleKeys.indices { simpleKeys[index].possible = false }
        simpleKeyAllowed = false
        append(.streamEnd)
        streamEnded = true
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLTokenKind) throws(ReadError) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        append(kind)
        documentStart = pos
        pos += 3
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLTokenKind) throws(ReadError) {
        try saveSimpleKey()
        if flowLevel >= limits.maxDepth {
            throw error("the document nests deeper than \(limits.maxDepth) levels (ReaderLimits.maxDepth)")
        }
        flowLevel += 1
        simpleKeys.append(SimpleKey())
        simpleKeyAllowed = true
        append(kind)
        pos += 1
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLTokenKind) throws(ReadError) {
        try removeSimpleKey()
        if flowLevel > 0 {
            flowLevel -= 1
            simpleKeys.removeLast()
        }
        simpleKeyAllowed = false
        append(kind)
        pos += 1
        adjacentValueAllowed = true
    }

    mutating func fetchFlowEntry() throws(ReadError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        append(.flowEntry)
        pos += 1
    }

    mutating func fetchBlockEntry() throws(ReadError) {
        if flowLevel == 0 {
            if !simpleKeyAllowed {
                throw error(
                    "found a sequence entry '- ' where it is not allowed (a sequence cannot start on the same line "
                        + "as a mapping key); move it to its own line")
            }
            try rollIndent(
                column: column(of: pos, lineStart: lineStart), tokenNumber: nil, kind: .blockSequenceStart,
                offset: pos, line: line, lineStart: lineStart)
        } else {
            throw error(
                "found a sequence entry '- ' inside a flow collection, where only values separated by ',' are allowed")
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        append(.blockEntry)
        pos += 1
    }

    mutating func fetchKey() throws(ReadError) {
        if flowLevel == 0 {
            if !simpleKeyAllowed {
                throw error("found a mapping key indicator '? ' where a key is not allowed")
            }
            try rollIndent(
                column: column(of: pos, lineStart: lineStart), tokenNumber: nil, kind: .blockMappingStart,
                offset: pos, line: line, lineStart: lineStart)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        append(.key)
        pos += 1
    }

    mutating func fetchValue() throws(ReadError) {
        let key = simpleKeys[flowLevel]
        if key.possible {
            tokens.insert(
                YAMLToken(.key, offset: key.offset, line: key.line, lineStart: key.lineStart),
                at: head + key.tokenNumber - tokensParsed)
            if flowLevel == 0 {
                try rollIndent(
                    column: column(of: key.offset, lineStart: key.lineStart), tokenNumber: key.tokenNumber,
                    kind: .blockMappingStart, offset: key.offset, line: key.line, lineStart: key.lineStart)
            }
            simpleKeys[flowLevel].possible = false
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                if !simpleKeyAllowed {
                    throw error(
                        "found ': ' where a mapping value is not allowed; a plain value cannot contain ': ' "
                            + "(quote it), and a key must start its own line")
                }
                try rollIndent(
                    column: column(of: pos, lineStart: lineStart), tokenNumber: nil, kind: .blockMappingStart,
                    offset: pos, line: line, lineStart: lineStart)
            }
            simpleKeyAllowed = flowLevel == 0
        }
        append(.value)
        pos += 1
    }

    // MARK: - Anchors, aliases, tags, directives

    mutating func fetchAnchorOrAlias(_ kind: YAMLTokenKind) throws(ReadError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let token = YAMLToken(kind, offset: pos, line: line, lineStart: lineStart)
        pos += 1
        let nameStart = pos
        while true {
            let c = buffer[pos]
            if Byte.isBlankOrEnd(c) || Byte.isFlowIndicator(c) { break }
            if c == Byte.colon && Byte.isBlankOrEnd(buffer[pos + 1]) { break }
            pos += 1
        }
        if pos == nameStart {
            let what = kind == .alias ? "an alias name after '*'" : "an anchor name after '&'"
            throw error("expected \(what), found \(Byte.describe(buffer[pos]))")
        }
        appendNamed(
            token, text: String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<pos]), as: UTF8.self))
    }

    mutating func fetchTag() throws(ReadError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let token = YAMLToken(.tag, offset: pos, line: line, lineStart: lineStart)
        var handle = ""
        var suffix = ""
        if buffer[pos + 1] == Byte.less {
            // Verbatim tag: !<uri>
            pos += 2
            let start = pos
            while buffer[pos] != Byte.greater {
                let c = buffer[pos]
                guard Byte.isTagCharacter(c) || c == Byte.exclamation || Byte.isFlowIndicator(c) else {
                    throw error("expected '>' to close the verbatim tag, found \(Byte.describe(c))")
                }
                pos += 1
            }
            if pos == start { throw error("found an empty verbatim tag '!<>'") }
            suffix = try decodeURI(start, pos)
            pos += 1
        } else {
            // Handle: "!", "!!" or "!name!".
            var probe = pos + 1
            while Byte.isAlpha(buffer[probe]) || Byte.isDigit(buffer[probe]) || buffer[probe] == Byte.minus
                || buffer[probe] == Byte.underscore
            {
                probe += 1
            }
            if buffer[probe] == Byte.exclamation {
                handle = String(decoding: UnsafeBufferPointer(rebasing: buffer[pos...probe]), as: UTF8.self)
                pos = probe + 1
            } else {
                handle = "!"
                pos += 1
            }
            let start = pos
            while Byte.isTagCharacter(buffer[pos]) { pos += 1 }
            suffix = try decodeURI(start, pos)
            if suffix.isEmpty {
                if handle == "!" {
                    // The non-specific tag "!".
                    handle = ""
                    suffix = "!"
                } else {
                    throw error("expected a tag name after '\(handle)', found \(Byte.describe(buffer[pos]))")
                }
            }
        }
        let c = buffer[pos]
        if !Byte.isBlankOrEnd(c) && !(flowLevel > 0 && Byte.isFlowIndicator(c)) {
            throw error("expected a space after the tag, found \(Byte.describe(c))")
        }
        appendNamed(token, text: handle, suffix: suffix)
    }

    /// The text of `buffer[start..<end]` with `%XX` escapes decoded.
    mutating func decodeURI(_ start: Int, _ stop: Int) throws(ReadError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stop - start)
        var index = start
        while index < stop {
            let c = buffer[index]
            if c == Byte.percent {
                guard let high = Byte.hexValue(buffer[index + 1]), let low = Byte.hexValue(buffer[index + 2]) else {
                    throw error(
                        "expected two hexadecimal digits after '%' in a tag", offset: index, line: line,
                        lineStart: lineStart)
                }
                bytes.append(UInt8(high << 4 | low))
                index += 3
            } else {
                bytes.append(c)
                index += 1
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else {
            throw error("a tag's %-escapes do not form valid UTF-8", offset: start, line: line, lineStart: lineStart)
        }
        return text
    }

    mutating func fetchDirective() throws(ReadError) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        var token = YAMLToken(.versionDirective, offset: pos, line: line, lineStart: lineStart)
        pos += 1
        let nameStart = pos
        while !Byte.isBlankOrEnd(buffer[pos]) { pos += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<pos]), as: UTF8.self)
        var text = ""
        var suffix = ""
        switch name {
        case "YAML":
            try skipDirectiveBlanks(required: true)
            let major = try scanVersionNumber()
            guard buffer[pos] == Byte.period else {
                throw error("expected '.' in the %YAML version, found \(Byte.describe(buffer[pos]))")
            }
            pos += 1
            let minor = try scanVersionNumber()
            guard major == 1 else {
                throw error(
                    "found %YAML \(major).\(minor); this reader understands YAML 1.x documents",
                    offset: token.offset, line: token.line, lineStart: token.lineStart)
            }
            text = "\(major).\(minor)"
        case "TAG":
            token.kind = .tagDirective
            try skipDirectiveBlanks(required: true)
            let handleStart = pos
            guard buffer[pos] == Byte.exclamation else {
                throw error("expected a tag handle starting with '!', found \(Byte.describe(buffer[pos]))")
            }
            pos += 1
            while Byte.isAlpha(buffer[pos]) || Byte.isDigit(buffer[pos]) || buffer[pos] == Byte.minus
                || buffer[pos] == Byte.underscore
            {
                pos += 1
            }
            if buffer[pos] == Byte.exclamation {
                pos += 1
            } else if pos != handleStart + 1 {
                throw error("expected '!' to close the tag handle, found \(Byte.describe(buffer[pos]))")
            }
            text = String(decoding: UnsafeBufferPointer(rebasing: buffer[handleStart..<pos]), as: UTF8.self)
            try skipDirectiveBlanks(required: true)
            let prefixStart = pos
            while Byte.isTagCharacter(buffer[pos]) || buffer[pos] == Byte.exclamation
                || Byte.isFlowIndicator(buffer[pos])
            {
                pos += 1
            }
            if pos == prefixStart {
                throw error("expected a tag prefix after the tag handle, found \(Byte.describe(buffer[pos]))")
            }
            suffix = try decodeURI(prefixStart, pos)
        default:
            // A reserved directive: ignored, as the YAML specification asks.
            token.kind = .reservedDirective
            while buffer[pos] != 0 && !Byte.isBreak(buffer[pos]) { pos += 1 }
        }
        while Byte.isBlank(buffer[pos]) { pos += 1 }
        if buffer[pos] == Byte.hash {
            while buffer[pos] != 0 && !Byte.isBreak(buffer[pos]) { pos += 1 }
        }
        if !Byte.isBreak(buffer[pos]) && pos < end {
            throw error("expected the end of the line after the directive, found \(Byte.describe(buffer[pos]))")
        }
        appendNamed(token, text: text, suffix: suffix)
    }

    mutating func skipDirectiveBlanks(required: Bool) throws(ReadError) {
        let start = pos
        while Byte.isBlank(buffer[pos]) { pos += 1 }
        if required && pos == start {
            throw error("expected a space in the directive, found \(Byte.describe(buffer[pos]))")
        }
    }

    mutating func scanVersionNumber() throws(ReadError) -> Int {
        var value = 0
        let start = pos
        while Byte.isDigit(buffer[pos]) {
            value = value * 10 + Int(buffer[pos] - Byte.zero)
            pos += 1
            if pos - start > 6 { throw error("the %YAML version number is too long") }
        }
        if pos == start {
            throw error("expected a digit in the %YAML version, found \(Byte.describe(buffer[pos]))")
        }
        return value
    }
}
