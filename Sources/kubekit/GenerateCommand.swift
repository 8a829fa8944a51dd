import Foundation
import KubeCodegen
import KubeSerialization

/// `kubekit generate`: Swift models from CRDs or from a JSON Schema.
enum GenerateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var files: [String] = []
        var output: String?
        var options = ModelGenerator.Options()
        var jsonSchema: String?
        var apiVersion: String?
        var kind: String?
        var customImports: [String] = []
        var index = 0
        func value(_ flag: String) -> String? {
            index += 1
            guard index < arguments.count else {
                Console.error("kubekit generate: \(flag) needs a value")
                return nil
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--output", "-o":
                guard let v = value(argument) else { return 2 }
                output = v
            case "--descriptions":
                options.includeDescriptions = true
            case "--registry":
                guard let v = value(argument) else { return 2 }
                options.registryName = v
            case "--import":
                guard let v = value(argument) else { return 2 }
                customImports.append(v)
            case "--open-type":
                guard let v = value(argument) else { return 2 }
                options.openTypes.insert(v)
            case "--json-schema":
                guard let v = value(argument) else { return 2 }
                jsonSchema = v
            case "--api-version":
                guard let v = value(argument) else { return 2 }
                apiVersion = v
            case "--kind":
                guard let v = value(argument) else { return 2 }
                kind = v
            default:
                if argument.hasPrefix("-") {
                    Console.error("kubekit generate: unknown option \(argument)\n\n\(Usage.text)")
                    return 2
                }
                files.append(argument)
            }
            index += 1
        }
        if !customImports.isEmpty { options.imports = customImports }
        guard let output else {
            Console.error("kubekit generate: --output DIR is required")
            return 2
        }
        let generator = ModelGenerator(options: options)
        do {
            let generated: [ModelGenerator.File]
            if let jsonSchema {
                guard let apiVersion, let kind else {
                    Console.error("kubekit generate: --json-schema needs --api-version and --kind")
                    return 2
                }
                let data = try read(jsonSchema)
                let node = try JSONReader.read(data, file: jsonSchema)
                generated = try generator.generate(
                    jsonSchema: .init(document: node.jsonValue, file: jsonSchema), apiVersion: apiVersion, kind: kind)
            } else {
                guard !files.isEmpty else {
                    Console.error("kubekit generate: no CRD files given")
                    return 2
                }
                var inputs: [ModelGenerator.Input] = []
                for file in files {
                    let data = try read(file)
                    for node in try ManifestReader.readAll(data, file: file) {
                        inputs.append(.init(document: node.jsonValue, file: file))
                    }
                }
                generated = try generator.generate(crds: inputs)
            }
            try ModelGenerator.write(generated, to: URL(fileURLWithPath: output))
            print("wrote \(generated.count) files to \(output)")
            return 0
        } catch {
            Console.error("kubekit generate: \(error)")
            return 1
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CodegenError(file: path, path: "", message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
