/// The non-generic engine behind ``YAMLWriter``: an event state machine that lays out block-style
/// YAML (kubectl layout) directly into an ``OutputBuffer``.
///
/// Layout: 2-space indentation; a sequence inside a mapping starts at the key's column
/// ("compact"); a mapping or sequence inside a sequence item starts on the `- ` line; empty
/// collections are `{}` and `[]`.
struct YAMLEmitter {
    /// Where the output cursor is, relative to the structure.
    private enum LineState {
        /// At column 0 of a fresh line.
        case lineStart
        /// Just after `key:` (or an explicit `:`), on the same line.
        case afterColon
        /// Just after `- `, at the column of the item's content.
        case afterDash
    }

    private struct Frame {
        var isMapping: Bool
        /// Whether the collection began right after `key:` (so an empty one needs a leading space).
        var openedAfterColon: Bool
        /// Mapping: whether a key has been written whose value has not.
        var awaitingValue: Bool = false
        /// Column of the keys (mapping) or of the dashes (sequence).
        var indent: Int
        var count: Int = 0
    }

    private enum DocumentState {
        case between
        case awaitingRoot
        case complete
    }

    /// Keys whose written form is longer than this many bytes use explicit `? key` syntax;
    /// YAML readers accept implicit keys of up to 1024 characters.
    static let implicitKeyLimit = 1000

    var out: OutputBuffer
    private var frames = FrameStack<Frame>(capacity: 32)
    private var line: LineState = .lineStart
    private var document: DocumentState = .between
    private var documentsStarted = 0

    init(capacity: Int) {
        out = OutputBuffer(capacity: capacity)
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
        if documentsStarted > 0 { out.append("---\n") }
        documentsStarted += 1
        document = .awaitingRoot
        line = .lineStart
    }

    mutating func endDocument() throws {
        guard frames.isEmpty else {
            throw StructuredWriterError.invalidEvent(
                "endDocument() with \(frames.count) unclosed mapping(s) or sequence(s)")
        }
        switch document {
        case .between:
            throw StructuredWriterError.invalidEvent("endDocument() without an open document")
        case .awaitingRoot:
            out.append("null\n")
        case .complete:
            break
        }
        document = .between
        line = .lineStart
    }

    /// Ends an open document, if any, before a flush at the end of output.
    mutating func finish() throws {
        guard frames.isEmpty else {
            throw StructuredWriterError.invalidEvent(
                "finish() with \(frames.count) unclosed mapping(s) or sequence(s)")
        }
        if document != .between { try endDocument() }
    }

    // MARK: Value positions

    /// Geometry of the position a value is about to be written at.
    private struct Slot {
        /// A space is needed before an inline value (after `key:`).
        var needsSpace: Bool
        /// Column of the keys of a mapping written here.
        var mappingIndent: Int
        /// Column of the dashes of a sequence written here.
        var sequenceIndent: Int
        /// Column of the content lines of a block scalar written here.
        var blockIndent: Int
        var isRoot: Bool
    }

    /// Validates that a value may come next and writes what precedes it (a sequence item's `- `).
    @inline(__always)
    private mutating func beginValue() throws -> Slot {
        guard let top = frames.last else {
            switch document {
            case .between: try beginDocument()
            case .awaitingRoot: break
            case .complete:
                throw StructuredWriterError.invalidEvent(
                    "a document holds one root value; call endDocument() before writing another")
            }
            return Slot(needsSpace: false, mappingIndent: 0, sequenceIndent: 0, blockIndent: 2, isRoot: true)
        }
        if top.isMapping {
            guard top.awaitingValue else {
                throw StructuredWriterError.invalidEvent("a mapping value needs a key first; call key(_:)")
            }
            let k = top.indent
            return Slot(needsSpace: true, mappingIndent: k + 2, sequenceIndent: k, blockIndent: k + 2, isRoot: false)
        }
        let d = top.indent
        switch line {
        case .lineStart: out.appendSpaces(d)
        case .afterColon:
            out.append(0x0A)
            out.appendSpaces(d)
        case .afterDash: break
        }
        out.append(UInt8(ascii: "-"), 0x20)
        line = .afterDash
        return Slot(needsSpace: false, mappingIndent: d + 2, sequenceIndent: d + 2, blockIndent: d + 2, isRoot: false)
    }

