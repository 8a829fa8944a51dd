import Foundation
import KubeKit
import KubeTesting
import Testing

/// A small cluster whose environments differ in one nested field.
private enum Shop {
    struct Settings: Sendable, Hashable {
        var cpu: Quantity
    }

    static func web(cpu: Quantity) -> Deployment {
        let labels = ["app.kubernetes.io/name": "web"]
        return Deployment(
            name: "web", labels: labels,
            spec: DeploymentSpec(
                replicas: 2, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(containers: [
                        Container(
                            name: "web", image: "nginx:1.27",
                            resources: ResourceRequirements(requests: ["cpu": cpu, "memory": "128Mi"]))
                    ]))))
    }

    static let cluster = Cluster(
        "shop", environments: [.dev: Settings(cpu: "250m"), .prod: Settings(cpu: "2")]
    ) { env in
        Namespace(name: "shop")
        Group {
            web(cpu: env.cpu)
            if env.environment == .prod {
                ConfigMap(name: "prod-only", data: ["TIER": "prod"])
            }
        }
        .namespace("shop")
    }
}

private func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("kubetesting-\(UUID().uuidString)")
        .appendingPathComponent(name)
}

@Suite struct GoldenFileTests {
    @Test func recordingWritesTheFileThenMatches() throws {
        let file = temporaryFile("dev.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let yaml = try Shop.cluster.render(for: .dev).yaml()
        #expect(try GoldenFile.assertMatches(Shop.cluster, environment: .dev, file: file, record: false) == .recorded)
        #expect(try String(contentsOf: file, encoding: .utf8) == yaml)
        #expect(try GoldenFile.assertMatches(Shop.cluster, environment: .dev, file: file, record: false) == .matched)
        // Asked to record, it overwrites a different file.
        try "stale\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try GoldenFile.assertMatches(yaml, file: file, record: true) == .recorded)
        #expect(try String(contentsOf: file, encoding: .utf8) == yaml)
    }

    @Test func mismatchThrowsAReadableDiff() throws {
        let file = temporaryFile("dev.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try GoldenFile.assertMatches(Shop.cluster, environment: .dev, file: file, record: true)
        let error = try #require(throws: GoldenFileMismatch.self) {
            try GoldenFile.assertMatches(Shop.cluster, environment: .prod, file: file, record: false)
        }
        let text = error.description
        #expect(text.contains(file.path))
        #expect(text.contains("KUBEKIT_RECORD_GOLDEN=1"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("-             cpu: \"250m\""), "\(text)")
        #expect(lines.contains("+             cpu: \"2\""), "\(text)")
        #expect(lines.contains { $0.hasPrefix("+ ") && $0.contains("prod-only") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("@@ -") })
        // The golden file is left unchanged.
        #expect(try String(contentsOf: file, encoding: .utf8) == (try Shop.cluster.render(for: .dev).yaml()))
    }

    @Test func textDiffShowsContextOnly() {
        let expected = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let actual = expected.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        let diff = TextDiff(expected: expected, actual: actual, context: 1)
        #expect(diff.description == "@@ -9 +9 @@\n  line 9\n- line 10\n+ line ten\n  line 11")
        #expect(TextDiff(expected: expected, actual: expected).isEmpty)
    }
}

@Suite struct ManifestDiffTests {
    @Test func findsChangedNestedFieldAndNamesItsPath() throws {
        let dev = try Shop.cluster.render(for: .dev)
        let prod = try Shop.cluster.render(for: .prod)
        let diff = try ManifestDiff(from: dev, to: prod)
        #expect(diff.added == [ResourceIdentity(ConfigMap.self, namespace: "shop", name: "prod-only")])
        #expect(diff.removed.isEmpty)
        let web = ResourceIdentity(Deployment.self, namespace: "shop", name: "web")
        #expect(diff.changed.map(\.identity) == [web])
        #expect(
            diff.changes(of: web) == [
                ManifestDiff.FieldChange(
                    path: "spec.template.spec.containers[0].resources.requests.cpu", old: "250m", new: "2")
            ])
        #expect(diff.description.contains("spec.template.spec.containers[0].resources.requests.cpu: \"250m\" -> \"2\""))
        #expect(try ManifestDiff(from: prod, to: prod).isEmpty)
        let reverse = try ManifestDiff(from: prod, to: dev)
        #expect(reverse.removed == diff.added && reverse.added.isEmpty)
    }

    @Test func addedAndRemovedFieldsHaveNoValueOnOneSide() throws {
        let plain = Manifest(ConfigMap(name: "settings", data: ["A": "1"]))
        let more = Manifest(ConfigMap(name: "settings", data: ["A": "1", "B": "2"]))
        let diff = try ManifestDiff(from: [plain], to: [more])
        let identity = ResourceIdentity(ConfigMap.self, name: "settings")
        #expect(diff.changes(of: identity) == [ManifestDiff.FieldChange(path: "data.B", old: nil, new: "2")])
        #expect(diff.changes(of: identity).first?.description == "data.B: (none) -> \"2\"")
    }
}

@Suite struct QueryTests {
    @Test func findsByTypeNameAndLabel() throws {
        let prod = try Shop.cluster.render(for: .prod)
        #expect(prod.all(Deployment.self).map(\.name) == ["web"])
        #expect(prod.all(Deployment.self, labeled: ["app.kubernetes.io/name": "web"]).count == 1)
        #expect(prod.all(Deployment.self, labeled: ["app.kubernetes.io/name": "api"]).isEmpty)
        #expect(prod.manifests(labeled: ["app.kubernetes.io/name": "web"]).map(\.kind) == ["Deployment"])
        #expect(prod.manifest(kind: "ConfigMap", named: "prod-only", namespace: "shop") != nil)
        #expect(prod.manifest(kind: "ConfigMap", named: "prod-only", namespace: "other") == nil)
        #expect(prod.first(Deployment.self, named: "web", namespace: "shop")?.spec.replicas == 2)
    }
}
