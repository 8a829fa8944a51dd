import ExampleSystems
import Foundation
import KubeKit
import KubeTesting
import Testing

/// Every example, in every environment and layout: renders, passes KubeValidation without
/// errors and the strict oracles without a FAIL or SKIP, builds with real kustomize into the
/// objects of the direct render, and matches its committed golden stream.
@Suite struct ExampleOutputTests {
    @Test(arguments: AnyExample.environments)
    func rendersWithoutValidationErrors(_ example: AnyExample, _ environment: Environment) throws {
        let render = try example.render(environment)
        #expect(!render.objects.isEmpty)
        let errors = Validator().validate(render.manifests).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(example)/\(environment):\n\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: AnyExample.all)
    func streamAndFilesLayoutsPassTheOracles(_ example: AnyExample) throws {
        let root = try Oracles.temporaryDirectory(example.name)
        defer { try? FileManager.default.removeItem(at: root) }
        let renders = try example.environments.map(example.render)
        let objects = renders.reduce(0) { $0 + $1.objects.count }

        let stream = root.appendingPathComponent("stream")
        let streamFiles = try example.files(.stream)
        #expect(Set(streamFiles.keys) == Set(example.environments.map { "\($0.name).yaml" }))
        try writeFiles(streamFiles, to: stream)
        #expect(try Oracles.validate([stream]) == objects, "\(example): every object of the stream is checked")
        Oracles.keep(stream, as: example.name)

        let files = root.appendingPathComponent("files")
        let fileLayout = try example.files(.files)
        #expect(fileLayout.count == objects, "\(example): one file per object")
        try writeFiles(fileLayout, to: files)
        #expect(try Oracles.validate([files]) == objects)

        if let extraFiles = example.extraFiles {
            let extras = root.appendingPathComponent("extras")
            var count = 0
            for environment in example.environments {
                let written = try extraFiles(environment)
                count += written.count
                try writeFiles(written, to: extras)
            }
            #expect(try Oracles.validate([extras]) == count, "\(example): the extra documents pass their oracle")
        }
    }

    @Test(arguments: AnyExample.all)
    func kustomizeOverlaysBuildTheDirectRender(_ example: AnyExample) throws {
        let root = try Oracles.temporaryDirectory(example.name + "-kustomize")
        defer { try? FileManager.default.removeItem(at: root) }
        try writeFiles(try example.files(.kustomize), to: root)
        for environment in example.environments {
            let built = try Oracles.kustomize(root.appendingPathComponent("overlays/\(environment.name)"))
            let direct = try example.render(environment).manifests.map { try $0.jsonValue() }
            let builtByKey = keyed(built)
            let directByKey = keyed(direct)
            #expect(built.count == direct.count, "\(example)/\(environment): kustomize built \(built.count) objects")
            #expect(Set(builtByKey.keys) == Set(directByKey.keys), "\(example)/\(environment): different objects")
            for (key, value) in directByKey where builtByKey[key] != value {
                let paths = differingPaths(builtByKey[key] ?? .null, value).joined(separator: ", ")
                Issue.record("\(example)/\(environment): \(key) differs after kustomize at \(paths)")
            }
        }
    }

    @Test(arguments: AnyExample.all)
    func fluxStagesChainAndBuildTheirObjects(_ example: AnyExample) throws {
        let root = try Oracles.temporaryDirectory(example.name + "-flux")
        defer { try? FileManager.default.removeItem(at: root) }
        try writeFiles(try example.files(.flux()), to: root)
        for environment in example.environments {
            let render = try example.render(environment)
            let clusterDirectory = root.appendingPathComponent("clusters/\(example.fluxClusterDirectory(environment))")
            try Oracles.validate([clusterDirectory])
            var previous: String?
            var staged = 0
            for layer in FluxLayer.allCases {
                let file = clusterDirectory.appendingPathComponent("\(layer.rawValue).yaml")
                let direct = try render.objects.filter { $0.fluxLayer == layer }.map { try $0.manifest.jsonValue() }
                guard FileManager.default.fileExists(atPath: file.path) else {
                    #expect(
                        direct.isEmpty, "\(example)/\(environment): stage \(layer) has objects but no Kustomization")
                    continue
                }
                let kustomization = try #require(
                    try Oracles.yamlToJSON(String(contentsOf: file, encoding: .utf8)).first)
                let expectedDependency: JSONValue? = previous.map { [["name": .string($0)]] }
                #expect(kustomization["spec"]?["dependsOn"] == expectedDependency, "\(example)/\(environment)/\(layer)")
                previous = layer.rawValue
                let path = try #require(kustomization["spec"]?["path"]?.stringValue)
                let built = try Oracles.kustomize(root.appendingPathComponent(path))
                #expect(keyed(built) == keyed(direct), "\(example)/\(environment): \(path)")
                staged += built.count
            }
            #expect(staged == render.objects.count, "\(example)/\(environment): every object is in a stage")
        }
    }

    @Test(arguments: AnyExample.environments)
    func streamMatchesItsGoldenFile(_ example: AnyExample, _ environment: Environment) throws {
        let golden = Oracles.packageRoot.appendingPathComponent("Tests/ExamplesTests/Golden/\(example.name)")
        try GoldenFile.assertMatches(
            try example.render(environment).yaml(), file: golden.appendingPathComponent("\(environment.name).yaml"))
        for (path, text) in try example.extraFiles?(environment) ?? [:] {
            try GoldenFile.assertMatches(text, file: golden.appendingPathComponent(path))
        }
    }
}

/// The paths (`/spec/replicas`) where two JSON values differ.
func differingPaths(_ a: JSONValue, _ b: JSONValue, path: String = "") -> [String] {
    guard a != b else { return [] }
    if case .object(let x) = a, case .object(let y) = b {
        return Set(x.keys).union(y.keys).sorted().flatMap {
            differingPaths(x[$0] ?? .null, y[$0] ?? .null, path: path + "/" + $0)
        }
    }
    if case .array(let x) = a, case .array(let y) = b, x.count == y.count {
        return x.indices.flatMap { differingPaths(x[$0], y[$0], path: path + "/\($0)") }
    }
    return [path.isEmpty ? "/" : path]
}
