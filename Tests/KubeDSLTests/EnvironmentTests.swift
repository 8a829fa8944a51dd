import KubeDSL
import KubeModels
import Testing

@Suite struct EnvironmentTests {
    static let cluster = Cluster(
        "shop",
        environments: [
            .dev: EnvironmentSettings(replicas: 1, imageTag: "2.0.0-rc.1", featureFlags: ["new-checkout"]),
            .staging: EnvironmentSettings(replicas: 2, imageTag: "2.0.0", featureFlags: ["new-checkout"]),
            "perf": EnvironmentSettings(replicas: 6, imageTag: "2.0.0"),
            .prod: EnvironmentSettings(replicas: 3, imageTag: "2.0.0"),
        ]
    ) { env in
        Fixtures.deployment("shop", image: "shop:\(env.imageTag ?? "latest")", replicas: env.replicas)
        if env.settings.isEnabled("new-checkout") {
            Fixtures.deployment("checkout-v2", image: "checkout:2", replicas: 1)
        }
    }

    @Test func oneDefinitionRendersPerEnvironment() throws {
        let perf = try Self.cluster.render(for: "perf")
        #expect(perf.first(Deployment.self, named: "shop")?.spec.replicas == 6)
        #expect(perf.first(Deployment.self, named: "checkout-v2") == nil)
        let dev = try Self.cluster.render(for: .dev)
        #expect(dev.first(Deployment.self, named: "shop")?.spec.template.spec?.containers[0].image == "shop:2.0.0-rc.1")
        #expect(dev.first(Deployment.self, named: "checkout-v2") != nil)
        #expect(try Self.cluster.renderAll().map { $0.environment?.name } == ["dev", "staging", "perf", "prod"])
    }

    @Test func unknownAndDuplicateEnvironmentsFail() {
        #expect(throws: KubeDSLError.unknownEnvironment("qa", defined: [.dev, .staging, "perf", .prod])) {
            try Self.cluster.render(for: "qa")
        }
        let duplicated = Cluster("x", environments: [.dev: 1, .dev: 2]) { _ in Namespace(name: "x") }
        #expect(throws: KubeDSLError.duplicateEnvironment(.dev)) { try duplicated.render(for: .dev) }
    }

    @Test func differencesListOnlyWhatDiffers() {
        let differences = Self.cluster.environments.differences()
        #expect(differences.map(\.field) == ["replicas", "imageTag", "featureFlags"])
        #expect(differences[2].description == "featureFlags: dev=[new-checkout] staging=[new-checkout] perf=[] prod=[]")
    }

    @Test func clustersWithoutEnvironmentsRenderTheDefault() throws {
        let cluster = Cluster("plain") { env in
            Namespace(name: env.name)
        }
        #expect(try cluster.render(for: .default).manifests.map(\.name) == ["default"])
    }
}
