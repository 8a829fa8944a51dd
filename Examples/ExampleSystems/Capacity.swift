import KubeKit

/// Karpenter capacity the AWS examples share: an EC2NodeClass that finds its subnets and
/// security groups by the `karpenter.sh/discovery` tag, and NodePools built from requirements.
public enum Capacity {
    /// A Karpenter taint.
    public typealias Taint = NodePool.Spec.Template.Spec.Taint
    /// A Karpenter scheduling requirement.
    public typealias Requirement = NodePool.Spec.Template.Spec.Requirement

    /// An EC2NodeClass on the latest Amazon Linux 2023 AMI, discovering subnets and security
    /// groups tagged `karpenter.sh/discovery: <cluster>`, with an encrypted gp3 root volume and
    /// IMDSv2 only.
    public static func nodeClass(
        _ name: String, cluster: String, role: String, volumeSize: String = "100Gi"
    ) -> EC2NodeClass {
        let discovery = ["karpenter.sh/discovery": cluster]
        return EC2NodeClass(
            name: name,
            spec: EC2NodeClass.Spec(
                amiSelectorTerms: [.init(alias: "al2023@latest")],
                blockDeviceMappings: [
                    .init(
                        deviceName: "/dev/xvda",
                        ebs: .init(
                            deleteOnTermination: true, encrypted: true, volumeSize: volumeSize, volumeType: "gp3"))
                ],
                metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
                role: role, securityGroupSelectorTerms: [.init(tags: discovery)],
                subnetSelectorTerms: [.init(tags: discovery)], tags: ["cluster": cluster, "managed-by": "karpenter"]))
    }

    /// A NodePool on a node class: nodes labelled and tainted as given, replaced after 30 days,
    /// consolidated when empty or underused, within a CPU limit.
    public static func nodePool(
        _ name: String, nodeClass: String, labels: [String: String] = [:], taints: [Taint] = [],
        requirements: [Requirement], cpuLimit: Quantity, weight: Int32? = nil,
        consolidation: NodePool.Spec.Disruption.ConsolidationPolicy = .whenEmptyOrUnderutilized
    ) -> NodePool {
        NodePool(
            name: name,
            spec: NodePool.Spec(
                disruption: .init(
                    budgets: [.init(nodes: "10%")], consolidateAfter: "5m", consolidationPolicy: consolidation),
                limits: ["cpu": cpuLimit],
                template: .init(
                    metadata: labels.isEmpty ? nil : .init(labels: labels),
                    spec: .init(
                        expireAfter: "720h",
                        nodeClassRef: .init(name: nodeClass, group: "karpenter.k8s.aws", kind: "EC2NodeClass"),
                        requirements: requirements, taints: taints.isEmpty ? nil : taints)),
                weight: weight))
    }

    /// `key In values`.
    public static func require(_ key: String, in values: [String]) -> Requirement {
        Requirement(key: key, operator: .in, values: values)
    }
}
