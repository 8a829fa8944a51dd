import Foundation
import Testing

@testable import KubeSerialization

private struct Port: Codable, Equatable {
    var containerPort: Int
    var name: String?
    var protocolName: String?
}

private struct Container: Codable, Equatable {
    var name: String
    var image: String
    var args: [String]?
    var ports: [Port]?
    var env: [String: String]?
    var cpuRatio: Double?
    var secret: Data?
    var enabled: Bool?
    var weight: Float?
}

private struct PodSpec: Codable, Equatable {
    var containers: [Container]
    var nodeSelector: [String: String] = [:]
    var volumes: [String]? = []
    var priority: Int32?
}

private let container = Container(
    name: "web", image: "nginx:1.25.3", args: ["-c", "on", "0755"],
    ports: [Port(containerPort: 80, name: "http", protocolName: nil)], env: ["ZED": "1", "ALPHA": "yes"],
    cpuRatio: 0.5, secret: Data("hi".utf8), enabled: true, weight: 0.1)

/// Keys created out of order, a nested unkeyed container filled later, and a super encoder.
private struct OutOfOrder: Encodable {
    enum Keys: String, CodingKey { case first, nested, after, list, base }
    enum NestedKeys: String, CodingKey { case x, y }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .first)
        var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
        try container.encode("after", forKey: .after)
        try nested.encode("late", forKey: .x)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(true)
        try nested.encode([1, 2], forKey: .y)
        try list.encode(Port(containerPort: 1))
        let base = container.superEncoder(forKey: .base)
        var single = base.singleValueContainer()
        try single.encode("super")
    }
}

private struct DuplicateKey: Encodable {
    enum Keys: String, CodingKey { case a }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .a)
        try container.encode(2, forKey: .a)
    }
}

private struct NothingEncoded: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Encodes its fields flat into the same container as a "base" value (a common hand-written pattern).
private struct Flattened: Encodable {
    struct Base: Encodable { var name = "base" }
    enum Keys: String, CodingKey { case extra }
    var base = Base()

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode("x", forKey: .extra)
    }
}

private struct Wrapper: Encodable {
    var value: JSONValue
    var weights: [Int: String]
}

