import Foundation
import KubeDSL
import KubeModels
import KubeValidation
import Testing

/// Rendering runs KubeValidation by default: errors stop the render (and so the write),
/// warnings are kept with the render, and both can be turned off.
@Suite struct BuiltInValidationTests {
    /// An HPA whose minimum exceeds its maximum: the API server refuses it.
    static let cluster = Cluster("checked", environments: [.dev]) { _ in
        Namespace(name: "shop")
        Group {
            Fixtures.deployment("web", image: "registry.example.com/web:1.0")
            HorizontalPodAutoscaler(
                name: "web",
                spec: HorizontalPodAutoscalerSpec(
                    maxReplicas: 3, minReplicas: 5,
                    scaleTargetRef: CrossVersionObjectReference(name: "web", apiVersion: "apps/v1", kind: "Deployment")))
        }
        .namespace("shop")
    }

    @Test func errorsStopTheRenderAndNameTheRule() throws {
        do {
            _ = try Self.cluster.render(for: .dev)
            Issue.record("an HPA with minReplicas > maxReplicas rendered")
        } catch let error as KubeDSLError {
            guard case .validationFailed(let report) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(report.contains("HorizontalPodAutoscaler shop/web"), "\(report)")
            #expect(report.contains("spec.minReplicas") || report.contains("spec.maxReplicas"), "\(report)")
        }
    }

    @Test func nothingIsWrittenWhenValidationFails() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-checked-\(UUID())")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(throws: KubeDSLError.self) { try Self.cluster.write(.files, to: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func keepInvalidOutputRecordsTheErrors() throws {
        let rendered = try Self.cluster.render(for: .dev, options: RenderOptions(keepInvalidOutput: true))
        #expect(rendered.validationErrors.count == 1)
        let errors = rendered.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.resource.kind == "HorizontalPodAutoscaler" }, "\(errors)")
    }

    @Test func validationCanBeTurnedOffOrNarrowed() throws {
        let unchecked = try Self.cluster.render(for: .dev, options: .unvalidated)
        #expect(unchecked.diagnostics.isEmpty && unchecked.validationErrors.isEmpty)
        #expect(unchecked.objects.count == 3)

        var onlyPolicy = ValidationConfiguration()
        onlyPolicy.policySets = [.bestPractice]
        let policyOnly = try Self.cluster.render(for: .dev, options: RenderOptions(validation: onlyPolicy))
        #expect(policyOnly.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test func warningsAreKeptWithTheRender() throws {
        // A single replica without a PodDisruptionBudget is a best-practice finding, not an error.
        let cluster = Cluster("warned", environments: [.dev]) { _ in
            Namespace(name: "shop")
            Group { Fixtures.deployment("web", image: "registry.example.com/web:1.0", replicas: 1) }.namespace("shop")
        }
        let rendered = try cluster.render(for: .dev)
        #expect(rendered.validationErrors.isEmpty)
        #expect(!rendered.diagnostics.isEmpty)
        #expect(rendered.diagnostics.allSatisfy { $0.severity != .error })
    }
}
