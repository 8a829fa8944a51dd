import KubeAWS
import KubeDSL
import KubeModels
import Testing

@Suite struct HelperTests {
    @Test func serviceNamesEveryPortAndTargetsNamedOnesByName() throws {
        var deployment = Fixtures.deployment("api", image: "api")
        deployment.spec.template.spec?.containers.append(
            Container(name: "sidecar", image: "envoy", ports: [ContainerPort(containerPort: 9901, protocol: .udp)]))
        let service = try Service.exposing(deployment, type: .clusterIP)
        #expect(service.name == "api")
        #expect(service.spec?.selector == ["app.kubernetes.io/name": "api"])
        #expect(
            service.spec?.ports == [
                ServicePort(name: "http", port: 8080, targetPort: .string("http")),
                ServicePort(name: "udp-9901", port: 9901, protocol: .udp, targetPort: .int(9901)),
            ])
        #expect(throws: KubeDSLError.self) { try Service.exposing(Fixtures.deployment("x", image: "x", port: nil)) }
    }

    @Test func autoscalerAndBudgetChecks() throws {
        let deployment = Fixtures.deployment("api", image: "api")
        let hpa = try HorizontalPodAutoscaler.scaling(deployment, minReplicas: 2, maxReplicas: 5, memoryUtilization: 80)
        #expect(hpa.spec.metrics?.map { $0.resource?.name } == ["cpu", "memory"])
        #expect(
            hpa.spec.scaleTargetRef
                == CrossVersionObjectReference(name: "api", apiVersion: "apps/v1", kind: "Deployment"))
        #expect(throws: KubeDSLError.self) {
            try HorizontalPodAutoscaler.scaling(deployment, minReplicas: 5, maxReplicas: 2)
        }
        #expect(throws: KubeDSLError.self) {
            try HorizontalPodAutoscaler.scaling(deployment, minReplicas: 0, maxReplicas: 2)
        }
        #expect(throws: KubeDSLError.self) {
            try HorizontalPodAutoscaler.scaling(deployment, minReplicas: 1, maxReplicas: 2, cpuUtilization: nil)
        }
        let pdb = try PodDisruptionBudget.protecting(deployment, .maxUnavailable("25%"))
        #expect(pdb.spec?.maxUnavailable == .string("25%") && pdb.spec?.minAvailable == nil)
    }

    @Test func networkPolicies() throws {
        var api = Fixtures.deployment("api", image: "api")
        api.metadata.namespace = "shop"
        let gateway = Fixtures.deployment("gateway", image: "gw")
        let policy = try NetworkPolicy.allowing(
            to: api, from: [.pods(of: gateway), .namespace("monitoring")], ports: [.tcp(8080)])
        #expect(policy.name == "allow-to-api" && policy.namespace == "shop")
        #expect(policy.spec?.podSelector == LabelSelector(matchLabels: ["app.kubernetes.io/name": "api"]))
        let rule = try #require(policy.spec?.ingress?.first)
        #expect(rule.from?.first?.podSelector?.matchLabels == ["app.kubernetes.io/name": "gateway"])
        #expect(rule.from?.first?.namespaceSelector == nil, "same namespace when the peer has none")
        #expect(rule.from?.last?.namespaceSelector?.matchLabels == ["kubernetes.io/metadata.name": "monitoring"])
        #expect(rule.ports == [NetworkPolicyPort(port: .int(8080), protocol: .tcp)])
        let deny = NetworkPolicy.defaultDeny(namespace: "shop", directions: [.ingress, .egress])
        #expect(deny.spec?.podSelector == LabelSelector() && deny.spec?.policyTypes == [.ingress, .egress])
        let egress = try NetworkPolicy.allowing(from: api, to: [.cidr("10.0.0.0/8")], ports: [.tcp(5432)])
        #expect(egress.spec?.policyTypes == [.egress])
    }

    @Test func placementFromANodePoolAndANodeGroup() {
        let pool = MLPlatformSeed.gpuPool(limit: 100)
        var spec = PodSpec(containers: [], tolerations: [Toleration(key: "existing", operator: .exists)])
        PodPlacement.nodePool(pool).apply(to: &spec)
        PodPlacement.nodePool(pool).apply(to: &spec)
        #expect(spec.tolerations?.count == 2, "tolerations are not duplicated")
        #expect(spec.nodeSelector == ["karpenter.sh/nodepool": "gpu", "workload-type": "gpu"])

        var preferred = PodSpec(containers: [])
        PodPlacement(nodeLabels: ["node-type": "worker"], style: .preferredAffinity(weight: 50)).apply(to: &preferred)
        #expect(preferred.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.first?.weight == 50)

        var required = PodSpec(
            affinity: Affinity(
                nodeAffinity: NodeAffinity(
                    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector(nodeSelectorTerms: [
                        NodeSelectorTerm(matchExpressions: [
                            NodeSelectorRequirement(key: "zone", operator: .in, values: ["a"])
                        ]),
                        NodeSelectorTerm(matchExpressions: [
                            NodeSelectorRequirement(key: "zone", operator: .in, values: ["b"])
                        ]),
                    ]))),
            containers: [])
        PodPlacement(nodeLabels: ["node-type": "worker"], style: .requiredAffinity).apply(to: &required)
        let terms = required.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
        #expect(terms?.count == 2)
        #expect(
            terms?.allSatisfy { $0.matchExpressions?.last?.key == "node-type" } == true, "every term requires the label"
        )

        let group = PodPlacement.nodeGroup(MLPlatformSeed.systemNodeGroup)
        #expect(
            group.tolerations == [Toleration(effect: .noSchedule, key: "platform", operator: .equal, value: "true")])
    }

    @Test func blueGreenTracksAndSwitch() throws {
        let blueGreen = BlueGreen(
            Fixtures.deployment("web", image: "web:1"), live: .green, images: [.green: "web:2"], idleReplicas: 0)
        let manifests = try blueGreen.render()
        let blue = try #require(manifests.lazy.compactMap { $0.as(Deployment.self) }.first { $0.name == "web-blue" })
        let green = try #require(manifests.lazy.compactMap { $0.as(Deployment.self) }.first { $0.name == "web-green" })
        #expect(blue.spec.replicas == 0)
        #expect(blue.spec.template.spec?.containers[0].image == "web:1")
        #expect(green.spec.template.spec?.containers[0].image == "web:2")
        let service = try #require(manifests.lazy.compactMap { $0.as(Service.self) }.first)
        #expect(service.spec?.selector?["color"] == "green")
        #expect(service.switching(to: .blue).spec?.selector?["color"] == "blue")
        #expect(DeploymentColor.blue.other == .green)
    }
}
