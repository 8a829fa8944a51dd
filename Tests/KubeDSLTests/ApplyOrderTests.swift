import KubeAWS
import KubeDSL
import KubeFlux
import KubeModels
import Testing

/// A deterministic pseudo-random generator, so shuffles are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

private enum Platform {
    static func objects() -> [any Resource] {
        var web = Fixtures.deployment("web", image: "nginx")
        web.metadata.namespace = "shop"
        return [
            Namespace(name: "shop"),
            Namespace(name: "flux-system"),
            Karpenter.definition(group: "karpenter.sh", kind: "NodePool", plural: "nodepools", scope: .cluster),
            Karpenter.definition(
                group: "karpenter.k8s.aws", kind: "EC2NodeClass", plural: "ec2nodeclasses", scope: .cluster),
            Karpenter.nodePool("default", nodeClass: "default", requirements: []),
            Karpenter.nodeClass("default", cluster: "c", role: "r"),
            Karpenter.nodeClass("zzz-first-by-name", cluster: "c", role: "r"),
            Karpenter.nodePool("aaa-uses-zzz", nodeClass: "zzz-first-by-name", requirements: []),
            PriorityClass(name: "critical", value: 1_000_000),
            StorageClass(name: "gp3", provisioner: "ebs.csi.aws.com"),
            ClusterRole(name: "reader"),
            ServiceAccount(name: "web", namespace: "shop"),
            ConfigMap(name: "settings", namespace: "shop"),
            Secret(name: "tls", namespace: "shop", type: .opaque),
            Service(
                name: "web", namespace: "shop",
                spec: ServiceSpec(ports: [ServicePort(name: "http", port: 80)], selector: ["app": "web"])),
            web,
            NetworkPolicy.defaultDeny(namespace: "shop"),
            Kustomization(
                name: "apps", namespace: "flux-system",
                spec: Kustomization.Spec(
                    interval: "10m", prune: true, sourceRef: .init(name: "repo", kind: .gitRepository))),
            GitRepository(
                name: "repo", namespace: "flux-system",
                spec: GitRepository.Spec(interval: "1m", url: "https://example.com/r")),
        ]
    }
}

@Suite struct ApplyOrderTests {
    @Test func shuffledInputAlwaysGivesTheSameOrder() throws {
        let objects = Platform.objects()
        let expected = try Group { objects }.render().map(ResourceIdentity.init)
        var generator = SplitMix64(state: 2024)
        for _ in 0..<200 {
            let shuffled = objects.shuffled(using: &generator)
            // Split into nested groups at random points too.
            let cut = Int.random(in: 0...shuffled.count, using: &generator)
            let order = try Group {
                Group { Array(shuffled[..<cut]) }
                Array(shuffled[cut...])
            }
            .render()
            .map(ResourceIdentity.init)
            #expect(order == expected)
            let plain = try ApplyOrder.sorted(shuffled.map { Manifest(any: $0) }).map(ResourceIdentity.init)
            #expect(plain == expected)
        }
    }

    @Test func phasesAndImpliedDependencies() throws {
        let order = try Group { Platform.objects() }.render().map { "\($0.kind)/\($0.name)" }
        #expect(
            order == [
                "Namespace/flux-system", "Namespace/shop",
                "CustomResourceDefinition/ec2nodeclasses.karpenter.k8s.aws",
                "CustomResourceDefinition/nodepools.karpenter.sh",
                "ServiceAccount/web", "ClusterRole/reader", "PriorityClass/critical", "StorageClass/gp3",
                "ConfigMap/settings", "Secret/tls",
                "Service/web",
                "Deployment/web",
                "NetworkPolicy/default-deny",
                "GitRepository/repo", "Kustomization/apps",
                "EC2NodeClass/default", "EC2NodeClass/zzz-first-by-name",
                "NodePool/aaa-uses-zzz", "NodePool/default",
            ])
    }

    @Test func nodePoolFollowsItsNodeClassAndTheCRDsEvenWhenDeclaredFirst() throws {
        // A NodePool in an earlier component than its EC2NodeClass and the CRDs.
        let order = try Group {
            Karpenter.nodePool("gpu", nodeClass: "gpu", requirements: [])
            Group {
                Karpenter.nodeClass("gpu", cluster: "c", role: "r")
                Karpenter.definition(group: "karpenter.sh", kind: "NodePool", plural: "nodepools", scope: .cluster)
                Karpenter.definition(
                    group: "karpenter.k8s.aws", kind: "EC2NodeClass", plural: "ec2nodeclasses", scope: .cluster)
            }
        }
        .render()
        .map(\.kind)
        #expect(order == ["CustomResourceDefinition", "CustomResourceDefinition", "EC2NodeClass", "NodePool"])
    }

    @Test func explicitDependenciesBetweenComponentsAndObjects() throws {
        struct Database: Component {
            var body: ClusterContent { Fixtures.deployment("zz-database", image: "postgres") }
        }
        let order = try Group {
            Group { Fixtures.deployment("api", image: "api") }.dependsOn(.component(Database.self))
            Database()
            Group { ConfigMap(name: "after-api") }.dependsOn(.object(Deployment.self, name: "api"))
        }
        .render()
        .map(\.name)
        #expect(order == ["zz-database", "api", "after-api"])
    }

    @Test func cyclesAreErrorsNamingTheCycle() {
        let cyclic = Group {
            Group { ConfigMap(name: "a") }.id("first").dependsOn("second")
            Group { ConfigMap(name: "b") }.id("second").dependsOn("first")
        }
        #expect(
            throws: KubeDSLError.dependencyCycle([
                "component \"first\"", "ConfigMap b", "component \"second\"", "ConfigMap a", "component \"first\"",
            ])
        ) { try cyclic.render() }

        // A dependency that contradicts an implied one: a Namespace after an object inside it.
        let contradiction = Group {
            Group { Namespace(name: "shop") }.dependsOn(.object(ConfigMap.self, namespace: "shop", name: "c"))
            ConfigMap(name: "c", namespace: "shop")
        }
        do {
            _ = try contradiction.render()
            Issue.record("expected a cycle")
        } catch let error as KubeDSLError {
            #expect(error == .dependencyCycle(["Namespace shop", "ConfigMap shop/c", "Namespace shop"]))
            #expect(error.description == "dependency cycle: Namespace shop -> ConfigMap shop/c -> Namespace shop")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownDependenciesAreErrors() {
        let group = Group { ConfigMap(name: "a") }.id("app").dependsOn("database")
        #expect(throws: KubeDSLError.unknownDependency(from: "component \"app\"", target: "component \"database\"")) {
            try group.render()
        }
    }
}
