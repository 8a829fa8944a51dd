import Foundation
import Testing

@testable import KubeSerialization

struct JSONBadInputCase: Sendable, CustomTestStringConvertible {
    let json: String
    let line: Int
    let column: Int
    let fragment: String
    var testDescription: String { json }
    init(_ json: String, _ line: Int, _ column: Int, _ fragment: String) {
        self.json = json
        self.line = line
        self.column = column
        self.fragment = fragment
    }
}

@Suite("JSONReader")
struct JSONReaderTests {
    @Test("values, with integers and doubles kept apart")
    func values() throws {
        let node = try JSONReader.read(
            #"{"s": "x", "t": true, "f": false, "n": null, "i": 80, "neg": -3, "d": 1.5, "e": 1E2, "z": -0, "#
                + #""big": 9223372036854775808, "min": -9223372036854775808, "a": [1, [], {}], "o": {"k": "v"}}"#)
        #expect(
            node.jsonValue == [
                "s": "x", "t": true, "f": false, "n": nil, "i": 80, "neg": -3, "d": 1.5, "e": 100,
                "z": 0, "big": .double(9_223_372_036_854_775_808), "min": .int(Int64.min), "a": [1, [], [:]],
                "o": ["k": "v"],
            ])
        guard case .int(80) = node["i"]?.content else {
            Issue.record("80 is not an integer")
            return
        }
        guard case .double(100) = node["e"]?.content else {
            Issue.record("1E2 is not a double")
            return
        }
        guard case .double = node["big"]?.content else {
            Issue.record("2^63 is not a double")
            return
        }
        // Members keep document order.
        guard case .mapping(let entries) = node.content else { return }
        #expect(entries.map(\.key) == ["s", "t", "f", "n", "i", "neg", "d", "e", "z", "big", "min", "a", "o"])
    }

