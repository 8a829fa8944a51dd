import Foundation
import Testing

@testable import KubeSerialization

/// Reads `text` and returns the value of the key `v` of its only document.
private func value(_ text: String) throws -> Node.Content {
    let documents = try YAMLReader.readAll(text)
    #expect(documents.count == 1)
    guard let node = documents.first?["v"] else {
        Issue.record("no key v in \(text)")
        return .null
    }
    return node.content
}

/// Equality of contents that, unlike `JSONValue`, tells an integer from a float.
private func same(_ lhs: Node.Content, _ rhs: Node.Content) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): return a == b
    case (.sequence(let a), .sequence(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { same($0.content, $1.content) }
    case (.mapping(let a), .mapping(let b)):
        return a.count == b.count
            && zip(a, b).allSatisfy { $0.key == $1.key && same($0.value.content, $1.value.content) }
    default: return false
    }
}

private func json(_ text: String) throws -> [JSONValue] {
    try YAMLReader.readAll(text).map(\.jsonValue)
}

/// The error reading `text` throws, or nil.
private func readError(_ text: String) -> ReadError? {
    do {
        _ = try YAMLReader.readAll(text)
        return nil
    } catch {
        return error
    }
}

struct ScalarResolutionCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: Node.Content
    var testDescription: String { text }
    init(_ text: String, _ expected: Node.Content) {
        self.text = text
        self.expected = expected
    }
}

struct BadInputCase: Sendable, CustomTestStringConvertible {
    let yaml: String
    let line: Int
    let column: Int
    let fragment: String
    var testDescription: String { yaml.replacingOccurrences(of: "\n", with: "⏎") }
    init(_ yaml: String, _ line: Int, _ column: Int, _ fragment: String) {
        self.yaml = yaml
        self.line = line
        self.column = column
        self.fragment = fragment
    }
}

@Suite("YAMLReader")
struct YAMLReaderTests {
    // MARK: - Scalars

