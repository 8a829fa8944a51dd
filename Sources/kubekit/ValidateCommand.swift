import Foundation
import KubeModels
import KubeSerialization
import KubeValidation

/// `kubekit validate [--format text|json|sarif] [--policy NAME]… PATH…`: reads manifests (files,
/// directories, `-`), runs every rule across all documents together and prints the findings.
/// Exit status: 0 no errors, 1 errors found (including documents that do not match their kind's
/// schema, reported as `K8S-SCHEMA`), 2 unreadable input (a file that cannot be read or is not YAML/JSON).
enum ValidateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var format = DiagnosticFormat.text
        var policies: Set<PolicySet> = []
        var paths: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--format":
                index += 1
                guard index < arguments.count, let chosen = DiagnosticFormat(rawValue: arguments[index]) else {
                    Console.error("kubekit validate: --format needs one of \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                    return 2
                }
                format = chosen
            case "--policy":
                index += 1
                guard index < arguments.count, let policy = PolicySet(rawValue: arguments[index]) else {
                    Console.error("kubekit validate: --policy needs one of \(PolicySet.allCases.map(\.rawValue).joined(separator: ", "))")
                    return 2
                }
                policies.insert(policy)
            case "-":
                paths.append(argument)
            default:
                if argument.hasPrefix("-") {
                    Console.error("kubekit validate: unknown option \(argument)\n\n\(Usage.text)")
                    return 2
                }
                paths.append(argument)
            }
            index += 1
        }
        guard !paths.isEmpty else {
            Console.error("kubekit validate: no input (give files, directories or - for standard input)")
            return 2
        }
        let nodes: [Node]
        do {
            nodes = try ManifestInput.read(paths)
        } catch {
            Console.error("kubekit validate: \(error)")
            return 2
        }
        var configuration = ValidationConfiguration()
        configuration.registry = KnownKinds.registry
        if !policies.isEmpty { configuration.policySets = policies.union([.apiServer]) }
        // Documents that do not match their kind's schema are reported as K8S-SCHEMA errors with
        // their location; the rest are still validated.
        let diagnostics = Validator(configuration: configuration).validate(nodes: nodes)
        let text = format.formatter.format(diagnostics)
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8))
        return diagnostics.contains { $0.severity == .error } ? 1 : 0
    }
}
