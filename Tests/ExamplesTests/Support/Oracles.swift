import Foundation
// A copy of Tests/KubeDSLTests/Support/Oracles.swift (test targets cannot share files).
import KubeModels
import KubeSerialization
import Testing

/// The oracle tools of `../shared/oracles` (validate.py, real kustomize), run as processes.
enum Oracles {
    /// The package root (symlinks resolved).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared`, or `$KUBEKIT_SHARED`.
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The oracle environment's `bin` directory: `$KUBE_ORACLES_VENV/bin` or `~/.cache/kube-oracles/bin`.
    static var bin: URL? {
        var candidates: [URL] = []
        if let venv = ProcessInfo.processInfo.environment["KUBE_ORACLES_VENV"] {
            candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin"))
        }
        candidates.append(
            FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kube-oracles/bin"))
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("python").path)
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "the oracle environment is missing: run ../shared/oracles/setup (it prints the bin directory; "
                + "set KUBE_ORACLES_VENV to its parent if it is not ~/.cache/kube-oracles)"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool and returns (status, stdout, stderr).
    static func run(_ executable: URL, _ arguments: [String], input: Data? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = Pipe()
        if input != nil { process.standardInput = inputPipe }
        try process.run()
        if let input {
            let writer = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        // Read both pipes before waiting, so a full pipe buffer cannot block the tool.
        let errorData = ErrorReader(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData.finish(), as: UTF8.self)
        )
    }

    /// Reads a pipe on another thread.
    final class ErrorReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func finish() -> Data {
            done.wait()
            return data
        }
    }

    /// Runs `validate.py` (strict) on `paths`; fails with its report unless every document is OK.
    /// Returns the number of documents checked.
    @discardableResult
    static func validate(_ paths: [URL]) throws -> Int {
        guard let bin else { throw Missing() }
        let script = shared.appendingPathComponent("oracles/validate.py").path
        let (status, output, errors) = try run(bin.appendingPathComponent("python"), [script] + paths.map(\.path))
        let lines = output.split(separator: "\n")
        let bad = lines.filter { $0.hasPrefix("FAIL") || $0.hasPrefix("SKIP") || $0.hasPrefix("    ") }
        guard status == 0, bad.isEmpty else {
            throw Failed(description: "validate.py exited \(status):\n" + bad.joined(separator: "\n") + errors)
        }
        return lines.filter { $0.hasPrefix("OK") }.count
    }

    /// `kubectl kustomize directory`, as JSON values.
    static func kustomize(_ directory: URL) throws -> [JSONValue] {
        guard let bin else { throw Missing() }
        let (status, output, errors) = try run(bin.appendingPathComponent("kubectl"), ["kustomize", directory.path])
        guard status == 0 else { throw Failed(description: "kubectl kustomize \(directory.path) failed: \(errors)") }
        return try yamlToJSON(output)
    }

    /// Reads a YAML stream with PyYAML (not with KubeKit's reader, so the check is independent).
    static func yamlToJSON(_ yaml: String) throws -> [JSONValue] {
        guard let bin else { throw Missing() }
        // kustomize (go-yaml) writes the keys "=" and "<<" bare, which only YAML 1.1 resolves
        // to the "value" and "merge" tags; read them as the strings they are, as YAML 1.2 does.
        let program = """
            import sys, json, yaml
            class Loader(yaml.SafeLoader):
                pass
            special = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")
            Loader.yaml_implicit_resolvers = {
                first: [(tag, pattern) for tag, pattern in resolvers if tag not in special]
                for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
            }
            for d in yaml.load_all(sys.stdin, Loader=Loader):
                if d is not None:
                    print(json.dumps(d, sort_keys=True))
            """
        let (status, output, errors) = try run(
            bin.appendingPathComponent("python"), ["-c", program], input: Data(yaml.utf8))
        guard status == 0 else { throw Failed(description: "PyYAML could not read the stream: \(errors)") }
        return try output.split(separator: "\n").map { line in
            try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubekit-examples-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies what a test wrote to `$KUBEKIT_ORACLE_OUT/examples/<name>` for `.ci/run` to inspect.
    static func keep(_ directory: URL, as name: String) {
        guard let root = ProcessInfo.processInfo.environment["KUBEKIT_ORACLE_OUT"] else { return }
        let target = URL(fileURLWithPath: root).appendingPathComponent("examples/\(name)")
        try? FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: target)
        try? FileManager.default.copyItem(at: directory, to: target)
    }
}

/// Objects keyed by identity, for comparing renders regardless of order.
func keyed(_ values: [JSONValue]) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for value in values {
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        let key = [
            group, value["kind"]?.stringValue ?? "", value["metadata"]?["namespace"]?.stringValue ?? "",
            value["metadata"]?["name"]?.stringValue ?? "",
        ].joined(separator: "|")
        result[key] = value
    }
    return result
}
