import Foundation
import KubeCodegen
import KubeSerialization
import Testing

enum CodegenPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] { return URL(fileURLWithPath: custom) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The build folder of the running tests (`.build/debug`), where the modules and `kubekit` are.
    static let buildFolder: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Modules").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static func inputs(_ folder: String) throws -> [ModelGenerator.Input] {
        let dir = shared.appendingPathComponent("reference").appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        return try files.flatMap { url in
            try ManifestReader.readAll([UInt8](try Data(contentsOf: url)), file: url.path).map {
                ModelGenerator.Input(document: $0.jsonValue, file: url.path)
            }
        }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-codegen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Type-checks Swift files against the package's built modules.
    static func typecheck(_ files: [URL]) throws -> (status: Int32, output: String) {
        let swiftc = ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"].first { FileManager.default.fileExists(atPath: $0) } ?? "swiftc"
        return try run(swiftc, ["-typecheck", "-swift-version", "6", "-I", buildFolder.appendingPathComponent("Modules").path] + files.map(\.path))
    }
}

/// Golden tests: the committed models are exactly what the generator writes from the reference CRDs.
@Suite struct GoldenTests {
    @Test(arguments: [
        ("karpenter", "Sources/KubeAWS/Generated/Karpenter", "Karpenter"),
        ("aws-load-balancer-controller", "Sources/KubeAWS/Generated/LoadBalancerController", "LoadBalancerController"),
        ("flux", "Sources/KubeFlux/Generated", "Flux"),
        ("prometheus", "Sources/KubePrometheus/Generated", "Prometheus"),
    ])
    func committedModelsMatchTheGenerator(folder: String, output: String, registry: String) throws {
        let open: Set<String> = folder == "karpenter" ? ["EC2NodeClass.Spec.Kubelet"] : []
        let generator = ModelGenerator(options: .init(registryName: registry, openTypes: open))
        let files = try generator.generate(crds: try CodegenPaths.inputs(folder))
        let dir = CodegenPaths.packageRoot.appendingPathComponent(output)
        let committed = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(committed == files.map(\.path).sorted())
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.contents, "\(output)/\(file.path) differs from the generator's output")
        }
    }

    @Test func eksctlModelMatchesTheGenerator() throws {
        let url = CodegenPaths.shared.appendingPathComponent("reference/eksctl/schema.json")
        let node = try JSONReader.read([UInt8](try Data(contentsOf: url)), file: url.path)
        let files = try ModelGenerator().generate(
            jsonSchema: .init(document: node.jsonValue, file: url.path), apiVersion: "eksctl.io/v1alpha5", kind: "ClusterConfig")
        let committed = CodegenPaths.packageRoot.appendingPathComponent("Sources/KubeAWS/Generated/EKS/ClusterConfig.swift")
        #expect(files.count == 1)
        #expect(try String(contentsOf: committed, encoding: .utf8) == files.first?.contents)
    }

    @Test func multiVersionCRDKeepsEveryServedVersion() throws {
        let files = try ModelGenerator().generate(crds: try CodegenPaths.inputs("aws-load-balancer-controller"))
        let names = files.map(\.path)
        #expect(names.contains("TargetGroupBinding.swift"))
        #expect(names.contains("TargetGroupBindingV1alpha1.swift"))
        let old = try #require(files.first { $0.path == "TargetGroupBindingV1alpha1.swift" })
        #expect(old.contents.contains("public enum TargetGroupBindingV1alpha1"))
        #expect(old.contents.contains("public static let apiVersion = \"elbv2.k8s.aws/v1alpha1\""))
    }
}