    static let scalarCases: [ScalarResolutionCase] = [
        // YAML 1.1 booleans, as go-yaml v2 resolves them.
        .init("y", .bool(true)), .init("Y", .bool(true)), .init("yes", .bool(true)), .init("Yes", .bool(true)),
        .init("YES", .bool(true)), .init("n", .bool(false)), .init("N", .bool(false)), .init("no", .bool(false)),
        .init("No", .bool(false)), .init("NO", .bool(false)), .init("true", .bool(true)), .init("True", .bool(true)),
        .init("TRUE", .bool(true)), .init("false", .bool(false)), .init("False", .bool(false)),
        .init("FALSE", .bool(false)), .init("on", .bool(true)), .init("On", .bool(true)), .init("ON", .bool(true)),
        .init("off", .bool(false)), .init("Off", .bool(false)), .init("OFF", .bool(false)),
        .init("yEs", .string("yEs")), .init("tRUE", .string("tRUE")), .init("oN", .string("oN")),
        // Null.
        .init("", .null), .init("~", .null), .init("null", .null), .init("Null", .null), .init("NULL", .null),
        .init("nULL", .string("nULL")), .init("~x", .string("~x")),
        // Integers.
        .init("0", .int(0)), .init("-0", .int(0)), .init("42", .int(42)), .init("+1", .int(1)), .init("-17", .int(-17)),
        .init("0755", .int(493)), .init("010", .int(8)), .init("00", .int(0)), .init("0o17620", .int(8080)),
        .init("0O17", .int(15)), .init("0x1F", .int(31)), .init("0X1f", .int(31)), .init("-0x10", .int(-16)),
        .init("+0x1F", .int(31)), .init("0b101", .int(5)), .init("-0b101", .int(-5)), .init("0B11", .int(3)),
        .init("1_000", .int(1000)), .init("1__0", .int(10)), .init("1_", .int(1)), .init("0x1_F", .int(31)),
        .init("9223372036854775807", .int(Int64.max)), .init("-9223372036854775808", .int(Int64.min)),
        // Above Int64: go-yaml makes a uint64, which a Node holds as a Double.
        // (Precision is lost beyond 2^53: these are the nearest doubles, 2^63 and 2^64.)
        .init("9223372036854775808", .double(0x1p63)),
        .init("0xFFFFFFFFFFFFFFFF", .double(Double(UInt64.max))),
        .init("18446744073709551616", .double(0x1p64)),
        .init("-9223372036854775809", .double(-0x1p63)),
        // Not integers.
        .init("0x", .string("0x")), .init("0o", .string("0o")), .init("0b", .string("0b")),
        .init("0b2", .string("0b2")),
        .init("_1", .string("_1")), .init("-x", .string("-x")), .init("+", .string("+")), .init("--1", .string("--1")),
        .init("12:30", .string("12:30")), .init("1:20:00", .string("1:20:00")),
        .init("0xFFFFFFFFFFFFFFFFF", .string("0xFFFFFFFFFFFFFFFFF")),
        // Floats.
        .init("1.5", .double(1.5)), .init("1.10", .double(1.1)), .init("08", .double(8)), .init("09", .double(9)),
        .init("1e3", .double(1000)), .init("1E3", .double(1000)), .init("1.0e+3", .double(1000)),
        .init("6e2", .double(600)), .init("64e6", .double(64_000_000)), .init(".5", .double(0.5)),
        .init("5.", .double(5)), .init("0.", .double(0)), .init("-.5", .double(-0.5)), .init("+.5", .double(0.5)),
        .init(".5_0", .double(0.5)), .init("1_0.5", .double(10.5)), .init("0.1e1_0", .double(1e9)),
        .init("1e-400", .double(0)), .init("0.25", .double(0.25)),
        .init("1e400", .string("1e400")), .init("1e+", .string("1e+")), .init(".", .string(".")),
        .init("._5", .string("._5")), .init(".e5", .string(".e5")),
        // Timestamps and other look-alikes stay strings.
        .init("2024-01-02", .string("2024-01-02")), .init("2024-01-02T03:04:05Z", .string("2024-01-02T03:04:05Z")),
        .init("1.2.3", .string("1.2.3")), .init("<<", .string("<<")), .init("=", .string("=")),
        // Quoted and block scalars are never resolved.
        .init("\"yes\"", .string("yes")), .init("'0755'", .string("0755")), .init("\"\"", .string("")),
        .init("'~'", .string("~")), .init("\"1e3\"", .string("1e3")), .init("|-\n  42", .string("42")),
        // Tags.
        .init("!!str 0755", .string("0755")), .init("!!str true", .string("true")), .init("!!str", .string("")),
        .init("!!int \"42\"", .int(42)), .init("!!int '0x10'", .int(16)), .init("!!float 3", .double(3)),
        .init("!!float \"2.5\"", .double(2.5)), .init("!!bool \"yes\"", .bool(true)), .init("!!null \"\"", .null),
        .init("! 42", .string("42")), .init("!Ref 42", .string("42")), .init("!custom yes", .string("yes")),
        .init("!<tag:yaml.org,2002:str> 12", .string("12")), .init("!!timestamp 2001-12-14", .string("2001-12-14")),
        .init("!!binary aGVsbG8=", .string("aGVsbG8=")),
        .init("!!binary |\n  aGVs\n  bG8=\n", .string("aGVs\nbG8=\n")),
        .init("|\n  no final break", .string("no final break")),
    ]

    @Test("plain scalars resolve as go-yaml v2 (kubectl) resolves them", arguments: scalarCases)
    func scalarResolution(_ testCase: ScalarResolutionCase) throws {
        let content = try value("v: \(testCase.text)")
        #expect(same(content, testCase.expected), "\(testCase.text) read as \(content)")
    }

