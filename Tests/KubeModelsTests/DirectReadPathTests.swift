import Foundation
import KubeModels
import KubeSerialization
import Testing

/// The direct read path (`NodeReadable`, used by `ResourceRegistry.decode(_:)`) gives the same
/// values and the same errors as the models' `Decodable` conformances under `NodeDecoder`.
@Suite struct DirectReadPathTests {
    static let manifests: [URL] =
        (try? TestPaths.files(in: TestPaths.shared.appendingPathComponent("corpus/manifests"), suffix: "")) ?? []

    /// Both paths on one node: equal encoded values, or equal error descriptions.
    static func agree(_ node: Node, _ id: String, registry: ResourceRegistry = .kubernetes) throws {
        let direct = Result { try registry.decode(node) }
        let codable = Result { try registry.decodeWithCodable(node) }
        switch (direct, codable) {
        case (.success(let a), .success(let b)):
            #expect(try encodeJSON(a) == encodeJSON(b), "\(id): the paths read different values")
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)", "\(id): direct error \(a) / Decodable error \(b)")
        case (.success, .failure(let error)):
            Issue.record("\(id): only the Decodable path fails: \(error)")
        case (.failure(let error), .success):
            Issue.record("\(id): only the direct path fails: \(error)")
        }
    }

    @Test func corpusIsPresent() {
        #expect(Self.manifests.count >= 70)
    }

    @Test(arguments: manifests)
    func corpusReadsIdentically(_ file: URL) throws {
        guard let nodes = try? YAMLReader.readAll(Data(contentsOf: file), file: file.lastPathComponent) else { return }
        for (index, node) in nodes.enumerated() {
            try Self.agree(node, "\(file.lastPathComponent)#\(index + 1)")
        }
    }

    @Test func allFieldsFixturesReadIdentically() throws {
        let files = try TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("all-fields"), suffix: ".json")
        #expect(files.count >= 28)
        for file in files {
            for node in try JSONReader.readAll(Data(contentsOf: file), file: file.lastPathComponent) {
                let manifest = try ResourceRegistry.kubernetes.decode(node)
                #expect(manifest.resource != nil, "\(file.lastPathComponent) did not read as its model")
                try Self.agree(node, file.lastPathComponent)
            }
        }
    }

    /// One mistake per document; both paths must name the same path, message and location.
    static let badDocuments: [String] = [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: three\n  selector: {}\n  template: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector: {}\n  template: {}\n  replica: 2\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector: null\n  template: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 3000000000\n  selector: {}\n  template: {}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1.5\n  selector: {}\n  template: {}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    resources: {limits: {cpu: 100mm}}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    resources: {limits: {cpu: [1]}}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: http}]\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    imagePullPolicyy: Always\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {a: 1}}\nspec: {containers: []}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a, creationTimestamp: yesterday}\nspec: {containers: []}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80, targetPort: 1.5}]}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80, targetPort: 4000000000}]}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80, targetPort: [80]}]}\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata: {key: '***'}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nbinaryData: {key: 'not base64!'}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {key: [1, 2]}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: [a]\n",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\nspec: {finalizers: [1]}\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: a}\nspec: {schedule: '* * * * *', suspend: 'yes', jobTemplate: {}}\n",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\nspec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment}}\n",
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a}\n"
            + "spec: {group: g, names: {kind: K, plural: ks}, scope: Namespaced, versions: [{name: v1, served: true, "
            + "storage: true, schema: {openAPIV3Schema: {type: object, additionalProperties: 3}}}]}\n",
    ]

    @Test(arguments: badDocuments.indices)
    func badDocumentsFailIdentically(_ index: Int) throws {
        let nodes = try YAMLReader.readAll(Self.badDocuments[index], file: "bad.yaml")
        let node = try #require(nodes.first)
        #expect(throws: ManifestError.self) { try ResourceRegistry.kubernetes.decode(node) }
        try Self.agree(node, "bad document \(index)")
    }

    @Test func collectedUnknownFieldsAreTheSame() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, labelz: {}}
            spec:
              replica: 2
              selector: {matchLabels: {app: a}}
              template:
                spec:
                  containers:
                  - name: c
                    imagePullPolicyy: Always
                    resources: {limitz: {}}
            """
        let node = try #require(try YAMLReader.readAll(text).first)
        let direct = UnknownFieldCollector()
        let codable = UnknownFieldCollector()
        let a = try ResourceRegistry.kubernetes.decode(node, unknownFields: direct)
        let b = try ResourceRegistry.kubernetes.decodeWithCodable(node, unknownFields: codable)
        #expect(try encodeJSON(a) == encodeJSON(b))
        #expect(direct.fields.count == 4)
        #expect(Set(direct.fields) == Set(codable.fields))
        #expect(direct.fields.map(\.path).contains("spec.template.spec.containers[0].imagePullPolicyy"))
    }

    @Test func readerReadsStandardTypesStrictly() throws {
        let node = try #require(try YAMLReader.readAll("a: [1, 2.0]\nb: {x: \"on\"}\n").first)
        let reader = NodeReader()
        let entries = try reader.entries(of: node)
        #expect(try reader.required([Int32].self, entries[0]) == [1, 2])
        #expect(throws: NodeDecodingError.self) { try reader.required([String: Bool].self, entries[1]) }
        do {
            _ = try reader.read([String: [String]].self, from: node)
            Issue.record("integers read as strings")
        } catch let error as NodeDecodingError {
            #expect(error.path == "a[0]")
            #expect(error.location.line == 1)
            #expect(error.message == "expected a string, found the integer 1")
        }
    }
}
