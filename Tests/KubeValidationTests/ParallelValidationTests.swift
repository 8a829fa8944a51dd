import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Parallel validation")
struct ParallelValidationTests {
    /// A few thousand documents with findings of every category, cross-resource references that
    /// resolve only across chunk boundaries, suppressions, and a List in the middle.
    func largeInput() -> [ValidationDocument] {
        var documents: [JSONValue] = [Fixtures.namespace]
        for index in 0..<700 {
            let name = "svc-\(index)"
            let labels: JSONValue = .object(["app": .string(name)])
            var changes: [String: JSONValue?] = [
                "metadata.name": .string(name), "metadata.labels": labels,
                "spec.selector.matchLabels": labels, "spec.template.metadata.labels": labels,
            ]
            switch index % 5 {
            case 0: changes["spec.template.spec.containers[0].image"] = "nginx:latest"
            case 1: changes["spec.template.spec.containers[0].ports[0].containerPort"] = 70_000
            case 2: changes["spec.template.spec.serviceAccountName"] = .string("missing-\(index)")
            case 3:
                changes["metadata.annotations"] = .object([
                    ValidationConfiguration.ignoreAnnotation: "POLICY-IMAGE-TAG-LATEST",
                    ValidationConfiguration.ignoreReasonAnnotation: "pinned by digest in production",
                ])
                changes["spec.template.spec.containers[0].image"] = "nginx:latest"
            default: break
            }
            documents.append(Fixtures.deployment.with(changes))
            // The Service of the document far away points at the first Deployments (another chunk).
            let target = index < 350 ? "svc-\(index + 350)" : "svc-\(index - 350)"
            documents.append(
                Fixtures.service.with([
                    "metadata.name": .string(name), "spec.selector": .object(["app": .string(target)]),
                ]))
            documents.append(
                Fixtures.autoscaler.with([
                    "metadata.name": .string(name), "spec.scaleTargetRef.name": .string(name),
                    "spec.minReplicas": index % 7 == 0 ? 20 : 3,
                ]))
        }
        var result = manifests(documents).map { ValidationDocument($0) }
        let list = JSONValue.object([
            "apiVersion": "v1", "kind": "List",
            "items": .array([
                Fixtures.configMap.with(["metadata.name": "listed-a"]),
                Fixtures.configMap.with(["metadata.name": "Bad_Name"]),
                .object(["apiVersion": "v1", "kind": "ConfigMap", "metadata": .object(["name": 7])]),
            ]),
        ])
        result.insert(contentsOf: manifests([list]).map { ValidationDocument($0) }, at: result.count / 2)
        return result
    }

    @Test("the findings do not depend on the number of workers")
    func sameFindings() {
        let documents = largeInput()
        #expect(documents.count > Validator.parallelThreshold)
        let validator = Validator()
        let sequential = validator.validate(documents, workers: 1)
        #expect(sequential.count > 1_000)
        #expect(Set(sequential.map(\.category)).count >= 3)
        for workers in [2, 3, 8] {
            let parallel = validator.validate(documents, workers: workers)
            #expect(parallel == sequential, "\(workers) workers")
        }
        // Sorted the way the documentation promises.
        for (left, right) in zip(sequential, sequential.dropFirst()) {
            #expect(!Diagnostic.stableOrder(right, left))
        }
    }

    @Test("chunks cover every document once and never split the items of a List")
    func chunkBoundaries() {
        let configMap = Manifest(ConfigMap(name: "a"))
        var documents: [IndexedDocument] = []
        for position in 0..<3_000 {
            let copies = position % 97 == 0 ? 40 : 1
            for _ in 0..<copies {
                documents.append(
                    IndexedDocument(
                        position: position, manifest: configMap, node: nil, location: nil,
                        reference: ResourceReference(apiVersion: "v1", kind: "ConfigMap", name: "a"), namespace: nil))
            }
        }
        for workers in [1, 2, 4, 16] {
            let chunks = Validator.chunks(of: documents, workers: workers)
            #expect(chunks.first?.lowerBound == 0)
            #expect(chunks.last?.upperBound == documents.count)
            for (left, right) in zip(chunks, chunks.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
                #expect(documents[right.lowerBound].position != documents[right.lowerBound - 1].position)
            }
            #expect(workers == 1 ? chunks.count == 1 : chunks.count > 1)
        }
        #expect(Validator.chunks(of: [], workers: 4) == [0..<0])
    }
}
