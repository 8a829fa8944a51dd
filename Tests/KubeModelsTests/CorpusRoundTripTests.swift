import Foundation
import KubeModels
import KubeSerialization
import Testing

/// Every document of a modelled kind in the real-world corpus (the JSON kubectl sends) decodes
/// strictly into its model and encodes back to an equal JSON value.
@Suite struct CorpusRoundTripTests {
    static let files: [URL] = (try? TestPaths.files(in: TestPaths.kubectlJSON, suffix: ".kubectl.jsonl")) ?? []

    @Test func corpusIsPresent() {
        #expect(Self.files.count >= 70, "no corpus at \(TestPaths.kubectlJSON.path)")
    }

    /// Documents the oracles reject (regenerated and compared by `.ci/run`).
    static let rejected: Set<String> = {
        let url = TestPaths.fixtures.appendingPathComponent("corpus-oracle-rejections.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map(String.init))
    }()

    @Test(arguments: files)
    func documentsRoundTrip(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let id = "\(file.lastPathComponent)#\(index + 1)"
            let original = try JSONDecoder().decode(JSONValue.self, from: Data(line))
            let manifest: Manifest
            do {
                manifest = try ResourceRegistry.kubernetes.decode(json: Data(line))
            } catch let error as ManifestError {
                // Only documents the API server would reject may fail, and they must say where.
                #expect(Self.rejected.contains(id), "\(id): \(error)")
                #expect(!error.path.isEmpty, "\(id): error without a field path: \(error)")
                continue
            }
            #expect(!Self.rejected.contains(id) || manifest.resource == nil, "\(id): the oracles reject it, KubeKit decoded it")
            let encoded = try encodeJSON(manifest)
            let back = try JSONDecoder().decode(JSONValue.self, from: encoded)
            var differences: [String] = []
            Self.compare(original, back, path: "", embedded: false, differences: &differences)
            #expect(differences.isEmpty, "\(id) (\(manifest.typeMeta)): \(differences.joined(separator: "; "))")
        }
    }

    /// Semantic comparison: `null` members equal absent ones (as for the API server), and embedded
    /// objects (a StatefulSet's `volumeClaimTemplates`) may gain their `apiVersion` and `kind`.
    static func compare(_ a: JSONValue, _ b: JSONValue, path: String, embedded: Bool, differences: inout [String]) {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() {
                let left: JSONValue? = x[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
                let right: JSONValue? = y[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
                switch (left, right) {
                case (let l?, let r?): compare(l, r, path: "\(path).\(key)", embedded: true, differences: &differences)
                case (nil, nil): break
                case (nil, _?):
                    if !(embedded && (key == "apiVersion" || key == "kind")) { differences.append("\(path).\(key) added") }
                case (_?, nil): differences.append("\(path).\(key) dropped")
                }
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (i, pair) in zip(x, y).enumerated() {
                compare(pair.0, pair.1, path: "\(path)[\(i)]", embedded: embedded, differences: &differences)
            }
        default:
            if a != b { differences.append("\(path): \(a) became \(b)") }
        }
    }

    @Test func corpusCoversManyKinds() throws {
        var kinds = Set<String>()
        for file in Self.files {
            let data = try Data(contentsOf: file)
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let manifest = try? ResourceRegistry.kubernetes.decode(json: Data(line)), manifest.resource != nil {
                    kinds.insert(manifest.kind)
                }
            }
        }
        #expect(kinds.count >= 15, "typed kinds in the corpus: \(kinds.sorted())")
    }
}
