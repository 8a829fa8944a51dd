import Foundation
import KubeAWS
import KubeModels
import KubeSerialization
import Testing

/// The all-fields fixtures (every field of every CRD kind and of eksctl's ClusterConfig set at
/// least once, each document valid for the oracles) go through the typed models unchanged.
/// What KubeKit writes is left in `$KUBEKIT_ORACLE_OUT/crds` for `.ci/run` to check with the
/// oracles (CRD schemas with every CEL rule, eksctl's schema).
@Suite struct AllFieldsFixtureTests {
    static let fixtureRoot = Paths.packageRoot.appendingPathComponent("Tests/CRDModelsTests/Fixtures")
    static let files: [URL] = ["aws-all-fields", "flux-all-fields", "prometheus-all-fields"].flatMap {
        Paths.files(fixtureRoot.appendingPathComponent($0), suffix: ".yaml")
    }

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 17)
    }

    @Test(arguments: files)
    func fixtureRoundTripsThroughTheModels(_ url: URL) throws {
        var output = Data()
        let documents = try Paths.readDocuments(url)
        #expect(!documents.isEmpty)
        for (index, document) in documents.enumerated() {
            let encoded: Data
            if document["kind"]?.stringValue == "ClusterConfig" {
                let config = try JSONValueEncoding.decode(ClusterConfig.self, from: document)
                encoded = try encodeJSON(config)
            } else {
                let manifest = try Kinds.registry.decode(document)
                #expect(manifest.resource != nil, "\(url.lastPathComponent)#\(index + 1): \(manifest.typeMeta) has no model")
                encoded = try encodeJSON(manifest)
            }
            let back = try JSONDecoder().decode(JSONValue.self, from: encoded)
            let diff = differences(document, back)
            #expect(diff.isEmpty, "\(url.lastPathComponent)#\(index + 1): \(diff.prefix(5))")
            output.append(encoded)
            output.append(UInt8(ascii: "\n"))
        }
        if let out = ProcessInfo.processInfo.environment["KUBEKIT_ORACLE_OUT"] {
            let dir = URL(fileURLWithPath: out).appendingPathComponent("crds")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let name = url.deletingLastPathComponent().lastPathComponent + "-" + url.deletingPathExtension().lastPathComponent + ".jsonl"
            try output.write(to: dir.appendingPathComponent(name), options: .atomic)
        }
    }
}
