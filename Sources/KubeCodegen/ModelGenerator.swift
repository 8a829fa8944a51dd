import Foundation
import KubeSerialization

/// Generates Swift models from CustomResourceDefinitions (or from a JSON Schema with
/// `definitions`, such as eksctl's), following the same conventions as KubeKit's built-in models.
///
/// For every CRD, each served version becomes its own set of types: the storage version takes the
/// plain kind name (`NodePool`), other served versions live in a namespace named after the kind
/// and version (`NodePoolV1beta1.NodePool`). Nested objects become nested types named from their
/// path (`NodePool.Spec.Template.Spec.Requirement`), so two kinds never collide. `enum:` becomes a
/// `RawRepresentable` string struct, `x-kubernetes-int-or-string` an `IntOrString` (or `Quantity`
/// when the pattern is the resource-quantity pattern), `x-kubernetes-preserve-unknown-fields` a
/// `JSONValue`. Schema descriptions are copied into doc comments only when asked for.
public struct ModelGenerator: Sendable {
    /// Generator settings.
    public struct Options: Sendable {
        /// Copy schema descriptions into doc comments (off by default).
        public var includeDescriptions: Bool
        /// Modules the generated files import.
        public var imports: [String]
        /// When set, also writes `<name>Kinds.swift` listing every generated kind for a `ResourceRegistry`.
        public var registryName: String?
        /// Generated types (by qualified name, such as `EC2NodeClass.Spec.Kubelet`) that keep
        /// fields their schema does not declare in `additionalFields` instead of rejecting them —
        /// for objects an upstream project is about to open up.
        public var openTypes: Set<String>

        /// Creates options.
        public init(
            includeDescriptions: Bool = false, imports: [String] = ["KubeModels", "KubeSerialization"],
            registryName: String? = nil, openTypes: Set<String> = []
        ) {
            self.includeDescriptions = includeDescriptions
            self.imports = imports
            self.registryName = registryName
            self.openTypes = openTypes
        }
    }

    /// One input document and where it came from.
    public struct Input: Sendable {
        /// The parsed document.
        public var document: JSONValue
        /// The file it was read from, for messages and file headers.
        public var file: String

        /// Creates an input.
        public init(document: JSONValue, file: String) {
            self.document = document
            self.file = file
        }
    }

    /// A generated source file.
    public struct File: Sendable, Hashable {
        /// The path relative to the output directory.
        public var path: String
        /// The Swift source.
        public var contents: String

        /// Creates a file.
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    /// The settings in use.
    public var options: Options

    /// Creates a generator.
    public init(options: Options = Options()) {
        self.options = options
    }

    // MARK: - CRDs

    private struct VersionPlan {
        var crd: Input
        var group: String
        var kind: String
        var version: String
        var storage: Bool
        var namespaced: Bool
        var schema: JSONValue
        var schemaPath: String
    }