/// Synthetic CRDs built to break naive generators.
@Suite struct AdversarialTests {
    static func crd(group: String, kind: String, scope: String = "Namespaced", versions: [(String, Bool, JSONValue)]) -> JSONValue {
        [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": .object(["name": .string("\(kind.lowercased())s.\(group)")]),
            "spec": .object([
                "group": .string(group),
                "names": .object(["kind": .string(kind), "plural": .string(kind.lowercased() + "s")]),
                "scope": .string(scope),
                "versions": .array(versions.map { name, storage, schema in
                    .object(["name": .string(name), "served": true, "storage": .bool(storage),
                             "schema": .object(["openAPIV3Schema": schema])])
                }),
            ]),
        ]
    }

    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static let nastySpec: JSONValue = object([
        "default": ["type": "string"],
        "protocol": ["type": "string", "enum": ["TCP", "UDP", "", "*", "on-demand", "a b", "tcp"]],
        "class": ["type": "integer", "format": "int32"],
        "self": ["type": "boolean"],
        "Type": object(["type": ["type": "string"]]),
        "type": object(["kind": ["type": "string"]]),
        "2xx": ["type": "number"],
        "x-custom-field": ["type": "string"],
        "$ref": ["type": "string"],
        "kebab-case-name": ["type": "string"],
        "snake_case": ["type": "string", "format": "date-time"],
        "init": ["type": "string"],
        "port": ["x-kubernetes-int-or-string": true, "anyOf": [["type": "integer"], ["type": "string"]]],
        "memory": [
            "x-kubernetes-int-or-string": true, "anyOf": [["type": "integer"], ["type": "string"]],
            "pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
        ],
        "values": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
        "matrix": ["type": "array", "items": ["type": "array", "items": object(["cell": ["type": "string"], "spec": object(["spec": ["type": "string"]])])]],
        "byName": ["type": "object", "additionalProperties": object(["value": ["type": "string"]])],
        "spec": object(["spec": object(["spec": ["type": "string"]])]),
        "status": object(["status": ["type": "string", "enum": ["True", "False"]]]),
        "String": object(["Data": ["type": "string"]]),
    ], required: ["protocol"])

    static func inputs() -> [ModelGenerator.Input] {
        let schema = object(["spec": nastySpec, "status": object(["phase": ["type": "string"]])], required: ["spec"])
        let simple = object(["spec": object(["size": ["type": "integer"]])])
        return [
            .init(document: crd(group: "widgets.example.com", kind: "Widget",
                                versions: [("v1alpha1", false, simple), ("v1beta1", false, schema), ("v1", true, schema)]),
                  file: "widgets.yaml"),
            .init(document: crd(group: "widgets.example.com", kind: "Gadget", scope: "Cluster", versions: [("v1", true, schema)]),
                  file: "gadgets.yaml"),
            .init(document: crd(group: "other.example.org", kind: "Widget", versions: [("v1", true, simple)]),
                  file: "other-widgets.yaml"),
        ]
    }

    @Test func nastyNamesCompile() throws {
        let files = try ModelGenerator(options: .init(registryName: "Adversarial")).generate(crds: Self.inputs())
        let names = Set(files.map(\.path))
        // Three versions of one kind, a second kind of the same group, the same kind in another group.
        #expect(names == ["WidgetsWidget.swift", "WidgetsWidgetV1alpha1.swift", "WidgetsWidgetV1beta1.swift",
                          "Gadget.swift", "OtherWidget.swift", "AdversarialKinds.swift"])
        let dir = try CodegenPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ModelGenerator.write(files, to: dir.appendingPathComponent("out"))
        let written = try FileManager.default.contentsOfDirectory(at: dir.appendingPathComponent("out"), includingPropertiesForKeys: nil)
        let result = try CodegenPaths.typecheck(written)
        #expect(result.status == 0, "generated code does not compile:\n\(result.output.prefix(3000))")
    }

    @Test func descriptionsOnlyWhenAsked() throws {
        var schema = Self.object(["spec": Self.object(["size": ["type": "integer", "description": "UPSTREAM PROSE"]])])
        if case .object(var s) = schema { s["description"] = "UPSTREAM ROOT"; schema = .object(s) }
        let input = ModelGenerator.Input(document: Self.crd(group: "a.example.com", kind: "Thing", versions: [("v1", true, schema)]), file: "t.yaml")
        let plain = try ModelGenerator().generate(crds: [input])
        #expect(!plain.contains { $0.contents.contains("UPSTREAM") })
        let described = try ModelGenerator(options: .init(includeDescriptions: true)).generate(crds: [input])
        #expect(described.contains { $0.contents.contains("/// UPSTREAM PROSE") })
    }
}

