import Foundation
import KubeAWS
import KubeFlux
import KubeModels
import KubePrometheus
import KubeSerialization

/// Every kind `kubekit` decodes into a typed model: the built-in kinds and the generated CRD models.
enum KnownKinds {
    static let registry = ResourceRegistry.kubernetes.merging(
        ResourceRegistry(KarpenterKinds.all + LoadBalancerControllerKinds.all + FluxKinds.all + PrometheusKinds.all))
}

/// Reading manifests from files, directories or standard input.
enum ManifestInput {
    /// Reads every document of every path (`-` is standard input; directories are walked for
    /// `.yaml`, `.yml` and `.json` files in name order).
    static func read(_ paths: [String]) throws -> [Node] {
        var nodes: [Node] = []
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                nodes += try ManifestReader.readAll([UInt8](data), file: "<stdin>")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let files = try FileManager.default.subpathsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                    .sorted()
                nodes += try read(files.map { (path as NSString).appendingPathComponent($0) })
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, message: "cannot read the file")
            }
            nodes += try ManifestReader.readAll([UInt8](data), file: path)
        }
        return nodes
    }

    struct InputError: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }
}

/// `kubekit convert [--to json|yaml] [--output FILE] FILE…|-`: reads manifests and writes them
/// normalized (typed where KubeKit has a model, keys in KubeKit's order).
enum ConvertCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var format = "yaml"
        var output: String?
        var paths: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--to":
                index += 1
                guard index < arguments.count, ["json", "yaml"].contains(arguments[index]) else {
                    Console.error("kubekit convert: --to needs json or yaml")
                    return 2
                }
                format = arguments[index]
            case "--output", "-o":
                index += 1
                guard index < arguments.count else {
                    Console.error("kubekit convert: --output needs a file")
                    return 2
                }
                output = arguments[index]
            case "-":
                paths.append(argument)
            default:
                if argument.hasPrefix("-") {
                    Console.error("kubekit convert: unknown option \(argument)\n\n\(Usage.text)")
                    return 2
                }
                paths.append(argument)
            }
            index += 1
        }
        if paths.isEmpty {
            Console.error("kubekit convert: no input (give files, directories or - for standard input)")
            return 2
        }
        do {
            let nodes = try ManifestInput.read(paths)
            let manifests = try nodes.map { try KnownKinds.registry.decode($0) }
            if let output {
                try FileSink.writeAtomically(to: output) { sink in try write(manifests, format: format, to: sink) }
            } else {
                try write(manifests, format: format, to: FileSink.standardOutput)
            }
            return 0
        } catch {
            Console.error("kubekit convert: \(error)")
            return 1
        }
    }

    static func write<Sink: ByteSink>(_ manifests: [Manifest], format: String, to sink: Sink) throws {
        if format == "json" {
            let writer = JSONWriter(sink: sink, options: .newlineDelimited)
            let encoder = StructuredEncoder()
            for manifest in manifests {
                try writer.beginDocument()
                try encoder.encode(manifest, to: writer)
                try writer.endDocument()
            }
            try writer.finish()
        } else {
            let writer = YAMLWriter(sink: sink)
            try YAMLStreamEncoder().encode(documents: manifests, to: writer)
            try writer.finish()
        }
    }
}
