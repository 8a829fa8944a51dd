// The YAML parser and composer: tokens in, `Node` trees out.
//
// The grammar is the usual one for YAML token streams (block and flow collections, indentless
// sequences as mapping values, single-pair mappings inside flow sequences). Instead of recursing
// once per nesting level it keeps an explicit stack of open collections, so neither hostile nor
// merely deep input can overflow the thread's stack, whatever thread the reader runs on.

/// A tag, reduced to what matters for building JSON-compatible nodes.
enum YAMLNodeTag: Equatable {
    case string
    case integer
    case float
    case boolean
    case null
    case binary
    case timestamp
    case mapping
    case sequence
    case merge
    /// `!`: the node is a string if it is a scalar.
    case nonSpecific
    /// Any other tag (`!Ref`, `!!set`, `tag:example.com,2024:x`): ignored, scalars stay strings.
    case other(String)

    init(fullName: String) {
        switch fullName {
        case "tag:yaml.org,2002:str": self = .string
        case "tag:yaml.org,2002:int": self = .integer
        case "tag:yaml.org,2002:float": self = .float
        case "tag:yaml.org,2002:bool": self = .boolean
        case "tag:yaml.org,2002:null": self = .null
        case "tag:yaml.org,2002:binary": self = .binary
        case "tag:yaml.org,2002:timestamp": self = .timestamp
        case "tag:yaml.org,2002:map": self = .mapping
        case "tag:yaml.org,2002:seq": self = .sequence
        case "tag:yaml.org,2002:merge": self = .merge
        default: self = .other(fullName)
        }
    }

    /// The short spelling for messages (`!!int`).
    var shortName: String {
        switch self {
        case .string: return "!!str"
        case .integer: return "!!int"
        case .float: return "!!float"
        case .boolean: return "!!bool"
        case .null: return "!!null"
        case .binary: return "!!binary"
        case .timestamp: return "!!timestamp"
        case .mapping: return "!!map"
        case .sequence: return "!!seq"
        case .merge: return "!!merge"
        case .nonSpecific: return "!"
        case .other(let name): return name
        }
    }
}

/// A scalar after tag handling, before it becomes a node or a key.
enum YAMLScalarValue {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
}

struct YAMLComposer {
    struct Anchor {
        var node: Node
        /// The number of nodes in the anchored subtree, aliases expanded.
        var size: Int
        /// How many collection levels the subtree has (0 for a scalar).
        var height = 0
    }

    struct Frame {
        enum Kind: UInt8 {
            case blockSequence
            case indentlessSequence
            case blockMapping
            case flowSequence
            case flowMapping
            /// A single-pair mapping inside a flow sequence: `[a: b]`.
            case flowPair
        }

        enum Phase: UInt8 {
            case entry
            case awaitingKey
            case afterKey
            case awaitingValue
            case done
        }

        var kind: Kind
        var phase: Phase = .entry
        var first = true
        var location: SourceLocation
        var anchor: String?
        var nodeCountAtStart: Int
        /// The greatest height among the values added so far.
        var childHeight = 0
        var items: [Node] = []
        var entries: [Node.Entry] = []
        var key = ""
        var keyLocation: SourceLocation
        var keyIsMerge = false
        /// Whether the current flow mapping entry started with a KEY token (`?` or a one-line implicit key).
        var keyWasMarked = false
        var hasMerge = false
        var keySet: Set<String>?
        var merged: [Node.Entry]?
        var mergePosition = 0

        var isMapping: Bool { kind == .blockMapping || kind == .flowMapping || kind == .flowPair }
    }

    struct Request {
        var flow: Bool
        var indentless: Bool
        var asKey: Bool
    }

    enum Begun {
        case node(Node, fromAlias: Bool)
        case key(String, SourceLocation, isMerge: Bool)
        case pushed
    }

    enum Step {
        case request(Request)
        case complete
        case next
    }

    var scanner: YAMLScanner
    let limits: ReaderLimits

