import Foundation
import Testing

@testable import KubeSerialization

private func json(_ options: JSONWriterOptions = .compact, _ body: (JSONWriter<ByteBuffer>) throws -> Void) throws
    -> String
{
    let writer = JSONWriter(options: options)
    try body(writer)
    try writer.finish()
    return writer.sink.string
}

private let sample: JSONValue = [
    "kind": "Service", "spec": ["ports": [["port": 80, "name": "http"]], "selector": [:], "ips": []],
    "metadata": ["name": "web", "labels": ["app": "web"]], "ratio": 0.25,
]

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("compact layout, keys sorted for JSONValue")
    func compact() throws {
        #expect(
            try json { try $0.value(sample) }
                == #"{"kind":"Service","metadata":{"labels":{"app":"web"},"name":"web"},"ratio":0.25,"spec":{"ips":[],"ports":[{"name":"http","port":80}],"selector":{}}}"#
        )
    }

    @Test("pretty layout: two-space indentation, empty collections inline, final line feed")
    func pretty() throws {
        #expect(
            try json(.pretty) { try $0.value(sample) } == """
                {
                  "kind": "Service",
                  "metadata": {
                    "labels": {
                      "app": "web"
                    },
                    "name": "web"
                  },
                  "ratio": 0.25,
                  "spec": {
                    "ips": [],
                    "ports": [
                      {
                        "name": "http",
                        "port": 80
                      }
                    ],
                    "selector": {}
                  }
                }

                """)
        #expect(try json(JSONWriterOptions(layout: .pretty(indent: 4))) { try $0.value([1]) } == "[\n    1\n]\n")
    }

    @Test("newline-delimited: one compact document per line; compact: documents separated by a line feed")
    func documents() throws {
        let body: (JSONWriter<ByteBuffer>) throws -> Void = { w in
            for index in 0..<3 {
                try w.beginDocument()
                try w.value(["i": .int(Int64(index))])
                try w.endDocument()
            }
        }
        #expect(try json(.newlineDelimited, body) == "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n")
        #expect(try json(.compact, body) == "{\"i\":0}\n{\"i\":1}\n{\"i\":2}")
        #expect(try json(.pretty, body) == "{\n  \"i\": 0\n}\n{\n  \"i\": 1\n}\n{\n  \"i\": 2\n}\n")
        #expect(try json(.newlineDelimited) { _ in } == "")
    }

    @Test(
        "strings escape only quote, backslash and control characters",
        arguments: [
            ("plain", #""plain""#), ("a/b", #""a/b""#), ("q\"b\\s", #""q\"b\\s""#),
            ("\n\t\r\u{08}\u{0C}", #""\n\t\r\b\f""#),
            ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001F""#), ("\u{7F}", "\"\u{7F}\""), ("é中😀", "\"é中😀\""),
            ("\u{2028}\u{2029}\u{85}", "\"\u{2028}\u{2029}\u{85}\""), ("", #""""#),
            (
                "a longer string with \"quotes\" past eight bytes\n",
                #""a longer string with \"quotes\" past eight bytes\n""#
            ),
        ])
    func strings(value: String, expected: String) throws {
        #expect(try json { try $0.string(value) } == expected)
        #expect(
            try json { w in
                try w.beginMapping()
                try w.key(value)
                try w.null()
                try w.endMapping()
            } == "{\(expected):null}")
    }

    @Test(
        "numbers: integers as integers, doubles shortest",
        arguments: [
            (JSONValue.int(Int64.min), "-9223372036854775808"), (.int(Int64.max), "9223372036854775807"),
            (.int(0), "0"),
            (.double(100), "100"), (.double(0.1), "0.1"), (.double(-1.5), "-1.5"), (.double(1e21), "1e+21"),
            (.double(1.25e-7), "1.25e-7"), (.double(-0.0), "-0.0"), (.double(5e-324), "5e-324"),
            (.double(1e300), "1e+300"), (.double(123456.789), "123456.789"),
        ])
    func numbers(value: JSONValue, expected: String) throws {
        #expect(try json { try $0.value(value) } == expected)
        #expect(try json { try $0.int(UInt64.max) } == "18446744073709551615")
    }

    @Test("NaN and infinities are not JSON: the writer throws", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) throws {
        let writer = JSONWriter()
        #expect(throws: StructuredWriterError.self) { try writer.double(value) }
        do {
            try writer.double(value)
        } catch let error as StructuredWriterError {
            #expect(error.description.contains("cannot be represented in JSON"))
        }
    }

    @Test("misused events throw")
    func misuse() throws {
        let writer = JSONWriter()
        try writer.beginSequence()
        #expect(throws: StructuredWriterError.self) { try writer.key("a") }
        #expect(throws: StructuredWriterError.self) { try writer.endMapping() }
        #expect(throws: StructuredWriterError.self) { try writer.finish() }
        try writer.endSequence()
        #expect(throws: StructuredWriterError.self) { try writer.int(1) }
        try writer.finish()
        #expect(writer.sink.string == "[]")
    }

    @Test("seeded random strings round-trip through JSONDecoder, in keys and values")
    func randomStrings() throws {
        struct Document: Decodable {
            var strings: [String]
            var keys: [String: Int]
        }
        let strings = RandomStrings.make(count: 3000, seed: 42, maximumLength: 40)
        for options in [JSONWriterOptions.compact, .pretty] {
            let writer = JSONWriter(options: options)
            try writer.beginMapping()
            try writer.key("strings")
            try writer.beginSequence()
            for string in strings { try writer.string(string) }
            try writer.endSequence()
            try writer.key("keys")
            try writer.beginMapping()
            for (index, string) in strings.enumerated() {
                try writer.key(string)
                try writer.int(index)
            }
            try writer.endMapping()
            try writer.endMapping()
            try writer.finish()

            let document = try JSONDecoder().decode(Document.self, from: Data(writer.sink.bytes))
            #expect(document.strings.count == strings.count)
            for (read, written) in zip(document.strings, strings) where !read.utf8.elementsEqual(written.utf8) {
                Issue.record("string \(written.debugDescription) read back as \(read.debugDescription)")
            }
            for (key, index) in document.keys where !strings[index].utf8.elementsEqual(key.utf8) {
                Issue.record("key \(strings[index].debugDescription) read back as \(key.debugDescription)")
            }
        }
    }

    @Test("seeded random doubles: every written number parses back to the same double")
    func randomDoubles() throws {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<5000 {
            let bits = generator.next()
            var number = Double(bitPattern: bits)
            if !number.isFinite { number = Double(Int64(bitPattern: bits) >> 11) }
            let text = try json { try $0.double(number) }
            #expect(Double(text) == number, "\(number) written as \(text)")
            let yamlWriter = YAMLWriter()
            try yamlWriter.double(number)
            try yamlWriter.finish()
            let yamlText = String(yamlWriter.sink.string.dropLast())
            #expect(Double(yamlText) == number, "\(number) written as \(yamlText)")
        }
    }
}
