import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Configuration, suppression and diagnostics")
struct ConfigurationTests {
    let broken = Fixtures.deployment.with([
        "metadata.name": "Bad_Name", "spec.template.spec.containers[0].resources.limits.cpu": nil,
    ])

    @Test("disabled rules do not report")
    func disabling() {
        let all = validate([broken])
        #expect(all.contains { $0.ruleID == Rule.nameDNS1123Subdomain.id })
        let filtered = validate([broken]) { $0.disable(Rule.nameDNS1123Subdomain.id) }
        #expect(!filtered.contains { $0.ruleID == Rule.nameDNS1123Subdomain.id })
    }

    @Test("policy rules can be re-levelled; API rules cannot")
    func severities() {
        var configuration = ValidationConfiguration()
        let policyChanged = configuration.setSeverity(.error, for: Rule.policyCPULimit.id)
        let apiChanged = configuration.setSeverity(.info, for: Rule.nameDNS1123Subdomain.id)
        let unknownChanged = configuration.setSeverity(.info, for: "NO-SUCH-RULE")
        #expect(policyChanged)
        #expect(!apiChanged)
        #expect(!unknownChanged)
        let diagnostics = Validator(configuration: configuration).validate(manifests([broken]))
        #expect(diagnostics.first { $0.ruleID == Rule.policyCPULimit.id }?.severity == .error)
        #expect(diagnostics.first { $0.ruleID == Rule.nameDNS1123Subdomain.id }?.severity == .error)
    }

    @Test("suppression needs a reason and can be forbidden")
    func suppression() {
        let annotated = broken.with([
            "metadata.annotations": .object([
                "kubekit.io/ignore": "POLICY-CPU-LIMIT, K8S-NAME-DNS1123",
                "kubekit.io/ignore-reason": "legacy name, burstable",
            ])
        ])
        let suppressed = validate([annotated])
        #expect(
            !suppressed.contains { $0.ruleID == Rule.policyCPULimit.id || $0.ruleID == Rule.nameDNS1123Subdomain.id })

        let noReason = broken.with(["metadata.annotations": .object(["kubekit.io/ignore": "POLICY-CPU-LIMIT"])])
        let unsuppressed = validate([noReason])
        #expect(unsuppressed.contains { $0.ruleID == Rule.policyCPULimit.id })
        #expect(unsuppressed.contains { $0.ruleID == Rule.suppressionReason.id })