    var anchors: [String: Anchor] = [:]
    var tagHandles: [String: String] = [:]
    var nodeCount = 0
    var aliasExpansions = 0
    /// The height of the node most recently finished, for `acceptValue`.
    var lastHeight = 0
    var stack: [Frame] = []

    init(scanner: YAMLScanner, limits: ReaderLimits) {
        self.scanner = scanner
        self.limits = limits
    }

    // MARK: - Errors and locations

    mutating func location(of token: YAMLToken) -> SourceLocation {
        scanner.location(of: token)
    }

    /// Where an omitted value "is": just after the indicator token.
    mutating func location(after token: YAMLToken) -> SourceLocation {
        var location = scanner.location(of: token)
        location.column += 1
        return location
    }

    mutating func error(_ message: String, at token: YAMLToken) -> ReadError {
        ReadError(location: location(of: token), message: message)
    }

    // MARK: - Stream and documents

    /// Reads every document of the stream; documents without content (or whose root is null) are skipped.
    mutating func readDocuments() throws(ReadError) -> [Node] {
        var documents: [Node] = []
        let first = try scanner.peek()
        guard first.kind == .streamStart else { throw error("expected the start of the input", at: first) }
        scanner.advance()
        while true {
            var token = try scanner.peek()
            if token.kind == .streamEnd { break }
            if token.kind == .documentEnd {
                scanner.advance()
                continue
            }
            anchors.removeAll(keepingCapacity: true)
            tagHandles.removeAll(keepingCapacity: true)
            nodeCount = 0
            aliasExpansions = 0
            var sawVersion = false
            var sawDirective = false
            while token.kind == .versionDirective || token.kind == .tagDirective || token.kind == .reservedDirective {
                if token.kind == .versionDirective {
                    if sawVersion { throw error("found a second %YAML directive for the same document", at: token) }
                    sawVersion = true
                } else if token.kind == .tagDirective {
                    let handle = scanner.text(of: token)
                    if tagHandles[handle] != nil {
                        throw error("found a second %TAG directive for the handle \(handle)", at: token)
                    }
                    tagHandles[handle] = scanner.suffix(of: token)
                }
                sawDirective = true
                scanner.advance()
                token = try scanner.peek()
            }
            var explicit = false
            if token.kind == .documentStart {
                explicit = true
                scanner.advance()
                token = try scanner.peek()
            } else if sawDirective {
                throw error(
                    "expected a document start marker '---' after the directives, found \(token.kind.phrase)",
                    at: token)
            }
            var root: Node?
            switch token.kind {
            case .documentStart, .documentEnd, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
                if !explicit {
                    throw error("expected a document, found \(token.kind.phrase)", at: token)
                }
            default:
                root = try composeNode()
                token = try scanner.peek()
                switch token.kind {
                case .documentEnd, .documentStart, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
                    break
                default:
                    throw error(
                        "expected the end of the document (a new '---', '...' or the end of the input), found "
                            + "\(token.kind.phrase); check the indentation",
                        at: token)
                }
            }
            if let root {
                if case .null = root.content { continue }
                documents.append(root)
            }
        }
        return documents
    }

    // MARK: - Nodes

    /// Composes one node (with everything nested in it) starting at the next token.
    mutating func composeNode() throws(ReadError) -> Node {
        stack.removeAll(keepingCapacity: true)
        var pending: Request? = Request(flow: false, indentless: false, asKey: false)
        while true {
            if let request = pending {
                pending = nil
                switch try beginNode(request) {
                case .pushed:
                    break
                case .node(let node, let fromAlias):
                    if stack.isEmpty { return node }
                    try acceptValue(node, fromAlias: fromAlias)
                case .key(let key, let keyLocation, let isMerge):
                    try acceptKey(key, at: keyLocation, isMerge: isMerge)
                }
            }
            switch try stepTopFrame() {
            case .request(let request):
                pending = request
            case .next:
                break
            case .complete:
                let node = finishTopFrame()
                if stack.isEmpty { return node }
                try acceptValue(node, fromAlias: false)
            }
        }
    }

