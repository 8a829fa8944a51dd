import Foundation
import KubeSerialization
import Testing

@Suite struct JSONValueTests {
    @Test func integersAndDoublesStayApartButCompareByValue() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":80,"b":80.5,"c":1.0}"#.utf8))
        #expect(value["a"] == .int(80))
        #expect(value["b"] == .double(80.5))
        #expect(value["c"] == .int(1))
        #expect(Set([JSONValue.int(1), .double(1.0)]).count == 1)
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["name": "web", "ports": [80, 443], "tls": true, "ratio": 0.5, "none": nil]
        #expect(value["ports"]?.arrayValue?.count == 2)
        #expect(value["none"]?.isNull == true)
        #expect(value["tls"]?.boolValue == true)
        #expect(value["name"]?.typeName == "string")
    }

    @Test func fieldPathsReadLikeKubernetes() {
        let path: [any CodingKey] = [
            AnyCodingKey("spec"), AnyCodingKey("template"), AnyCodingKey("spec"), AnyCodingKey("containers"),
            AnyCodingKey(intValue: 0), AnyCodingKey("image"),
        ]
        #expect(FieldPath.describe(path) == "spec.template.spec.containers[0].image")
        #expect(FieldPath.describe([AnyCodingKey("metadata"), AnyCodingKey("labels"), AnyCodingKey("app.kubernetes.io/name")])
            == #"metadata.labels["app.kubernetes.io/name"]"#)
    }

    @Test func nodesConvertToValues() {
        let here = SourceLocation(line: 1, column: 1)
        let node = Node(
            .mapping([Node.Entry(key: "a", keyLocation: here, value: Node(.sequence([Node(.int(1), at: here)]), at: here))]),
            at: here)
        #expect(node.jsonValue == ["a": [1]])
        #expect(node["a"]?.location == here)
        #expect(SourceLocation(file: "x.yaml", line: 3, column: 7).description == "x.yaml:3:7")
    }
}
