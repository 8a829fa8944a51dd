import Foundation
import KubeDSL
import KubeModels
import KubeSerialization
import Testing

/// The checks every seed scenario must pass.
enum ScenarioCheck {
    /// For every environment: the direct render passes the oracles (strict, no FAIL or SKIP),
    /// and `kubectl kustomize overlays/<env>` of the Kustomize layout yields the same objects.
    /// Returns the renders.
    @discardableResult
    static func verify<Settings>(
        _ cluster: Cluster<Settings>, name: String, serializer: any ManifestSerializer = FoundationSerializer(),
        options: RenderOptions = RenderOptions()
    ) throws -> [RenderedCluster] {
        let renders = try cluster.renderAll(options: options)
        let root = try Oracles.temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: root) }

        let stream = root.appendingPathComponent("stream")
        try cluster.write(.stream, to: stream, options: options, serializer: serializer)
        let checked = try Oracles.validate([stream])
        #expect(checked == renders.reduce(0) { $0 + $1.objects.count })
        Oracles.keep(stream, as: name)

        let kustomize = root.appendingPathComponent("kustomize")
        try cluster.write(.kustomize, to: kustomize, options: options, serializer: serializer)
        for render in renders {
            let environment = render.environment?.name ?? "default"
            let built = try Oracles.kustomize(kustomize.appendingPathComponent("overlays/\(environment)"))
            let direct = try render.manifests.map { try $0.jsonValue() }
            let builtByKey = keyed(built)
            let directByKey = keyed(direct)
            #expect(
                built.count == direct.count,
                "\(name)/\(environment): kustomize built \(built.count) objects, direct render has \(direct.count)")
            #expect(Set(builtByKey.keys) == Set(directByKey.keys), "\(name)/\(environment): different objects")
            for (key, value) in directByKey where builtByKey[key] != value {
                let differences = describeDifferences(builtByKey[key] ?? .null, value, path: "")
                let report = differences.joined(separator: "\n")
                Issue.record("\(name)/\(environment): \(key) differs after kustomize (kustomize vs direct):\n\(report)")
            }
        }
        return renders
    }

    /// The Flux layout of every environment: the cluster Kustomizations pass the oracles and
    /// chain by `dependsOn`, and each stage's directory builds with kustomize into exactly the
    /// objects of that stage, which pass the oracles too.
    static func verifyFlux<Settings>(_ cluster: Cluster<Settings>, name: String) throws {
        let renders = try cluster.renderAll()
        let root = try Oracles.temporaryDirectory(name + "-flux")
        defer { try? FileManager.default.removeItem(at: root) }
        try cluster.write(.flux(), to: root)
        for render in renders {
            let environment = render.environment.map { $0 == .default ? cluster.name : $0.name } ?? cluster.name
            let clusterDirectory = root.appendingPathComponent("clusters/\(environment)")
            try Oracles.validate([clusterDirectory])
            var previous: String?
            for layer in FluxLayer.allCases {
                let file = clusterDirectory.appendingPathComponent("\(layer.rawValue).yaml")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let kustomization = try #require(
                    try Oracles.yamlToJSON(String(contentsOf: file, encoding: .utf8)).first)
                let expectedDependency: JSONValue? = previous.map { [["name": .string($0)]] }
                #expect(kustomization["spec"]?["dependsOn"] == expectedDependency, "\(name)/\(environment)/\(layer)")
                previous = layer.rawValue
                let path = try #require(kustomization["spec"]?["path"]?.stringValue)
                let built = try Oracles.kustomize(root.appendingPathComponent(path))
                let direct = try render.objects.filter { $0.fluxLayer == layer }.map { try $0.manifest.jsonValue() }
                #expect(keyed(built) == keyed(direct), "\(name)/\(environment): \(path)")
                if !built.isEmpty {
                    let output = root.appendingPathComponent("built-\(environment)-\(layer.rawValue).yaml")
                    try FoundationSerializer().yaml(try built.map { try ResourceRegistryForTests.registry.decode($0) })
                        .write(to: output, atomically: true, encoding: .utf8)
                    try Oracles.validate([output])
                }
            }
        }
    }

    /// The paths where two values differ, with both values.
    static func describeDifferences(_ a: JSONValue, _ b: JSONValue, path: String) -> [String] {
        if a == b { return [] }
        if case .object(let x) = a, case .object(let y) = b {
            return Set(x.keys).union(y.keys).sorted().flatMap {
                describeDifferences(x[$0] ?? .null, y[$0] ?? .null, path: path + "/" + $0)
            }
        }
        if case .array(let x) = a, case .array(let y) = b, x.count == y.count {
            return x.indices.flatMap { describeDifferences(x[$0], y[$0], path: path + "/\($0)") }
        }
        return ["\(path): \(String(reflecting: a)) vs \(String(reflecting: b))"]
    }
}
