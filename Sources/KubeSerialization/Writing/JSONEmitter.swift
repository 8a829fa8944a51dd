/// The non-generic engine behind ``JSONWriter``: an event state machine writing JSON into an ``OutputBuffer``.
struct JSONEmitter {
    private struct Frame {
        var isObject: Bool
        var awaitingValue: Bool = false
        var count: Int = 0
    }

    private enum DocumentState {
        case between
        case awaitingRoot
        case complete
    }

    var out: OutputBuffer
    private var frames = FrameStack<Frame>(capacity: 32)
    private var document: DocumentState = .between
    private var documentsStarted = 0
    /// Spaces per level, 0 when compact.
    private let indentWidth: Int
    /// Whether each document is followed by a line feed.
    private let terminatesDocuments: Bool

    init(capacity: Int, options: JSONWriterOptions) {
        out = OutputBuffer(capacity: capacity)
        switch options.layout {
        case .compact:
            indentWidth = 0
            terminatesDocuments = false
        case .pretty(let indent):
            indentWidth = max(indent, 1)
            terminatesDocuments = true
        case .newlineDelimited:
            indentWidth = 0
            terminatesDocuments = true
        }
    }

    /// Frees the output buffer and the frame stack; called once, by the owning writer's `deinit`.
    func deallocate() {
        out.deallocate()
        frames.deallocate()
    }

    // MARK: Documents

    /// Starts a document; a previous document whose root value is complete is ended first.
    mutating func beginDocument() throws {
        if frames.isEmpty && document == .complete { try endDocument() }
        guard frames.isEmpty, document == .between else {
            throw StructuredWriterError.invalidEvent(
                "beginDocument() inside an open document; call endDocument() first")
        }
        if documentsStarted > 0 && !terminatesDocuments { out.append(0x0A) }
        documentsStarted += 1
        document = .awaitingRoot
    }

    mutating func endDocument() throws {
        guard frames.isEmpty else {
            throw StructuredWriterError.invalidEvent(
                "endDocument() with \(frames.count) unclosed object(s) or array(s)")
        }
        switch document {
        case .between:
            throw StructuredWriterError.invalidEvent("endDocument() without an open document")
        case .awaitingRoot:
            out.append("null")
        case .complete:
            break
        }
        if terminatesDocuments { out.append(0x0A) }
        document = .between
    }

    mutating func finish() throws {
        guard frames.isEmpty else {
            throw StructuredWriterError.invalidEvent("finish() with \(frames.count) unclosed object(s) or array(s)")
        }
        if document != .between { try endDocument() }
    }

    // MARK: Structure

    @inline(__always)
    private mutating func newlineAndIndent(depth: Int) {
        out.append(0x0A)
        out.appendSpaces(depth * indentWidth)
    }

    @inline(__always)
    private mutating func beginValue() throws {
        let last = frames.count - 1
        if last < 0 {
            switch document {
            case .between: try beginDocument()
            case .awaitingRoot: break
            case .complete:
                throw StructuredWriterError.invalidEvent(
                    "a document holds one root value; call endDocument() before writing another")
            }
            return
        }
        if frames[last].isObject {
            guard frames[last].awaitingValue else {
                throw StructuredWriterError.invalidEvent("an object member needs a key first; call key(_:)")
            }
            return
        }
        if frames[last].count > 0 { out.append(UInt8(ascii: ",")) }
        if indentWidth > 0 { newlineAndIndent(depth: frames.count) }
    }

    @inline(__always)
    private mutating func endValue() {
        let last = frames.count - 1
        if last < 0 {
            document = .complete
        } else {
            frames[last].count += 1
            frames[last].awaitingValue = false
        }
    }

    mutating func beginMapping() throws {
        try beginValue()
        out.append(UInt8(ascii: "{"))
        frames.append(Frame(isObject: true))
    }

    mutating func endMapping() throws {
        guard let top = frames.last, top.isObject else {
            throw StructuredWriterError.invalidEvent("endMapping() without an open object")
        }
        guard !top.awaitingValue else {
            throw StructuredWriterError.invalidEvent("endMapping() after a key without a value")
        }
        frames.removeLast()
        if top.count > 0 && indentWidth > 0 { newlineAndIndent(depth: frames.count) }
        out.append(UInt8(ascii: "}"))
        endValue()
    }

