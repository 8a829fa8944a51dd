import Foundation
import Testing

@testable import KubeSerialization

private struct Probe: Codable, Equatable {
    var httpGet: String?
    var periodSeconds: Int32?
}

private struct Container: Codable, Equatable {
    var name: String
    var image: String
    var ports: [Int]?
    var livenessProbe: Probe?
}

private struct PodSpec: Codable, Equatable {
    var containers: [Container]
}

private struct Template: Codable, Equatable {
    var spec: PodSpec
}

private struct DeploymentSpec: Codable, Equatable {
    var replicas: Int?
    var template: Template
    var paused: Bool?
    var ratio: Double?
}

private struct Deployment: Codable, Equatable {
    var spec: DeploymentSpec
    var labels: [String: String]?
}

/// A quantity-like type that validates its text and throws its own error.
private struct Millis: Decodable, Equatable {
    struct Invalid: Error, CustomStringConvertible {
        var text: String
        var description: String { "\"\(text)\" is not a quantity of millis" }
    }
    var value: Int
    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard text.hasSuffix("m"), let number = Int(text.dropLast()) else { throw Invalid(text: text) }
        value = number
    }
}

/// The document
/// ```
/// 1 spec:
/// 2   replicas: <replicas>
/// 3   template:
/// 4     spec:
/// 5       containers:
/// 6       - name: web
/// 7         image: <image>
/// ```
private func deploymentNode(replicas: Node, image: Node?) -> Node {
    var containerEntries: [(String, Int, Node)] = [("name", 6, scalar(.string("web"), 6, 15))]
    if let image { containerEntries.append(("image", 7, image)) }
    return mapping(
        1, 1,
        [
            (
                "spec", 1,
                mapping(
                    2, 3,
                    [
                        ("replicas", 2, replicas),
                        (
                            "template", 3,
                            mapping(
                                4, 5,
                                [
                                    (
                                        "spec", 4,
                                        mapping(
                                            5, 7, [("containers", 5, sequence(6, 7, [mapping(6, 9, containerEntries)]))]
                                        )
                                    )
                                ])
                        ),
                    ])
            )
        ])
}

private func decodingError<T: Decodable>(_ type: T.Type, from node: Node, decoder: NodeDecoder = NodeDecoder())
    -> NodeDecodingError?
{
    do {
        _ = try decoder.decode(type, from: node)
        return nil
    } catch let error as NodeDecodingError {
        return error
    } catch {
        Issue.record("expected a NodeDecodingError, got \(error)")
        return nil
    }
}