@Suite("StructuredEncoder")
struct StructuredEncoderTests {
    @Test("keys in encode(to:) order, nil omitted, empty collections kept, dictionaries sorted")
    func yamlLayout() throws {
        let spec = PodSpec(containers: [container], priority: nil)
        #expect(
            try YAMLStreamEncoder().encode(spec) == """
                containers:
                - name: web
                  image: nginx:1.25.3
                  args:
                  - -c
                  - "on"
                  - "0755"
                  ports:
                  - containerPort: 80
                    name: http
                  env:
                    ALPHA: "yes"
                    ZED: "1"
                  cpuRatio: 0.5
                  secret: aGk=
                  enabled: true
                  weight: 0.1
                nodeSelector: {}
                volumes: []

                """)
    }

    @Test("JSON output of the same value")
    func json() throws {
        let output = try JSONStreamEncoder().encodeToString(PodSpec(containers: [container]))
        #expect(
            output
                == #"{"containers":[{"name":"web","image":"nginx:1.25.3","args":["-c","on","0755"],"ports":[{"containerPort":80,"name":"http"}],"env":{"ALPHA":"yes","ZED":"1"},"cpuRatio":0.5,"secret":"aGk=","enabled":true,"weight":0.1}],"nodeSelector":{},"volumes":[]}"#
        )
        // Foundation reads it back to the same value.
        let decoder = JSONDecoder()
        #expect(try decoder.decode(PodSpec.self, from: Data(output.utf8)) == PodSpec(containers: [container]))
    }

    @Test("nested containers and super encoders filled out of order keep their place")
    func outOfOrder() throws {
        #expect(
            try YAMLStreamEncoder().encode(OutOfOrder()) == """
                first: 1
                nested:
                  x: late
                  "y":
                  - 1
                  - 2
                after: after
                list:
                - true
                - containerPort: 1
                base: super

                """)
        #expect(
            try JSONStreamEncoder().encodeToString(OutOfOrder())
                == #"{"first":1,"nested":{"x":"late","y":[1,2]},"after":"after","list":[true,{"containerPort":1}],"base":"super"}"#
        )
    }

    @Test("a value encoding its base into the same container shares it")
    func flattened() throws {
        #expect(try YAMLStreamEncoder().encode(Flattened()) == "name: base\nextra: x\n")
    }

    @Test("a repeated key is an error, not a broken mapping")
    func duplicateKey() throws {
        #expect(throws: EncodingError.self) { try YAMLStreamEncoder().encode(DuplicateKey()) }
    }

    @Test("a value that encodes nothing is an empty mapping")
    func empty() throws {
        #expect(try YAMLStreamEncoder().encode(NothingEncoded()) == "{}\n")
        #expect(try JSONStreamEncoder().encodeToString([NothingEncoded()]) == "[{}]")
    }

    @Test("JSONValue keeps integers and sorts keys; Int-keyed dictionaries sort numerically")
    func jsonValueAndIntKeys() throws {
        let value = Wrapper(value: ["b": 1, "a": [2.5, .null]], weights: [10: "ten", 9: "nine", 100: "hundred"])
        #expect(
            try YAMLStreamEncoder().encode(value) == """
                value:
                  a:
                  - 2.5
                  - null
                  b: 1
                weights:
                  "9": nine
                  "10": ten
                  "100": hundred

                """)
    }

    @Test("writer errors carry the coding path")
    func nanInJSON() throws {
        struct Holder: Encodable { var items: [Double] }
        do {
            _ = try JSONStreamEncoder().encode(Holder(items: [1, .nan]))
            Issue.record("expected an error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(FieldPath.describe(context.codingPath) == "items[1]")
            #expect(context.underlyingError is StructuredWriterError)
        }
        // YAML can write it.
        #expect(try YAMLStreamEncoder().encode([Double.nan]) == "- .nan\n")
    }

    @Test("several documents, and encoding into a position of a writer driven by hand")
    func documentsAndPositions() throws {
        let stream = try YAMLStreamEncoder().encode(documents: [Port(containerPort: 1), ["a"], "text"])
        #expect(stream == "containerPort: 1\n---\n- a\n---\ntext\n")

        let writer = YAMLWriter()
        try writer.beginMapping()
        try writer.key("spec")
        try StructuredEncoder().encode(Port(containerPort: 8080, name: "web"), to: writer)
        try writer.key("count")
        try StructuredEncoder().encode(UInt64.max, to: writer)
        try writer.endMapping()
        try writer.finish()
        #expect(writer.sink.string == "spec:\n  containerPort: 8080\n  name: web\ncount: 18446744073709551615\n")
    }

    @Test("StructuredWritable values write their own events instead of encode(to:)")
    func structuredWritable() throws {
        struct Quantity: Encodable, StructuredWritable {
            var text: String
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode("via encode(to:)")
            }
            func write(to writer: any StructuredWriter) throws {
                try writer.string(text)
            }
        }
        struct Limits: Encodable {
            var cpu: Quantity
            var extra: [Quantity]
        }
        let limits = Limits(cpu: Quantity(text: "500m"), extra: [Quantity(text: "1Gi")])
        #expect(try YAMLStreamEncoder().encode(limits) == "cpu: 500m\nextra:\n- 1Gi\n")
        #expect(try JSONStreamEncoder().encodeToString(limits) == #"{"cpu":"500m","extra":["1Gi"]}"#)
    }

    @Test("duplicate keys are found in large containers too")
    func duplicateInLargeContainer() throws {
        struct Many: Encodable {
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            var names: [String]
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                for name in names { try container.encode(1, forKey: Key(stringValue: name)) }
            }
        }
        let names = (0..<200).map { "key\($0)" }
        #expect(try YAMLStreamEncoder().encode(Many(names: names)).split(separator: "\n").count == 200)
        #expect(throws: EncodingError.self) { try YAMLStreamEncoder().encode(Many(names: names + ["key137"])) }
    }

    @Test("userInfo reaches encode(to:)")
    func userInfo() throws {
        let key = CodingUserInfoKey(rawValue: "mode")
        struct Probe: Encodable {
            let key: CodingUserInfoKey?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(key.flatMap { encoder.userInfo[$0] as? String } ?? "none")
            }
        }
        var encoder = YAMLStreamEncoder()
        if let key { encoder.userInfo[key] = "strict" }
        #expect(try encoder.encode(Probe(key: key)) == "strict\n")
    }

    @Test("seeded random values: the YAML encoder and the JSON encoder write the same data")
    func randomValues() throws {
        var generator = SeededGenerator(seed: 5)
        let strings = RandomStrings.make(count: 400, seed: 11, maximumLength: 20)
        func randomValue(depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator))
            case 3: return .double(Double.random(in: -1e6...1e6, using: &generator))
            case 4: return .string(strings[Int.random(in: 0..<strings.count, using: &generator)])
            case 5:
                return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in randomValue(depth: depth + 1) })
            default:
                var object: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                    object[strings[Int.random(in: 0..<strings.count, using: &generator)]] = randomValue(
                        depth: depth + 1)
                }
                return .object(object)
            }
        }
        let values = (0..<200).map { _ in randomValue(depth: 0) }
        let json = try JSONStreamEncoder().encode(values)
        let parsed = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed]) as? [Any]
        #expect(parsed?.count == values.count)
        // Encoding through the event API directly gives the same bytes as through Encodable.
        let direct = JSONWriter()
        try direct.value(.array(values))
        try direct.finish()
        #expect(direct.sink.bytes == json)
    }
}
