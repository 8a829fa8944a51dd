import Foundation
import Testing

@testable import KubeSerialization

/// Writes `body`'s events with a fresh YAML writer and returns the output.
private func yaml(_ body: (YAMLWriter<ByteBuffer>) throws -> Void) throws -> String {
    let writer = YAMLWriter()
    try body(writer)
    try writer.finish()
    return writer.sink.string
}

/// The YAML for a one-entry mapping `key: value`.
private func entry(_ key: String, _ value: String) throws -> String {
    try yaml { writer in
        try writer.beginMapping()
        try writer.key(key)
        try writer.string(value)
        try writer.endMapping()
    }
}

private func scalarYAML(_ value: String) throws -> String {
    try entry("k", value)
}

@Suite("YAMLWriter layout")
struct YAMLWriterLayoutTests {
    @Test("kubectl layout: compact sequences, first key on the dash line, nested sequences, empty collections")
    func kubectlLayout() throws {
        let output = try yaml { w in
            try w.beginMapping()
            try w.key("apiVersion")
            try w.string("apps/v1")
            try w.key("kind")
            try w.string("Deployment")
            try w.key("metadata")
            try w.beginMapping()
            try w.key("labels")
            try w.beginMapping()
            try w.key("app.kubernetes.io/name")
            try w.string("web")
            try w.endMapping()
            try w.key("name")
            try w.string("web")
            try w.endMapping()
            try w.key("spec")
            try w.beginMapping()
            try w.key("replicas")
            try w.int(3)
            try w.key("template")
            try w.beginMapping()
            try w.key("spec")
            try w.beginMapping()
            try w.key("containers")
            try w.beginSequence()
            try w.beginMapping()
            try w.key("args")
            try w.beginSequence()
            try w.string("-c")
            try w.string("echo hi")
            try w.endSequence()
            try w.key("env")
            try w.beginSequence()
            try w.endSequence()
            try w.key("image")
            try w.string("nginx:1.25.3")
            try w.key("name")
            try w.string("web")
            try w.key("ports")
            try w.beginSequence()
            try w.beginMapping()
            try w.key("containerPort")
            try w.int(80)
            try w.key("protocol")
            try w.string("TCP")
            try w.endMapping()
            try w.endSequence()
            try w.key("resources")
            try w.beginMapping()
            try w.endMapping()
            try w.endMapping()
            try w.endSequence()
            try w.key("volumes")
            try w.beginSequence()
            try w.beginMapping()
            try w.key("emptyDir")
            try w.beginMapping()
            try w.endMapping()
            try w.key("name")
            try w.string("tmp")
            try w.endMapping()
            try w.endSequence()
            try w.endMapping()
            try w.endMapping()
            try w.key("matrix")
            try w.beginSequence()
            try w.beginSequence()
            try w.int(1)
            try w.int(2)
            try w.endSequence()
            try w.beginSequence()
            try w.endSequence()
            try w.beginSequence()
            try w.beginMapping()
            try w.endMapping()
            try w.beginSequence()
            try w.string("deep")
            try w.endSequence()
            try w.endSequence()
            try w.endSequence()
            try w.endMapping()
            try w.key("status")
            try w.beginMapping()
            try w.endMapping()
            try w.endMapping()
        }
        #expect(
            output == """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  labels:
                    app.kubernetes.io/name: web
                  name: web
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                      - args:
                        - -c
                        - echo hi
                        env: []
                        image: nginx:1.25.3
                        name: web
                        ports:
                        - containerPort: 80
                          protocol: TCP
                        resources: {}
                      volumes:
                      - emptyDir: {}
                        name: tmp
                  matrix:
                  - - 1
                    - 2
                  - []
                  - - {}
                    - - deep
                status: {}

                """)
    }

    @Test("scalars: null, Booleans, integers at the limits")
    func scalars() throws {
        let output = try yaml { w in
            try w.beginSequence()
            try w.null()
            try w.bool(true)
            try w.bool(false)
            try w.int(0)
            try w.int(-42)
            try w.int(Int64.min)
            try w.int(Int64.max)
            try w.int(UInt64.max)
            try w.int(Int32(7))
            try w.endSequence()
        }
        #expect(
            output == """
                - null
                - true
                - false
                - 0
                - -42
                - -9223372036854775808
                - 9223372036854775807
                - 18446744073709551615
                - 7

                """)
    }

    @Test(
        "doubles: shortest round-trip form, integral values as integers, exponents with a fraction",
        arguments: [
            (100.0, "100"), (0.0, "0"), (-0.0, "-0.0"), (0.5, "0.5"), (-2.25, "-2.25"), (0.1, "0.1"),
            (123.456, "123.456"), (1e-6, "0.000001"), (1.5e-7, "1.5e-7"), (1e-7, "1.0e-7"), (1e21, "1.0e+21"),
            (1e20, "1.0e+20"), (9_007_199_254_740_991.0, "9007199254740991"),
            (9_007_199_254_740_992.0, "9.007199254740992e+15"),
            (5e-324, "5.0e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (600.0, "600"),
            (Double.nan, ".nan"), (Double.infinity, ".inf"), (-Double.infinity, "-.inf"),
        ])
    func doubles(value: Double, expected: String) throws {
        let output = try yaml { try $0.double(value) }
        #expect(output == expected + "\n")
        if value.isFinite {
            // The text reads back as the same number.
            #expect(Double(expected) == value)
        }
    }

    @Test("documents: --- between documents only, never ..., exactly one final line feed")
    func documents() throws {
        let output = try yaml { w in
            try w.beginDocument()
            try w.string("first")
            try w.endDocument()
            try w.beginDocument()
            try w.beginMapping()
            try w.key("a")
            try w.int(1)
            try w.endMapping()
            try w.endDocument()
            try w.beginDocument()
            try w.endDocument()
            try w.value(["b": [1]])
        }
        #expect(output == "first\n---\na: 1\n---\nnull\n---\nb:\n- 1\n")
        #expect(!output.contains("..."))
        #expect(try yaml { _ in } == "")
        #expect(try yaml { try $0.string("x") }.hasSuffix("x\n"))
    }

    @Test("a value after a complete document is refused; beginDocument() ends it")
    func oneRootValue() throws {
        let writer = YAMLWriter()
        try writer.string("a")
        #expect(throws: StructuredWriterError.self) { try writer.string("b") }
        try writer.beginDocument()
        try writer.string("b")
        try writer.finish()
        #expect(writer.sink.string == "a\n---\nb\n")
    }

    @Test("value(_:) writes JSON values with sorted keys")
    func jsonValue() throws {
        let value: JSONValue = ["zeta": 1, "alpha": ["b": true, "a": .null], "mid": [1.5, "x", []]]
        let output = try yaml { try $0.value(value) }
        #expect(output == "alpha:\n  a: null\n  b: true\nmid:\n- 1.5\n- x\n- []\nzeta: 1\n")
    }

    @Test("misused events throw instead of writing broken YAML")
    func misuse() throws {
        let writer = YAMLWriter()
        #expect(throws: StructuredWriterError.self) { try writer.key("a") }
        try writer.beginMapping()
        #expect(throws: StructuredWriterError.self) { try writer.string("no key") }
        #expect(throws: StructuredWriterError.self) { try writer.endSequence() }
        try writer.key("a")
        #expect(throws: StructuredWriterError.self) { try writer.key("b") }
        #expect(throws: StructuredWriterError.self) { try writer.endMapping() }
        try writer.int(1)
        #expect(throws: StructuredWriterError.self) { try writer.finish() }
        #expect(throws: StructuredWriterError.self) { try writer.endDocument() }
        try writer.endMapping()
        try writer.finish()
        #expect(writer.sink.string == "a: 1\n")
    }

    @Test("output is handed to the sink in chunks; the result is the same")
    func chunkedFlush() throws {
        final class ChunkSink: ByteSink {
            var chunks: [[UInt8]] = []
            func write(_ bytes: UnsafeRawBufferPointer) throws { chunks.append(Array(bytes)) }
        }
        let sink = ChunkSink()
        let chunked = YAMLWriter(sink: sink, bufferSize: 256)
        let whole = YAMLWriter()
        for writer in [chunked as any StructuredWriter, whole] {
            for index in 0..<200 {
                try writer.beginDocument()
                try writer.value(["index": .int(Int64(index)), "name": .string("item-\(index)")])
                try writer.endDocument()
            }
            try writer.finish()
        }
        #expect(sink.chunks.count > 10)
        #expect(sink.chunks.allSatisfy { $0.count < 256 + 4096 })
        #expect(sink.chunks.flatMap { $0 } == whole.sink.bytes)
    }
}

