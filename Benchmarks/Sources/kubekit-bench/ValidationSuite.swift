import Foundation
import KubeModels
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

    static func run() throws {
        let validator = Validator()
        for services in [2_000, 10_000, 20_000] {
            let manifests = (0..<services).flatMap(service)
            var findings = 0
            let seconds = Measure.median(runs: 3) { findings = validator.validate(manifests).count }
            Measure.report("validation", "kubekit.validate.\(manifests.count)-resources", seconds, "s")
            Measure.report("validation", "kubekit.validate.\(manifests.count)-resources.throughput", Double(manifests.count) / seconds, "resources/s")
            Measure.report("validation", "kubekit.validate.\(manifests.count)-resources.findings", Double(findings), "diagnostics")
        }
    }
}
