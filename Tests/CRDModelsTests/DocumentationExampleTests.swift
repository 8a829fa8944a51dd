import Foundation
import KubeAWS
import KubeModels
import KubeSerialization
import Testing

/// The examples of Documentation/EKSAndGitOps.md, so the guide never shows code that fails.
@Suite struct DocumentationExampleTests {
    @Test func gpuNodePoolExample() throws {
        let gpu = NodePool(
            name: "gpu",
            spec: .init(
                limits: ["nvidia.com/gpu": "16"],
                template: .init(
                    spec: .init(
                        nodeClassRef: .init(name: "gpu", group: "karpenter.k8s.aws", kind: "EC2NodeClass"),
                        requirements: [
                            .init(key: "karpenter.k8s.aws/instance-family", operator: .in, values: ["g5", "p4d"]),
                            .init(key: "karpenter.sh/capacity-type", operator: .in, values: ["on-demand"]),
                        ],
                        taints: [.init(effect: .noSchedule, key: "nvidia.com/gpu", value: "true")]))))
        let registry = ResourceRegistry.kubernetes.merging(ResourceRegistry(KarpenterKinds.all))
        let json = try JSONValueEncoding.encode(gpu)
        #expect(json["apiVersion"] == "karpenter.sh/v1")
        #expect(json["spec"]?["template"]?["spec"]?["taints"]?.arrayValue?.first?["effect"] == "NoSchedule")
        let back = try registry.decode(json)
        #expect(back.as(NodePool.self) == gpu)
    }
}

/// Karpenter after v1.14 makes `EC2NodeClass.spec.kubelet` free-form: known fields stay typed,
/// any other kubelet setting is kept and written back.
@Suite struct OpenKubeletTests {
    @Test func kubeletAcceptsBothShapes() throws {
        let document: JSONValue = [
            "apiVersion": "karpenter.k8s.aws/v1", "kind": "EC2NodeClass", "metadata": ["name": "default"],
            "spec": [
                "amiSelectorTerms": [["alias": "al2023@latest"]],
                "role": "KarpenterNodeRole",
                "securityGroupSelectorTerms": [["tags": ["karpenter.sh/discovery": "demo"]]],
                "subnetSelectorTerms": [["tags": ["karpenter.sh/discovery": "demo"]]],
                "kubelet": [
                    "maxPods": 110,
                    "containerLogMaxSize": "50Mi",
                    "shutdownGracePeriod": "30s",
                    "featureGates": ["InPlacePodVerticalScaling": true],
                ],
            ],
        ]
        let registry = ResourceRegistry.kubernetes.merging(ResourceRegistry(KarpenterKinds.all))
        let nodeClass = try #require(try registry.decode(document).as(EC2NodeClass.self))
        let kubelet = try #require(nodeClass.spec?.kubelet)
        #expect(kubelet.maxPods == 110)
        #expect(kubelet.additionalFields["containerLogMaxSize"] == "50Mi")
        #expect(kubelet.additionalFields["featureGates"]?["InPlacePodVerticalScaling"] == true)
        #expect(try JSONValueEncoding.encode(nodeClass) == document)
        // Other types stay strict.
        var broken = document
        if case .object(var root) = broken, case .object(var spec)? = root["spec"] {
            spec["amiSelectorTerms"] = [["alias": "al2023@latest", "colour": "blue"]]
            root["spec"] = .object(spec)
            broken = .object(root)
        }
        #expect(throws: (any Error).self) { try registry.decode(broken) }
    }
}
