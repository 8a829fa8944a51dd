import Foundation
import KubeAWS
import KubeDSL
import KubeFlux
import KubeModels
import KubeSerialization
import Testing

/// The EKS design doc: Flux installs Karpenter (controllers), then the EC2NodeClass and
/// NodePool (configs: applying them before the CRDs exist fails with `no matches for kind
/// "EC2NodeClass"`), then a sample app (a pod and a deployment running `sleep infinity`).
enum EKSFluxSeed {
    @ClusterBuilder
    static func karpenterController() -> ClusterContent {
        HelmRepository(
            name: "karpenter", namespace: "flux-system",
            spec: HelmRepository.Spec(interval: "1h", type: "oci", url: "oci://public.ecr.aws/karpenter"))
        HelmRelease(
            name: "karpenter", namespace: "kube-system",
            spec: HelmRelease.Spec(
                chart: .init(
                    spec: .init(
                        chart: "karpenter",
                        sourceRef: .init(name: "karpenter", namespace: "flux-system", kind: .helmRepository),
                        version: "1.14.1")),
                install: .init(crds: .createReplace), interval: "30m",
                values: ["settings": ["clusterName": "platform"], "dnsPolicy": "Default"]))
    }

    static func sleeper() -> Container {
        var container = Fixtures.container("ubuntu", image: "ubuntu:24.04", port: nil, cpu: "10m", memory: "16Mi")
        container.command = ["sleep", "infinity"]
        return container
    }

    static let cluster = Cluster("platform") { _ in
        Group { karpenterController() }.fluxLayer(.infrastructureControllers)
        Karpenter.nodeClass("default", cluster: "platform", role: "KarpenterNodeRole-platform")
        Karpenter.nodePool(
            "default", nodeClass: "default",
            requirements: [
                .init(key: "kubernetes.io/arch", operator: .in, values: ["arm64"]),
                .init(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot"]),
            ])
        Group {
            Namespace(name: "sandbox")
            Pod(
                name: "ubuntu", labels: ["app.kubernetes.io/name": "ubuntu-pod"], spec: PodSpec(containers: [sleeper()])
            )
            Deployment(
                name: "ubuntu",
                spec: DeploymentSpec(
                    replicas: 1, selector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "ubuntu"]),
                    template: PodTemplateSpec(
                        metadata: ObjectMeta(labels: ["app.kubernetes.io/name": "ubuntu"]),
                        spec: PodSpec(containers: [sleeper()]))))
        }
        .namespace("sandbox")
    }
}

@Suite struct EKSFluxSeedTests {
    @Test func rendersPassesOraclesAndKustomizeMatches() throws {
        try ScenarioCheck.verify(EKSFluxSeed.cluster, name: "eks-flux")
        try ScenarioCheck.verifyFlux(EKSFluxSeed.cluster, name: "eks-flux")
    }

    @Test func fluxRepositoryStagesControllersConfigsApps() throws {
        let render = try EKSFluxSeed.cluster.render(for: .default)
        let layers = Dictionary(uniqueKeysWithValues: render.objects.map { ($0.identity.kind, $0.fluxLayer) })
        #expect(layers["HelmRelease"] == .infrastructureControllers)
        #expect(layers["HelmRepository"] == .infrastructureControllers)
        #expect(layers["EC2NodeClass"] == .infrastructureConfigs)
        #expect(layers["NodePool"] == .infrastructureConfigs)
        #expect(layers["Deployment"] == .apps)
        #expect(layers["Namespace"] == .apps)

        let root = try Oracles.temporaryDirectory("flux")
        defer { try? FileManager.default.removeItem(at: root) }
        try EKSFluxSeed.cluster.write(.flux(), to: root)
        let clusterDirectory = root.appendingPathComponent("clusters/platform")
        let names = try FileManager.default.contentsOfDirectory(atPath: clusterDirectory.path).sorted()
        #expect(names == ["apps.yaml", "infra-configs.yaml", "infra-controllers.yaml"])
        try Oracles.validate([clusterDirectory])

        // dependsOn chains controllers -> configs -> apps.
        let configs = try #require(
            try Oracles.yamlToJSON(
                String(contentsOf: clusterDirectory.appendingPathComponent("infra-configs.yaml"), encoding: .utf8)
            ).first)
        #expect(configs["spec"]?["dependsOn"] == [["name": "infra-controllers"]])
        #expect(configs["spec"]?["path"] == "./infrastructure/configs/platform")
        let apps = try #require(
            try Oracles.yamlToJSON(
                String(contentsOf: clusterDirectory.appendingPathComponent("apps.yaml"), encoding: .utf8)
            ).first)
        #expect(apps["spec"]?["dependsOn"] == [["name": "infra-configs"]])

        // Each stage builds with kustomize into exactly its objects, and they pass the oracles.
        let direct = try render.objects.map { ($0.fluxLayer, try $0.manifest.jsonValue()) }
        for (layer, directory) in [
            (FluxLayer.infrastructureControllers, "infrastructure/controllers/platform"),
            (.infrastructureConfigs, "infrastructure/configs/platform"), (.apps, "apps/platform"),
        ] {
            let built = try Oracles.kustomize(root.appendingPathComponent(directory))
            #expect(keyed(built) == keyed(direct.filter { $0.0 == layer }.map(\.1)), "\(directory)")
            let output = root.appendingPathComponent("built-\(layer.rawValue).yaml")
            try FoundationSerializer().yaml(try built.map { try ResourceRegistryForTests.registry.decode($0) })
                .write(to: output, atomically: true, encoding: .utf8)
            try Oracles.validate([output])
        }
    }
}
