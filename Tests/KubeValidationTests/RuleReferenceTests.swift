import Foundation
import Testing

@testable import KubeValidation

/// Renders `Documentation/ValidationRules.md` from ``Rule/catalog``.
///
/// The committed file must equal what ``markdown(for:)`` produces, so the reference can never
/// drift from the rules. After adding or changing a rule, regenerate it with
/// `KUBEKIT_RECORD_RULES=1 swift test --filter RuleReferenceTests` and commit the result.
enum RuleReference {
    /// The environment variable that rewrites the committed reference.
    static let recordVariable = "KUBEKIT_RECORD_RULES"

    /// The committed reference.
    static let file = TestPaths.packageRoot.appendingPathComponent("Documentation/ValidationRules.md")

    /// The heading and introduction of each category's table.
    static func section(_ category: RuleCategory) -> (title: String, intro: String) {
        switch category {
        case .api:
            return (
                "API server rules",
                "Run by the `api` policy set (always on). They restate checks the Kubernetes v1.37 API server makes "
                    + "in code, beyond what the OpenAPI schema says, so a finding here is an object the cluster would "
                    + "refuse (or, for the few warnings, accept with a warning). Their severity cannot be changed; "
                    + "a rule can still be disabled."
            )
        case .podSecurity:
            return (
                "Pod Security Standards",
                "Run by the `pod-security` set (each pod template against the levels its namespace's "
                    + "`pod-security.kubernetes.io/*` labels choose: `enforce` gives errors, `warn` and `audit` "
                    + "warnings), or by `pss-baseline` / `pss-restricted` (one level everywhere, as errors). The "
                    + "`PSS-BASELINE-*` checks belong to the baseline level; restricted adds the `PSS-RESTRICTED-*` ones."
            )
        case .policy:
            return (
                "Best practice and suppressions",
                "Run by the `best-practice` set. The severities are defaults: "
                    + "`ValidationConfiguration.setSeverity(_:for:)` changes them and `disable(_:)` turns a rule "
                    + "off. The `KUBEKIT-SUPPRESSION-*` rules report misuse of the `kubekit.io/ignore` annotation "
                    + "and cannot themselves be suppressed."
            )
        case .crossResource:
            return (
                "Cross-resource rules",
                "Run by the `cross-resource` set (on by default). They look at the whole input at once, through one "
                    + "index built before the rules run: selectors that select nothing, references to objects that "
                    + "are not in the input (declare those with the `kubekit.io/external-references` annotation), "
                    + "autoscalers and disruption budgets that contradict each other, and ResourceQuota capacity at "
                    + "maximum scale. Severities are defaults that configuration may change."
            )
        }
    }

    /// Escapes text for a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The whole reference page for `rules`.
    static func markdown(for rules: [Rule]) -> String {
        var lines: [String] = [
            "<!-- Generated from Rule.catalog by Tests/KubeValidationTests/RuleReferenceTests.swift.",
            "     Do not edit by hand: run `KUBEKIT_RECORD_RULES=1 swift test --filter RuleReferenceTests`. -->",
            "",
            "# Validation rules",
            "",
            "Every rule KubeKit's `Validator` can report, \(rules.count) in all, grouped by category. The ID is "
                + "stable: use it in `ValidationConfiguration.disable(_:)`, `setSeverity(_:for:)` and "
                + "`kubekit.io/ignore` annotations. See [Validating.md](Validating.md) for how to run and "
                + "configure validation.",
            "",
        ]
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            let (title, intro) = section(category)
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = members.filter { $0.defaultSeverity == severity }.count
                return count == 0 ? nil : "\(count) \(severity)"
            }
            lines += [
                "## \(title)", "", intro, "",
                "\(members.count) rules (\(counts.joined(separator: ", "))).", "",
                "| ID | Severity | What it checks |", "|---|---|---|",
            ]
            for rule in members {
                lines.append("| `\(rule.id)` | \(rule.defaultSeverity) | \(cell(rule.summary)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

@Suite("Rule reference")
struct RuleReferenceTests {
    @Test("Documentation/ValidationRules.md is generated from the rule catalog")
    func committedReferenceMatchesCatalog() throws {
        let expected = RuleReference.markdown(for: Rule.catalog)
        if ProcessInfo.processInfo.environment[RuleReference.recordVariable] == "1" {
            try expected.write(to: RuleReference.file, atomically: true, encoding: .utf8)
        }
        let committed = try? String(contentsOf: RuleReference.file, encoding: .utf8)
        let regenerate =
            "regenerate it with `\(RuleReference.recordVariable)=1 swift test --filter RuleReferenceTests` "
            + "and commit Documentation/ValidationRules.md"
        guard let committed else {
            Issue.record("\(RuleReference.file.path) is missing; \(regenerate)")
            return
        }
        if committed != expected {
            let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let new = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(old, new)).firstIndex { $0.0 != $0.1 } ?? min(old.count, new.count)
            let was = first < old.count ? String(old[first]) : "<end of file>"
            let now = first < new.count ? String(new[first]) : "<end of file>"
            let message =
                "Documentation/ValidationRules.md is out of date with Rule.catalog (first difference at line "
                + "\(first + 1): file has `\(was)`, catalog gives `\(now)`); \(regenerate)"
            Issue.record(Comment(rawValue: message))
        }
    }

    @Test("the reference lists every rule once, in its category's table")
    func referenceListsEveryRule() {
        let text = RuleReference.markdown(for: Rule.catalog)
        for rule in Rule.catalog {
            let row = "| `\(rule.id)` | \(rule.defaultSeverity) | "
            #expect(text.components(separatedBy: row).count == 2, "\(rule.id) should appear exactly once")
        }
        let apiTable = text.range(of: "## API server rules")
        let podSecurityTable = text.range(of: "## Pod Security Standards")
        let nameRow = text.range(of: "`\(Rule.nameRequired.id)`")
        if let apiTable, let podSecurityTable, let nameRow {
            #expect(apiTable.upperBound < nameRow.lowerBound && nameRow.upperBound < podSecurityTable.lowerBound)
        } else {
            Issue.record("the API and Pod Security tables and K8S-NAME-REQUIRED must all be present")
        }
    }

    @Test("table cells escape pipes so a summary cannot break the table")
    func cellsEscapePipes() {
        let rule = Rule("TEST-PIPE", .info, .policy, "a | b")
        #expect(RuleReference.markdown(for: [rule]).contains("| `TEST-PIPE` | info | a \\| b |"))
    }
}
