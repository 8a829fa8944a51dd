import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// Node pools and pods for the scheduling rules: a CPU NodePool limited to c/m/r instances, a GPU
/// NodePool tainted `nvidia.com/gpu=present:NoSchedule`, and an eksctl config with a tainted
/// system node group.
enum SchedulingFixtures {
    static let cpuPool = JSONValue.parse(
        """
        {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "cpu"},
         "spec": {"template": {"metadata": {"labels": {"workload-type": "cpu"}},
           "spec": {"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"},
            "requirements": [
              {"key": "karpenter.k8s.aws/instance-category", "operator": "In", "values": ["c", "m", "r"]},
              {"key": "karpenter.k8s.aws/instance-generation", "operator": "Gt", "values": ["4"]},
              {"key": "team", "operator": "In", "values": ["a", "b"]}]}},
          "limits": {"cpu": "100"}}}
        """)

    static let gpuPool = JSONValue.parse(
        """
        {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "gpu"},
         "spec": {"template": {"metadata": {"labels": {"workload-type": "gpu"}},
           "spec": {"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "gpu"},
            "requirements": [{"key": "karpenter.k8s.aws/instance-family", "operator": "In", "values": ["p4d", "p5"]}],
            "taints": [{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}]}},
          "limits": {"cpu": "1000", "nvidia.com/gpu": "8"}}}
        """)

    static let clusterConfig = JSONValue.parse(
        """
        {"apiVersion": "eksctl.io/v1alpha5", "kind": "ClusterConfig",
         "metadata": {"name": "prod", "region": "us-west-2", "version": "1.34"},
         "managedNodeGroups": [{"name": "system", "instanceType": "m6i.xlarge", "minSize": 2, "maxSize": 4,
           "labels": {"role": "platform"}, "taints": [{"key": "platform", "value": "true", "effect": "NoSchedule"}]}]}
        """)

    static let gpuContainer = JSONValue.parse(
        """
        {"name": "train", "image": "registry.example.com/ml/train:1.0",
         "resources": {"requests": {"cpu": "8", "memory": "32Gi", "nvidia.com/gpu": "1"},
           "limits": {"memory": "32Gi", "nvidia.com/gpu": "1"}}}
        """)

    static let gpuToleration = JSONValue.parse(
        #"[{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}]"#)

    /// A Deployment of `replicas` pods with one GPU each.
    static func trainer(replicas: Int, tolerations: JSONValue? = nil) -> JSONValue {
        var changes: [String: JSONValue?] = [
            "metadata.name": "trainer", "spec.replicas": .int(Int64(replicas)),
            "spec.template.spec.containers": .array([gpuContainer]),
        ]
        if let tolerations { changes["spec.template.spec.tolerations"] = tolerations }
        return Fixtures.deployment.with(changes)
    }

    static func web(_ changes: [String: JSONValue?] = [:]) -> JSONValue {
        Fixtures.deployment.with(changes)
    }
}

private func findings(_ values: [JSONValue], rule: Rule) -> [Diagnostic] {
    let configuration = ValidationConfiguration(policySets: [.crossResource])
    return Validator(configuration: configuration).validate(manifests(values)).filter { $0.ruleID == rule.id }
}

@Suite("Scheduling: pools, tolerations, selectors and NodePool capacity")
struct SchedulingTests {
    typealias F = SchedulingFixtures

    @Test("a GPU pod that does not tolerate the GPU pool's taint is an error that names the toleration")
    func gpuToleration() throws {
        let pools = [F.cpuPool, F.gpuPool]
        let bad = findings(pools + [F.trainer(replicas: 1)], rule: .crossGPUToleration)
        let hit = try #require(bad.first)
        #expect(bad.count == 1)
        #expect(hit.severity == .error)
        #expect(hit.fieldPath == "spec.template.spec")
        #expect(hit.message.contains("NodePool gpu"))
        #expect(hit.message.contains("nvidia.com/gpu=present:NoSchedule"))
        #expect(hit.message.contains("{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}"))
        // The CPU pool's c/m/r instances have no GPU, so it is no way out.
        #expect(findings(pools + [F.trainer(replicas: 1)], rule: .crossPodUnschedulable).isEmpty)
        let good = pools + [F.trainer(replicas: 1, tolerations: F.gpuToleration)]
        #expect(findings(good, rule: .crossGPUToleration).isEmpty)
        #expect(findings(good, rule: .crossPodUnschedulable).isEmpty)
    }

