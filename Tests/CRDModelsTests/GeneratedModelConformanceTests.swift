import Foundation
import KubeAWS
import KubeFlux
import KubeModels
import KubePrometheus
import KubeSerialization
import Testing

/// Every generated kind has exactly the properties of its CRD schema, with the right JSON types:
/// a document that sets every property decodes strictly and encodes back unchanged, and the
/// stored properties (seen through `Mirror`) match the schema level by level.
@Suite struct GeneratedModelConformanceTests {
    static let kindNames: [String] = Kinds.all.map { "\($0.apiVersion) \($0.kind)" }

    @Test func everyCRDVersionHasAModel() {
        let modelled = Set(Kinds.all.map { $0.typeMeta })
        #expect(ReferenceCRDs.byType.count >= 15, "cannot read the CRDs under \(Paths.reference.path)")
        for (type, entry) in ReferenceCRDs.byType where !modelled.contains(type) {
            Issue.record("\(entry.file): \(type) has no generated model")
        }
    }

    @Test(arguments: kindNames)
    func modelMatchesSchema(_ name: String) throws {
        let type = try #require(Kinds.all.first { "\($0.apiVersion) \($0.kind)" == name })
        let entry = try #require(ReferenceCRDs.byType[type.typeMeta], "no CRD for \(name)")
        var sampler = SchemaSampler()
        guard case .object(var document) = sampler.sample(entry.schema, name: type.kind) else {
            Issue.record("the schema of \(name) is not an object")
            return
        }
        document["apiVersion"] = .string(type.apiVersion)
        document["kind"] = .string(type.kind)
        document["metadata"] = ["name": "sample"]
        let original = JSONValue.object(document)
        let manifest = try Kinds.registry.decode(original)
        let resource = try #require(manifest.resource)
        #expect(Swift.type(of: resource) == type)
        let back = try JSONDecoder().decode(JSONValue.self, from: try encodeJSON(manifest))
        #expect(differences(original, back).isEmpty, "\(differences(original, back).prefix(10))")
        var problems: [String] = []
        sampler.checkStoredProperties(resource, schema: entry.schema, path: type.kind, skip: ["apiVersion", "kind"], problems: &problems)
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func eksctlClusterConfigMatchesItsSchema() throws {
        let schemaURL = Paths.reference.appendingPathComponent("eksctl/schema.json")
        let schema = try JSONReader.read([UInt8](try Data(contentsOf: schemaURL)), file: "schema.json").jsonValue
        var sampler = SchemaSampler()
        sampler.definitions = schema["definitions"]?.objectValue ?? [:]
        let root = try #require(sampler.definitions["ClusterConfig"])
        guard case .object(var document) = sampler.sample(root, name: "ClusterConfig") else {
            Issue.record("ClusterConfig schema is not an object")
            return
        }
        document["apiVersion"] = "eksctl.io/v1alpha5"
        document["kind"] = "ClusterConfig"
        let original = JSONValue.object(document)
        let config = try JSONValueEncoding.decode(ClusterConfig.self, from: original)
        let back = try JSONValueEncoding.encode(config)
        #expect(differences(original, back).isEmpty, "\(differences(original, back).prefix(10))")
        var problems: [String] = []
        sampler.checkStoredProperties(config, schema: root, path: "ClusterConfig", skip: ["apiVersion", "kind"], problems: &problems)
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }
}

/// Real documents: every Karpenter, Flux, Prometheus and eksctl document in the corpus and in
/// eksctl's examples decodes into its model and round-trips.
@Suite struct RealDocumentTests {
    static let groups = ["karpenter.sh", "karpenter.k8s.aws", "kustomize.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io",
                         "source.toolkit.fluxcd.io", "monitoring.coreos.com", "elbv2.k8s.aws"]

    @Test func corpusCRDDocumentsRoundTrip() throws {
        var count = 0
        for url in Paths.files(Paths.shared.appendingPathComponent("corpus/kubectl-json"), suffix: ".kubectl.jsonl") {
            let data = try Data(contentsOf: url)
            for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
                let original = try JSONDecoder().decode(JSONValue.self, from: Data(line))
                let group = original["apiVersion"]?.stringValue?.split(separator: "/").first.map(String.init) ?? ""
                guard Self.groups.contains(group) else { continue }
                let id = "\(url.lastPathComponent)#\(index + 1)"
                do {
                    let manifest = try Kinds.registry.decode(json: Data(line))
                    // Versions the reference CRDs do not serve (Flux v1beta2 …) stay unstructured.
                    let served = ReferenceCRDs.byType[manifest.typeMeta] != nil
                    #expect((manifest.resource != nil) == served, "\(id): \(manifest.typeMeta) typed: \(manifest.resource != nil), served: \(served)")
                    let back = try JSONDecoder().decode(JSONValue.self, from: try encodeJSON(manifest))
                    #expect(differences(original, back).isEmpty, "\(id): \(differences(original, back).prefix(5))")
                    count += 1
                } catch {
                    Issue.record("\(id): \(error)")
                }
            }
        }
        #expect(count >= 20, "only \(count) Karpenter/Flux/Prometheus documents in the corpus")
    }

    @Test func eksctlConfigsDecode() throws {
        var urls = Paths.files(Paths.reference.appendingPathComponent("eksctl/examples"), suffix: ".yaml")
        urls += Paths.files(Paths.shared.appendingPathComponent("corpus/manifests"), suffix: ".yaml")
            .filter { $0.lastPathComponent.hasPrefix("eksctl-io__eksctl__examples") }
        var count = 0
        for url in urls {
            for document in try Paths.readDocuments(url) where document["kind"]?.stringValue == "ClusterConfig" {
                do {
                    let config = try JSONValueEncoding.decode(ClusterConfig.self, from: document)
                    let back = try JSONValueEncoding.encode(config)
                    #expect(differences(document, back).isEmpty, "\(url.lastPathComponent): \(differences(document, back).prefix(5))")
                    count += 1
                } catch {
                    Issue.record("\(url.lastPathComponent): \(KubeCoding.describe(error))")
                }
            }
        }
        #expect(count >= 10)
    }
}
