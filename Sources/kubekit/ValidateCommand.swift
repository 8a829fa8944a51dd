import Foundation
import KubeModels
import KubeSerialization
import KubeValidation

/// `kubekit validate [--format text|json|sarif] [--policy NAME]… PATH…`: reads manifests (files,
/// directories, `-`), runs every rule across all documents together and prints the findings.
/// Exit status: 0 no errors, 1 errors found, 2 unreadable input.
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
        var documents: [ValidationDocument] = []
        do {
            for node in try ManifestInput.read(paths) {
                documents.append(ValidationDocument(try KnownKinds.registry.decode(node), node: node))
            }
        } catch {
            Console.error("kubekit validate: \(error)")
            return 2
        }
        var configuration = ValidationConfiguration()
        if !policies.isEmpty { configuration.policySets = policies.union([.apiServer]) }
        let diagnostics = Validator(configuration: configuration).validate(documents)
        let text = format.formatter.format(diagnostics)
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8))
        return diagnostics.contains { $0.severity == .error } ? 1 : 0
    }
}