    /// Records that the value at the current position is complete.
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

    // MARK: Collections

    mutating func beginMapping() throws {
        let slot = try beginValue()
        frames.append(Frame(isMapping: true, openedAfterColon: slot.needsSpace, indent: slot.mappingIndent))
    }

    mutating func endMapping() throws {
        guard let top = frames.last, top.isMapping else {
            throw StructuredWriterError.invalidEvent("endMapping() without an open mapping")
        }
        guard !top.awaitingValue else {
            throw StructuredWriterError.invalidEvent("endMapping() after a key without a value")
        }
        frames.removeLast()
        if top.count == 0 {
            if top.openedAfterColon { out.append(0x20) }
            out.append("{}\n")
            line = .lineStart
        }
        endValue()
    }

    mutating func beginSequence() throws {
        let slot = try beginValue()
        frames.append(Frame(isMapping: false, openedAfterColon: slot.needsSpace, indent: slot.sequenceIndent))
    }

    mutating func endSequence() throws {
        guard let top = frames.last, !top.isMapping else {
            throw StructuredWriterError.invalidEvent("endSequence() without an open sequence")
        }
        frames.removeLast()
        if top.count == 0 {
            if top.openedAfterColon { out.append(0x20) }
            out.append("[]\n")
            line = .lineStart
        }
        endValue()
    }

    mutating func key(_ key: String) throws {
        let last = frames.count - 1
        guard last >= 0, frames[last].isMapping else {
            throw StructuredWriterError.invalidEvent("key(_:) outside a mapping")
        }
        guard !frames[last].awaitingValue else {
            throw StructuredWriterError.invalidEvent("key(_:) twice in a row; the previous key has no value")
        }
        let indent = frames[last].indent
        switch line {
        case .lineStart: out.appendSpaces(indent)
        case .afterColon:
            out.append(0x0A)
            out.appendSpaces(indent)
        case .afterDash: break
        }
        let start = out.count
        withUTF8Bytes(of: key) { bytes in
            writeScalar(bytes, style: YAMLEmitStyle.choose(for: bytes, isKey: true), blockIndent: 0)
        }
        if out.count - start > YAMLEmitter.implicitKeyLimit {
            // Too long for an implicit key: `? key` then `:` on the next line at the same column.
            out.insert("? ", at: start)
            out.append(0x0A)
            out.appendSpaces(indent)
            out.append(UInt8(ascii: ":"))
        } else {
            out.append(UInt8(ascii: ":"))
        }
        frames[last].awaitingValue = true
        line = .afterColon
    }

    // MARK: Scalars

