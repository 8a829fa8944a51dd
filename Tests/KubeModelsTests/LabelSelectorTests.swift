import KubeModels
import Testing

@Suite struct LabelSelectorTests {
    let labels = ["app": "web", "tier": "frontend", "env": "prod"]

    @Test func emptySelectorMatchesEverything() {
        #expect(LabelSelector().matches(labels))
        #expect(LabelSelector().matches([:]))
        #expect(LabelSelector(matchExpressions: [], matchLabels: [:]).isEmpty)
    }

    @Test func matchLabelsMustAllHold() {
        #expect(LabelSelector(matching: ["app": "web"]).matches(labels))
        #expect(LabelSelector(matching: ["app": "web", "tier": "frontend"]).matches(labels))
        #expect(!LabelSelector(matching: ["app": "web", "tier": "backend"]).matches(labels))
        #expect(!LabelSelector(matching: ["missing": "x"]).matches(labels))
    }

    @Test(arguments: [
        (LabelSelectorOperator.in, ["web", "api"], true),
        (.in, ["api"], false),
        (.notIn, ["api"], true),
        (.notIn, ["web"], false),
    ])
    func setOperators(op: LabelSelectorOperator, values: [String], expected: Bool) {
        let requirement = LabelSelectorRequirement(key: "app", operator: op, values: values)
        #expect(requirement.matches(labels) == expected)
    }

    @Test func existenceOperators() {
        #expect(LabelSelectorRequirement(key: "app", operator: .exists).matches(labels))
        #expect(!LabelSelectorRequirement(key: "zone", operator: .exists).matches(labels))
        #expect(LabelSelectorRequirement(key: "zone", operator: .doesNotExist).matches(labels))
        #expect(!LabelSelectorRequirement(key: "app", operator: .doesNotExist).matches(labels))
        // NotIn on an absent key holds, In on an absent key does not.
        #expect(LabelSelectorRequirement(key: "zone", operator: .notIn, values: ["a"]).matches(labels))
        #expect(!LabelSelectorRequirement(key: "zone", operator: .in, values: ["a"]).matches(labels))
    }

    @Test func labelsAndExpressionsAreANDed() {
        let selector = LabelSelector(
            matchExpressions: [LabelSelectorRequirement(key: "env", operator: .in, values: ["prod", "staging"])],
            matchLabels: ["app": "web"])
        #expect(selector.matches(labels))
        #expect(!selector.matches(["app": "web", "env": "dev"]))
        #expect(!selector.matches(["env": "prod"]))
    }

    @Test func unknownOperatorMatchesNothing() {
        let requirement = LabelSelectorRequirement(key: "app", operator: LabelSelectorOperator(rawValue: "Like"), values: ["web"])
        #expect(!requirement.matches(labels))
    }
}