    mutating func beginSequence() throws {
        try beginValue()
        out.append(UInt8(ascii: "["))
        frames.append(Frame(isObject: false))
    }

    mutating func endSequence() throws {
        guard let top = frames.last, !top.isObject else {
            throw StructuredWriterError.invalidEvent("endSequence() without an open array")
        }
        frames.removeLast()
        if top.count > 0 && indentWidth > 0 { newlineAndIndent(depth: frames.count) }
        out.append(UInt8(ascii: "]"))
        endValue()
    }

    mutating func key(_ key: String) throws {
        let last = frames.count - 1
        guard last >= 0, frames[last].isObject else {
            throw StructuredWriterError.invalidEvent("key(_:) outside an object")
        }
        guard !frames[last].awaitingValue else {
            throw StructuredWriterError.invalidEvent("key(_:) twice in a row; the previous key has no value")
        }
        if frames[last].count > 0 { out.append(UInt8(ascii: ",")) }
        if indentWidth > 0 { newlineAndIndent(depth: frames.count) }
        writeString(key)
        if indentWidth > 0 {
            out.append(UInt8(ascii: ":"), 0x20)
        } else {
            out.append(UInt8(ascii: ":"))
        }
        frames[last].awaitingValue = true
    }

    // MARK: Scalars

    mutating func string(_ value: String) throws {
        try beginValue()
        writeString(value)
        endValue()
    }

    mutating func int(_ value: Int64) throws {
        try beginValue()
        out.appendDecimal(value)
        endValue()
    }

    mutating func int(_ value: UInt64) throws {
        try beginValue()
        out.appendDecimal(value)
        endValue()
    }

    mutating func double(_ value: Double) throws {
        guard value.isFinite else { throw StructuredWriterError.nonFiniteNumber(value) }
        try beginValue()
        out.appendDouble(value, mantissaNeedsPoint: false)
        endValue()
    }

    mutating func bool(_ value: Bool) throws {
        try beginValue()
        out.append(value ? "true" : "false")
        endValue()
    }

    mutating func null() throws {
        try beginValue()
        out.append("null")
        endValue()
    }

    mutating func value(_ value: JSONValue) throws {
        switch value {
        case .null: try null()
        case .bool(let flag): try bool(flag)
        case .int(let number): try int(number)
        case .double(let number): try double(number)
        case .string(let text): try string(text)
        case .array(let elements):
            try beginSequence()
            for element in elements { try self.value(element) }
            try endSequence()
        case .object(let members):
            try beginMapping()
            for name in members.keys.sorted() {
                try key(name)
                try self.value(members[name] ?? .null)
            }
            try endMapping()
        }
    }

    /// Writes a JSON string: `"` and `\` escaped, control characters as `\n \t \r \b \f` or
    /// `\u00XX`, everything else (DEL, all non-ASCII, `/`) as is.
    @inline(__always)
    private mutating func writeString(_ value: String) {
        withUTF8Bytes(of: value) { writeString(bytes: $0) }
    }

    private mutating func writeString(bytes: UnsafeBufferPointer<UInt8>) {
        if ByteScanning.allQuietForJSON(bytes) {
            out.reserve(bytes.count &+ 2)
            out.appendReserved(UInt8(ascii: "\""))
            out.append(bytes)
            out.appendReserved(UInt8(ascii: "\""))
            return
        }
        let n = bytes.count
        out.reserve(n + 2)
        out.appendReserved(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < n {
            if i &+ 8 <= n && ByteScanning.isQuietForJSON(ByteScanning.load(bytes, at: i)) {
                i &+= 8
                continue
            }
            let byte = bytes[i]
            i &+= 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)]))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x09: out.append(UInt8(ascii: "\\"), UInt8(ascii: "t"))
            case 0x0D: out.append(UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x08: out.append(UInt8(ascii: "\\"), UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\"), UInt8(ascii: "f"))
            default:
                out.append("\\u00")
                out.append(YAMLEmitter.hexDigit(Int(byte >> 4)), YAMLEmitter.hexDigit(Int(byte & 0xF)))
            }
            runStart = i
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        out.append(UInt8(ascii: "\""))
    }
}
