import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Rule catalog")
struct RuleCatalogTests {
    @Test("every rule has a violating and a passing case")
    func everyRuleIsCovered() {
        let covered = Set(allRuleCases.map(\.rule.id))
        // K8S-SCHEMA is about documents that never become models; SchemaRuleTests covers it.
        let missing = Rule.catalog.map(\.id).filter { !covered.contains($0) && $0 != Rule.schema.id }
        #expect(missing.isEmpty, "rules without a test case: \(missing)")
    }

    @Test("the documentation lists every rule")
    func documentationListsEveryRule() throws {
        let article = TestPaths.packageRoot.appendingPathComponent(
            "Sources/KubeValidation/KubeValidation.docc/KubeValidation.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        for rule in Rule.catalog {
            #expect(
                text.contains("| `\(rule.id)` | \(rule.defaultSeverity) |"),
                "\(rule.id) is missing from KubeValidation.md")
        }
    }

    @Test("rule IDs are unique and prefixed by category")
    func identifiers() {
        let ids = Rule.catalog.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Rule.catalog {
            let ecosystem = ["KARPENTER-", "EKSCTL-", "FLUX-"].contains { rule.id.rawValue.hasPrefix($0) }
            switch rule.category {
            case .api: #expect(rule.id.rawValue.hasPrefix("K8S-") || ecosystem, "\(rule.id)")
            case .podSecurity: #expect(rule.id.rawValue.hasPrefix("PSS-"), "\(rule.id)")
            case .policy:
                #expect(
                    rule.id.rawValue.hasPrefix("POLICY-") || rule.id.rawValue.hasPrefix("KUBEKIT-") || ecosystem,
                    "\(rule.id)")
            case .crossResource: #expect(rule.id.rawValue.hasPrefix("XREF-"), "\(rule.id)")
            }
            #expect(!rule.summary.isEmpty)
            #expect(Rule.named(rule.id) == rule)
        }
    }

    @Test("the violating document triggers the rule", arguments: allRuleCases)
    func violationIsReported(_ ruleCase: RuleCase) {
        let diagnostics = run(ruleCase, ruleCase.bad)
        let hits = diagnostics.filter { $0.ruleID == ruleCase.rule.id }
        #expect(!hits.isEmpty, "\(ruleCase.rule.id) did not fire; got \(diagnostics.map(\.description))")
        for hit in hits {
            #expect(hit.category == ruleCase.rule.category)
            #expect(!hit.message.isEmpty)
        }
    }

    @Test("the passing document does not trigger the rule", arguments: allRuleCases)
    func passingDocumentIsClean(_ ruleCase: RuleCase) {
        let diagnostics = run(ruleCase, ruleCase.good)
        let hits = diagnostics.filter { $0.ruleID == ruleCase.rule.id }
        #expect(hits.isEmpty, "\(ruleCase.rule.id) fired on the passing document: \(hits.map(\.description))")
    }

    private func run(_ ruleCase: RuleCase, _ documents: [Manifest]) -> [Diagnostic] {
        var configuration = ValidationConfiguration(policySets: ruleCase.sets)
        configuration.allowsSuppressions = ruleCase.allowsSuppressions
        return Validator(configuration: configuration).validate(documents)
    }

    @Test("the hardened fixture cluster passes every policy set")
    func hardenedClusterIsClean() {
        let diagnostics = validate(Fixtures.cluster, sets: Set(PolicySet.allCases))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }
}
