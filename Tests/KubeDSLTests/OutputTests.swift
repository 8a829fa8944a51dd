import Foundation
import KubeDSL
import KubeModels
import KubeSerialization
import Testing

private struct RejectEverything: ManifestValidator {
    struct Rejected: Error, CustomStringConvertible {
        var description: String { "K8S-TEST: rejected" }
    }

    func validate(_ manifests: [Manifest]) throws { throw Rejected() }
}

@Suite struct SerializerTests {
    /// Strings that YAML 1.1 or 1.2 parsers would misread if written bare.
    static let tricky = [
        "on", "off", "yes", "no", "y", "n", "true", "null", "~", "", " ", "0755", "0x1F", "1e3", "1_000", "12:30:00",
        ".inf",
        "-.nan", "2024-01-01", "- item", "key: value", "# comment", "&anchor", "*alias", "!tag", "|", ">", "%percent",
        "@at", "`tick", "\"quoted\"", "back\\slash", "line\nbreak", "tab\there", "\r", "\u{0}", "\u{7F}", "\u{85}",
        "\u{A0}",
        "\u{2028}", "\u{FEFF}", "é", "日本語", "🚀", "{a: b}", "[1, 2]", "---", "...", "=", "<<",
    ]

    @Test(arguments: [FoundationSerializer() as any ManifestSerializer, StreamingSerializer()])
    func yamlReadsBackAsTheSameJSONWithPyYAML(serializer: any ManifestSerializer) throws {
        var data: [String: String] = [:]
        for (index, text) in Self.tricky.enumerated() { data["k\(index)"] = text }
        for text in Self.tricky where !text.isEmpty { data[text] = "as-key" }
        let values: [Manifest] = [
            Manifest(ConfigMap(name: "tricky", data: data)),
            Manifest(
                UnstructuredObject(
                    apiVersion: "example.com/v1", kind: "Numbers", metadata: ObjectMeta(name: "n"),
                    body: [
                        "spec": [
                            "int": 42, "negative": -7, "double": 1.5, "big": 1e20, "small": 1e-7, "whole": 3.0,
                            "flag": true, "nothing": nil, "empty": [:], "list": [], "nested": [[1, [2]], ["a": []]],
                        ]
                    ])),
        ]
        let yaml = try serializer.yaml(values)
        let read = try Oracles.yamlToJSON(yaml)
        #expect(read == (try values.map { try $0.jsonValue() }))
        let json = try serializer.json(values).split(separator: "\n").map {
            try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
        #expect(json == (try values.map { try $0.jsonValue() }))
    }

    @Test func jsonIsOneSortedObjectPerLine() throws {
        let json = try FoundationSerializer().json([
            Manifest(ConfigMap(name: "a", data: ["z": "1", "a": "2"])), Manifest(Namespace(name: "b")),
        ])
        let lines = json.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"apiVersion":"v1","data":{"a":"2","z":"1"},"kind":"ConfigMap","metadata":{"name":"a"}}"#)
    }
}

@Suite struct LayoutTests {
    static let cluster = Cluster("shop", environments: [.dev, .prod]) { env in
        Namespace(name: "shop")
        Group {
            ConfigMap(name: "settings", data: ["env": env.name])
            Fixtures.deployment("web", image: "web:1", replicas: env.environment == .prod ? 3 : 1)
        }
        .namespace("shop")
    }

