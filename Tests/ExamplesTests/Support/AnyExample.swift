import ExampleSystems
import Foundation
import KubeKit

/// One example system with its settings type erased, so tests can run over all five.
struct AnyExample: Sendable, CustomStringConvertible {
    /// The executable's name (`swift run <name>`).
    let name: String
    /// The cluster's name.
    let clusterName: String
    /// The environments, in table order.
    let environments: [Environment]
    let render: @Sendable (Environment) throws -> RenderedCluster
    let files: @Sendable (Layout) throws -> [String: String]
    let extraFiles: ExampleCommand.ExtraFiles?
    let execute: @Sendable ([String], (String) -> Void, (String) -> Void) -> Int32

    init<Settings>(_ name: String, _ cluster: Cluster<Settings>, extraFiles: ExampleCommand.ExtraFiles? = nil) {
        self.name = name
        clusterName = cluster.name
        environments = cluster.environments.environments
        render = { try cluster.render(for: $0) }
        files = { try cluster.files($0) }
        self.extraFiles = extraFiles
        execute = { arguments, output, errors in
            ExampleCommand.execute(
                cluster, program: name, extraFiles: extraFiles, arguments: arguments, standardOutput: output,
                standardError: errors)
        }
    }

    var description: String { name }

    /// The directory of the cluster's Flux Kustomizations for an environment.
    func fluxClusterDirectory(_ environment: Environment) -> String {
        environment == .default ? clusterName : environment.name
    }

    /// Every example, as the executables run them.
    static let all: [AnyExample] = [
        AnyExample("MLPlatform", MLPlatform.cluster, extraFiles: MLPlatform.eksctlFiles),
        AnyExample("InferenceService", InferenceService.cluster),
        AnyExample("GitOpsPlatform", GitOpsPlatform.cluster),
        AnyExample("ERPSystem", ERPSystem.cluster),
        AnyExample("CoreWorkerCluster", CoreWorkerCluster.cluster),
    ]

    /// Every (example, environment) pair.
    static let environments: [(AnyExample, Environment)] = all.flatMap { example in
        example.environments.map { (example, $0) }
    }
}

/// Runs the command in-process and returns (status, stdout, stderr).
func runCommand(_ example: AnyExample, _ arguments: [String]) -> (Int32, String, String) {
    let output = TextSink()
    let errors = TextSink()
    let status = example.execute(arguments, { output.append($0) }, { errors.append($0) })
    return (status, output.text, errors.text)
}

/// Collects text; only used from the thread that runs the command.
final class TextSink: @unchecked Sendable {
    private(set) var text = ""

    func append(_ piece: String) {
        text += piece
    }
}

/// Writes files (relative path → contents) under `root`.
func writeFiles(_ files: [String: String], to root: URL) throws {
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
