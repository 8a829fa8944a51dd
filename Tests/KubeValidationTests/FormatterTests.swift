import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Output formats")
struct FormatterTests {
    static let documents: [JSONValue] = [
        Fixtures.deployment.with([
            "metadata.name": "Bad_Name", "spec.template.spec.containers[0].imagePullPolicy": "Sometimes",
        ]),
        Fixtures.service.with(["metadata.name": "1web"]),
    ]

    static func diagnostics() throws -> [Diagnostic] {
        var line = 1
        let nodes = documents.map { ConfigurationTests.node($0, file: "cluster/app.yaml", line: &line) }
        let decoded = manifests(documents)
        let inputs = zip(decoded, nodes).map { ValidationDocument($0.0, node: $0.1) }
        return Validator().validate(inputs)
    }

    @Test("text: one line per finding and a summary")
    func text() throws {
        let diagnostics = try Self.diagnostics()
        let output = TextFormatter().format(diagnostics)
        let lines = output.split(separator: "\n")
        #expect(lines.count == diagnostics.count + 1)
        #expect(lines.contains { $0.contains("error[K8S-NAME-DNS1123] Deployment shop/Bad_Name metadata.name:") })
        let summary = DiagnosticSummary(diagnostics)
        #expect(
            lines.last
                == "\(summary.errors) errors, \(summary.warnings) warnings, \(summary.infos) info\(summary.infos == 1 ? "" : "s")"
        )
        let errorsOnly = TextFormatter(minimumSeverity: .error, includesSummary: false).format(diagnostics)
        #expect(errorsOnly.split(separator: "\n").count == summary.errors)
    }

    @Test("JSON: stable keys, summary and locations")
    func json() throws {
        let diagnostics = try Self.diagnostics()
        let output = JSONFormatter().format(diagnostics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.count == diagnostics.count)
        let first = try #require(entries.first)
        #expect(Set(first.keys) == ["ruleId", "severity", "category", "resource", "fieldPath", "message", "location"])
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["file"] as? String == "cluster/app.yaml")
        #expect(JSONFormatter().format(diagnostics) == output)
    }

    @Test("SARIF: validates against the SARIF 2.1.0 schema")
    func sarif() throws {
        let diagnostics = try Self.diagnostics() + validate([Fixtures.deployment.with(["spec.replicas": 1])])
        let output = SARIFFormatter().format(diagnostics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let runs = try #require(object["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        #expect(Set(results.compactMap { $0["level"] as? String }).isSubset(of: ["error", "warning", "note"]))

        guard let python = TestPaths.oraclePython else {
            let message: Comment =
                "the oracle Python environment is missing: run ../shared/oracles/setup (or set KUBE_ORACLES_VENV) so the SARIF output can be checked with jsonschema"
            Issue.record(message)
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubekit-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.sarif")
        try Data(output.utf8).write(to: file)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors[:20]:
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, TestPaths.sarifSchema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF output does not match the schema:\n\(report)")
    }

    @Test("SARIF without locations and without diagnostics is still valid JSON")
    func sarifEdgeCases() throws {
        let diagnostics = validate([Fixtures.deployment.with(["metadata.name": "Bad_Name"])], sets: [.apiServer])
        for output in [SARIFFormatter().format(diagnostics), SARIFFormatter().format([])] {
            #expect((try? JSONSerialization.jsonObject(with: Data(output.utf8))) != nil)
        }
        #expect(SARIFFormatter.uri(for: "dir with space/a.yaml") == "dir%20with%20space/a.yaml")
        #expect(SARIFFormatter.uri(for: "/abs/a.yaml") == "file:///abs/a.yaml")
    }

    @Test("every format is available by name")
    func formatsByName() {
        for format in DiagnosticFormat.allCases {
            #expect(!format.formatter.format([]).isEmpty)
        }
    }
}