    @Test("mapping keys become strings as sigs.k8s.io/yaml makes them")
    func keyConversion() throws {
        let cases: [(String, String)] = [
            ("on", "true"), ("y", "true"), ("n", "false"), ("yes", "true"), ("False", "false"), ("010", "8"),
            ("0x1F", "31"), ("1.10", "1.1"), ("3.0", "3"), ("1e6", "1e+06"), ("1.5e-7", "1.5e-07"),
            ("123456.7", "123456.7"), ("0.0001", "0.0001"), ("0.00001", "1e-05"), ("1e21", "1e+21"),
            ("100000000000000000000000", "1e+23"), ("18446744073709551615", "18446744073709551615"),
            (".inf", ".inf"), ("-.Inf", "-.inf"), (".NaN", ".nan"), ("\"on\"", "on"), ("'010'", "010"),
            ("2024-01-02", "2024-01-02"), ("!!str 10", "10"), ("? |\n  block key\n", "block key\n"),
        ]
        for (key, expected) in cases {
            let documents = try YAMLReader.readAll("\(key): x")
            guard case .mapping(let entries) = documents.first?.content else {
                Issue.record("\(key) did not read as a mapping")
                continue
            }
            #expect(entries.map(\.key) == [expected], "key \(key)")
        }
        // The YAML 1.1 trap from the pitfalls list: an alias under the key `y`.
        #expect(try json("x: &a [1]\ny: *a") == [["x": [1], "true": [1]]])
    }

