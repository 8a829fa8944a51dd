import Foundation
import KubeModels
import KubeSerialization
import Testing

/// The generated direct write path (`StructuredWritable`) writes exactly the bytes the
/// `Encodable` path writes, in YAML and in JSON, over the all-fields fixtures and the corpus.
@Suite struct DirectWritePathTests {
    static let fixtureFiles: [URL] =
        (try? TestPaths.files(
            in: TestPaths.fixtures.appendingPathComponent("all-fields"), suffix: ".json")) ?? []

    static let corpusFiles: [URL] = (try? TestPaths.files(in: TestPaths.kubectlJSON, suffix: ".jsonl")) ?? []

    /// Writes `manifest` as YAML and as JSON through either path.
    static func render(_ manifest: Manifest, direct: Bool) throws -> (yaml: String, json: String) {
        let encoder = StructuredEncoder(usesDirectWrites: direct)
        let yaml = YAMLWriter()
        try encoder.encode(manifest, to: yaml)
        try yaml.finish()
        let json = JSONWriter(options: .compact)
        try encoder.encode(manifest, to: json)
        try json.finish()
        return (String(decoding: yaml.sink.bytes, as: UTF8.self), String(decoding: json.sink.bytes, as: UTF8.self))
    }

    static func expectSamePaths(_ manifests: [Manifest], in name: String) throws {
        for (index, manifest) in manifests.enumerated() {
            let direct = try render(manifest, direct: true)
            let codable = try render(manifest, direct: false)
            #expect(!direct.json.isEmpty)
            #expect(direct.yaml == codable.yaml, "\(name) #\(index): YAML differs between the paths")
            #expect(direct.json == codable.json, "\(name) #\(index): JSON differs between the paths")
        }
    }

    @Test func everyKindHasADirectWritePath() {
        #expect(ResourceRegistry.kubernetesKinds.count > 20)
        for kind in ResourceRegistry.kubernetesKinds {
            #expect(kind is any StructuredWritable.Type, "\(kind) has no direct write path")
        }
    }

    @Test(arguments: fixtureFiles)
    func allFieldsFixtureWritesIdentically(_ file: URL) throws {
        let manifest = try ResourceRegistry.kubernetes.decode(json: Data(contentsOf: file))
        #expect(manifest.resource != nil, "\(file.lastPathComponent) decoded as unstructured")
        try Self.expectSamePaths([manifest], in: file.lastPathComponent)
    }

    @Test func corpusWritesIdentically() throws {
        #expect(Self.corpusFiles.count > 50)
        var count = 0
        for file in Self.corpusFiles {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            // Documents the strict decoder rejects (unknown fields) are covered by CorpusRoundTripTests.
            let manifests = lines.compactMap { try? ResourceRegistry.kubernetes.decode(json: Data($0.utf8)) }
            count += manifests.count
            try Self.expectSamePaths(manifests, in: file.lastPathComponent)
        }
        #expect(count > 150)
    }
}