    @Test("string escapes, \\/ and surrogate pairs")
    func strings() throws {
        let node = try JSONReader.read(
            #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\uD83D\uDE00", "raw é 😀", "\u0000"]"#)
        #expect(node.jsonValue == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é中", "😀", "raw é 😀", "\u{0}"])
    }

    @Test("locations of values and keys")
    func locations() throws {
        let node = try JSONReader.read("{\n  \"kind\": \"Pod\",\n  \"é\": [1, 2]\n}", file: "pod.json")
        guard case .mapping(let entries) = node.content, entries.count == 2 else {
            Issue.record("not a mapping")
            return
        }
        #expect(node.location == SourceLocation(file: "pod.json", line: 1, column: 1))
        #expect(entries[0].keyLocation == SourceLocation(file: "pod.json", line: 2, column: 3))
        #expect(entries[0].value.location == SourceLocation(file: "pod.json", line: 2, column: 11))
        #expect(entries[1].keyLocation.column == 3)
        #expect(entries[1].value.location.column == 8)
    }

    @Test("streams of concatenated and newline-delimited values")
    func streams() throws {
        #expect(try JSONReader.readAll("{\"a\":1}\n{\"b\":2}\n").map(\.jsonValue) == [["a": 1], ["b": 2]])
        #expect(try JSONReader.readAll("{}{}[]").map(\.jsonValue) == [[:], [:], []])
        #expect(try JSONReader.readAll("1 2\r\n\"x\" null").map(\.jsonValue) == [1, 2, "x", nil])
        #expect(try JSONReader.readAll("").isEmpty)
        #expect(try JSONReader.readAll("  \n\t").isEmpty)
        #expect(try JSONReader.read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).jsonValue == [1])
        #expect(try JSONReader.read(Data(" {\"a\": \"b\"} ".utf8)).jsonValue == ["a": "b"])
    }

    static let badInputCases: [JSONBadInputCase] = [
        .init(#"{"a": 1,}"#, 1, 9, "trailing comma"),
        .init("[1, 2,]", 1, 7, "trailing comma"),
        .init(#"{"a" 1}"#, 1, 6, "expected ':'"),
        .init("{a: 1}", 1, 2, "object key in double quotes"),
        .init("[01]", 1, 3, "leading zero"),
        .init("[1.]", 1, 4, "digit after the decimal point"),
        .init("[-]", 1, 3, "digit after '-'"),
        .init("[1e]", 1, 4, "exponent"),
        .init("[1x]", 1, 3, "after a number"),
        .init(#"{"a": tru}"#, 1, 10, "expected 'true'"),
        .init("\"abc", 1, 1, "unterminated string"),
        .init(#""a\qb""#, 1, 3, "invalid escape '\\q'"),
        .init(#""\u12""#, 1, 6, "4 hexadecimal digits"),
        .init(#""\uD800""#, 1, 2, "high surrogate"),
        .init(#""\uDC00x""#, 1, 2, "lone UTF-16 low surrogate"),
        .init("\"a\tb\"", 1, 3, "control character U+0009"),
        .init("\"a\nb\"", 1, 3, "control character U+000A"),
        .init(#"{"a": 1, "a": 2}"#, 1, 10, "duplicate object key \"a\" (first defined at 1:2)"),
        .init("[1, 2", 1, 1, "unclosed array"),
        .init("{\"a\": [1]", 1, 1, "unclosed object"),
        .init("[1 2]", 1, 4, "expected ',' or ']'"),
        .init("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
        .init("1e400", 1, 1, "too large"),
        .init(#"{"a": NaN}"#, 1, 7, "expected a JSON value"),
        .init("'x'", 1, 1, "expected a JSON value"),
        .init("[1]\n  x", 2, 3, "after the JSON value"),
        .init("", 1, 1, "expected a JSON value, found the end of the input"),
        .init("[1,\n  ", 2, 3, "found the end of the input"),
    ]

    @Test("bad input fails with a located error", arguments: badInputCases)
    func badInput(_ testCase: JSONBadInputCase) {
        do {
            _ = try JSONReader.read(testCase.json)
            Issue.record("\(testCase.json) was accepted")
        } catch {
            #expect(error.location.line == testCase.line, "\(error)")
            #expect(error.location.column == testCase.column, "\(error)")
            #expect(error.message.contains(testCase.fragment), "\(error)")
        }
    }

    @Test("invalid UTF-8 is located")
    func invalidUTF8() {
        do {
            _ = try JSONReader.read(Array("[\"ok\",\n \"".utf8) + [0xFE] + Array("\"]".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(line: 2, column: 3))
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test("depth limit: 10,000 nested arrays fail with a located error")
    func depth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try JSONReader.read(deep)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("nests deeper than 512"))
            #expect(error.location == SourceLocation(line: 1, column: 513))
        }
        let objects = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        #expect(throws: ReadError.self) { try JSONReader.read(objects) }
        #expect(throws: Never.self) { try JSONReader.read(objects, limits: ReaderLimits(maxDepth: 1_000)) }
    }

    @Test("ManifestReader picks JSON for '{' streams and YAML otherwise")
    func manifestReader() throws {
        #expect(
            try ManifestReader.readAll(" \n{\"kind\": \"Pod\"}\n{\"kind\": \"Service\"}\nnull").map(\.jsonValue)
                == [["kind": "Pod"], ["kind": "Service"]])
        #expect(try ManifestReader.readAll(#"{"s": "a\/b \uD83D\uDE00"}"#).map(\.jsonValue) == [["s": "a/b 😀"]])
        #expect(
            try ManifestReader.readAll("kind: Pod\n---\nkind: Service").map(\.jsonValue)
                == [["kind": "Pod"], ["kind": "Service"]])
        #expect(try ManifestReader.readAll("[1, 2]").map(\.jsonValue) == [[1, 2]])
        // A '{' stream that is not JSON but is YAML (KYAML without its '---' header).
        #expect(
            try ManifestReader.readAll("{\n  kind: \"Pod\",\n  spec: {x: 1,},\n}").map(\.jsonValue)
                == [["kind": "Pod", "spec": ["x": 1]]])
        // Broken either way: the error of the reader that got further.
        do {
            _ = try ManifestReader.readAll("{\"kind\": \"Pod\",\n \"spec\": {\"x\": 1 \"y\": 2}}", file: "m.json")
            Issue.record("accepted")
        } catch {
            #expect(error.location.file == "m.json")
            #expect(error.location.line == 2)
        }
    }
}