    @Test("double-quoted escapes, including JSON's \\/ and surrogate pairs")
    func doubleQuotedEscapes() throws {
        let cases: [(String, String)] = [
            ("\"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\"", "\u{0}\u{7}\u{8}\t\t\n\u{B}\u{C}\r\u{1B} \"/\\"),
            (#""\N\_\L\P""#, "\u{85}\u{A0}\u{2028}\u{2029}"),
            (#""\x41\xe9\u00e9\U0001F600""#, "A\u{E9}\u{E9}\u{1F600}"),
            (#""\uD83D\uDE00""#, "\u{1F600}"),
            ("\"folded\n  line\n\n  paragraph\"", "folded line\nparagraph"),
            ("\"escaped \\\n    break\"", "escaped break"),
            ("\"keep \\\n\n  one newline\"", "keep \none newline"),
            ("\"trailing   \n  spaces go\"", "trailing spaces go"),
            ("'it''s \\n'", "it's \\n"),
            ("'single\n\n  folded'", "single\nfolded"),
            ("\"a\r\n  b\"", "a b"),
        ]
        for (source, expected) in cases {
            let content = try value("v: \(source)")
            #expect(same(content, .string(expected)), "\(source) read as \(content)")
        }
    }

    @Test("multi-line plain scalars fold")
    func plainFolding() throws {
        #expect(same(try value("v: first\n  second\n\n  third\n   fourth"), .string("first second\nthird fourth")))
        #expect(same(try value("v: a # comment\nw: b"), .string("a")))
        #expect(same(try value("v: value#not-a-comment"), .string("value#not-a-comment")))
        #expect(same(try value("v: http://x/y:8080"), .string("http://x/y:8080")))
        #expect(same(try value("v: -a"), .string("-a")))
        #expect(same(try value("v: a:b"), .string("a:b")))
    }

    // MARK: - Block scalars

    static let blockCases: [(String, String)] = [
        ("|\n  line 1\n  line 2\n", "line 1\nline 2\n"),
        ("|-\n  line 1\n  line 2\n\n", "line 1\nline 2"),
        ("|+\n  line 1\n  line 2\n\n", "line 1\nline 2\n\n"),
        (">\n  folded 1\n  folded 2\n\n  para\n    more\n  back\n", "folded 1 folded 2\npara\n  more\nback\n"),
        (">-\n  one\n  two\n", "one two"),
        (">+\n  one\n  two\n\n", "one two\n\n"),
        ("|2\n    two extra\n  base\n", "  two extra\nbase\n"),
        ("|2-\n\n  after a leading newline\n", "\nafter a leading newline"),
        ("|-2\n   x\n", " x"),
        ("|\n\n\n  after two blank lines\n", "\n\nafter two blank lines\n"),
        ("|\n  trailing spaces   \n  none\n", "trailing spaces   \nnone\n"),
        ("|\n  col1\tcol2\n  \tstarts with a tab\n", "col1\tcol2\n\tstarts with a tab\n"),
        ("|\n  # content\n  ---\n  ...\n", "# content\n---\n...\n"),
        ("|\n  ends with a backslash \\\n  next\n", "ends with a backslash \\\nnext\n"),
        ("|\n  x\n    \n  y\n", "x\n  \ny\n"),
        ("|\n", ""),
        ("|+\n\n", "\n"),
        ("| # a comment on the header\n  text\n", "text\n"),
        ("|\r\n  crlf\r\n  lines\r\n", "crlf\nlines\n"),
        ("|\n  last\n# a less indented comment\n", "last\n"),
    ]

    @Test("literal and folded block scalars with chomping and indentation indicators")
    func blockScalars() throws {
        for (source, expected) in Self.blockCases {
            let content = try value("v: \(source)")
            #expect(same(content, .string(expected)), "\(source.debugDescription) read as \(content)")
        }
        // A block scalar as a document root can start at column 1, and `|+` at the end keeps every newline.
        #expect(try json("--- |\nroot text\n---\n") == ["root text\n"])
        #expect(try json("a: |+\n  kept\n\n\n") == [["a": "kept\n\n\n"]])
        // Sequence entries at the parent's column (compact) and indented.
        #expect(try json("a:\n- |\n  x\n- >-\n  y\n  z\n") == [["a": ["x\n", "y z"]]])
    }

    // MARK: - Collections

    @Test("block and flow collections, compact and indented sequences")
    func collections() throws {
        #expect(try json("a:\n- 1\n- 2\nb: 3") == [["a": [1, 2], "b": 3]])
        #expect(try json("a:\n    - 1\n    -   2\n") == [["a": [1, 2]]])
        #expect(try json("- - a\n  - b\n- c") == [[["a", "b"], "c"]])
        #expect(try json("- a: 1\n  b: 2\n- c: 3") == [[["a": 1, "b": 2], ["c": 3]]])
        #expect(try json("a:\n  - b\n  -\n  - c") == [["a": ["b", nil, "c"]]])
        #expect(try json("a:\nb:\n") == [["a": nil, "b": nil]])
        #expect(try json("a: [1, 2, [3, {b: c}]]") == [["a": [1, 2, [3, ["b": "c"]]]]])
        #expect(try json("{a: 1, b: [x, y], c: {d: e}}") == [["a": 1, "b": ["x", true], "c": ["d": "e"]]])
        #expect(try json("[a: b, c]") == [[["a": "b"], "c"]])
        #expect(try json("[? a : b]") == [[["a": "b"]]])
        #expect(try json("{a, b: c}") == [["a": nil, "b": "c"]])
        #expect(try json("{a:1}") == [["a:1": nil]])
        #expect(try json("a: [1,\n  2,\n  3]") == [["a": [1, 2, 3]]])
        #expect(try json("a: []\nb: {}") == [["a": [], "b": [:]]])
        // JSON-style keys with the ':' right after the quote, and KYAML's trailing commas.
        #expect(try json(#"{"a":1,"b":[true,null]}"#) == [["a": 1, "b": [true, nil]]])
        #expect(
            try json("---\n{\n  kind: \"Pod\",\n  spec: {\n    x: [1, 2,],\n  },\n}\n") == [
                ["kind": "Pod", "spec": ["x": [1, 2]]]
            ])
        // Tabs separate tokens inside flow collections, even at the start of a line.
        #expect(try json("items:\n- {\n\t\t\"a\": 1,\n\t\"b\": 2\n\t}") == [["items": [["a": 1, "b": 2]]]])
        #expect(try json("a:\tb\nc: d\t# comment") == [["a": "b", "c": "d"]])
    }

    @Test("explicit keys")
    func explicitKeys() throws {
        #expect(try json("? a\n: b") == [["a": "b"]])
        #expect(try json("? a\n? b\n: c") == [["a": nil, "b": "c"]])
        #expect(try json("- ? a\n  : b") == [[["a": "b"]]])
        let longKey = String(repeating: "k", count: 300)
        #expect(try json("? \(longKey)\n: v") == [[longKey: "v"]])
    }

    // MARK: - Anchors, aliases, merge keys

    @Test("anchors and aliases")
    func anchorsAndAliases() throws {
        #expect(try json("a: &x {b: 1}\nc: *x") == [["a": ["b": 1], "c": ["b": 1]]])
        #expect(try json("- &a\n  b: 1\n- *a") == [[["b": 1], ["b": 1]]])
        #expect(try json("a: &x\nb: *x") == [["a": nil, "b": nil]])
        #expect(try json("&k key: 1\nother: *k") == [["key": 1, "other": "key"]])
        #expect(try json("a: &x 1\nb: &x 2\nc: *x") == [["a": 1, "b": 2, "c": 2]])
        // The alias node carries the location where it is used.
        let documents = try YAMLReader.readAll("a: &x [1]\nb: *x")
        #expect(documents.first?["b"]?.location == SourceLocation(line: 2, column: 4))
    }

    @Test("merge keys: one map, a list of maps, local keys win, earlier maps win")
    func mergeKeys() throws {
        #expect(
            try json("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3") == [
                ["base": ["x": 1, "true": 2], "m": ["x": 1, "true": 3]]
            ])
        #expect(
            try json("b: &b {x: 1, z: 2}\nm:\n  z: 3\n  <<: *b") == [["b": ["x": 1, "z": 2], "m": ["z": 3, "x": 1]]])
        #expect(try json("- <<: [{a: 1}, {a: 2, b: 3}]\n  c: 4") == [[["a": 1, "b": 3, "c": 4]]])
        #expect(
            try json("a: &a {p: 1}\nb: &b {p: 2, q: 2}\nc:\n  <<: [*a, *b]") == [
                ["a": ["p": 1], "b": ["p": 2, "q": 2], "c": ["p": 1, "q": 2]]
            ])
        #expect(try json("m: {<<: {a: 1}, b: 2}") == [["m": ["a": 1, "b": 2]]])
        // Quoted "<<" is an ordinary key.
        #expect(try json("\"<<\": 1") == [["<<": 1]])
        // Merged keys keep the merge key's position.
        let documents = try YAMLReader.readAll("b: &b {x: 1}\nm:\n  first: 0\n  <<: *b\n  last: 2")
        guard case .mapping(let entries) = documents.first?["m"]?.content else {
            Issue.record("m is not a mapping")
            return
        }
        #expect(entries.map(\.key) == ["first", "x", "last"])
    }

    // MARK: - Streams

    @Test("documents, markers, directives; empty documents are skipped")
    func documents() throws {
        #expect(try json("a: 1\n---\nb: 2\n") == [["a": 1], ["b": 2]])
        #expect(try json("# only a comment\n") == [])
        #expect(try json("") == [])
        #expect(try json("---\n---\n# nothing\n---\na: 1\n...\n") == [["a": 1]])
        #expect(
            try json("--- # comment\na: 1\n...\n# between\n--- {b: 2}\n--- !!map\nc: 3") == [
                ["a": 1], ["b": 2], ["c": 3],
            ])
        #expect(try json("%YAML 1.1\n---\na: 1") == [["a": 1]])
        #expect(try json("%YAML 1.2\n%TAG !e! tag:example.com,2024:\n---\na: !e!thing 5") == [["a": "5"]])
        #expect(try json("--- ~\n---\nnull\n--- x\n") == ["x"])
        #expect(try json("a: \"---\"\nb: '...'\nc: --- text\n") == [["a": "---", "b": "...", "c": "--- text"]])
    }

    @Test("byte order mark, CRLF, non-ASCII text")
    func encodingDetails() throws {
        #expect(try YAMLReader.readAll([0xEF, 0xBB, 0xBF] + Array("a: 1".utf8)).map(\.jsonValue) == [["a": 1]])
        #expect(try json("a: 1\r\nb: |\r\n  x\r\n  y\r\n") == [["a": 1, "b": "x\ny\n"]])
        #expect(try json("name: é ü 中文 😀\n\"ключ\": значение") == [["name": "é ü 中文 😀", "ключ": "значение"]])
        let data = Data("a: b".utf8)
        #expect(try YAMLReader.readAll(data).map(\.jsonValue) == [["a": "b"]])
    }

    @Test("node and key locations count lines and Unicode scalars from 1")
    func locations() throws {
        let documents = try YAMLReader.readAll("a: 1\n---\nkind: Pod\nspec:\n  é: [x, \"ü\", ü2]\n", file: "pod.yaml")
        #expect(documents.count == 2)
        let spec = try #require(documents.last?["spec"])
        guard case .mapping(let entries) = spec.content, let entry = entries.first else {
            Issue.record("spec is not a mapping")
            return
        }
        #expect(entry.keyLocation == SourceLocation(file: "pod.yaml", line: 5, column: 3))
        #expect(entry.value.location == SourceLocation(file: "pod.yaml", line: 5, column: 6))
        guard case .sequence(let items) = entry.value.content, items.count == 3 else {
            Issue.record("not a sequence")
            return
        }
        #expect(items[1].location.column == 10)
        #expect(items[2].location.column == 15)
        #expect(documents.last?["kind"]?.location == SourceLocation(file: "pod.yaml", line: 3, column: 7))
    }

    // MARK: - Bad input

    static let badInputCases: [BadInputCase] = [
        .init("a:\n\tb: 1", 2, 1, "tab character in indentation"),
        .init("a: b\n\t c: d", 2, 1, "tab character in indentation"),
        .init("a: |\n\tx", 2, 1, "tab character in the indentation of a block scalar"),
        .init("key: \"abc", 1, 6, "unterminated double-quoted string"),
        .init("key: 'abc", 1, 6, "unterminated single-quoted string"),
        .init("key: \"abc\n---\n\"", 1, 6, "document marker"),
        .init("key: \"a\\qb\"", 1, 8, "unknown escape '\\q'"),
        .init("key: \"\\x4\"", 1, 10, "2 hexadecimal digits after \\x"),
        .init("key: \"\\uD800x\"", 1, 7, "high surrogate"),
        .init("key: \"\\uDC00\"", 1, 7, "lone UTF-16 surrogate"),
        .init("key: \"\\U00110000\"", 1, 7, "beyond U+10FFFF"),
        .init("a: [1, 2", 1, 4, "unclosed flow sequence"),
        .init("a: {b: 1", 1, 4, "unclosed flow mapping"),
        .init("{a: 1", 1, 1, "expected ',' or '}'"),
        .init("a: [1, 2}", 1, 9, "expected ',' or ']'"),
        .init("a: [a\n---\n]", 1, 4, "document start marker"),
        .init("a: [1,,2]", 1, 7, "expected a value, found ','"),
        .init("a: [a, - b]", 1, 8, "inside a flow collection"),
        .init("a: *nope", 1, 4, "no anchor &nope"),
        .init("a: &x [*x]", 1, 8, "recursive alias"),
        .init("a: b: c", 1, 5, "mapping value is not allowed"),
        .init("a: - b", 1, 4, "sequence entry"),
        .init("- a\nb: c", 2, 1, "expected a sequence entry"),
        .init("a:\n  b: 1\n c: 2", 3, 2, "check the indentation"),
        .init("a: 1\nb", 2, 1, "could not find the ':'"),
        .init("\"a\"\nb: c", 2, 1, "expected the end of the document"),
        .init("a: \"x\"y", 1, 7, "expected a mapping key"),
        .init("a: 1\na: 2", 2, 1, "duplicate mapping key 'a' (first defined at 1:1)"),
        .init("m: {x: 1, y: 2, x: 3}", 1, 17, "duplicate mapping key 'x'"),
        .init("a: .inf", 1, 4, "infinity"),
        .init("a: [-.Inf]", 1, 5, "infinity"),
        .init("a: .nan", 1, 4, "NaN"),
        .init("~: 1", 1, 1, "null mapping key"),
        .init("? \n: v", 1, 1, "without a key"),
        .init("? [a, b]\n: c", 1, 3, "sequence used as a mapping key"),
        .init("{a: 1}: c", 1, 1, "mapping used as a mapping key"),
        .init("{a\n  b: c}", 2, 4, "single line"),
        .init("a: |0\n  x", 1, 5, "indentation indicator 0"),
        .init("a: |\n    \n  x", 1, 4, "leading empty line"),
        .init("a: |x\n", 1, 5, "line break after the block scalar header"),
        .init("a: !!int abc", 1, 10, "not a valid !!int"),
        .init("a: !!bool 1", 1, 11, "not a valid !!bool"),
        .init("a: !!map x", 1, 10, "!!map on a scalar"),
        .init("a: !!str [1]", 1, 10, "!!str on a sequence"),
        .init("a: !e!x 1", 1, 4, "tag handle !e!"),
        .init("a: !!str\"x\"", 1, 9, "space after the tag"),
        .init("%YAML 2.0\n---\na: 1", 1, 1, "YAML 1.x"),
        .init("%YAML 1.2\na: 1", 2, 1, "'---' after the directives"),
        .init("a: @x", 1, 4, "YAML reserves"),
        .init("a: `x`", 1, 4, "YAML reserves"),
        .init("a: -", 1, 4, "sequence entry"),
        .init("a: %x", 1, 4, "'%'"),
        .init("x: &s [{a: 1}]\ny:\n  <<: *s", 3, 7, "merge key '<<' refers to a sequence"),
        .init("y:\n  <<: 1", 2, 7, "merge key '<<'"),
        .init("y:\n  <<: [{a: 1}, 2]", 2, 16, "every element must be a mapping"),
        .init("y:\n  <<: {a: 1}\n  <<: {b: 2}", 3, 3, "second merge key"),
        .init("a: &x &y 1", 1, 7, "second anchor"),
        .init("a: &x *y", 1, 7, "alias cannot have properties"),
        .init("a: 1\n--- [x,\n", 2, 5, "unclosed flow sequence"),
        .init("--- x: 1", 1, 6, "mapping value is not allowed"),
    ]

    @Test("bad input fails with a located error", arguments: badInputCases)
    func badInput(_ testCase: BadInputCase) {
        guard let error = readError(testCase.yaml) else {
            Issue.record("\(testCase.yaml.debugDescription) was accepted")
            return
        }
        #expect(error.location.line == testCase.line, "\(error)")
        #expect(error.location.column == testCase.column, "\(error)")
        #expect(error.message.contains(testCase.fragment), "\(error)")
    }

    @Test("invalid UTF-8 and control characters are located")
    func invalidBytes() {
        let cases: [([UInt8], Int, Int, String)] = [
            (Array("a: 1\nb: x".utf8) + [0xFF] + Array("y".utf8), 2, 5, "not valid UTF-8"),
            (Array("a: é".utf8) + [0xC3], 1, 5, "not valid UTF-8"),
            (Array("a: ".utf8) + [0xE0, 0x80, 0x80], 1, 4, "not valid UTF-8"),
            (Array("a: ".utf8) + [0xED, 0xA0, 0x80], 1, 4, "not valid UTF-8"),
            (Array("a: x".utf8) + [0x00], 1, 5, "U+0000"),
            (Array("a: x".utf8) + [0x07], 1, 5, "U+0007"),
            (Array("a: ".utf8) + [0xC2, 0x80], 1, 4, "U+0080"),
        ]
        for (bytes, line, column, fragment) in cases {
            do {
                _ = try YAMLReader.readAll(bytes)
                Issue.record("\(bytes) was accepted")
            } catch {
                #expect(error.location.line == line && error.location.column == column, "\(error)")
                #expect(error.message.contains(fragment), "\(error)")
            }
        }
    }

    @Test("ReadError prints file:line:column: message")
    func errorDescription() {
        do {
            _ = try YAMLReader.readAll("a: [1", file: "deploy.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("deploy.yaml:1:4: unclosed flow sequence"))
            #expect(error.location.file == "deploy.yaml")
        }
    }

    // MARK: - Limits

    @Test("an alias bomb fails fast with a located error")
    func aliasBomb() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let letters = Array("bcdefghi")
        for (index, letter) in letters.enumerated() {
            let previous = index == 0 ? "a" : String(letters[index - 1])
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
            lines.append("\(letter): &\(letter) [\(aliases)]")
        }
        let bomb = lines.joined(separator: "\n")
        let error = readError(bomb)
        #expect(error?.message.contains("alias bomb") == true, "\(String(describing: error))")
        #expect((error?.location.line ?? 0) > 1)
        // The same document within a raised limit shows the count is per expansion, not per alias.
        let small = "a: &a [1, 2]\nb: [*a, *a, *a]"
        #expect(readError(small) == nil)
        let tight = ReaderLimits(maxAliasExpansions: 5)
        do {
            _ = try YAMLReader.readAll(small, limits: tight)
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(line: 2, column: 9))
        }
    }

    @Test("10,000 levels of nesting fail with a located error, not a stack overflow")
    func deepNesting() {
        let flow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let flowError = readError(flow)
        #expect(flowError?.message.contains("nests deeper than 512") == true, "\(String(describing: flowError))")
        #expect(flowError?.location.line == 1)

        let flowMappings = "a: " + String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000)
        #expect(readError(flowMappings)?.message.contains("nests deeper") == true)

        var block = ""
        for level in 0..<10_000 { block += String(repeating: " ", count: level) + "k:\n" }
        let blockError = readError(block)
        #expect(blockError?.message.contains("nests deeper") == true, "\(String(describing: blockError))")
        #expect((blockError?.location.line ?? 0) > 500)

        let sequences = String(repeating: "- ", count: 10_000) + "x"
        #expect(readError(sequences)?.message.contains("nests deeper") == true)

        // Aliases cannot stack nesting past the limit either.
        let nested = String(repeating: "[", count: 400) + "%" + String(repeating: "]", count: 400)
        let chained =
            "a: &a " + nested.replacingOccurrences(of: "%", with: "1") + "\nb: "
            + nested.replacingOccurrences(of: "%", with: "*a")
        let chainError = readError(chained)
        #expect(chainError?.message.contains("*a makes the document nest deeper") == true)
        #expect(chainError?.location == SourceLocation(line: 2, column: 404))

        // Within the limit, deep documents read.
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(readError(ok) == nil)
    }

    @Test("maxDocumentBytes bounds each document")
    func documentSize() {
        let limits = ReaderLimits(maxDocumentBytes: 100)
        let big = "a: " + String(repeating: "x", count: 200) + "\nb: 1\n"
        do {
            _ = try YAMLReader.readAll(big, limits: limits)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("maxDocumentBytes"))
        }
        let stream = (0..<10).map { "--- {n: \($0)}" }.joined(separator: "\n")
        #expect(throws: Never.self) { try YAMLReader.readAll(stream, limits: limits) }
    }
}