    /// Starts the node at the next token: returns a finished scalar, alias or key, or opens a collection.
    mutating func beginNode(_ request: Request) throws(ReadError) -> Begun {
        var token = try scanner.peek()
        if token.kind == .alias { return try expandAlias(token, asKey: request.asKey) }
        var anchor: String?
        var tag: YAMLNodeTag?
        var propertiesToken: YAMLToken?
        while token.kind == .anchor || token.kind == .tag {
            if propertiesToken == nil { propertiesToken = token }
            if token.kind == .anchor {
                if anchor != nil { throw error("found a second anchor for the same node", at: token) }
                anchor = scanner.text(of: token)
            } else {
                if tag != nil { throw error("found a second tag for the same node", at: token) }
                tag = try resolveTag(token)
            }
            scanner.advance()
            token = try scanner.peek()
        }
        switch token.kind {
        case .scalar:
            let scalarLocation = location(of: token)
            let value = try scalarValue(token, tag: tag, at: scalarLocation)
            scanner.advance()
            nodeCount += 1
            lastHeight = 0
            if request.asKey {
                let isMerge = isMergeKey(value, token: token, tag: tag)
                let key = try keyText(value, at: scalarLocation)
                if let anchor { anchors[anchor] = Anchor(node: try node(from: value, at: scalarLocation), size: 1) }
                return .key(key, scalarLocation, isMerge: isMerge)
            }
            let node = try node(from: value, at: scalarLocation)
            if let anchor { anchors[anchor] = Anchor(node: node, size: 1) }
            return .node(node, fromAlias: false)
        case .alias:
            throw error("found an alias after an anchor or a tag; an alias cannot have properties", at: token)
        case .blockSequenceStart, .flowSequenceStart:
            try openCollection(
                token.kind == .flowSequenceStart ? .flowSequence : .blockSequence, token: token, tag: tag,
                anchor: anchor, asKey: request.asKey)
            scanner.advance()
            return .pushed
        case .blockMappingStart, .flowMappingStart:
            try openCollection(
                token.kind == .flowMappingStart ? .flowMapping : .blockMapping, token: token, tag: tag,
                anchor: anchor, asKey: request.asKey)
            scanner.advance()
            return .pushed
        case .blockEntry where request.indentless:
            try openCollection(.indentlessSequence, token: token, tag: tag, anchor: anchor, asKey: request.asKey)
            return .pushed
        default:
            guard let propertiesToken else {
                throw error("expected a value, found \(token.kind.phrase)", at: token)
            }
            // Only properties: an empty scalar that carries them.
            let emptyLocation = location(of: propertiesToken)
            let value = try emptyScalarValue(tag: tag, at: emptyLocation)
            nodeCount += 1
            lastHeight = 0
            if request.asKey {
                let key = try keyText(value, at: emptyLocation)
                if let anchor { anchors[anchor] = Anchor(node: try node(from: value, at: emptyLocation), size: 1) }
                return .key(key, emptyLocation, isMerge: false)
            }
            let node = try node(from: value, at: emptyLocation)
            if let anchor { anchors[anchor] = Anchor(node: node, size: 1) }
            return .node(node, fromAlias: false)
        }
    }

    mutating func openCollection(
        _ kind: Frame.Kind, token: YAMLToken, tag: YAMLNodeTag?, anchor: String?, asKey: Bool
    ) throws(ReadError) {
        let isSequence = kind == .blockSequence || kind == .flowSequence || kind == .indentlessSequence
        let noun = isSequence ? "sequence" : "mapping"
        if asKey {
            throw error(
                "found a \(noun) used as a mapping key; Kubernetes (JSON) keys must be strings", at: token)
        }
        if let tag {
            switch tag {
            case .mapping where isSequence, .sequence where !isSequence:
                throw error("found the tag \(tag.shortName) on a \(noun)", at: token)
            case .string, .integer, .float, .boolean, .null, .binary, .timestamp, .merge:
                throw error("found the scalar tag \(tag.shortName) on a \(noun)", at: token)
            default:
                break
            }
        }
        if stack.count >= limits.maxDepth {
            throw error(
                "the document nests deeper than \(limits.maxDepth) levels (ReaderLimits.maxDepth)", at: token)
        }
        let start = location(of: token)
        stack.append(
            Frame(kind: kind, location: start, anchor: anchor, nodeCountAtStart: nodeCount, keyLocation: start))
        nodeCount += 1
    }

