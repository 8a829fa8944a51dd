import KubeAWS
import KubeModels

/// Karpenter objects the seeds share.
enum Karpenter {
    static func nodeClass(_ name: String, cluster: String, role: String) -> EC2NodeClass {
        EC2NodeClass(
            metadata: ObjectMeta(name: name),
            spec: EC2NodeClass.Spec(
                amiSelectorTerms: [.init(alias: "al2023@latest")], role: role,
                securityGroupSelectorTerms: [.init(tags: ["karpenter.sh/discovery": cluster])],
                subnetSelectorTerms: [.init(tags: ["karpenter.sh/discovery": cluster])]))
    }

    static func nodePool(
        _ name: String, nodeClass: String, labels: [String: String] = [:],
        taints: [NodePool.Spec.Template.Spec.Taint] = [],
        requirements: [NodePool.Spec.Template.Spec.Requirement], cpuLimit: Quantity = 1000
    ) -> NodePool {
        NodePool(
            name: name,
            spec: NodePool.Spec(
                disruption: .init(consolidateAfter: "1m", consolidationPolicy: .whenEmptyOrUnderutilized),
                limits: ["cpu": cpuLimit],
                template: .init(
                    metadata: labels.isEmpty ? nil : .init(labels: labels),
                    spec: .init(
                        expireAfter: "720h",
                        nodeClassRef: .init(name: nodeClass, group: "karpenter.k8s.aws", kind: "EC2NodeClass"),
                        requirements: requirements, taints: taints.isEmpty ? nil : taints))))
    }

    /// A minimal CRD for a kind, standing in for the real Karpenter/Flux CRDs in order tests.
    static func definition(group: String, kind: String, plural: String, scope: ResourceScope)
        -> CustomResourceDefinition
    {
        CustomResourceDefinition(
            name: "\(plural).\(group)",
            spec: CustomResourceDefinitionSpec(
                group: group,
                names: CustomResourceDefinitionNames(kind: kind, plural: plural),
                scope: scope,
                versions: [
                    CustomResourceDefinitionVersion(
                        name: "v1",
                        schema: CustomResourceValidation(
                            openAPIV3Schema: JSONSchemaProps(type: "object", xKubernetesPreserveUnknownFields: true)),
                        served: true, storage: true)
                ]))
    }
}