@Suite("YAMLWriter quoting")
struct YAMLWriterQuotingTests {
    @Test(
        "strings that other readers would take for Booleans, nulls, numbers or timestamps are double-quoted",
        arguments: [
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "NO", "true", "True", "TRUE", "false", "False", "on", "On",
            "ON", "off", "OFF", "~", "null", "Null", "NULL", "", "0755", "0o17", "0x1F", "0b101", "1e3", "6e2", ".inf",
            "-.Inf", ".nan", ".NaN", "1_000", "+1", "-1", "08", "12:30", "1:20:00", "1.10", ".5", "5.", "3.14",
            "1.14.2", "10.0.0.1", "-", "...", ".", "...e", "2001-12-14", "2024-01-02T03:04:05Z",
            "2001-12-14 21:59:43.10 -5", "<<", "=", "+",
            "-_", "_",
        ])
    func typeAmbiguous(value: String) throws {
        #expect(try scalarYAML(value) == "k: \"\(value)\"\n")
        #expect(try entry(value, "v") == "\"\(value)\": v\n")
    }

    @Test(
        "strings that are not valid plain scalars are single-quoted",
        arguments: [
            (" leading", "' leading'"), ("trailing ", "'trailing '"), (" ", "' '"), ("a: b", "'a: b'"),
            ("a:", "'a:'"), ("a #b", "'a #b'"), ("#a", "'#a'"), ("&a", "'&a'"), ("*.example.com", "'*.example.com'"),
            ("!a", "'!a'"), ("|a", "'|a'"), (">a", "'>a'"), ("%a", "'%a'"), ("@a", "'@a'"), ("`a", "'`a'"),
            ("[a]", "'[a]'"), ("{a}", "'{a}'"), (",a", "',a'"), ("'a", "'''a'"), ("\"a", "'\"a'"),
            ("-x y: z", "'-x y: z'"),
            ("- a", "'- a'"), ("?", "'?'"), ("? a", "'? a'"), (":", "':'"), (": a", "': a'"), ("?a", "'?a'"),
            (":a", "':a'"), ("---", "'---'"), ("--- x", "'--- x'"), ("---x", "'---x'"), ("...y", "'...y'"),
            ("it's: here", "'it''s: here'"),
        ])
    func singleQuoted(value: String, expected: String) throws {
        #expect(try scalarYAML(value) == "k: \(expected)\n")
    }

