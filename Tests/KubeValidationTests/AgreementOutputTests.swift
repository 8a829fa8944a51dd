import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// Writes the violating documents of every Karpenter, eksctl and Flux API rule (the rules the CRD
/// schemas and CEL rules, or eksctl's schema, express) to `$KUBEKIT_ORACLE_OUT/agreement/<rule-id>.yaml`,
/// one file per rule, so `Scripts/check-agreement.sh` can confirm the oracle refuses every one; the
/// passing documents of the same cases go to `agreement/good/`, which the oracle must accept.
@Suite("Oracle agreement output")
struct AgreementOutputTests {
    /// The cases whose violations the oracle can see: API-category rules of the ecosystems.
    static let oracleCases = ecosystemRuleCases.filter { $0.rule.category == .api }

    /// The documents of a case's violating set that the rule fired on.
    static func offending(_ ruleCase: RuleCase) -> [Manifest] {
        let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.apiServer]))
            .validate(ruleCase.bad)
        let positions = Set(diagnostics.filter { $0.ruleID == ruleCase.rule.id }.compactMap(\.documentIndex))
        return positions.sorted().map { ruleCase.bad[$0] }
    }

    @Test("every oracle-expressible rule has an offending document")
    func everyRuleHasOffendingDocuments() throws {
        #expect(Self.oracleCases.count >= 30)
        var written = 0
        let root = ProcessInfo.processInfo.environment["KUBEKIT_ORACLE_OUT"].map {
            URL(fileURLWithPath: $0).appendingPathComponent("agreement")
        }
        if let root { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        for ruleCase in Self.oracleCases {
            let documents = Self.offending(ruleCase)
            #expect(!documents.isEmpty, "\(ruleCase.rule.id) reported nothing with a document position")
            if let root {
                try Self.write(documents, to: root.appendingPathComponent("\(ruleCase.rule.id.rawValue).yaml"))
                try Self.write(
                    ruleCase.good, to: root.appendingPathComponent("good/\(ruleCase.rule.id.rawValue).yaml"))
                written += 1
            }
        }
        if root != nil { #expect(written == Self.oracleCases.count) }
    }

    @Test("the passing documents get no API errors", arguments: oracleCases)
    func passingDocumentsHaveNoAPIErrors(_ ruleCase: RuleCase) {
        let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.apiServer]))
            .validate(ruleCase.good)
        let errors = diagnostics.filter { $0.category == .api && $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    /// Writes documents as YAML: JSON is YAML, so each is one JSON line after a `---` separator.
    static func write(_ documents: [Manifest], to url: URL) throws {
        var text = ""
        for document in documents {
            let data = try JSONEncoder().encode(try document.jsonValue())
            text += "---\n" + String(decoding: data, as: UTF8.self) + "\n"
        }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