    mutating func string(_ value: String) throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        withUTF8Bytes(of: value) { bytes in
            let style = YAMLEmitStyle.choose(for: bytes, isKey: false, literalNeedsNoIndicator: slot.isRoot)
            writeScalar(bytes, style: style, blockIndent: slot.blockIndent)
        }
        finishScalarLine()
    }

    mutating func int(_ value: Int64) throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        out.appendDecimal(value)
        finishScalarLine()
    }

    mutating func int(_ value: UInt64) throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        out.appendDecimal(value)
        finishScalarLine()
    }

    /// Writes a double; NaN and infinities, which YAML can represent, are `.nan`, `.inf` and `-.inf`.
    mutating func double(_ value: Double) throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        if value.isNaN {
            out.append(".nan")
        } else if value.isInfinite {
            out.append(value < 0 ? "-.inf" : ".inf")
        } else {
            out.appendDouble(value, mantissaNeedsPoint: true)
        }
        finishScalarLine()
    }

    mutating func bool(_ value: Bool) throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        out.append(value ? "true" : "false")
        finishScalarLine()
    }

    mutating func null() throws {
        let slot = try beginValue()
        if slot.needsSpace { out.append(0x20) }
        out.append("null")
        finishScalarLine()
    }

    @inline(__always)
    private mutating func finishScalarLine() {
        if out.base[out.count - 1] != 0x0A { out.append(0x0A) }
        line = .lineStart
        endValue()
    }

    /// Writes a whole JSON value, object members in sorted key order.
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

    // MARK: Scalar styles

    private mutating func writeScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLEmitStyle, blockIndent: Int) {
        switch style {
        case .plain:
            out.append(bytes)
        case .singleQuoted:
            writeSingleQuoted(bytes)
        case .doubleQuoted:
            writeDoubleQuoted(bytes)
        case .literal(let indicator):
            writeLiteral(bytes, indent: blockIndent, indicator: indicator)
        }
    }

    private mutating func writeSingleQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.reserve(bytes.count + 2)
        out.appendReserved(UInt8(ascii: "'"))
        var runStart = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "'") {
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            out.append(UInt8(ascii: "'"))
            runStart = index + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        out.append(UInt8(ascii: "'"))
    }

    private mutating func writeDoubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        out.reserve(n + 2)
        out.appendReserved(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            var escapeLength = 1
            var escape: StaticString? = nil
            var hexEscape: (prefix: UInt8, value: UInt32)? = nil
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x00: escape = "\\0"
            case 0x07: escape = "\\a"
            case 0x08: escape = "\\b"
            case 0x09: escape = "\\t"
            case 0x0A: escape = "\\n"
            case 0x0B: escape = "\\v"
            case 0x0C: escape = "\\f"
            case 0x0D: escape = "\\r"
            case 0x1B: escape = "\\e"
            case 0x00..<0x20, 0x7F:
                hexEscape = (UInt8(ascii: "x"), UInt32(byte))
            case 0xC2 where i + 1 < n && bytes[i + 1] < 0xA0:
                escapeLength = 2
                if bytes[i + 1] == 0x85 {
                    escape = "\\N"
                } else {
                    hexEscape = (UInt8(ascii: "x"), UInt32(bytes[i + 1]))
                }
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escapeLength = 3
                escape = bytes[i + 2] == 0xA8 ? "\\L" : "\\P"
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                escapeLength = 3
                hexEscape = (UInt8(ascii: "u"), 0xFEFF)
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                escapeLength = 3
                hexEscape = (UInt8(ascii: "u"), bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF)
            default:
                // Any other non-ASCII byte is part of a printable character: copied as is.
                i += 1
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            if let escape {
                out.append(escape)
            } else if let hex = hexEscape {
                out.append(UInt8(ascii: "\\"), hex.prefix)
                let digits = hex.prefix == UInt8(ascii: "x") ? 2 : 4
                for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                    out.append(YAMLEmitter.hexDigit(Int((hex.value >> UInt32(shift)) & 0xF)))
                }
            }
            i += escapeLength
            runStart = i
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    static func hexDigit(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(0x30 + value) : UInt8(0x41 - 10 + value)
    }

    /// Writes `|`, `|-` or `|+` (with `2` when the first line starts with a space or TAB), then each line
    /// indented by `indent` spaces; empty lines are written without indentation.
    private mutating func writeLiteral(_ bytes: UnsafeBufferPointer<UInt8>, indent: Int, indicator: Bool) {
        var end = bytes.count
        var trailingNewlines = 0
        while end > 0 && bytes[end - 1] == 0x0A {
            end -= 1
            trailingNewlines += 1
        }
        out.append(UInt8(ascii: "|"))
        if indicator { out.append(UInt8(ascii: "2")) }
        if trailingNewlines == 0 {
            out.append(UInt8(ascii: "-"))
        } else if trailingNewlines > 1 {
            out.append(UInt8(ascii: "+"))
        }
        out.append(0x0A)
        var lineStart = 0
        while lineStart <= end {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart {
                out.appendSpaces(indent)
                out.append(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
            }
            out.append(0x0A)
            lineStart = lineEnd + 1
        }
        // The final line break of the content was written above; kept extra ones follow.
        if trailingNewlines > 1 {
            for _ in 1..<trailingNewlines { out.append(0x0A) }
        }
    }
}
