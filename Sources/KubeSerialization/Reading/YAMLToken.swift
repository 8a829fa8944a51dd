/// The kinds of token the YAML scanner produces.
enum YAMLTokenKind: UInt8 {
    case streamStart
    case streamEnd
    case versionDirective
    case tagDirective
    /// A directive other than %YAML and %TAG: ignored, but like them it must be followed by `---`.
    case reservedDirective
    case documentStart
    case documentEnd
    case blockSequenceStart
    case blockMappingStart
    case blockEnd
    case flowSequenceStart
    case flowSequenceEnd
    case flowMappingStart
    case flowMappingEnd
    case blockEntry
    case flowEntry
    case key
    case value
    case alias
    case anchor
    case tag
    case scalar

    /// How the token reads in a message ("found ...").
    var phrase: String {
        switch self {
        case .streamStart: return "the start of the input"
        case .streamEnd: return "the end of the input"
        case .versionDirective: return "a %YAML directive"
        case .tagDirective: return "a %TAG directive"
        case .reservedDirective: return "a directive"
        case .documentStart: return "a document start marker '---'"
        case .documentEnd: return "a document end marker '...'"
        case .blockSequenceStart: return "the start of a sequence"
        case .blockMappingStart: return "the start of a mapping"
        case .blockEnd: return "the end of an indented block"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "a sequence entry '- '"
        case .flowEntry: return "','"
        case .key: return "a mapping key"
        case .value: return "':'"
        case .alias: return "an alias"
        case .anchor: return "an anchor"
        case .tag: return "a tag"
        case .scalar: return "a scalar value"
        }
    }
}

/// The presentation style of a scalar; only plain scalars go through implicit type resolution.
enum YAMLScalarStyle: UInt8 {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// One token: its kind, where it starts, and for scalars where its (processed) bytes are.
struct YAMLToken {
    var kind: YAMLTokenKind
    /// Byte offset of the first character of the token.
    var offset: Int
    /// 1-based line of ``offset``.
    var line: Int
    /// Byte offset of the start of that line.
    var lineStart: Int
    var style: YAMLScalarStyle = .plain
    /// Whether ``valueStart``..<``valueEnd`` index the scanner's arena (processed text) or the input.
    var inArena: Bool = false
    /// For scalars, the start of the text; for anchors, aliases, tags and directives, the index of
    /// their name in the scanner's `names` (the token itself holds no references, so copying it is cheap).
    var valueStart: Int = 0
    var valueEnd: Int = 0

    init(_ kind: YAMLTokenKind, offset: Int, line: Int, lineStart: Int) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.lineStart = lineStart
    }
}
