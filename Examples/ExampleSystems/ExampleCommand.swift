import Foundation
import KubeKit

/// The command line every example executable shares:
///
/// ```text
/// swift run <Example> [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]
/// ```
///
/// Without `--output` the YAML stream of one environment (`--env`, or the cluster's first) goes
/// to standard output and a summary to standard error. With `--output DIR` every environment
/// (or the one chosen) is written in the chosen layout, replacing `DIR` atomically, and the
/// summary goes to standard output. Every environment is validated with KubeValidation's
/// ``Validator`` first: errors are printed and nothing is written (exit 1); warnings are counted.
/// A bad argument, environment or layout exits with status 2 and says what would be right.
public enum ExampleCommand {
    /// The layouts the command offers, by their command-line names.
    public enum LayoutName: String, CaseIterable, Sendable {
        /// One YAML stream per environment (`<env>.yaml`); the only layout that can go to stdout.
        case stream
        /// One file per object, numbered in apply order (`<env>/NNN_kind_namespace_name.yaml`).
        case files
        /// A Kustomize tree: `base/` and `overlays/<env>/`.
        case kustomize
        /// A Flux repository: `clusters/<env>/` with staged Kustomizations.
        case flux

        /// The KubeDSL layout.
        public var layout: Layout {
            switch self {
            case .stream: return .stream
            case .files: return .files
            case .kustomize: return .kustomize
            case .flux: return .flux()
            }
        }
    }

    /// What the arguments asked for.
    public struct Options: Equatable, Sendable {
        /// The environment to render, or `nil` for all (with `--output`) or the first (without).
        public var environment: Environment?
        /// The layout.
        public var layout: LayoutName
        /// The output directory, or `nil` for standard output.
        public var output: String?
        /// Whether `--help` was given.
        public var showsHelp: Bool

        /// Creates options.
        public init(
            environment: Environment? = nil, layout: LayoutName = .stream, output: String? = nil,
            showsHelp: Bool = false
        ) {
            self.environment = environment
            self.layout = layout
            self.output = output
            self.showsHelp = showsHelp
        }
    }

    /// A command line the example cannot run; the message says what is wrong and what would be
    /// right. The command exits with status 2.
    public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String

        /// Creates an error.
        public init(_ message: String) {
            self.message = message
        }

