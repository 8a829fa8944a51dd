import Foundation
import KubeKit
import Testing

// README-BEGIN
struct WebService: Component {
    var name: String
    var replicas: Int32

    var body: ClusterContent {
        get throws {
            let labels = ["app.kubernetes.io/name": name]
            let container = Container(
                name: name, image: "registry.example.com/\(name):1.4", ports: [ContainerPort(name: "http", containerPort: 8080)],
                resources: ResourceRequirements(requests: ["cpu": "250m", "memory": "256Mi"]))
            let web = Deployment(
                name: name, spec: DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))))
            web
            try Service.exposing(web)
            try PodDisruptionBudget.protecting(web, .minAvailable(1))
        }
    }
}

let shop = Cluster("shop", environments: [.dev: Int32(1), .prod: Int32(3)]) { env in
    Namespace(name: "shop")
    WebService(name: "web", replicas: env.settings).namespace("shop")
}
// README-END

/// The README's example compiles (it is this file), renders, validates, and is what the README shows.
@Suite struct ReadmeExampleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func readmeShowsThisExample() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = try #require(Self.between("// README-BEGIN\n", "// README-END\n", in: source))
        let block = try #require(Self.between("```swift\nimport KubeKit\n\n", "```\n", in: readme))
        #expect(block == example, "README.md's first example differs from Tests/KubeKitTests/ReadmeExampleTests.swift")
    }

    @Test func exampleRendersAndValidates() throws {
        let prod = try shop.render(for: .prod)
        #expect(prod.manifests.map(\.kind) == ["Namespace", "Service", "Deployment", "PodDisruptionBudget"])
        #expect(prod.first(Deployment.self, named: "web", namespace: "shop")?.spec.replicas == 3)
        #expect(prod.diagnostics.allSatisfy { $0.severity != .error })
        let dev = try shop.render(for: .dev)
        #expect(dev.first(Deployment.self, named: "web")?.spec.replicas == 1)

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-readme-\(UUID())")
        defer { try? FileManager.default.removeItem(at: output) }
        try shop.write(.kustomize, to: output)
        for path in ["base/kustomization.yaml", "overlays/dev/kustomization.yaml", "overlays/prod/kustomization.yaml"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
    }

    static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let lower = text.range(of: start), let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
        else { return nil }
        return String(text[lower.upperBound..<upper.lowerBound])
    }
}
