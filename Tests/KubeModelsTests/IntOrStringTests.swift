import Foundation
import KubeModels
import Testing

@Suite("IntOrString")
struct IntOrStringTests {
    @Test func literalsKeepTheirKind() {
        let port: IntOrString = 80
        let name: IntOrString = "80"
        #expect(port == .int(80))
        #expect(name == .string("80"))
        #expect(port != name, "an integer and a digit string are different values")
        #expect(Set([port, name]).count == 2)
        #expect(port.intValue == 80 && port.stringValue == nil)
        #expect(name.stringValue == "80" && name.intValue == nil)
        #expect(port.description == "80")
        #expect(name.description == "80")
    }

    static let decoding: [(String, IntOrString)] = [
        ("80", .int(80)),
        (#""80""#, .string("80")),
        ("0", .int(0)),
        ("-1", .int(-1)),
        ("2147483647", .int(2_147_483_647)),
        ("-2147483648", .int(-2_147_483_648)),
        (#""http""#, .string("http")),
        (#""25%""#, .string("25%")),
        (#""""#, .string("")),
        (#"" 80""#, .string(" 80")),
        (#""0x50""#, .string("0x50")),
    ]

    @Test("decodes by JSON type, never by content", arguments: decoding)
    func decodes(_ item: (String, IntOrString)) throws {
        let decoded = try JSONDecoder().decode([IntOrString].self, from: Data("[\(item.0)]".utf8))
        #expect(decoded == [item.1])
        // Encoding writes the same JSON type back.
        let encoded = try JSONEncoder().encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == "[\(item.0)]")
    }

    static let undecodable: [(String, String)] = [
        ("80.5", "found the number 80.5"),
        ("true", "found the Boolean true"),
        ("null", "found null"),
        ("{}", "found an array or an object"),
        ("[80]", "found an array or an object"),
    ]

    @Test("anything but an integer or a string is a type mismatch", arguments: undecodable)
    func rejects(_ item: (String, String)) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IntOrString].self, from: Data("[\(item.0)]".utf8))
        }
        guard case .typeMismatch(_, let context) = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("expected an integer (80) or a string"))
        #expect(context.debugDescription.contains(item.1))
    }

    @Test("integers beyond 32 bits are rejected", arguments: ["2147483648", "-2147483649", "9223372036854775807"])
    func rejectsWideIntegers(_ json: String) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IntOrString].self, from: Data("[\(json)]".utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("outside the 32-bit integer range"))
    }

    @Test func optionalDecodesNull() throws {
        let decoded = try JSONDecoder().decode([IntOrString?].self, from: Data(#"[null, 1, "a"]"#.utf8))
        #expect(decoded == [nil, .int(1), .string("a")])
    }

    static let percentages: [(IntOrString, Int?)] = [
        ("25%", 25),
        ("0%", 0),
        ("100%", 100),
        ("007%", 7),
        ("25", nil),
        (25, nil),
        ("%", nil),
        ("-5%", nil),
        ("+5%", nil),
        ("12.5%", nil),
        ("25 %", nil),
        (" 25%", nil),
        ("25%%", nil),
        ("abc%", nil),
        ("99999999999999999999999%", nil),
    ]

    @Test("percentage", arguments: percentages)
    func percentage(_ item: (IntOrString, Int?)) {
        #expect(item.0.percentage == item.1)
        #expect(item.0.isPercentage == (item.1 != nil))
    }
}