    @Test func filesAreNumberedInApplyOrder() throws {
        let files = try Self.cluster.files(.files, environments: [.prod])
        #expect(
            files.keys.sorted() == [
                "prod/001_namespace_shop.yaml", "prod/002_configmap_shop_settings.yaml",
                "prod/003_deployment_shop_web.yaml",
            ])
        let json = try Self.cluster.files(.json)
        #expect(json.keys.sorted() == ["dev.json", "prod.json"])
    }

    @Test func everyLayoutPassesTheOracles() throws {
        let root = try Oracles.temporaryDirectory("layouts")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, layout) in [("stream", Layout.stream), ("json", .json), ("files", .files)] {
            let directory = root.appendingPathComponent(name)
            try Self.cluster.write(layout, to: directory)
            #expect(try Oracles.validate([directory]) == 6, "\(name)")
        }
    }

    @Test func writingReplacesAtomicallyAndRemovesStaleFilesOnlyOnSuccess() throws {
        let root = try Oracles.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        try Self.cluster.write(.files, to: output)
        let stale = output.appendingPathComponent("prod/999_stale.yaml")
        try "stale".write(to: stale, atomically: true, encoding: .utf8)
        let before = try snapshot(output)

        // A render that fails (validator rejects) leaves everything as it was.
        #expect(throws: KubeDSLError.self) {
            try Self.cluster.write(.files, to: output, options: RenderOptions(validator: RejectEverything()))
        }
        // So does a render error in one environment.
        let broken = Cluster("shop", environments: [.dev, .prod]) { env in
            if env.environment == .prod { Group { ClusterRole(name: "r") }.namespace("shop") }
        }
        #expect(throws: KubeDSLError.self) { try broken.write(.files, to: output) }
        #expect(try snapshot(output) == before)
        #expect(try leftovers(in: root).isEmpty)

        // A successful render replaces the tree: the stale file is gone.
        try Self.cluster.write(.files, to: output)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try snapshot(output).count == before.count - 1)
        #expect(try leftovers(in: root).isEmpty)
    }

    @Test func validatorCanBeToldToKeepInvalidOutput() throws {
        let render = try Self.cluster.render(
            for: .dev, options: RenderOptions(validator: RejectEverything(), keepInvalidOutput: true))
        #expect(render.validationErrors == ["K8S-TEST: rejected"])
        #expect(throws: KubeDSLError.validationFailed("K8S-TEST: rejected")) {
            try Self.cluster.render(
                for: .dev,
                options: RenderOptions(validator: ClosureValidator { _ in throw RejectEverything.Rejected() }))
        }
    }

    @Test func unsafePathsAreRefused() throws {
        let root = try Oracles.temporaryDirectory("unsafe")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: KubeDSLError.self) {
            try OutputDirectory.write(["../escape.yaml": "x"], to: root.appendingPathComponent("o"))
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.yaml").path))
    }

    private func snapshot(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            result[url.path] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    private func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }
}

@Suite struct KustomizeFidelityTests {
    /// Values that YAML parsers misread when written bare survive go-yaml (kustomize) too, in
    /// base files, patches and overlay-only objects.
    /// The tricky strings without NUL and DEL, which kustomize refuses ("yaml: control characters
    /// are not allowed") however they are written, and NEL (U+0085), which kustomize reads
    /// correctly but writes back unescaped, so that it folds into a space.
    static let kustomizable = SerializerTests.tricky.filter { !["\u{0}", "\u{7F}", "\u{85}"].contains($0) }

    @Test func trickyValuesSurviveKustomize() throws {
        let cluster = Cluster("tricky", environments: [.dev, .prod]) { env in
            Namespace(name: "tricky")
            Group {
                ConfigMap(
                    name: "shared",
                    data: Dictionary(
                        uniqueKeysWithValues: Self.kustomizable.enumerated().map { ("k\($0.offset)", $0.element) }))
                ConfigMap(name: "differs", data: ["value": env.environment == .prod ? "on" : "0755", "yes": "no"])
                if env.environment == .prod {
                    ConfigMap(name: "prod-only", data: ["n": "1e3", "a/b": "~"])
                }
            }
            .namespace("tricky")
            .labels(["example.com/env~name": env.name])
        }
        // The label key is invalid on purpose (kustomize must escape `~` in patch paths), so the
        // built-in validation is off for this cluster.
        try ScenarioCheck.verify(cluster, name: "tricky", options: .unvalidated)
    }
}
