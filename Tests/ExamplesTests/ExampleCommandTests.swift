import ExampleSystems
import Foundation
import KubeKit
import Testing

/// The shared command line, run in-process.
@Suite struct ExampleCommandTests {
    let erp = AnyExample("ERPSystem", ERPSystem.cluster)

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["prod"], "unexpected argument 'prod'"),
        (["--env", "qa"], "unknown environment 'qa': marimo-erp defines dev, staging, prod"),
        (["--layout", "zip"], "unknown layout 'zip': choose one of stream, files, kustomize, flux"),
        (["--layout", "files"], "--layout files writes a directory: add --output DIR"),
        (["--env"], "--env needs a value"),
        (["--output", "--env", "prod"], "--output needs a value"),
        (["--env", "dev", "--env", "prod"], "--env is given twice"),
    ])
    func badArgumentsExitWithStatusTwoAndSayWhy(_ arguments: [String], _ message: String) {
        let (status, output, errors) = runCommand(erp, arguments)
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(errors.contains("ERPSystem: error: \(message)"), "\(errors)")
        #expect(errors.contains("--help"))
    }

    @Test func helpListsTheOptionsAndEnvironments() {
        let (status, output, _) = runCommand(erp, ["--help"])
        #expect(status == 0)
        #expect(
            output.contains(
                "usage: swift run ERPSystem [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]"))
        #expect(output.contains("dev, staging, prod"))
    }

    @Test func withoutOutputTheFirstEnvironmentGoesToStdoutAndTheSummaryToStderr() throws {
        let (status, output, errors) = runCommand(erp, [])
        #expect(status == 0)
        #expect(output == (try ERPSystem.cluster.render(for: .dev).yaml()))
        #expect(
            errors.hasPrefix(
                "marimo-erp: YAML stream of dev on stdout (also defined: staging, prod; choose with --env)"))
        let lines = errors.split(separator: "\n")
        let validation = try #require(lines.first { $0.hasPrefix("validation (KubeValidation ") })
        #expect(validation.contains("): 0 errors, "), "\(validation)")
        #expect(errors.contains("StatefulSet"))
    }

    @Test func envSelectsTheStreamWrittenToStdout() throws {
        let (status, output, errors) = runCommand(erp, ["--env=prod"])
        #expect(status == 0)
        #expect(output == (try ERPSystem.cluster.render(for: .prod).yaml()))
        #expect(output.contains("namespace: \"marimo-erp\"") || output.contains("namespace: marimo-erp"))
        #expect(!errors.isEmpty)
    }

    @Test func outputWritesEveryEnvironmentAndPrintsTheSummaryToStdout() throws {
        let root = try Oracles.temporaryDirectory("command")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let mlPlatform = AnyExample("MLPlatform", MLPlatform.cluster, extraFiles: MLPlatform.eksctlFiles)
        let (status, output, errors) = runCommand(mlPlatform, ["--layout", "files", "--output", target.path])
        #expect(status == 0, "\(errors)")
        #expect(errors.isEmpty)
        #expect(output.hasPrefix("ml-platform: files layout of staging, prod, "))
        #expect(output.contains("also written: eksctl/prod.yaml, eksctl/staging.yaml"))
        let staging = try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("staging").path)
        #expect(staging.count == (try MLPlatform.cluster.render(for: .staging)).objects.count)
        let eksctl = try String(contentsOf: target.appendingPathComponent("eksctl/prod.yaml"), encoding: .utf8)
        #expect(eksctl.contains("ClusterConfig"))
        // The kinds table counts what was rendered.
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("NodePool ") })
        #expect(line.split(separator: " ").map(String.init) == ["NodePool", "3", "3"])
    }

    @Test func validationErrorsBlockWritingAndExitWithStatusOne() throws {
        let broken = Cluster("broken") { _ in
            Namespace(name: "apps", labels: ["pod-security.kubernetes.io/enforce": "restricted"])
            Pod(
                name: "root-shell", namespace: "apps",
                spec: PodSpec(containers: [
                    Container(name: "shell", image: "busybox:1.37", securityContext: SecurityContext(privileged: true))
                ]))
        }
        let root = try Oracles.temporaryDirectory("broken")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        var output = ""
        var errors = ""
        let status = ExampleCommand.execute(
            broken, program: "Broken", arguments: ["--output", target.path], standardOutput: { output += $0 },
            standardError: { errors += $0 })
        #expect(status == 1)
        #expect(output.isEmpty)
        #expect(errors.contains("[default] error["))
        #expect(errors.contains("Pod apps/root-shell"))
        #expect(errors.contains("Broken: error: validation found"))
        #expect(errors.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func parseReadsEveryOption() throws {
        let options = try ExampleCommand.parse(["--env", "prod", "--layout=kustomize", "--output", "out"])
        #expect(options == ExampleCommand.Options(environment: .prod, layout: .kustomize, output: "out"))
        #expect(throws: ExampleCommand.UsageError.self) { try ExampleCommand.parse(["--layout", "helm"]) }
    }
}