    @Test(
        "safe strings stay plain",
        arguments: [
            "apps/v1", "nginx:1.25.3", "-c", "--port=8080", "--", "app.kubernetes.io/name", "a:b", "a#b", "a,b", "a]",
            "a[0]", "it's", "say \"hi\"", "C:\\path", "http://x:80/y?z=1#frag", "100m", "1Gi", "1.5Gi", "10.0.0.0/16",
            "v1.2.3", "é ü 中文", "😀", "\u{A0}nbsp", "yess", "nope", "truey", "null0", "~/x", "${VAR}", "$(VAR)",
            "a=b", "<<a", "<", "==", ".git", "a b", "a - b", "deadbeef",
        ])
    func plain(value: String) throws {
        #expect(try scalarYAML(value) == "k: \(value)\n")
    }

    @Test(
        "characters that need escapes force double quotes with YAML escapes; never \\/",
        arguments: [
            ("tab\tinside", #""tab\tinside""#), ("\t", #""\t""#), ("bell\u{07}", #""bell\a""#), ("\u{00}", #""\0""#),
            ("\u{1B}", #""\e""#), ("\u{0B}\u{0C}\u{08}", #""\v\f\b""#), ("a\rb", #""a\rb""#), ("\u{01}", #""\x01""#),
            ("\u{7F}", #""\x7F""#), ("\u{80}", #""\x80""#), ("\u{9F}", #""\x9F""#), ("a\u{85}b", #""a\Nb""#),
            ("a\u{2028}b", #""a\Lb""#), ("a\u{2029}b", #""a\Pb""#), ("\u{FEFF}bom", #""\uFEFFbom""#),
            (YAMLPitfallStrings.scalar(0xFFFE), #""\uFFFE""#), (YAMLPitfallStrings.scalar(0xFFFF), #""\uFFFF""#),
            ("a\\b\t\"c\"/d", #""a\\b\t\"c\"/d""#), ("😀\t", "\"😀\\t\""),
        ])
    func doubleQuoted(value: String, expected: String) throws {
        let output = try scalarYAML(value)
        #expect(output == "k: \(expected)\n")
        #expect(!output.contains("\\/"))
    }

    @Test(
        "multi-line strings use literal blocks when lossless",
        arguments: [
            ("a\nb", "k: |-\n  a\n  b\n"), ("a\nb\n", "k: |\n  a\n  b\n"), ("a\nb\n\n", "k: |+\n  a\n  b\n\n"),
            ("a\n\nb", "k: |-\n  a\n\n  b\n"), ("a\n", "k: |\n  a\n"), (" lead\nx", "k: |2-\n   lead\n  x\n"),
            ("\ttab first\nx\n", "k: |2\n  \ttab first\n  x\n"), ("a\n\tb", "k: |-\n  a\n  \tb\n"),
            ("a\n---\n...\n# c", "k: |-\n  a\n  ---\n  ...\n  # c\n"), ("é\n😀", "k: |-\n  é\n  😀\n"),
        ])
    func literal(value: String, expected: String) throws {
        #expect(try scalarYAML(value) == expected)
    }

    @Test(
        "multi-line strings that a literal block would change are double-quoted",
        arguments: [
            ("trailing \nx", #""trailing \nx""#), ("a\n  \nb", #""a\n  \nb""#), ("x\r\ny", #""x\r\ny""#),
            ("\nleading", #""\nleading""#), ("\n", #""\n""#), ("a\u{85}\nb", #""a\N\nb""#),
            ("tab\t\nx", #""tab\t\nx""#),
        ])
    func multilineDoubleQuoted(value: String, expected: String) throws {
        #expect(try scalarYAML(value) == "k: \(expected)\n")
    }

    @Test("keys are never block scalars")
    func multilineKey() throws {
        #expect(try entry("a\nb", "v") == "\"a\\nb\": v\n")
    }

    @Test("literal blocks are indented under sequence items and nested keys; at the root, no indicator")
    func literalPositions() throws {
        let output = try yaml { w in
            try w.beginSequence()
            try w.string("a\nb\n")
            try w.beginMapping()
            try w.key("k")
            try w.string(" x\ny")
            try w.endMapping()
            try w.beginSequence()
            try w.string("c\nd")
            try w.endSequence()
            try w.endSequence()
        }
        #expect(output == "- |\n  a\n  b\n- k: |2-\n     x\n    y\n- - |-\n    c\n    d\n")
        #expect(try yaml { try $0.string("a\nb") } == "|-\n  a\n  b\n")
        #expect(try yaml { try $0.string(" a\nb") } == "\" a\\nb\"\n")
    }

    @Test("keys longer than 1000 bytes use explicit ? syntax")
    func explicitKeys() throws {
        let short = String(repeating: "k", count: 1000)
        let long = String(repeating: "k", count: 1001)
        #expect(try entry(short, "v") == "\(short): v\n")
        #expect(try entry(long, "v") == "? \(long)\n: v\n")
        let nested = try yaml { w in
            try w.beginSequence()
            try w.beginMapping()
            try w.key(long)
            try w.beginMapping()
            try w.key("a")
            try w.int(1)
            try w.endMapping()
            try w.key("b")
            try w.beginSequence()
            try w.int(2)
            try w.endSequence()
            try w.endMapping()
            try w.endSequence()
        }
        #expect(nested == "- ? \(long)\n  :\n    a: 1\n  b:\n  - 2\n")
    }
}

@Suite("YAMLWriter round trips through PyYAML")
struct YAMLWriterOracleTests {
    /// Writes the strings in every position and checks that PyYAML reads back exactly them.
    private func checkWithPyYAML(_ strings: [String]) throws {
        guard let python = PythonOracle.python else {
            Issue.record(Comment(rawValue: PythonOracle.missingMessage))
            return
        }
        let yamlWriter = YAMLWriter()
        try writeStringDocuments(strings, to: yamlWriter, asArray: false)
        try yamlWriter.finish()
        let jsonWriter = JSONWriter()
        try writeStringDocuments(strings, to: jsonWriter, asArray: true)
        try jsonWriter.finish()
        let result = try PythonOracle.compare(
            yaml: yamlWriter.sink.bytes, expectedJSON: jsonWriter.sink.bytes, python: python)
        #expect(result.status == 0, Comment(rawValue: result.output))
        #expect(result.output.contains(": 0 failures"), Comment(rawValue: result.output))
    }

    @Test("every pitfall string, as key and as value, reads back unchanged in PyYAML (pure and libyaml)")
    func pitfalls() throws {
        #expect(YAMLPitfallStrings.all.count > 300)
        try checkWithPyYAML(YAMLPitfallStrings.all)
    }

    @Test("seeded random strings of YAML-significant characters read back unchanged in PyYAML")
    func randomStrings() throws {
        try checkWithPyYAML(RandomStrings.make(count: 1500, seed: 20_251_122, maximumLength: 12))
        try checkWithPyYAML(RandomStrings.make(count: 500, seed: 7, maximumLength: 60))
    }
}

@Suite("FileSink")
struct FileSinkTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-\(UUID().uuidString)-\(name)").path
    }

    @Test("a writer streams into a file")
    func writesFile() throws {
        let path = temporaryPath("out.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try FileSink(path: path)
        let writer = YAMLWriter(sink: sink)
        try writer.value(["a": "b"])
        try writer.finish()
        try sink.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a: b\n")
    }

    @Test("atomic writes replace the file only when the body succeeds")
    func atomicWrite() throws {
        struct Failure: Error {}
        let path = temporaryPath("atomic.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileSink.writeAtomically(to: path) { sink in
            let writer = JSONWriter(sink: sink)
            try writer.value(["v": 1])
            try writer.finish()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"v\":1}")
        #expect(throws: Failure.self) {
            try FileSink.writeAtomically(to: path) { sink in
                let writer = JSONWriter(sink: sink)
                try writer.value(["v": 2])
                try writer.finish()
                throw Failure()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"v\":1}")
        let directory = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.contains((path as NSString).lastPathComponent) && $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("opening a file in a missing directory reports the path")
    func openError() {
        let path = "/nonexistent-kubekit-dir/x.yaml"
        #expect(throws: FileSinkError.self) { try FileSink(path: path) }
        do {
            _ = try FileSink(path: path)
        } catch let error as FileSinkError {
            #expect(error.description.contains(path))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
