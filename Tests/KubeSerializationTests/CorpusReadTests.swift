import Foundation
import Testing

@testable import KubeSerialization

/// The shared real-world corpus: `../shared/corpus` next to the package root.
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KubeSerializationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // the directory that holds shared/
        .appendingPathComponent("shared/corpus")

    static var manifests: URL { root.appendingPathComponent("manifests") }
    static var expectations: URL { root.appendingPathComponent("kubectl-json") }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: manifests.path) }

    /// Every manifest file name, sorted.
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: manifests.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    /// Files for which kubectl's JSON is recorded (the ones kubectl accepts).
    static var filesWithExpectations: [String] {
        files.filter { FileManager.default.fileExists(atPath: expectationURL(for: $0).path) }
    }

    static func expectationURL(for file: String) -> URL {
        expectations.appendingPathComponent(file + ".kubectl.jsonl")
    }

    static func data(_ file: String) throws -> Data {
        try Data(contentsOf: manifests.appendingPathComponent(file))
    }

    /// The objects kubectl sends for `file`, one per line, decoded independently of KubeKit's readers.
    static func expected(_ file: String) throws -> [JSONValue] {
        let text = try String(contentsOf: expectationURL(for: file), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }
}

@Suite("Corpus", .enabled(if: Corpus.isAvailable, "needs ../shared/corpus"))
struct CorpusReadTests {
    @Test("every document equals what kubectl sends", arguments: Corpus.filesWithExpectations)
    func matchesKubectl(_ file: String) throws {
        let documents = try ManifestReader.readAll(try Corpus.data(file), file: file)
        let expected = try Corpus.expected(file)
        #expect(documents.count == expected.count)
        for (index, (document, object)) in zip(documents, expected).enumerated() {
            #expect(document.jsonValue == object, "document \(index + 1) of \(file)")
        }
    }

    @Test("the files kubectl rejects are read per the YAML spec or fail with a located error")
    func filesKubectlRejects() throws {
        let rejected = Set(Corpus.files).subtracting(Corpus.filesWithExpectations)
        #expect(
            rejected == [
                "corpus__synthetic__document-markers.yaml",
                "corpus__synthetic__hazard-unquoted-ambiguous-scalars.yaml",
                "stackrox__kube-linter__pkg__templates__sortedkeys__testdata__container-with-merge.yaml",
            ])

        // %YAML, `--- {inline}` and `--- !!map` are valid YAML that kubectl's line splitter rejects.
        let markers = try YAMLReader.readAll(try Corpus.data("corpus__synthetic__document-markers.yaml"))
        let expectedMarkers: [JSONValue] = [
            ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "markers"]],
            [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": "markers-strings", "namespace": "markers"],
                "data": [
                    "dashes": "---", "dots": "...", "dashes-in-text": "--- is only a marker at column 0",
                    "literal-with-markers": "first line\n---\n...\n# this is content, not a comment\nlast line\n",
                    "folded-with-markers": "--- stays content because it is indented, ... and so does this line.",
                ],
            ],
            [
                "apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": ["name": "inline-doc", "namespace": "markers"],
            ],
            [
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": "explicit-tags", "namespace": "markers"],
                "data": ["octal-as-string": "0755", "bool-as-string": "true", "int-from-quoted": "42"],
            ],
        ]
        #expect(markers.map(\.jsonValue) == expectedMarkers)

        // `.inf` has no JSON form: kubectl fails, and so does the reader, at the value.
        let hazard = "corpus__synthetic__hazard-unquoted-ambiguous-scalars.yaml"
        let hazardData = try Corpus.data(hazard)
        do {
            _ = try ManifestReader.readAll(hazardData, file: hazard)
            Issue.record("\(hazard) was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: hazard, line: 41, column: 13))
            #expect(error.message.contains("infinity"))
        }

        // `<<: *x` where x is a sequence: go-yaml (kubectl) rejects it, and so does the reader.
        let merge = "stackrox__kube-linter__pkg__templates__sortedkeys__testdata__container-with-merge.yaml"
        let mergeData = try Corpus.data(merge)
        do {
            _ = try ManifestReader.readAll(mergeData, file: merge)
            Issue.record("\(merge) was accepted")
        } catch {
            #expect(error.location == SourceLocation(file: merge, line: 31, column: 19))
            #expect(error.message.contains("merge key '<<'"))
        }
    }

    @Test("the hazard file's other scalars resolve as go-yaml v2 does")
    func hazardScalars() throws {
        // Without the two lines kubectl cannot send, the file reads; check what the ambiguous values became.
        let text = try String(
            decoding: Corpus.data("corpus__synthetic__hazard-unquoted-ambiguous-scalars.yaml"), as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(".inf") && !$0.contains(".NaN") }.joined(separator: "\n")
        let documents = try YAMLReader.readAll(kept)
        #expect(documents.count == 2)
        let data = try #require(documents.first?["data"]?.jsonValue)
        let expected: JSONValue = [
            "enabled": true, "legacy": true, "debug": false, "short-true": true, "short-false": false, "really": true,
            "mode": 493, "mode-o": 493, "hex": 16, "thousand": 1000, "sci": 1000, "ratio": 1.1, "signed": 1,
            "leading-zero": 8, "clock": "12:30", "day": "2024-01-02", "stamp": "2024-01-02T03:04:05Z", "tilde": nil,
            "nothing": nil, "big": 1.2345678901234568e29,
        ]
        #expect(data == expected)
        #expect(documents.first?["metadata"]?["labels"]?.jsonValue == ["managed": true, "tier": false])
    }

    @Test("YAMLReader and ManifestReader agree on every YAML file")
    func readersAgree() throws {
        for file in Corpus.filesWithExpectations {
            let data = try Corpus.data(file)
            let yaml = try YAMLReader.readAll(data, file: file).map(\.jsonValue)
            let manifest = try ManifestReader.readAll(data, file: file).map(\.jsonValue)
            #expect(yaml == manifest, "\(file)")
        }
    }
}
