import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// The real-world corpus: every document the oracles accept must pass the API rules, except the
/// findings listed (and explained) in ``justified``.
@Suite("Real-world corpus")
struct CorpusTests {
    /// `file#line: RULE-ID` for API errors on oracle-accepted documents, each checked by hand.
    static let justified: [String: String] = [
        // Annotation keys are qualified names (ValidateAnnotations checks IsQualifiedName on the
        // lowercased key); a space or a quote in the name part is refused by the API server.
        "corpus__synthetic__anchors-flow-quoted-keys.yaml.kubectl.jsonl#1: K8S-ANNOTATION-KEY":
            "annotation keys \"example.com/quoted key\" and \"example.com/single'quote\" are not qualified names",
        // A Service without spec has no ports; the API server answers "spec.ports: Required value"
        // for every type but ExternalName and headless Services.
        "eksctl-io__eksctl__pkg__kubernetes__testdata__list-with-comment-nodes.yaml.kubectl.jsonl#3: K8S-SERVICE-PORT":
            "the two Services in this List have no spec, hence no ports",
        // A blueprint template: "<<AZ>>" is a placeholder the reader replaces before applying. As
        // written, Karpenter's runtime check (every requirement value a label value) refuses it.
        "aws-samples__karpenter-blueprints__blueprints__reserved-capacity__odcr.yaml.kubectl.jsonl#2: KARPENTER-LABEL-SYNTAX":
            "requirement value \"<<AZ>>\" is a placeholder to be replaced, not a label value",
    ]

    struct Document {
        let key: String
        let manifest: Manifest
    }

    static func corpus() throws -> (documents: [String: [Document]], rejected: Set<String>) {
        let rejected = Set(
            try String(contentsOf: TestPaths.oracleRejections, encoding: .utf8)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        var byFile: [String: [Document]] = [:]
        let files = try FileManager.default.contentsOfDirectory(
            at: TestPaths.kubectlJSON, includingPropertiesForKeys: nil
        )
        .filter { $0.lastPathComponent.hasSuffix(".kubectl.jsonl") }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            let data = try Data(contentsOf: file)
            var line = 0
            for chunk in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                line += 1
                if chunk.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                let key = "\(file.lastPathComponent)#\(line)"
                if rejected.contains(key) { continue }
                let manifest = try ResourceRegistry.kubernetes.decode(json: Data(chunk))
                byFile[file.lastPathComponent, default: []].append(Document(key: key, manifest: manifest))
            }
        }
        return (byFile, rejected)
    }

    @Test("oracle-accepted documents produce no unexplained API errors")
    func noAPIErrors() throws {
        let (byFile, _) = try Self.corpus()
        var count = 0
        var unexplained: [String] = []
        var explained = 0
        for (_, documents) in byFile.sorted(by: { $0.key < $1.key }) {
            count += documents.count
            let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.apiServer]))
                .validate(documents.map(\.manifest))
            for diagnostic in diagnostics where diagnostic.severity == .error {
                guard let position = diagnostic.documentIndex else { continue }
                let key = "\(documents[position].key): \(diagnostic.ruleID)"
                if Self.justified[key] != nil {
                    explained += 1
                } else {
                    unexplained.append("\(key) \(diagnostic.fieldPath): \(diagnostic.message)")
                }
            }
        }
        print(
            "corpus: \(count) oracle-accepted documents, \(explained) justified API errors, \(unexplained.count) unexplained"
        )
        #expect(count > 150)
        #expect(unexplained.isEmpty, "\(unexplained.joined(separator: "\n"))")
    }

    @Test("the whole corpus validates with every policy set without crashing, in stable order")
    func allPolicySets() throws {
        let (byFile, _) = try Self.corpus()
        let all = byFile.sorted(by: { $0.key < $1.key }).flatMap { $0.value.map(\.manifest) }
        let validator = Validator(configuration: ValidationConfiguration(policySets: Set(PolicySet.allCases)))
        let first = validator.validate(all)
        #expect(first == validator.validate(all))
        #expect(!first.isEmpty)
    }
}
