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