        /// The message.
        public var description: String { message }
    }

    /// Files an example writes beside its layout, per environment (relative path → contents),
    /// such as MLPlatform's eksctl `ClusterConfig`, which configures AWS and is never applied to
    /// the cluster.
    public typealias ExtraFiles = @Sendable (Environment) throws -> [String: String]

    /// Parses the arguments (without the program name).
    ///
    /// - Throws: ``UsageError`` for an unknown option, a missing or repeated value, or an
    ///   unknown layout.
    public static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            var argument = arguments[index]
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            index += 1
            switch argument {
            case "-h", "--help":
                options.showsHelp = true
                continue
            case "--env", "--layout", "--output":
                break
            default:
                throw UsageError(
                    argument.hasPrefix("-")
                        ? "unknown option '\(argument)': the options are --env NAME, --layout stream|files|kustomize|flux, --output DIR and --help"
                        : "unexpected argument '\(argument)': the options are --env NAME, --layout stream|files|kustomize|flux, --output DIR and --help"
                )
            }
            guard seen.insert(argument).inserted else { throw UsageError("\(argument) is given twice: give it once") }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.endIndex, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("\(argument) needs a value (\(placeholder(argument)))")
            }
            guard !value.isEmpty else { throw UsageError("\(argument) needs a value (\(placeholder(argument)))") }
            switch argument {
            case "--env":
                options.environment = Environment(value)
            case "--layout":
                guard let layout = LayoutName(rawValue: value) else {
                    throw UsageError(
                        "unknown layout '\(value)': choose one of "
                            + LayoutName.allCases.map(\.rawValue).joined(separator: ", "))
                }
                options.layout = layout
            default:
                options.output = value
            }
        }
        return options
    }

    private static func placeholder(_ option: String) -> String {
        switch option {
        case "--env": return "an environment name"
        case "--layout": return LayoutName.allCases.map(\.rawValue).joined(separator: "|")
        default: return "a directory"
        }
    }

    /// The help text.
    public static func usage(program: String, clusterName: String, environments: [Environment]) -> String {
        """
        usage: swift run \(program) [--env NAME] [--layout stream|files|kustomize|flux] [--output DIR]

        Renders the \(clusterName) cluster, validates it with KubeValidation and writes its manifests.
          --env NAME      one environment: \(environments.map(\.name).joined(separator: ", "))
                          (default: all with --output, \(environments.first?.name ?? "default") on stdout)
          --layout NAME   stream (default): <env>.yaml; files: <env>/NNN_kind_namespace_name.yaml;
                          kustomize: base/ + overlays/<env>/; flux: clusters/<env>/ + staged trees
          --output DIR    replace DIR with the layout (atomically); without it the YAML stream
                          goes to stdout and this summary to stderr
          --help          this text
        Exit status: 0 written, 1 validation or render errors (nothing written), 2 bad arguments.

        """
    }

    /// Runs the command with the process's arguments and exits with its status.
    public static func run<Settings>(
        _ cluster: Cluster<Settings>, extraFiles: ExtraFiles? = nil,
        arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) -> Never {
        let program = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? cluster.name
        let status = execute(
            cluster, program: program, extraFiles: extraFiles, arguments: arguments,
            standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            standardError: { FileHandle.standardError.write(Data($0.utf8)) })
        exit(status)
    }

    /// Runs the command in-process and returns its exit status: 0 written, 1 errors (render or
    /// validation; nothing written), 2 bad arguments.
    ///
    /// - Parameters:
    ///   - cluster: the system to render.
    ///   - program: the executable's name, for the help text.
    ///   - extraFiles: files written beside the layout, per environment.
    ///   - arguments: the arguments, without the program name.
    ///   - standardOutput: receives what goes to stdout.
    ///   - standardError: receives what goes to stderr.
    public static func execute<Settings>(
        _ cluster: Cluster<Settings>, program: String, extraFiles: ExtraFiles? = nil, arguments: [String],
        standardOutput: (String) -> Void, standardError: (String) -> Void
    ) -> Int32 {
        let defined = cluster.environments.environments
        let options: Options
        do {
            options = try parse(arguments)
            if options.showsHelp {
                standardOutput(usage(program: program, clusterName: cluster.name, environments: defined))
                return 0
            }
            if let environment = options.environment, !defined.contains(environment) {
                throw UsageError(
                    "unknown environment '\(environment.name)': \(cluster.name) defines "
                        + defined.map(\.name).joined(separator: ", "))
            }
            if options.output == nil, options.layout != .stream {
                throw UsageError(
                    "--layout \(options.layout.rawValue) writes a directory: add --output DIR "
                        + "(only the stream layout can go to stdout)")
            }
        } catch {
            standardError("\(program): error: \(error)\nrun 'swift run \(program) --help' for the options\n")
            return 2
        }

        let selected: [Environment]
        if let environment = options.environment {
            selected = [environment]
        } else if options.output == nil {
            selected = Array(defined.prefix(1))
        } else {
            selected = defined
        }

        // Render and validate every environment before anything is written.
        var renders: [RenderedCluster] = []
        var diagnostics: [(Environment, [Diagnostic])] = []
        for environment in selected {
            do {
                // Every render runs KubeValidation's Validator; keeping invalid output lets the
                // command print all errors of all environments instead of the first failure.
                let render = try cluster.render(for: environment, options: RenderOptions(keepInvalidOutput: true))
                renders.append(render)
                diagnostics.append((environment, render.diagnostics))
            } catch {
                standardError("\(program): error: rendering \(environment.name) failed: \(error)\n")
                return 1
            }
        }
        let errors = diagnostics.flatMap { environment, found in
            found.filter { $0.severity == .error }.map { "[\(environment.name)] \($0)" }
        }
        if !errors.isEmpty {
            standardError(
                errors.joined(separator: "\n")
                    + "\n\(program): error: validation found \(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was written\n"
            )
            return 1
        }

        var extras: [String: String] = [:]
        var written = 0
        do {
            for environment in selected {
                for (path, text) in try extraFiles?(environment) ?? [:] { extras[path] = text }
            }
            if let output = options.output {
                var files = try cluster.files(options.layout.layout, environments: selected)
                for (path, text) in extras where files[path] == nil { files[path] = text }
                try OutputDirectory.write(files, to: URL(fileURLWithPath: output))
                written = files.count
            } else {
                standardOutput(try renders.map { try $0.yaml() }.joined(separator: "---\n"))
            }
        } catch {
            standardError("\(program): error: \(error)\n")
            return 1
        }

        let report = summary(
            clusterName: cluster.name, renders: renders, diagnostics: diagnostics, layout: options.layout,
            output: options.output, fileCount: written, extraPaths: extras.keys.sorted(), defined: defined)
        if options.output == nil { standardError(report) } else { standardOutput(report) }
        return 0
    }

    /// The one-screen summary: what was written where, the kinds and counts per environment,
    /// and the validation result.
    public static func summary(
        clusterName: String, renders: [RenderedCluster], diagnostics: [(Environment, [Diagnostic])],
        layout: LayoutName, output: String?, fileCount: Int, extraPaths: [String], defined: [Environment]
    ) -> String {
        let names = renders.map { $0.environment?.name ?? "default" }
        var text = "\(clusterName): "
        if let output {
            text += "\(layout.rawValue) layout of \(names.joined(separator: ", ")), \(fileCount) files in \(output)\n"
        } else {
            let others = defined.map(\.name).filter { !names.contains($0) }
            text += "YAML stream of \(names.joined(separator: ", ")) on stdout"
            text += others.isEmpty ? "\n" : " (also defined: \(others.joined(separator: ", ")); choose with --env)\n"
        }

        var kinds: [String] = []
        var counts: [String: [Int]] = [:]
        for (column, render) in renders.enumerated() {
            for object in render.objects {
                let kind = object.identity.kind
                if counts[kind] == nil {
                    kinds.append(kind)
                    counts[kind] = Array(repeating: 0, count: renders.count)
                }
                counts[kind]?[column] += 1
            }
        }
        let kindWidth = max(24, (kinds.map(\.count).max() ?? 0) + 2)
        let widths = names.map { max($0.count, 5) + 2 }
        func row(_ label: String, _ cells: [String]) -> String {
            var line = label.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
            for (cell, width) in zip(cells, widths) {
                line += String(repeating: " ", count: max(0, width - cell.count)) + cell
            }
            return line + "\n"
        }
        text += row("kind", names)
        for kind in kinds {
            text += row(kind, (counts[kind] ?? []).map(String.init))
        }
        text += row("total objects", renders.map { String($0.objects.count) })

        if !extraPaths.isEmpty {
            text +=
                output == nil
                ? "also for --output DIR: \(extraPaths.joined(separator: ", ")) (not Kubernetes objects)\n"
                : "also written: \(extraPaths.joined(separator: ", ")) (not Kubernetes objects)\n"
        }

        let all = diagnostics.flatMap(\.1)
        let result = DiagnosticSummary(all)
        let sets = PolicySet.defaults.map(\.rawValue).sorted().joined(separator: ", ")
        text +=
            "validation (KubeValidation \(sets)): \(result.errors) errors, \(result.warnings) warnings, "
            + "\(result.infos) infos\n"
        var byRule: [String: Int] = [:]
        for diagnostic in all where diagnostic.severity == .warning { byRule["\(diagnostic.ruleID)", default: 0] += 1 }
        if !byRule.isEmpty {
            let listed = byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
            text += "  warnings: \(listed.joined(separator: ", "))\n"
        }
        return text
    }
}
