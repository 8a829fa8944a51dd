import Foundation
import KubeModels
import KubeSerialization
import KubeValidation

/// Validates clusters of 2,000 / 10,000 / 20,000 services (5 resources each: Deployment, Service,
/// HPA, PDB, NetworkPolicy) with every rule, to show the time grows linearly.
enum ValidationSuite {
    static func service(_ index: Int) -> [Manifest] {
        let deployment = Workload.deployment(index)
        let name = deployment.name
        let labels = ["app.kubernetes.io/name": name]
        let service = Service(
            name: name, namespace: "shop",
            spec: ServiceSpec(ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: labels))
        let hpa = HorizontalPodAutoscaler(
            name: name, namespace: "shop",
            spec: HorizontalPodAutoscalerSpec(
                maxReplicas: 10,
                metrics: [MetricSpec(resource: ResourceMetricSource(name: "cpu", target: MetricTarget(averageUtilization: 70, type: .utilization)), type: .resource)],
                minReplicas: 2,
                scaleTargetRef: CrossVersionObjectReference(name: name, apiVersion: "apps/v1", kind: "Deployment")))
        let pdb = PodDisruptionBudget(
            name: name, namespace: "shop", spec: PodDisruptionBudgetSpec(minAvailable: 1, selector: LabelSelector(matching: labels)))
        let policy = NetworkPolicy(
            name: name, namespace: "shop",
            spec: NetworkPolicySpec(
                ingress: [NetworkPolicyIngressRule(ports: [NetworkPolicyPort(port: 8080, protocol: .tcp)])],
                podSelector: LabelSelector(matching: labels), policyTypes: [.ingress]))
        return [Manifest(deployment), Manifest(service), Manifest(hpa), Manifest(pdb), Manifest(policy)]
    }

    /// Two Karpenter NodePools (general, and GPU nodes tainted `nvidia.com/gpu`), so the
    /// scheduling and NodePool-capacity rules place every pod template of the run.
    static func nodePools() throws -> [Manifest] {
        func pool(_ name: String, taints: [JSONValue]) throws -> Manifest {
            var templateSpec: [String: JSONValue] = [
                "nodeClassRef": .object(["group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"]),
                "requirements": .array([
                    .object([
                        "key": "karpenter.k8s.aws/instance-category", "operator": "In", "values": .array(["c", "m", "r"]),
                    ])
                ]),
            ]
            if !taints.isEmpty { templateSpec["taints"] = .array(taints) }
            return try ResourceRegistry.kubernetes.decode(
                JSONValue.object([
                    "apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": .object(["name": .string(name)]),
                    "spec": .object([
                        "limits": .object(["cpu": "100000"]),
                        "template": .object(["spec": .object(templateSpec)]),
                    ]),
                ]))
        }
        return [
            try pool("general", taints: []),
            try pool(
                "gpu", taints: [.object(["key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"])]),
        ]
    }

    static func run() throws {
        let validator = Validator()
        let pools = try nodePools()
        for services in [2_000, 10_000, 20_000] {
            let manifests = (0..<services).flatMap(service) + pools
            // Named by the service resources (5 per service); the two NodePools come on top.
            let label = "kubekit.validate.\(services * 5)-resources"
            var findings = 0
            let seconds = Measure.median(runs: 3) { findings = validator.validate(manifests).count }
            Measure.report("validation", label, seconds, "s")
            Measure.report("validation", "\(label).throughput", Double(manifests.count) / seconds, "resources/s")
            Measure.report("validation", "\(label).findings", Double(findings), "diagnostics")
        }
    }
}
