import Foundation

/// Locations of the package, its fixtures and the shared reference data beside the repository.
enum TestPaths {
    /// The package root (symlinks resolved, so builds from a linked checkout still find `../shared`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, or `$KUBEKIT_SHARED` when set.
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let fixtures = packageRoot.appendingPathComponent("Tests/KubeModelsTests/Fixtures")
    static let definitions = shared.appendingPathComponent("reference/kubernetes/v1.37-definitions.json")
    static let kubectlJSON = shared.appendingPathComponent("corpus/kubectl-json")

    /// Where tests leave what KubeKit wrote, for `.ci/run` to check with the oracles.
    static var oracleOutput: URL? {
        ProcessInfo.processInfo.environment["KUBEKIT_ORACLE_OUT"].map { URL(fileURLWithPath: $0) }
    }

    static func files(in directory: URL, suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func writeOracleFile(_ data: Data, subdirectory: String, name: String) throws {
        guard let root = oracleOutput else { return }
        let dir = root.appendingPathComponent(subdirectory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try data.write(to: dir.appendingPathComponent(name), options: .atomic)
    }
}

/// Encodes like KubeKit's JSON output: sorted keys, no escaped slashes.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
}