        let forbidden = validate([annotated]) { $0.allowsSuppressions = false }
        #expect(forbidden.contains { $0.ruleID == Rule.policyCPULimit.id })
        #expect(forbidden.contains { $0.ruleID == Rule.nameDNS1123Subdomain.id })
        #expect(forbidden.contains { $0.ruleID == Rule.suppressionForbidden.id })
    }

    @Test("policy sets select what runs")
    func policySets() {
        let apiOnly = validate([broken], sets: [.apiServer])
        #expect(apiOnly.allSatisfy { $0.category == .api })
        #expect(!apiOnly.isEmpty)
        let policyOnly = validate([broken], sets: [.bestPractice])
        #expect(policyOnly.allSatisfy { $0.category == .policy })
    }

    @Test("diagnostics are sorted stably by document, field and rule")
    func ordering() {
        let documents = [
            broken, Fixtures.service.with(["metadata.name": "1web"]), broken.with(["metadata.name": "Other_Name"]),
        ]
        let first = validate(documents)
        let second = validate(documents.reversed().reversed())
        #expect(first == second)
        let positions = first.compactMap(\.documentIndex)
        #expect(positions == positions.sorted())
        #expect(first == first.sorted(by: Diagnostic.stableOrder))
    }

    @Test("secret values never appear in messages")
    func secretsStayHidden() throws {
        let value = "s3cr3t-PASSWORD-value-4711"
        let secret = Fixtures.secret.with([
            "type": "kubernetes.io/dockerconfigjson",
            "stringData": .object([".dockerconfigjson": .string("{not json " + value), "bad key": .string(value)]),
        ])
        let workload = Fixtures.deployment.with([
            "spec.template.spec.containers[0].env[0]": .object(["name": "DB_PASSWORD", "value": .string(value)])
        ])
        let diagnostics = validate([secret, workload], sets: Set(PolicySet.allCases))
        #expect(diagnostics.contains { $0.ruleID == Rule.secretType.id })
        #expect(diagnostics.contains { $0.ruleID == Rule.dataKey.id })
        #expect(diagnostics.contains { $0.ruleID == Rule.policySecretLiteralInEnv.id })
        for output in [
            TextFormatter().format(diagnostics), JSONFormatter().format(diagnostics),
            SARIFFormatter().format(diagnostics),
        ] {
            #expect(!output.contains(value))
        }
    }

    @Test("field paths follow Kubernetes naming")
    func fieldPaths() {
        let diagnostics = validate(
            [
                Fixtures.deployment.with([
                    "spec.template.spec.containers[0].resources.requests.memory": "512Mi",
                    "metadata.labels.tier": "front end",
                ])
            ], sets: [.apiServer])
        let paths = Set(diagnostics.map(\.fieldPath))
        #expect(paths.contains("spec.template.spec.containers[0].resources.requests.memory"))
        #expect(paths.contains("metadata.labels.tier"))
        let dotted = validate(
            [Fixtures.deployment.with(["metadata.labels": .object(["app.kubernetes.io/name": "has space"])])],
            sets: [.apiServer])
        #expect(dotted.contains { $0.fieldPath == "metadata.labels[\"app.kubernetes.io/name\"]" })
    }

    @Test("List documents are validated item by item")
    func lists() {
        let list = JSONValue.object(["apiVersion": "v1", "kind": "List", "items": .array([broken, Fixtures.service])])
        let diagnostics = validate([list], sets: [.apiServer])
        #expect(diagnostics.contains { $0.ruleID == Rule.nameDNS1123Subdomain.id && $0.resource.kind == "Deployment" })
    }

    /// A node tree for a JSON value that puts every mapping key on its own line, in document order.
    static func node(_ value: JSONValue, file: String, line: inout Int) -> Node {
        let location = KubeSerialization.SourceLocation(file: file, line: line, column: 1)
        switch value {
        case .object(let object):
            var entries: [Node.Entry] = []
            for key in object.keys.sorted() {
                line += 1
                let keyLocation = KubeSerialization.SourceLocation(file: file, line: line, column: 3)
                let child = node(object[key] ?? .null, file: file, line: &line)
                entries.append(Node.Entry(key: key, keyLocation: keyLocation, value: child))
            }
            return Node(.mapping(entries), at: location)
        case .array(let items):
            var nodes: [Node] = []
            for item in items {
                line += 1
                nodes.append(node(item, file: file, line: &line))
            }
            return Node(.sequence(nodes), at: location)
        case .string(let text): return Node(.string(text), at: location)
        case .int(let number): return Node(.int(number), at: location)
        case .double(let number): return Node(.double(number), at: location)
        case .bool(let flag): return Node(.bool(flag), at: location)
        case .null: return Node(.null, at: location)
        }
    }

    @Test("diagnostics carry the source location of the field")
    func locations() throws {
        var line = 1
        let root = Self.node(broken, file: "deploy.yaml", line: &line)
        let manifest = try #require(manifests([broken]).first)
        let diagnostics = Validator().validate([ValidationDocument(manifest, node: root)])
        let name = try #require(diagnostics.first { $0.ruleID == Rule.nameDNS1123Subdomain.id })
        let metadata = try #require(root["metadata"])
        guard case .mapping(let entries) = metadata.content, let nameEntry = entries.first(where: { $0.key == "name" })
        else {
            Issue.record("fixture has no metadata.name")
            return
        }
        #expect(name.location == nameEntry.keyLocation)
        #expect(name.location?.file == "deploy.yaml")
        #expect(name.description.hasPrefix("deploy.yaml:\(nameEntry.keyLocation.line):3: error[K8S-NAME-DNS1123]"))
    }
}