@Suite("NodeDecoder")
struct NodeDecoderTests {
    @Test("decodes nested values")
    func decodes() throws {
        let node = deploymentNode(replicas: scalar(.int(3), 2, 13), image: scalar(.string("nginx"), 7, 16))
        let value = try NodeDecoder().decode(Deployment.self, from: node)
        #expect(
            value
                == Deployment(
                    spec: DeploymentSpec(
                        replicas: 3,
                        template: Template(spec: PodSpec(containers: [Container(name: "web", image: "nginx")])))
                ))
    }

    @Test("a type mismatch names the path, the location, what was expected and what was found")
    func typeMismatch() throws {
        let node = deploymentNode(replicas: scalar(.int(3), 2, 13), image: scalar(.int(42), 7, 16))
        let error = try #require(decodingError(Deployment.self, from: node))
        #expect(error.kind == .typeMismatch)
        #expect(error.path == "spec.template.spec.containers[0].image")
        #expect(error.location == location(7, 16))
        #expect(error.message == "expected a string, found the integer 42")
        #expect(
            error.description
                == "test.yaml:7:16: spec.template.spec.containers[0].image: expected a string, found the integer 42")
    }

    @Test(
        "integers: strings are not integers; integral floats are; fractions and overflow are not",
        arguments: [
            (
                Node.Content.string("abc"), "expected an integer, found the string \"abc\"",
                NodeDecodingError.Kind.typeMismatch
            ),
            (.string("3"), "expected an integer, found the string \"3\"", .typeMismatch),
            (.bool(true), "expected an integer, found the boolean true", .typeMismatch),
            (.double(1.5), "expected an integer, found the number 1.5", .typeMismatch),
            (.sequence([]), "expected an integer, found an empty sequence", .typeMismatch),
            (
                .double(1e300), "the number 1e+300 does not fit in Int (-9223372036854775808...9223372036854775807)",
                .numberOutOfRange
            ),
        ])
    func integerStrictness(content: Node.Content, message: String, kind: NodeDecodingError.Kind) throws {
        let node = deploymentNode(replicas: scalar(content, 2, 13), image: scalar(.string("x"), 7, 16))
        let error = try #require(decodingError(Deployment.self, from: node))
        #expect(error.message == message)
        #expect(error.kind == kind)
        #expect(error.path == "spec.replicas")
        #expect(error.location == location(2, 13))
    }

    @Test("an integral float such as 6e2 or 3.0 decodes into an integer field")
    func integralFloat() throws {
        for value in [3.0, 600.0, -0.0] {
            let node = deploymentNode(replicas: scalar(.double(value), 2, 13), image: scalar(.string("x"), 7, 16))
            #expect(try NodeDecoder().decode(Deployment.self, from: node).spec.replicas == Int(value))
        }
        #expect(try NodeDecoder().decode(UInt8.self, from: scalar(.double(255), 1, 1)) == 255)
        #expect(try NodeDecoder().decode(Double.self, from: scalar(.int(7), 1, 1)) == 7)
    }

    @Test("range checks for sized integers")
    func ranges() throws {
        let error = try #require(decodingError(UInt8.self, from: scalar(.int(300), 4, 2)))
        #expect(error.kind == .numberOutOfRange)
        #expect(error.message == "the integer 300 does not fit in UInt8 (0...255)")
        #expect(decodingError(Int32.self, from: scalar(.int(-1), 1, 1)) == nil)
        #expect(decodingError(UInt.self, from: scalar(.int(-1), 1, 1))?.kind == .numberOutOfRange)
        #expect(decodingError(Float.self, from: scalar(.double(1e300), 1, 1))?.kind == .numberOutOfRange)
    }

    @Test("Booleans and strings are strict too")
    func boolAndString() throws {
        #expect(
            decodingError(Bool.self, from: scalar(.string("true"), 1, 1))?.message
                == "expected a boolean, found the string \"true\"")
        #expect(
            decodingError(String.self, from: scalar(.int(80), 1, 1))?.message
                == "expected a string, found the integer 80")
        #expect(
            decodingError(String.self, from: scalar(.bool(false), 1, 1))?.message
                == "expected a string, found the boolean false")
        #expect(try NodeDecoder().decode(String.self, from: scalar(.string("80"), 1, 1)) == "80")
    }

    @Test("a missing required key is reported at the mapping, with the key in the path")
    func missingKey() throws {
        let node = deploymentNode(replicas: scalar(.int(1), 2, 13), image: nil)
        let error = try #require(decodingError(Deployment.self, from: node))
        #expect(error.kind == .keyNotFound)
        #expect(error.path == "spec.template.spec.containers[0].image")
        #expect(error.location == location(6, 9))
        #expect(error.message == "required key \"image\" is missing")
    }

    @Test("null and absent optionals are nil; null in a required field is valueNotFound")
    func nulls() throws {
        let node = mapping(
            1, 1,
            [
                ("name", 1, scalar(.string("a"), 1, 7)), ("image", 2, scalar(.string("b"), 2, 8)),
                ("ports", 3, scalar(.null, 3, 8)),
            ])
        #expect(try NodeDecoder().decode(Container.self, from: node) == Container(name: "a", image: "b"))
        let nullName = mapping(1, 1, [("name", 1, scalar(.null, 1, 7)), ("image", 2, scalar(.string("b"), 2, 8))])
        let error = try #require(decodingError(Container.self, from: nullName))
        #expect(error.kind == .valueNotFound)
        #expect(error.message == "expected a string, found null")
        #expect(error.location == location(1, 7))
        #expect(try NodeDecoder().decode(Int?.self, from: scalar(.null, 1, 1)) == nil)
        let nullInteger = try #require(decodingError(Int.self, from: scalar(.null, 5, 3)))
        #expect(nullInteger.kind == .valueNotFound)
        #expect(nullInteger.message == "expected an integer, found null")
    }

    @Test("containers of the wrong kind")
    func wrongContainers() throws {
        let error = try #require(decodingError(Container.self, from: sequence(2, 3, [])))
        #expect(error.message == "expected a mapping, found an empty sequence")
        #expect(error.location == location(2, 3))
        let list = mapping(1, 1, [("containers", 1, scalar(.string("web"), 1, 13))])
        #expect(decodingError(PodSpec.self, from: list)?.message == "expected a sequence, found the string \"web\"")
        #expect(decodingError(PodSpec.self, from: list)?.path == "containers")
    }

    @Test("unknown keys: ignored by default, rejected at the key's location on request")
    func unknownKeys() throws {
        let node = mapping(
            1, 1,
            [
                ("name", 1, scalar(.string("a"), 1, 7)), ("image", 2, scalar(.string("b"), 2, 8)),
                ("livenessProbe", 3, mapping(4, 3, [("periodSecond", 4, scalar(.int(5), 4, 17))])),
            ])
        #expect(
            try NodeDecoder().decode(Container.self, from: node)
                == Container(name: "a", image: "b", livenessProbe: Probe()))
        let error = try #require(decodingError(Container.self, from: node, decoder: NodeDecoder(unknownKeys: .reject)))
        #expect(error.kind == .unknownKey)
        #expect(error.path == "livenessProbe.periodSecond")
        #expect(error.location == location(4, 3))
        #expect(error.message == "unknown key \"periodSecond\"")
        // Dictionaries ask for every key they hold.
        let labels = mapping(1, 1, [("app.kubernetes.io/name", 1, scalar(.string("web"), 1, 25))])
        #expect(
            try NodeDecoder(unknownKeys: .reject).decode([String: String].self, from: labels) == [
                "app.kubernetes.io/name": "web"
            ])
    }

    @Test("label keys with dots and slashes stay one path step")
    func labelPath() throws {
        let node = mapping(
            1, 1,
            [
                (
                    "spec", 1,
                    deploymentNode(replicas: scalar(.int(1), 2, 13), image: scalar(.string("x"), 7, 16))["spec"]
                        ?? scalar(.null, 1, 1)
                ),
                ("labels", 8, mapping(9, 3, [("app.kubernetes.io/name", 9, scalar(.int(1), 9, 27))])),
            ])
        let error = try #require(decodingError(Deployment.self, from: node))
        #expect(error.path == "labels[\"app.kubernetes.io/name\"]")
        #expect(error.location == location(9, 27))
    }

    @Test("errors thrown by a type's own init(from:) are located at its node")
    func wrappedErrors() throws {
        struct Limits: Decodable { var cpu: Millis }
        let node = mapping(1, 1, [("cpu", 1, scalar(.string("lots"), 1, 6))])
        let error = try #require(decodingError(Limits.self, from: node))
        #expect(error.kind == .dataCorrupted)
        #expect(error.path == "cpu")
        #expect(error.location == location(1, 6))
        #expect(error.message == "\"lots\" is not a quantity of millis")
        #expect(error.underlyingError is Millis.Invalid)

        // DecodingError from a RawRepresentable enum with an unknown raw value.
        enum Policy: String, Decodable { case always = "Always" }
        struct Holder: Decodable { var policy: Policy }
        let bad = mapping(1, 1, [("policy", 1, scalar(.string("Sometimes"), 1, 9))])
        let enumError = try #require(decodingError(Holder.self, from: bad))
        #expect(enumError.kind == .dataCorrupted)
        #expect(enumError.path == "policy")
        #expect(enumError.location == location(1, 9))
    }

    @Test("JSONValue, Data and URL")
    func specialTypes() throws {
        let node = mapping(
            1, 1, [("b", 1, scalar(.double(2), 1, 4)), ("a", 2, sequence(2, 4, [scalar(.int(1), 2, 6)]))])
        #expect(try NodeDecoder().decode(JSONValue.self, from: node) == ["a": [1], "b": 2.0])
        #expect(try NodeDecoder().decode(Data.self, from: scalar(.string("aGk="), 1, 1)) == Data("hi".utf8))
        let badBase64 = try #require(decodingError(Data.self, from: scalar(.string("s3cr3t!!"), 3, 4)))
        #expect(badBase64.kind == .dataCorrupted)
        #expect(!badBase64.description.contains("s3cr3t"))
        #expect(
            try NodeDecoder().decode(URL.self, from: scalar(.string("https://example.com/x"), 1, 1)).host
                == "example.com")
    }

    @Test("unkeyed containers report the end of a sequence")
    func tuples() throws {
        struct Pair: Decodable {
            var first: Int
            var second: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                first = try container.decode(Int.self)
                second = try container.decode(Int.self)
            }
        }
        let short = sequence(3, 5, [scalar(.int(1), 3, 7)])
        let error = try #require(decodingError(Pair.self, from: short))
        #expect(error.path == "[1]")
        #expect(error.location == location(3, 5))
        #expect(
            try NodeDecoder().decode(
                [Int].self, from: sequence(1, 1, [scalar(.int(1), 1, 3), scalar(.double(2), 1, 6)])) == [1, 2])
    }

    @Test("round trip: encode with StructuredEncoder, rebuild the node, decode")
    func roundTrip() throws {
        let value = Deployment(
            spec: DeploymentSpec(
                replicas: 2,
                template: Template(
                    spec: PodSpec(containers: [
                        Container(
                            name: "a", image: "b", ports: [80, 443],
                            livenessProbe: Probe(httpGet: "/", periodSeconds: 5))
                    ])),
                paused: false, ratio: 0.25),
            labels: ["tier": "web", "on": "yes"])
        let json = try JSONStreamEncoder().encode(value)
        let tree = try JSONDecoder().decode(JSONValue.self, from: Data(json))
        func node(_ value: JSONValue) -> Node {
            switch value {
            case .null: return scalar(.null, 1, 1)
            case .bool(let flag): return scalar(.bool(flag), 1, 1)
            case .int(let number): return scalar(.int(number), 1, 1)
            case .double(let number): return scalar(.double(number), 1, 1)
            case .string(let text): return scalar(.string(text), 1, 1)
            case .array(let items): return sequence(1, 1, items.map(node))
            case .object(let members):
                return mapping(1, 1, members.sorted { $0.key < $1.key }.map { ($0.key, 1, node($0.value)) })
            }
        }
        #expect(try NodeDecoder(unknownKeys: .reject).decode(Deployment.self, from: node(tree)) == value)
    }
}