    @Test("a GPU pod with only non-GPU pools left is unschedulable, naming the missing accelerator")
    func gpuWithoutGPUPool() throws {
        let hit = try #require(findings([F.cpuPool, F.trainer(replicas: 1)], rule: .crossPodUnschedulable).first)
        #expect(hit.message.contains("NodePool cpu: its instance types have no nvidia.com/gpu"))
        // A node group of g5 instances can run it.
        let gpuGroup = F.clusterConfig.with([
            "managedNodeGroups[1]": JSONValue.parse(#"{"name": "g5", "instanceType": "g5.2xlarge", "maxSize": 2}"#)
        ])
        #expect(findings([F.cpuPool, gpuGroup, F.trainer(replicas: 1)], rule: .crossPodUnschedulable).isEmpty)
    }

    @Test("node selectors must match some pool's labels; the path points at the selector")
    func nodeSelector() throws {
        let docs = [F.cpuPool, F.clusterConfig]
        let wrong = F.web(["spec.template.spec.nodeSelector": .object(["role": "batch"])])
        let hit = try #require(findings(docs + [wrong], rule: .crossPodUnschedulable).first)
        #expect(hit.severity == .warning)
        #expect(hit.fieldPath == "spec.template.spec.nodeSelector")
        #expect(hit.message.contains("NodePool cpu: nodeSelector role=batch, but its nodes have no label role"))
        #expect(hit.message.contains("managed node group system: nodeSelector role=batch, but its nodes have role=platform"))
        // The system node group has the label but a taint: tolerating it makes the pod placeable.
        let platform = F.web([
            "spec.template.spec.nodeSelector": .object(["role": "platform"]),
            "spec.template.spec.tolerations": JSONValue.parse(#"[{"key": "platform", "operator": "Exists"}]"#),
        ])
        #expect(findings(docs + [platform], rule: .crossPodUnschedulable).isEmpty)
        let untolerated = F.web(["spec.template.spec.nodeSelector": .object(["role": "platform"])])
        let taint = try #require(findings(docs + [untolerated], rule: .crossPodUnschedulable).first)
        #expect(taint.message.contains("taint platform=true:NoSchedule not tolerated"))
        // Values a NodePool requirement allows, and Karpenter's own labels.
        for selector in [["team": "a"], ["workload-type": "cpu"], ["karpenter.sh/nodepool": "cpu"]] {
            let pod = F.web(["spec.template.spec.nodeSelector": .object(selector.mapValues { .string($0) })])
            #expect(findings(docs + [pod], rule: .crossPodUnschedulable).isEmpty, "\(selector)")
        }
        let otherTeam = F.web(["spec.template.spec.nodeSelector": .object(["team": "c"])])
        #expect(findings(docs + [otherTeam], rule: .crossPodUnschedulable).count == 1)
    }

    @Test("required node affinity: In, NotIn, Exists, DoesNotExist, Gt and Lt against pool requirements")
    func affinity() {
        func pod(_ key: String, _ operation: String, _ values: [String]) -> JSONValue {
            let expression: JSONValue = .object([
                "key": .string(key), "operator": .string(operation), "values": .array(values.map { .string($0) }),
            ])
            return F.web([
                "spec.template.spec.affinity": .object([
                    "nodeAffinity": .object([
                        "requiredDuringSchedulingIgnoredDuringExecution": .object([
                            "nodeSelectorTerms": .array([.object(["matchExpressions": .array([expression])])])
                        ])
                    ])
                ])
            ])
        }
        let generation = "karpenter.k8s.aws/instance-generation"
        let cases: [(JSONValue, Bool)] = [
            (pod(generation, "Gt", ["5"]), true),
            (pod(generation, "Lt", ["4"]), false),
            (pod("karpenter.k8s.aws/instance-category", "In", ["g"]), false),
            (pod("karpenter.k8s.aws/instance-category", "NotIn", ["c"]), true),
            (pod("karpenter.k8s.aws/instance-category", "NotIn", ["c", "m", "r"]), false),
            (pod("team", "Exists", []), true),
            (pod("example.com/gpu", "Exists", []), false),
            (pod("example.com/gpu", "DoesNotExist", []), true),
            (pod("kubernetes.io/arch", "In", ["arm64"]), true),
        ]
        for (document, schedulable) in cases {
            let found = findings([F.cpuPool, document], rule: .crossPodUnschedulable)
            #expect(found.isEmpty == schedulable, "\(document["spec"]?["template"]?["spec"]?["affinity"] ?? .null)")
            if let hit = found.first {
                #expect(hit.fieldPath == "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution")
            }
        }
    }

    @Test("placement is not judged when the input does not show the cluster's capacity")
    func silentWithoutCapacity() {
        let wrong = F.web(["spec.template.spec.nodeSelector": .object(["role": "batch"])])
        // No pools at all.
        #expect(findings([wrong], rule: .crossPodUnschedulable).isEmpty)
        // eksctl installs Karpenter, but its NodePools are not in the input.
        let karpenter = F.clusterConfig.with(["karpenter": .object(["version": "1.6.0"])])
        #expect(findings([karpenter, wrong], rule: .crossPodUnschedulable).isEmpty)
        // EKS Auto Mode's built-in pools are not in the input.
        let autoMode = F.clusterConfig.with(["autoModeConfig": .object(["enabled": true])])
        #expect(findings([autoMode, wrong], rule: .crossPodUnschedulable).isEmpty)
        // Declared external capacity, on the workload or on its namespace.
        let annotation = ValidationConfiguration.externalReferencesAnnotation
        let declared = wrong.with(["metadata.annotations": .object([annotation: "nodepool/*"])])
        #expect(findings([F.clusterConfig, declared], rule: .crossPodUnschedulable).isEmpty)
        let namespace = Fixtures.namespace.with(["metadata.annotations": .object([annotation: "nodegroup/batch"])])
        #expect(findings([F.clusterConfig, namespace, wrong], rule: .crossPodUnschedulable).isEmpty)
        // Fargate runs the namespace's pods.
        let fargate = F.clusterConfig.with([
            "fargateProfiles": JSONValue.parse(#"[{"name": "shop", "selectors": [{"namespace": "sh*"}]}]"#)
        ])
        #expect(findings([fargate, wrong], rule: .crossPodUnschedulable).isEmpty)
        // Pinned to a node, or placed by another scheduler.
        let pinned = wrong.with(["spec.template.spec.nodeName": "ip-10-0-0-1"])
        #expect(findings([F.clusterConfig, pinned], rule: .crossPodUnschedulable).isEmpty)
        // With none of these, the same pod is reported.
        #expect(findings([F.clusterConfig, wrong], rule: .crossPodUnschedulable).count == 1)
    }

    @Test("a NodePool's limits against the pods only it can run, at maximum scale")
    func nodePoolLimits() throws {
        let pools = [F.cpuPool, F.gpuPool]
        let over = pools + [F.trainer(replicas: 10, tolerations: F.gpuToleration)]
        let exceeded = findings(over, rule: .crossNodePoolLimitExceeded)
        let hit = try #require(exceeded.first)
        #expect(exceeded.count == 1)
        #expect(hit.severity == .error)
        #expect(hit.resource.name == "gpu")
        #expect(hit.fieldPath == "spec.limits[\"nvidia.com/gpu\"]" || hit.fieldPath == "spec.limits.nvidia.com/gpu")
        #expect(hit.message.contains("need 10 nvidia.com/gpu"))
        #expect(hit.message.contains("(2 nvidia.com/gpu over"))
        #expect(hit.message.contains("Deployment trainer"))
        let within = pools + [F.trainer(replicas: 4, tolerations: F.gpuToleration)]
        #expect(findings(within, rule: .crossNodePoolLimitExceeded).isEmpty)
        let headroom = findings(within, rule: .crossNodePoolHeadroom)
        let gpu = try #require(headroom.first { $0.message.contains("nvidia.com/gpu 8") })
        #expect(gpu.message.contains("4 nvidia.com/gpu of spec.limits.nvidia.com/gpu 8 nvidia.com/gpu (50% headroom"))
        let cpu = try #require(headroom.first { $0.message.contains("spec.limits.cpu") })
        #expect(cpu.message.contains("need 32 CPU of spec.limits.cpu 1000 CPU (96% headroom"))
    }

    @Test("pods that several pools can run are not counted against any one pool's limits")
    func flexibleWorkloads() throws {
        // The web pods fit the CPU pool and an untainted node group.
        let group = F.clusterConfig.with(["managedNodeGroups[0].taints": nil])
        let docs = [F.cpuPool, group, F.web(["spec.replicas": 2000])]
        #expect(findings(docs, rule: .crossNodePoolLimitExceeded).isEmpty)
        #expect(findings(docs, rule: .crossNodePoolHeadroom).isEmpty)
        // Only the CPU pool: 2000 × 100m = 200 CPU over a limit of 100.
        let hit = try #require(
            findings([F.cpuPool, F.web(["spec.replicas": 2000])], rule: .crossNodePoolLimitExceeded).first)
        #expect(hit.message.contains("need 200 CPU but spec.limits.cpu is 100 CPU (100 CPU over"))
    }

    @Test("GPU quotas count the pods' nvidia.com/gpu requests")
    func gpuQuota() throws {
        let quota = JSONValue.parse(
            """
            {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "gpus", "namespace": "shop"},
             "spec": {"hard": {"requests.nvidia.com/gpu": "4"}}}
            """)
        let hit = try #require(
            findings([quota, F.trainer(replicas: 6, tolerations: F.gpuToleration)], rule: .crossQuotaExceeded).first)
        #expect(hit.message.contains("the pods request 6 nvidia.com/gpu but the quota allows 4 nvidia.com/gpu"))
        let fits = findings([quota, F.trainer(replicas: 3)], rule: .crossQuotaHeadroom)
        #expect(fits.first?.message.contains("25% headroom") == true)
    }

    @Test("an Ingress's TLS Secret must be in the input unless cert-manager or ACM provides it")
    func ingressTLS() throws {
        let hit = try #require(findings([Fixtures.ingress], rule: .crossIngressTLSSecretMissing).first)
        #expect(hit.fieldPath == "spec.tls[0].secretName")
        #expect(hit.message.contains("Secret \"web-tls\" (TLS certificate for shop.example.com)"))
        let secret = JSONValue.parse(
            """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "web-tls", "namespace": "shop"},
             "type": "kubernetes.io/tls", "data": {"tls.crt": "", "tls.key": ""}}
            """)
        #expect(findings([Fixtures.ingress, secret], rule: .crossIngressTLSSecretMissing).isEmpty)
        let issued = Fixtures.ingress.with([
            "metadata.annotations": .object(["cert-manager.io/cluster-issuer": "letsencrypt"])
        ])
        #expect(findings([issued], rule: .crossIngressTLSSecretMissing).isEmpty)
        let alb = Fixtures.ingress.with(["spec.ingressClassName": "alb"])
        #expect(findings([alb], rule: .crossIngressTLSSecretMissing).isEmpty)
        let declared = Fixtures.ingress.with([
            "metadata.annotations": .object([ValidationConfiguration.externalReferencesAnnotation: "secret/web-tls"])
        ])
        #expect(findings([declared], rule: .crossIngressTLSSecretMissing).isEmpty)
    }

    @Test("label domains: fixed, In, NotIn, bounds and presence")
    func labelDomains() {
        var domain = LabelDomain.unconstrained
        domain.narrow(operator: "In", values: ["a", "b"])
        #expect(domain.admits("a") && !domain.admits("c"))
        #expect(!domain.satisfies(operator: "DoesNotExist", values: []))
        domain.narrow(operator: "NotIn", values: ["a"])
        #expect(!domain.admits("a") && domain.admits("b"))
        #expect(!domain.satisfies(operator: "NotIn", values: ["b"]))
        var bounded = LabelDomain.anyValue
        bounded.narrow(operator: "Gt", values: ["4"])
        bounded.narrow(operator: "Lt", values: ["8"])
        #expect(bounded.admits("5") && !bounded.admits("4") && !bounded.admits("8") && !bounded.admits("x"))
        #expect(bounded.satisfies(operator: "Gt", values: ["6"]))
        #expect(!bounded.satisfies(operator: "Gt", values: ["7"]))
        #expect(!bounded.satisfies(operator: "Lt", values: ["5"]))
        #expect(LabelDomain.absent.satisfies(operator: "DoesNotExist", values: []))
        #expect(!LabelDomain.absent.satisfies(operator: "Exists", values: []))
        #expect(LabelDomain.fixed("x").describe(key: "role") == "role=x")
        #expect(SchedulingIndex.glob("team-*", matches: "team-a") && !SchedulingIndex.glob("team-?", matches: "team-ab"))
    }

    @Test("tolerations match taints as the scheduler does")
    func tolerations() throws {
        let taint = PoolTaint(key: "nvidia.com/gpu", value: "present", effect: "NoSchedule")
        func toleration(_ json: String) throws -> Toleration {
            try JSONValueEncoding.decode(Toleration.self, from: JSONValue.parse(json))
        }
        #expect(taint.isTolerated(by: [try toleration(#"{"operator": "Exists"}"#)]))
        #expect(taint.isTolerated(by: [try toleration(#"{"key": "nvidia.com/gpu", "operator": "Exists"}"#)]))
        #expect(taint.isTolerated(by: [try toleration(#"{"key": "nvidia.com/gpu", "value": "present"}"#)]))
        #expect(!taint.isTolerated(by: [try toleration(#"{"key": "nvidia.com/gpu", "value": "true"}"#)]))
        #expect(
            !taint.isTolerated(by: [try toleration(#"{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoExecute"}"#)]))
        #expect(!taint.isTolerated(by: []))
    }
}