    mutating func expandAlias(_ token: YAMLToken, asKey: Bool) throws(ReadError) -> Begun {
        let aliasLocation = location(of: token)
        let name = scanner.text(of: token)
        guard let anchor = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw error(
                    "the alias *\(name) refers to a node that contains it; a recursive alias cannot be expanded",
                    at: token)
            }
            throw error(
                "found the alias *\(name), but no anchor &\(name) is defined before it in this document",
                at: token)
        }
        scanner.advance()
        // Saturating: with a limit of Int.max, sizes that double at every level must not trap.
        aliasExpansions = Self.saturatingSum(aliasExpansions, anchor.size)
        nodeCount = Self.saturatingSum(nodeCount, anchor.size)
        if stack.count + anchor.height > limits.maxDepth {
            throw ReadError(
                location: aliasLocation,
                message: "the alias *\(name) makes the document nest deeper than \(limits.maxDepth) levels "
                    + "(ReaderLimits.maxDepth)")
        }
        lastHeight = anchor.height
        if aliasExpansions > limits.maxAliasExpansions {
            throw ReadError(
                location: aliasLocation,
                message: "aliases expand to more than \(limits.maxAliasExpansions) nodes "
                    + "(ReaderLimits.maxAliasExpansions); the document looks like an alias bomb")
        }
        if asKey {
            let key: String
            switch anchor.node.content {
            case .string(let text): key = text
            case .bool(let value): key = value ? "true" : "false"
            case .int(let value): key = String(value)
            case .double(let value): key = YAMLScalarResolver.goFloat32KeyText(value)
            case .null:
                throw error("the alias *\(name) used as a mapping key is null; keys must be strings", at: token)
            case .sequence, .mapping:
                throw error(
                    "the alias *\(name) used as a mapping key is a collection; keys must be strings", at: token)
            }
            return .key(key, aliasLocation, isMerge: false)
        }
        var node = anchor.node
        node.location = aliasLocation
        return .node(node, fromAlias: true)
    }

    static func saturatingSum(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? Int.max : sum
    }

    // MARK: - Frames

    mutating func stepTopFrame() throws(ReadError) -> Step {
        let top = stack.count - 1
        switch stack[top].kind {
        case .blockSequence:
            let token = try scanner.peek()
            if token.kind == .blockEntry {
                scanner.advance()
                let next = try scanner.peekKind()
                if next == .blockEntry || next == .blockEnd {
                    stack[top].items.append(emptyNode(after: token))
                    return .next
                }
                return .request(Request(flow: false, indentless: false, asKey: false))
            }
            if token.kind == .blockEnd {
                scanner.advance()
                return .complete
            }
            throw error(
                "expected a sequence entry '- ' or the end of the sequence that starts at "
                    + "\(position(stack[top].location)), found \(token.kind.phrase); check the indentation",
                at: token)

        case .indentlessSequence:
            let token = try scanner.peek()
            if token.kind == .blockEntry {
                scanner.advance()
                let next = try scanner.peekKind()
                if next == .blockEntry || next == .key || next == .value || next == .blockEnd {
                    stack[top].items.append(emptyNode(after: token))
                    return .next
                }
                return .request(Request(flow: false, indentless: false, asKey: false))
            }
            return .complete

        case .blockMapping:
            let token = try scanner.peek()
            if stack[top].phase == .afterKey {
                if token.kind == .value {
                    scanner.advance()
                    let next = try scanner.peekKind()
                    if next == .key || next == .value || next == .blockEnd {
                        try acceptValue(emptyNode(after: token), fromAlias: false)
                        return .next
                    }
                    stack[top].phase = .awaitingValue
                    return .request(Request(flow: false, indentless: true, asKey: false))
                }
                lastHeight = 0
                try acceptValue(Node(.null, at: stack[top].keyLocation), fromAlias: false)
                return .next
            }
            switch token.kind {
            case .key:
                scanner.advance()
                let next = try scanner.peekKind()
                if next == .key || next == .value || next == .blockEnd {
                    throw error(emptyKeyMessage, at: token)
                }
                stack[top].phase = .awaitingKey
                return .request(Request(flow: false, indentless: true, asKey: true))
            case .blockEnd:
                scanner.advance()
                return .complete
            case .value:
                throw error(emptyKeyMessage, at: token)
            default:
                throw error(
                    "expected a mapping key or the end of the mapping that starts at "
                        + "\(position(stack[top].location)), found \(token.kind.phrase); check the indentation",
                    at: token)
            }

        case .flowSequence:
            var token = try scanner.peek()
            if token.kind == .flowSequenceEnd {
                scanner.advance()
                return .complete
            }
            if token.kind == .streamEnd || token.kind == .documentStart || token.kind == .documentEnd {
                throw unclosedFlowError(top: top, found: token, closing: "]")
            }
            if !stack[top].first {
                guard token.kind == .flowEntry else { throw unclosedFlowError(top: top, found: token, closing: "]") }
                scanner.advance()
                token = try scanner.peek()
                if token.kind == .flowSequenceEnd {
                    scanner.advance()
                    return .complete
                }
                if token.kind == .streamEnd || token.kind == .documentStart || token.kind == .documentEnd {
                    throw unclosedFlowError(top: top, found: token, closing: "]")
                }
            }
            stack[top].first = false
            if token.kind == .key {
                scanner.advance()
                try openCollection(.flowPair, token: token, tag: nil, anchor: nil, asKey: false)
                return .next
            }
            stack[top].phase = .awaitingValue
            return .request(Request(flow: true, indentless: false, asKey: false))

        case .flowPair:
            switch stack[top].phase {
            case .done:
                return .complete
            case .afterKey:
                let token = try scanner.peek()
                if token.kind == .value {
                    scanner.advance()
                    let next = try scanner.peekKind()
                    if next == .flowEntry || next == .flowSequenceEnd {
                        try acceptValue(emptyNode(after: token), fromAlias: false)
                        return .next
                    }
                    stack[top].phase = .awaitingValue
                    return .request(Request(flow: true, indentless: false, asKey: false))
                }
                lastHeight = 0
                try acceptValue(Node(.null, at: stack[top].keyLocation), fromAlias: false)
                return .next
            default:
                let token = try scanner.peek()
                if token.kind == .value || token.kind == .flowEntry || token.kind == .flowSequenceEnd {
                    throw error(emptyKeyMessage, at: token)
                }
                stack[top].phase = .awaitingKey
                return .request(Request(flow: true, indentless: false, asKey: true))
            }

        case .flowMapping:
            if stack[top].phase == .afterKey {
                let token = try scanner.peek()
                if token.kind == .value && !stack[top].keyWasMarked {
                    throw error(
                        "found ':' after a mapping key that does not fit on one line (or is longer than 1024 "
                            + "characters); an implicit key must be on a single line, or quote it",
                        at: token)
                }
                if token.kind == .value {
                    scanner.advance()
                    let next = try scanner.peekKind()
                    if next == .flowEntry || next == .flowMappingEnd {
                        try acceptValue(emptyNode(after: token), fromAlias: false)
                        return .next
                    }
                    stack[top].phase = .awaitingValue
                    return .request(Request(flow: true, indentless: false, asKey: false))
                }
                lastHeight = 0
                try acceptValue(Node(.null, at: stack[top].keyLocation), fromAlias: false)
                return .next
            }
            var token = try scanner.peek()
            if token.kind == .flowMappingEnd {
                scanner.advance()
                return .complete
            }
            if token.kind == .streamEnd || token.kind == .documentStart || token.kind == .documentEnd {
                throw unclosedFlowError(top: top, found: token, closing: "}")
            }
            if !stack[top].first {
                guard token.kind == .flowEntry else { throw unclosedFlowError(top: top, found: token, closing: "}") }
                scanner.advance()
                token = try scanner.peek()
                if token.kind == .flowMappingEnd {
                    scanner.advance()
                    return .complete
                }
                if token.kind == .streamEnd || token.kind == .documentStart || token.kind == .documentEnd {
                    throw unclosedFlowError(top: top, found: token, closing: "}")
                }
            }
            stack[top].first = false
            stack[top].keyWasMarked = token.kind == .key
            if token.kind == .key {
                scanner.advance()
                let next = try scanner.peekKind()
                if next == .value || next == .flowEntry || next == .flowMappingEnd {
                    throw error(emptyKeyMessage, at: token)
                }
            } else if token.kind == .value {
                throw error(emptyKeyMessage, at: token)
            }
            stack[top].phase = .awaitingKey
            return .request(Request(flow: true, indentless: false, asKey: true))
        }
    }

    /// A flow collection that goes on with something other than ',' or its closing bracket. At the
    /// end of the input or of the document the error points at the opening bracket, which is the useful place.
    mutating func unclosedFlowError(top: Int, found token: YAMLToken, closing: String) -> ReadError {
        let noun = closing == "]" ? "flow sequence" : "flow mapping"
        let opening = stack[top].location
        switch token.kind {
        case .streamEnd, .documentStart, .documentEnd:
            return ReadError(
                location: opening,
                message:
                    "unclosed \(noun): found \(token.kind.phrase) before its closing '\(closing)'; expected ',' or '\(closing)'"
            )
        default:
            return error(
                "expected ',' or '\(closing)' in the \(noun) that starts at \(position(opening)), found \(token.kind.phrase)",
                at: token)
        }
    }

    var emptyKeyMessage: String {
        "found a mapping entry without a key (an empty key is null); Kubernetes (JSON) keys must be strings"
    }

    func position(_ location: SourceLocation) -> String {
        "\(location.line):\(location.column)"
    }

    mutating func emptyNode(after token: YAMLToken) -> Node {
        nodeCount += 1
        lastHeight = 0
        return Node(.null, at: location(after: token))
    }

    /// Closes the top frame and returns its node (registering its anchor).
    mutating func finishTopFrame() -> Node {
        let frame = stack.removeLast()
        lastHeight = frame.childHeight + 1
        let node: Node
        if frame.isMapping {
            var entries = frame.entries
            if let merged = frame.merged {
                entries = Self.applyMerge(local: entries, merged: merged, at: frame.mergePosition)
            }
            node = Node(.mapping(entries), at: frame.location)
        } else {
            node = Node(.sequence(frame.items), at: frame.location)
        }
        if let anchor = frame.anchor {
            anchors[anchor] = Anchor(
                node: node, size: nodeCount - frame.nodeCountAtStart, height: frame.childHeight + 1)
        }
        return node
    }

    mutating func acceptKey(_ key: String, at keyLocation: SourceLocation, isMerge: Bool) throws(ReadError) {
        let top = stack.count - 1
        if isMerge {
            if stack[top].hasMerge {
                throw ReadError(
                    location: keyLocation,
                    message: "found a second merge key '<<' in the same mapping; merge several mappings with "
                        + "one key: '<<: [*a, *b]'")
            }
            stack[top].hasMerge = true
        } else {
            try checkDuplicate(key, at: keyLocation, top: top)
        }
        stack[top].key = key
        stack[top].keyLocation = keyLocation
        stack[top].keyIsMerge = isMerge
        stack[top].phase = .afterKey
    }

    mutating func checkDuplicate(_ key: String, at keyLocation: SourceLocation, top: Int) throws(ReadError) {
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
            let previous = first.map { " (first defined at \(position($0)))" } ?? ""
            throw ReadError(location: keyLocation, message: "found the duplicate mapping key '\(key)'\(previous)")
        }
    }

    mutating func acceptValue(_ node: Node, fromAlias: Bool) throws(ReadError) {
        let top = stack.count - 1
        switch stack[top].kind {
        case .blockSequence, .indentlessSequence, .flowSequence:
            stack[top].childHeight = max(stack[top].childHeight, lastHeight)
            stack[top].items.append(node)
            stack[top].phase = .entry
        case .blockMapping, .flowMapping, .flowPair:
            stack[top].childHeight = max(stack[top].childHeight, lastHeight)
            if stack[top].keyIsMerge {
                stack[top].merged = try mergeEntries(node, fromAlias: fromAlias, keyLocation: stack[top].keyLocation)
                stack[top].mergePosition = stack[top].entries.count
                stack[top].keyIsMerge = false
            } else {
                let key = stack[top].key
                stack[top].entries.append(Node.Entry(key: key, keyLocation: stack[top].keyLocation, value: node))
                stack[top].keySet?.insert(key)
            }
            stack[top].phase = stack[top].kind == .flowPair ? .done : .entry
        }
    }

    // MARK: - Merge keys

    /// The entries a `<<` value contributes, earlier mappings winning over later ones.
    func mergeEntries(_ node: Node, fromAlias: Bool, keyLocation: SourceLocation) throws(ReadError) -> [Node.Entry] {
        switch node.content {
        case .mapping(let entries):
            return entries
        case .sequence(let items):
            if fromAlias {
                throw ReadError(
                    location: node.location,
                    message: "the merge key '<<' refers to a sequence through an alias, which kubectl (go-yaml) "
                        + "rejects; list the mappings inline instead: '<<: [*a, *b]'")
            }
            var result: [Node.Entry] = []
            var seen = Set<String>()
            for item in items {
                guard case .mapping(let entries) = item.content else {
                    throw ReadError(
                        location: item.location,
                        message: "found \(Self.describe(item)) in the sequence of a merge key '<<'; "
                            + "every element must be a mapping")
                }
                for entry in entries where seen.insert(entry.key).inserted { result.append(entry) }
            }
            return result
        default:
            throw ReadError(
                location: node.location,
                message: "found \(Self.describe(node)) as the value of the merge key '<<'; expected a mapping "
                    + "or a sequence of mappings")
        }
    }

    /// Inserts merged entries at the merge key's position, skipping keys the mapping defines itself.
    static func applyMerge(local: [Node.Entry], merged: [Node.Entry], at position: Int) -> [Node.Entry] {
        var localKeys = Set<String>(minimumCapacity: local.count)
        for entry in local { localKeys.insert(entry.key) }
        var result: [Node.Entry] = []
        result.reserveCapacity(local.count + merged.count)
        result.append(contentsOf: local[..<position])
        for entry in merged where !localKeys.contains(entry.key) { result.append(entry) }
        result.append(contentsOf: local[position...])
        return result
    }

    static func describe(_ node: Node) -> String {
        switch node.content {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    // MARK: - Scalars, tags and keys

    mutating func resolveTag(_ token: YAMLToken) throws(ReadError) -> YAMLNodeTag {
        let handle = scanner.text(of: token)
        let suffix = scanner.suffix(of: token)
        switch handle {
        case "":
            return suffix == "!" ? .nonSpecific : YAMLNodeTag(fullName: suffix)
        case "!!":
            return YAMLNodeTag(fullName: (tagHandles["!!"] ?? "tag:yaml.org,2002:") + suffix)
        case "!":
            return YAMLNodeTag(fullName: (tagHandles["!"] ?? "!") + suffix)
        default:
            guard let prefix = tagHandles[handle] else {
                throw error(
                    "found the tag handle \(handle), which no %TAG directive of this document defines", at: token)
            }
            return YAMLNodeTag(fullName: prefix + suffix)
        }
    }

    /// The value of a scalar token under its tag (or implicit resolution for untagged plain scalars).
    mutating func scalarValue(
        _ token: YAMLToken, tag: YAMLNodeTag?, at location: SourceLocation
    ) throws(ReadError) -> YAMLScalarValue {
        guard let tag else {
            if token.style != .plain { return .string(scanner.string(of: token)) }
            let mayResolve = scanner.withValue(of: token) { text in
                text.isEmpty || YAMLScalarResolver.mayResolve(firstByte: text[0])
            }
            if !mayResolve { return .string(scanner.string(of: token)) }
            let resolved = scanner.withValue(of: token) { YAMLScalarResolver.resolve($0) }
            return convert(resolved, token: token)
        }
        switch tag {
        case .string, .binary, .timestamp, .nonSpecific, .other, .merge:
            return .string(scanner.string(of: token))
        case .integer, .float, .boolean, .null:
            let resolved = scanner.withValue(of: token) { YAMLScalarResolver.resolve($0) }
            return try check(convert(resolved, token: token), against: tag, at: location) {
                scanner.string(of: token)
            }
        case .mapping, .sequence:
            throw ReadError(location: location, message: "found the tag \(tag.shortName) on a scalar")
        }
    }

    /// The value of an empty node that has properties (`key: !!str` or `key: &a`).
    func emptyScalarValue(tag: YAMLNodeTag?, at location: SourceLocation) throws(ReadError) -> YAMLScalarValue {
        guard let tag else { return .null }
        switch tag {
        case .string, .binary, .timestamp, .nonSpecific, .other, .merge:
            return .string("")
        case .null:
            return .null
        case .integer, .float, .boolean:
            return try check(.null, against: tag, at: location) { "" }
        case .mapping, .sequence:
            throw ReadError(location: location, message: "found the tag \(tag.shortName) on an empty scalar")
        }
    }

    func convert(_ resolved: ResolvedScalar, token: YAMLToken) -> YAMLScalarValue {
        switch resolved {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .uint(let value): return .uint(value)
        case .double(let value): return .double(value)
        case .string: return .string(scanner.string(of: token))
        }
    }

    /// Checks a value against an explicit `!!int`, `!!float`, `!!bool` or `!!null` tag.
    func check(
        _ value: YAMLScalarValue, against tag: YAMLNodeTag, at location: SourceLocation, text: () -> String
    ) throws(ReadError) -> YAMLScalarValue {
        switch (tag, value) {
        case (.integer, .int), (.integer, .uint), (.float, .double), (.boolean, .bool), (.null, .null):
            return value
        case (.float, .int(let number)):
            return .double(Double(number))
        case (.float, .uint(let number)):
            return .double(Double(number))
        default:
            throw ReadError(
                location: location, message: "found '\(text())', which is not a valid \(tag.shortName) value")
        }
    }

    func node(from value: YAMLScalarValue, at location: SourceLocation) throws(ReadError) -> Node {
        switch value {
        case .null: return Node(.null, at: location)
        case .bool(let flag): return Node(.bool(flag), at: location)
        case .int(let number): return Node(.int(number), at: location)
        case .uint(let number): return Node(.double(Double(number)), at: location)
        case .string(let text): return Node(.string(text), at: location)
        case .double(let number):
            guard number.isFinite else {
                throw ReadError(
                    location: location,
                    message: "found \(number.isNaN ? "NaN" : "infinity") (.inf/.nan), which JSON and so Kubernetes "
                        + "cannot represent (kubectl rejects it); quote the value to keep it as text")
            }
            return Node(.double(number), at: location)
        }
    }

    /// A mapping key as `sigs.k8s.io/yaml` converts it to a JSON key.
    func keyText(_ value: YAMLScalarValue, at location: SourceLocation) throws(ReadError) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return YAMLScalarResolver.goFloat32KeyText(number)
        case .null:
            throw ReadError(
                location: location,
                message: "found a null mapping key (empty, '~' or 'null'); Kubernetes (JSON) keys must be strings, "
                    + "quote it if the text is meant")
        }
    }

    func isMergeKey(_ value: YAMLScalarValue, token: YAMLToken, tag: YAMLNodeTag?) -> Bool {
        guard token.style == .plain, case .string(let text) = value else { return false }
        if let tag {
            guard case .merge = tag else { return false }
        }
        return text == "<<"
    }
}
