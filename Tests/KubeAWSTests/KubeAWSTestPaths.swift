import Foundation

/// Locations of the shared reference data beside the repository, and small text helpers for it.
enum KubeAWSTestPaths {
    /// The package root (symlinks resolved, so a build from a linked checkout still finds `../shared`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, or `$KUBEKIT_SHARED` when set.
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let reference = shared.appendingPathComponent("reference")

    /// The text of a file under `../shared/reference`.
    static func referenceText(_ relativePath: String) throws -> String {
        try String(contentsOf: reference.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// Crude readers for the CRD YAML text: enough to pull out enum lists and CEL rules without a YAML parser.
enum CRDText {
    /// The `rule:` lines that directly follow a `message:` line containing `message`.
    static func rules(after message: String, in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var result: [String] = []
        for (index, line) in lines.enumerated() where line.contains("message:") && line.contains(message) {
            if index + 1 < lines.count, lines[index + 1].contains("rule:") {
                result.append(lines[index + 1])
            }
        }
        return result
    }

    /// Every double- or single-quoted string in `line` that starts with `prefix`.
    static func quoted(_ line: String, prefix: String) -> [String] {
        var result: [String] = []
        for quote in ["\"", "'"] {
            let parts = line.components(separatedBy: quote)
            for (index, part) in parts.enumerated() where index % 2 == 1 && part.hasPrefix(prefix) {
                result.append(part)
            }
        }
        return result
    }

    /// The `enum:` items of the first property called `property` (a line `<indent>property:`).
    static func enumValues(of property: String, in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "\(property):" })
        else { return [] }
        guard let enumLine = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "enum:" })
        else { return [] }
        var values: [String] = []
        for line in lines[(enumLine + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- ") else { break }
            values.append(String(trimmed.dropFirst(2)))
        }
        return values
    }
}
