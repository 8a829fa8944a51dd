import Foundation
import KubeSerialization
import Testing

/// `kubekit validate` end to end: exit statuses, located findings, formats.
@Suite struct ValidateCommandTests {
    static func write(_ text: String, name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static let bad = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: Bad_Name, namespace: shop}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: b}}
            spec:
              containers: [{name: c, image: nginx, imagePullPolicy: Sometimes}]
        """

    @Test func errorsExitOneWithLocations() throws {
        let url = try Self.write(Self.bad, name: "bad.yaml")
        let result = try CLI.run(["validate", url.path])
        #expect(result.status == 1)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("bad.yaml:3:"))
        #expect(text.contains("K8S-NAME-DNS1123"))
        #expect(text.contains("K8S-SELECTOR-MISMATCH"))
        #expect(text.contains("K8S-ENUM-VALUE"))
    }

    @Test func cleanInputExitsZero() throws {
        let manifest = CLI.shared.appendingPathComponent("corpus/manifests/kubernetes__examples__web__guestbook__all-in-one__guestbook-all-in-one.yaml")
        let result = try CLI.run(["validate", "--policy", "api", manifest.path])
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))")
    }

    @Test func unreadableInputExitsTwo() throws {
        let missing = try CLI.run(["validate", "/nonexistent/kubekit/manifests.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/kubekit/manifests.yaml"))
        let broken = try Self.write("apiVersion: v1\nkind: [unclosed\n", name: "broken.yaml")
        let syntax = try CLI.run(["validate", broken.path])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("broken.yaml:"))
    }

    @Test func schemaErrorsAreLocatedAndDoNotHideTheRest() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports: [{port: 80}]
              selector: {app: web}
              clusterIp: None
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: three
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: Bad_Name, namespace: shop}
            """
        let url = try Self.write(text, name: "mixed.yaml")
        let result = try CLI.run(["validate", "--policy", "api", url.path])
        #expect(result.status == 1)
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(output.contains("mixed.yaml:7:"), "\(output)")
        #expect(output.contains("K8S-SCHEMA] Service shop/web spec.clusterIp"), "\(output)")
        #expect(output.contains("mixed.yaml:13:"), "\(output)")
        #expect(output.contains("K8S-SCHEMA] Deployment shop/web spec.replicas"), "\(output)")
        #expect(output.contains("K8S-NAME-DNS1123"), "the valid-schema document is still checked: \(output)")
    }

    @Test func jsonAndSarifAreMachineReadable() throws {
        let url = try Self.write(Self.bad, name: "bad.yaml")
        let json = try CLI.run(["validate", "--format", "json", url.path])
        #expect(json.status == 1)
        #expect(throws: Never.self) { try JSONDecoder().decode(JSONValue.self, from: json.stdout) }
        let sarif = try CLI.run(["validate", "--format", "sarif", url.path])
        let log = try JSONDecoder().decode(JSONValue.self, from: sarif.stdout)
        #expect(log["version"] == "2.1.0")
        #expect((log["runs"]?.arrayValue?.first?["results"]?.arrayValue?.count ?? 0) >= 3)
    }
}