    /// Generates models for every served version of every CRD among the inputs.
    ///
    /// Documents that are not CRDs are an error naming the file; so is a CRD without a schema.
    public func generate(crds inputs: [Input]) throws -> [File] {
        var plans: [VersionPlan] = []
        for input in inputs {
            plans += try plan(input)
        }
        if plans.isEmpty {
            throw CodegenError(file: inputs.first?.file ?? "<input>", path: "", message: "no CustomResourceDefinition found")
        }
        // Kinds that appear in two groups get the group as a prefix, so neither overwrites the other.
        var groupsByKind: [String: Set<String>] = [:]
        for plan in plans { groupsByKind[plan.kind, default: []].insert(plan.group) }
        var files: [File] = []
        var kinds: [String] = []
        var seenPaths: Set<String> = []
        for plan in plans {
            let prefix = (groupsByKind[plan.kind]?.count ?? 0) > 1 ? Self.groupPrefix(plan.group) : ""
            let typeName = prefix + plan.kind
            guard case .object(let rootSchema) = plan.schema else {
                throw CodegenError(file: plan.crd.file, path: plan.schemaPath, message: "expected an object schema")
            }
            var converter = SchemaConverter(file: plan.crd.file, includeDescriptions: options.includeDescriptions)
            let resource = ResourceInfo(apiVersion: "\(plan.group)/\(plan.version)", kind: plan.kind, namespaced: plan.namespaced)
            var root = rootSchema
            if root["properties"] == nil { root["properties"] = .object([:]) }
            let decl = try converter.structure(root, name: typeName, path: plan.schemaPath, enclosing: [], resource: resource)
            let declaration: TypeDecl
            let fileName: String
            let qualified: String
            if plan.storage {
                declaration = .structure(decl)
                fileName = typeName + ".swift"
                qualified = typeName
            } else {
                let namespace = typeName + Naming.version(plan.version)
                declaration = .namespace(
                    name: namespace, members: [.structure(decl)],
                    description: "The `\(plan.group)/\(plan.version)` version of `\(plan.kind)` (served, not stored).")
                fileName = namespace + ".swift"
                qualified = namespace + "." + typeName
            }
            guard seenPaths.insert(fileName).inserted else {
                throw CodegenError(file: plan.crd.file, path: "", message: "two CRDs define \(plan.group)/\(plan.version) \(plan.kind)")
            }
            kinds.append(qualified)
            files.append(File(path: fileName, contents: render(declaration, source: plan.crd.file)))
        }
        if let registry = options.registryName {
            files.append(File(path: registry + "Kinds.swift", contents: renderRegistry(name: registry, kinds: kinds)))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func plan(_ input: Input) throws -> [VersionPlan] {
        let file = input.file
        guard case .object(let crd) = input.document else {
            throw CodegenError(file: file, path: "", message: "expected a CustomResourceDefinition object, found \(input.document.typeName)")
        }
        let kindText = crd["kind"]?.stringValue ?? "<none>"
        guard crd["apiVersion"]?.stringValue == "apiextensions.k8s.io/v1", kindText == "CustomResourceDefinition" else {
            throw CodegenError(
                file: file, path: "",
                message: "expected an apiextensions.k8s.io/v1 CustomResourceDefinition, found \(crd["apiVersion"]?.stringValue ?? "<none>") \(kindText)")
        }
        guard let spec = crd["spec"]?.objectValue else {
            throw CodegenError(file: file, path: "spec", message: "a CRD needs a spec")
        }
        guard let group = spec["group"]?.stringValue, !group.isEmpty else {
            throw CodegenError(file: file, path: "spec.group", message: "expected the API group as a string")
        }
        guard let kind = spec["names"]?["kind"]?.stringValue, !kind.isEmpty else {
            throw CodegenError(file: file, path: "spec.names.kind", message: "expected the kind as a string")
        }
        let scope = spec["scope"]?.stringValue ?? "Namespaced"
        guard scope == "Namespaced" || scope == "Cluster" else {
            throw CodegenError(file: file, path: "spec.scope", message: "expected Namespaced or Cluster, found \(scope)")
        }
        guard let versions = spec["versions"]?.arrayValue, !versions.isEmpty else {
            throw CodegenError(file: file, path: "spec.versions", message: "expected at least one version")
        }
        var plans: [VersionPlan] = []
        for (index, version) in versions.enumerated() {
            let path = "spec.versions[\(index)]"
            guard let name = version["name"]?.stringValue else {
                throw CodegenError(file: file, path: path + ".name", message: "expected the version name")
            }
            guard version["served"]?.boolValue ?? false else { continue }
            guard let schema = version["schema"]?["openAPIV3Schema"] else {
                throw CodegenError(file: file, path: path + ".schema.openAPIV3Schema", message: "a served version needs a schema to generate a model from")
            }
            plans.append(VersionPlan(
                crd: input, group: group, kind: kind, version: name, storage: version["storage"]?.boolValue ?? false,
                namespaced: scope == "Namespaced", schema: schema, schemaPath: path + ".schema.openAPIV3Schema"))
        }
        if plans.filter(\.storage).count > 1 {
            throw CodegenError(file: file, path: "spec.versions", message: "more than one version is marked storage: true")
        }
        if !plans.contains(where: \.storage), !plans.isEmpty {
            // No served storage version: the newest served version takes the plain name.
            plans[plans.count - 1].storage = true
        }
        return plans
    }

    static func groupPrefix(_ group: String) -> String {
        let first = group.split(separator: ".").first.map(String.init) ?? group
        return Naming.type(first)
    }

    // MARK: - JSON Schema with definitions

    /// Generates models from a JSON Schema whose root refers to one definition (eksctl's
    /// ClusterConfig schema). The root definition becomes a `Resource` (KubeModels) with the given
    /// identity; every other named definition becomes a type nested in it.
    public func generate(
        jsonSchema input: Input, apiVersion: String, kind: String, namespaced: Bool = false
    ) throws -> [File] {
        let file = input.file
        guard case .object(let root) = input.document, case .object(let definitions)? = root["definitions"] else {
            throw CodegenError(file: file, path: "definitions", message: "expected a JSON Schema with definitions")
        }
        guard let reference = root["$ref"]?.stringValue, reference.hasPrefix("#/definitions/") else {
            throw CodegenError(file: file, path: "$ref", message: "expected the root to refer to a definition")
        }
        let rootKey = String(reference.dropFirst("#/definitions/".count))
        var converter = SchemaConverter(file: file, includeDescriptions: options.includeDescriptions)
        converter.definitions = definitions
        var names: [String: String] = [:]
        var used: Set<String> = [kind]
        for key in definitions.keys.sorted() where key != rootKey {
            guard let schema = definitions[key], SchemaConverter.isNamedDefinition(schema) else { continue }
            let name = SchemaConverter.unique(SchemaConverter.definitionName(key), suffix: "Definition", taken: &used)
            names[key] = name
        }
        names[rootKey] = kind
        converter.definitionTypeNames = names
        guard case .object(let rootSchema)? = definitions[rootKey] else {
            throw CodegenError(file: file, path: "definitions." + rootKey, message: "expected an object schema")
        }
        var decl = try converter.structure(
            rootSchema, name: kind, path: "definitions." + rootKey, enclosing: Set(names.values),
            resource: ResourceInfo(apiVersion: apiVersion, kind: kind, namespaced: namespaced))
        // eksctl's metadata is its own type, not Kubernetes ObjectMeta.
        if let index = decl.properties.firstIndex(where: { $0.jsonName == "metadata" }),
            let metadataSchema = rootSchema["properties"]?["metadata"]
        {
            var scratch: [TypeDecl] = []
            var taken: Set<String> = []
            let type = try converter.convert(metadataSchema, suggestedName: "Metadata", path: "definitions.\(rootKey).properties.metadata", nested: &scratch, taken: &taken)
            if type != .objectMeta && type != .json {
                decl.properties[index].type = type
                decl.nested += scratch
                decl.resource?.objectMeta = false
            }
        }
        for key in names.keys.sorted() where key != rootKey {
            guard let name = names[key], case .object(let schema)? = definitions[key] else { continue }
            if schema["properties"] != nil {
                decl.nested.append(.structure(try converter.structure(schema, name: name, path: "definitions." + key, enclosing: Set(names.values))))
            } else if let values = schema["enum"]?.arrayValue {
                decl.nested.append(.enumeration(EnumDecl(
                    name: name, schemaPath: "definitions." + key, values: values.compactMap(\.stringValue),
                    description: nil)))
            }
        }
        decl.nested.sort { $0.name < $1.name }
        return [File(path: kind + ".swift", contents: render(.structure(decl), source: file, identity: (apiVersion, kind)))]
    }

    // MARK: - Rendering

    private func header(source: String) -> [String] {
        let name = URL(fileURLWithPath: source).lastPathComponent
        return [
            "// Generated by `kubekit generate` from \(name).",
            "// Do not edit by hand: change the input or the generator and run it again.",
            "",
        ] + options.imports.map { "import \($0)" } + [""]
    }

    private func render(_ decl: TypeDecl, source: String, identity: (String, String)? = nil) -> String {
        var emitter = SwiftEmitter()
        emitter.openTypes = options.openTypes
        emitter.lines = header(source: source)
        emitter.emit(decl, qualifiedPrefix: "")
        return emitter.lines.joined(separator: "\n") + "\n"
    }

    private func renderRegistry(name: String, kinds: [String]) -> String {
        var lines = header(source: "the CRDs above")
        lines[0] = "// Generated by `kubekit generate`."
        lines += [
            "/// Every kind generated into this module, for registering with a `ResourceRegistry`.",
            "public enum \(name)Kinds {",
            "    /// The generated kinds.",
            "    public static let all: [any Resource.Type] = [",
        ]
        lines += kinds.sorted().map { "        \($0).self," }
        lines += ["    ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Writing

    /// Writes the files into `directory` atomically: everything goes to a sibling temporary
    /// directory first and replaces the directory only when all files are written, so a failure
    /// leaves the previous output untouched. Files of an earlier run that are no longer generated
    /// are removed; `directory` must therefore hold generated files only.
    public static func write(_ files: [File], to directory: URL) throws {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(directory.lastPathComponent).kubekit-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: target)
            }
            if manager.fileExists(atPath: directory.path) {
                // Swap by renames within one parent: the old output stays until the new one is in place.
                let backup = parent.appendingPathComponent(".\(directory.lastPathComponent).kubekit-old-\(UUID().uuidString)")
                try manager.moveItem(at: directory, to: backup)
                do {
                    try manager.moveItem(at: staging, to: directory)
                } catch {
                    try? manager.moveItem(at: backup, to: directory)
                    throw error
                }
                try? manager.removeItem(at: backup)
            } else {
                try manager.moveItem(at: staging, to: directory)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}
