import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

// Cases for the best-practice rules added so that every checkov check has a KubeKit counterpart
// (Scripts/compare-checkov.py), and for POLICY-API-VERSION-REMOVED. Each bad set breaks one thing in
// the hardened fixture cluster; each good set is the fixture or a close variant that must pass.

private let podPath = "spec.template.spec."
private let first = "spec.template.spec.containers[0]."
private let digest = "@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac"

/// The fixture cluster with the Deployment changed.
private func cluster(_ changes: [String: JSONValue?]) -> [Manifest] {
    manifests(Fixtures.cluster(replacing: Fixtures.deployment, with: Fixtures.deployment.with(changes)))
}

private let hardened = manifests(Fixtures.cluster)

private let defaultAccount = JSONValue.parse(
    """
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}}
    """)

let checkovRuleCases: [RuleCase] = [
    RuleCase(
        rule: .policyCapabilitiesAdded,
        bad: cluster([first + "securityContext.capabilities.add": .array(["SYS_ADMIN"])]),
        good: hardened, sets: [.bestPractice]),
    RuleCase(
        rule: .policyRunAsHighUID, bad: cluster([first + "securityContext.runAsUser": 1000]),
        good: cluster([first + "securityContext.runAsUser": 1000, podPath + "hostUsers": false]), sets: [.bestPractice]),
    RuleCase(
        rule: .policyRunAsHighUID, bad: cluster([first + "securityContext.runAsUser": nil]),
        good: cluster([first + "securityContext.runAsUser": nil, podPath + "securityContext.runAsUser": 20000]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyImageDigest, bad: cluster([first + "image": "registry.example.com/shop/web:1.4.2"]),
        good: hardened,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyKubernetesDashboard,
        bad: cluster([first + "image": .string("kubernetesui/dashboard:v2.7.0" + digest)]),
        good: cluster([first + "image": .string("registry.example.com/shop/dashboard-api:1.0" + digest)]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyKubernetesDashboard,
        bad: cluster(["spec.template.metadata.labels.k8s-app": "kubernetes-dashboard"]), good: hardened,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyHelmTiller, bad: cluster([first + "image": .string("ghcr.io/helm/tiller:v2.17.0" + digest)]),
        good: cluster([first + "image": .string("ghcr.io/example/distiller:v2.17.0" + digest)]), sets: [.bestPractice]),
    RuleCase(
        rule: .policyHelmTiller,
        bad: manifests([Fixtures.service.with(["metadata.name": "tiller-deploy", "spec.selector.name": "tiller"])]),
        good: manifests([Fixtures.service]), sets: [.bestPractice]),
    RuleCase(
        rule: .policyGitSyncGit,
        bad: cluster([first + "env": .array([.object(["name": "GITSYNC_GIT", "value": "/tmp/git"])])]),
        good: cluster([first + "env": .array([.object(["name": "GITSYNC_REPO", "value": "https://example.com/docs"])])]
        ),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyDefaultServiceAccount, bad: manifests([defaultAccount]),
        good: manifests([defaultAccount.with(["automountServiceAccountToken": false])]), sets: [.bestPractice]),
    RuleCase(
        rule: .policyDefaultServiceAccount,
        bad: manifests([Fixtures.roleBinding.with(["subjects[0].name": "default"])]),
        good: manifests([Fixtures.roleBinding]), sets: [.bestPractice]),
    RuleCase(
        rule: .policyIngressSnippet,
        bad: manifests([
            Fixtures.ingress.with([
                "metadata.annotations": .object([
                    "nginx.ingress.kubernetes.io/server-snippet": "location /files { alias /etc/; }"
                ])
            ])
        ]),
        good: manifests([
            Fixtures.ingress.with([
                "metadata.annotations": .object(["nginx.ingress.kubernetes.io/ssl-redirect": "true"])
            ])
        ]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyRBACSensitivePermission,
        bad: manifests([Fixtures.role.with(["rules[0].resources": .array(["secrets"])])]),
        good: manifests([
            Fixtures.role.with([
                "rules[0].resources": .array(["secrets"]), "rules[0].resourceNames": .array(["web-tls"]),
            ])
        ]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyRBACSensitivePermission,
        bad: manifests([
            Fixtures.role.with([
                "rules[0].apiGroups": .array(["rbac.authorization.k8s.io"]),
                "rules[0].resources": .array(["rolebindings"]),
                "rules[0].verbs": .array(["bind"]),
            ])
        ]),
        good: manifests([
            Fixtures.role.with([
                "rules[0].apiGroups": .array(["rbac.authorization.k8s.io"]),
                "rules[0].resources": .array(["rolebindings"]),
                "rules[0].verbs": .array(["get", "list"]),
            ])
        ]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .apiVersionRemoved, bad: manifests([Fixtures.cronJob.with(["apiVersion": "batch/v1beta1"])]),
        good: manifests([Fixtures.cronJob]), sets: [.apiServer]),
    RuleCase(
        rule: .apiVersionRemoved,
        bad: manifests([
            JSONValue.parse(
                """
                {"apiVersion": "policy/v1beta1", "kind": "PodSecurityPolicy", "metadata": {"name": "restricted"},
                 "spec": {"privileged": false}}
                """)
        ]),
        good: manifests([Fixtures.disruptionBudget]), sets: [.apiServer]),
]

@Suite("checkov counterparts")
struct CheckovCounterpartTests {
    @Test("adding only NET_BIND_SERVICE is an info; any other capability a warning")
    func addedCapabilitySeverity() {
        let validator = Validator(configuration: ValidationConfiguration(policySets: [.bestPractice]))
        func severities(_ capabilities: [JSONValue]) -> [Severity] {
            let documents = Fixtures.cluster(
                replacing: Fixtures.deployment,
                with: Fixtures.deployment.with([first + "securityContext.capabilities.add": .array(capabilities)]))
            return validator.validate(manifests(documents))
                .filter { $0.ruleID == Rule.policyCapabilitiesAdded.id }.map(\.severity)
        }
        #expect(severities(["NET_BIND_SERVICE"]) == [.info])
        #expect(severities(["NET_BIND_SERVICE", "NET_RAW"]) == [.warning])
    }

    @Test("a sensitive grant names what it allows; a wildcard is left to POLICY-RBAC-WILDCARD")
    func sensitiveMessages() {
        let role = Fixtures.role.with([
            "rules[0].resources": .array(["pods/exec"]), "rules[0].verbs": .array(["create"]),
            "rules[1]": .object(["apiGroups": .array(["*"]), "resources": .array(["*"]), "verbs": .array(["*"])]),
        ])
        let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.bestPractice]))
            .validate(manifests([role]))
        let sensitive = diagnostics.filter { $0.ruleID == Rule.policyRBACSensitivePermission.id }
        #expect(sensitive.count == 1)
        #expect(sensitive.first?.fieldPath == "rules[0]")
        #expect(sensitive.first?.message.contains("create pods/exec") == true)
        #expect(diagnostics.contains { $0.ruleID == Rule.policyRBACWildcard.id && $0.fieldPath.hasPrefix("rules[1]") })
    }

    @Test("a removed API version says which release removed it and what replaces it")
    func removedVersionMessage() {
        let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.apiServer]))
            .validate(manifests([Fixtures.cronJob.with(["apiVersion": "batch/v1beta1"])]))
        let hit = diagnostics.first { $0.ruleID == Rule.apiVersionRemoved.id }
        #expect(hit?.message.contains("1.25") == true)
        #expect(hit?.message.contains("batch/v1") == true)
        #expect(hit?.severity == .warning)
        #expect(hit?.category == .policy)
    }

    @Test("the checkov sample passes the API rules and trips every rule added for checkov")
    func checkovSample() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Tests/KubeValidationTests/Fixtures/checkov-sample")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        #expect(files.count == 5)
        var nodes: [Node] = []
        for file in files {
            nodes += try ManifestReader.readAll(Array(try Data(contentsOf: file)), file: file.lastPathComponent)
        }
        let errors = Validator(configuration: ValidationConfiguration(policySets: [.apiServer]))
            .validate(nodes: nodes).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        let fired = Set(
            Validator(configuration: ValidationConfiguration(policySets: [.apiServer, .bestPractice]))
                .validate(nodes: nodes).map(\.ruleID))
        let added: [Rule] = [
            .policyCapabilitiesAdded, .policyRunAsHighUID, .policyImageDigest, .policyKubernetesDashboard,
            .policyHelmTiller, .policyGitSyncGit, .policyDefaultServiceAccount, .policyIngressSnippet,
            .policyRBACSensitivePermission, .apiVersionRemoved,
        ]
        #expect(added.map(\.id).filter { !fired.contains($0) } == [])
    }

    @Test("image repositories drop registry, tag and digest but keep a registry port")
    func imageRepository() {
        #expect(BestPracticeRules.imageRepository("ghcr.io/helm/tiller:v2.17.0") == "ghcr.io/helm/tiller")
        #expect(BestPracticeRules.imageRepository("localhost:5000/tiller@sha256:abc") == "localhost:5000/tiller")
        #expect(BestPracticeRules.imageRepository("nginx") == "nginx")
    }
}
