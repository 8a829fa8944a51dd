import Foundation
import KubeDSL
import KubeModels
import Testing

/// The opening example of Documentation/ComposingClusters.md, kept compiling and working.
private struct Shop: Component {
    var replicas: Int32

    var web: Deployment {
        let labels = ["app": "web"]
        let container = Container(
            name: "web", image: "shop/web:1.2", ports: [ContainerPort(name: "http", containerPort: 8080)])
        return Deployment(
            name: "web",
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container])))
        )
    }

    var body: ClusterContent {
        get throws {
            web
            try Service.exposing(web)
            try PodDisruptionBudget.protecting(web, .minAvailable(1))
        }
    }
}

@Test func documentationExampleRendersAndKustomizes() throws {
    let cluster = Cluster(
        "shop",
        environments: [
            .dev: EnvironmentSettings(replicas: 1),
            .prod: EnvironmentSettings(replicas: 3),
        ]
    ) { env in
        Namespace(name: "shop")
        Shop(replicas: env.replicas).namespace("shop").labels(["team": "checkout"])
    }
    let root = try Oracles.temporaryDirectory("doc-example")
    defer { try? FileManager.default.removeItem(at: root) }
    try cluster.write(.kustomize, to: root.appendingPathComponent("deploy"))
    #expect(
        FileManager.default.fileExists(
            atPath: root.appendingPathComponent("deploy/overlays/prod/kustomization.yaml").path))
    try ScenarioCheck.verify(cluster, name: "doc-example")
    #expect(
        try cluster.render(for: .prod).manifests.map(\.kind) == [
            "Namespace", "Service", "Deployment", "PodDisruptionBudget",
        ])
}