/// Bad input gives errors that name the file and the place in it; nothing is written.
@Suite struct BadInputTests {
    @Test func aDocumentThatIsNotACRD() throws {
        let input = ModelGenerator.Input(document: ["apiVersion": "apps/v1", "kind": "Deployment"], file: "deploy.yaml")
        do {
            _ = try ModelGenerator().generate(crds: [input])
            Issue.record("expected an error")
        } catch let error as CodegenError {
            #expect(error.file == "deploy.yaml")
            #expect(error.description.contains("expected an apiextensions.k8s.io/v1 CustomResourceDefinition, found apps/v1 Deployment"))
        }
    }

    @Test func anUnsupportedConstruct() throws {
        let schema = AdversarialTests.object(["spec": ["allOf": [["type": "object"]]]])
        let input = ModelGenerator.Input(
            document: AdversarialTests.crd(group: "a.example.com", kind: "Thing", versions: [("v1", true, schema)]), file: "thing.yaml")
        do {
            _ = try ModelGenerator().generate(crds: [input])
            Issue.record("expected an error")
        } catch let error as CodegenError {
            #expect(error.file == "thing.yaml")
            #expect(error.path == "spec.versions[0].schema.openAPIV3Schema.properties.spec")
            #expect(error.message.contains("allOf"))
        }
    }

    @Test func aServedVersionWithoutSchema() throws {
        var crd = AdversarialTests.crd(group: "a.example.com", kind: "Thing", versions: [("v1", true, ["type": "object"])])
        if case .object(var root) = crd, case .object(var spec)? = root["spec"] {
            spec["versions"] = [["name": "v1", "served": true, "storage": true]]
            root["spec"] = .object(spec)
            crd = .object(root)
        }
        #expect(throws: CodegenError.self) { try ModelGenerator().generate(crds: [.init(document: crd, file: "x.yaml")]) }
    }

    @Test func theCommandLineReportsUnreadableFilesAndWritesNothing() throws {
        let kubekit = CodegenPaths.buildFolder.appendingPathComponent("kubekit").path
        try #require(FileManager.default.fileExists(atPath: kubekit), "kubekit is not built at \(kubekit)")
        let dir = try CodegenPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("models")
        let missing = try CodegenPaths.run(kubekit, ["generate", dir.appendingPathComponent("nope.yaml").path, "--output", output.path])
        #expect(missing.status == 1)
        #expect(missing.output.contains("nope.yaml"))
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n".utf8).write(to: bad)
        let notCRD = try CodegenPaths.run(kubekit, ["generate", bad.path, "--output", output.path])
        #expect(notCRD.status == 1)
        #expect(notCRD.output.contains("bad.yaml"))
        #expect(notCRD.output.contains("CustomResourceDefinition"))
        let broken = dir.appendingPathComponent("broken.yaml")
        try Data("apiVersion: [unclosed\n".utf8).write(to: broken)
        let syntax = try CodegenPaths.run(kubekit, ["generate", broken.path, "--output", output.path])
        #expect(syntax.status == 1)
        #expect(syntax.output.contains("broken.yaml:"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func writingReplacesTheWholeDirectory() throws {
        let dir = try CodegenPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("models")
        try ModelGenerator.write([.init(path: "Old.swift", contents: "// old\n")], to: output)
        let input = ModelGenerator.Input(
            document: AdversarialTests.crd(group: "a.example.com", kind: "Thing", versions: [("v1", true, AdversarialTests.object([:]))]),
            file: "t.yaml")
        try ModelGenerator.write(try ModelGenerator().generate(crds: [input]), to: output)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(names == ["Thing.swift"])
        // No staging folders are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["models"])
    }
}
