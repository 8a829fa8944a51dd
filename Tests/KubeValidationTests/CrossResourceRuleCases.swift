import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

private let podPath = "spec.template.spec."
private let firstContainer = "spec.template.spec.containers[0]."

private func crossDocs(_ values: JSONValue...) -> [Manifest] {
    manifests(values)
}

private func web(_ changes: [String: JSONValue?] = [:]) -> JSONValue {
    Fixtures.deployment.with(changes)
}

/// A second volume on the web Deployment.
private func webVolume(_ volume: JSONValue) -> JSONValue {
    web([podPath + "volumes[1]": volume])
}

private func quota(_ hard: [String: JSONValue]) -> JSONValue {
    JSONValue.object([
        "apiVersion": "v1", "kind": "ResourceQuota",
        "metadata": .object(["name": "compute", "namespace": "shop"]),
        "spec": .object(["hard": .object(hard)]),
    ])
}

private let secretVariable = JSONValue.object([
    "name": "DB_PASSWORD", "valueFrom": .object(["secretKeyRef": .object(["name": "db", "key": "password"])]),
])

private let webAccount = JSONValue.parse(
    """
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"},
     "automountServiceAccountToken": false}
    """)

private let dataClaim = JSONValue.parse(
    """
    {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data", "namespace": "shop"},
     "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}
    """)

private func annotated(_ value: JSONValue, _ references: String) -> JSONValue {
    value.with([
        "metadata.annotations": .object([ValidationConfiguration.externalReferencesAnnotation: .string(references)])
    ])
}

/// Cross-resource cases: each runs the cross-resource set alone over a small input.
let crossResourceRuleCases: [RuleCase] = [
    RuleCase(
        rule: .crossSelectorMatchesNothing,
        bad: crossDocs(web(), Fixtures.service.with(["spec.selector": .object(["app": "api"])])),
        good: crossDocs(web(), Fixtures.service), sets: [.crossResource]),
    RuleCase(
        rule: .crossIngressServiceMissing, bad: crossDocs(Fixtures.ingress),
        good: crossDocs(Fixtures.ingress, Fixtures.service), sets: [.crossResource]),
    RuleCase(
        rule: .crossIngressServicePort,
        bad: crossDocs(
            Fixtures.ingress.with(["spec.rules[0].http.paths[0].backend.service.port.name": "https"]), Fixtures.service),
        good: crossDocs(Fixtures.ingress, Fixtures.service), sets: [.crossResource]),
    RuleCase(
        rule: .crossServiceAccountMissing, bad: crossDocs(web([podPath + "serviceAccountName": "web"])),
        good: crossDocs(web([podPath + "serviceAccountName": "web"]), webAccount), sets: [.crossResource]),
    RuleCase(
        rule: .crossConfigMapMissing,
        bad: crossDocs(webVolume(.object(["name": "config", "configMap": .object(["name": "web-config"])]))),
        good: crossDocs(
            webVolume(.object(["name": "config", "configMap": .object(["name": "web-config"])])), Fixtures.configMap),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossSecretMissing, bad: crossDocs(web([firstContainer + "env[0]": secretVariable])),
        good: crossDocs(annotated(web([firstContainer + "env[0]": secretVariable]), "secret/db")),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossPersistentVolumeClaimMissing,
        bad: crossDocs(
            webVolume(.object(["name": "data", "persistentVolumeClaim": .object(["claimName": "data"])]))),
        good: crossDocs(
            webVolume(.object(["name": "data", "persistentVolumeClaim": .object(["claimName": "data"])])), dataClaim),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossExternalReferenceSyntax, bad: crossDocs(annotated(Fixtures.configMap, "secrets:db")),
        good: crossDocs(annotated(Fixtures.configMap, "secret/db, configmap/*")), sets: [.crossResource]),
    RuleCase(
        rule: .crossNamespaceMissing,
        bad: crossDocs(Fixtures.namespace, Fixtures.configMap.with(["metadata.namespace": "shops"])),
        good: crossDocs(
            Fixtures.namespace, Fixtures.configMap, Fixtures.configMap.with(["metadata.namespace": "kube-system"])),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossHPATargetMissing, bad: crossDocs(Fixtures.autoscaler),
        good: crossDocs(Fixtures.autoscaler, web()), sets: [.crossResource]),
    RuleCase(
        rule: .crossHPAReplicasConflict, bad: crossDocs(web(["spec.replicas": 3]), Fixtures.autoscaler),
        good: crossDocs(web(), Fixtures.autoscaler), sets: [.crossResource]),
    RuleCase(
        rule: .crossPDBBlocksEviction,
        bad: crossDocs(web(), Fixtures.disruptionBudget.with(["spec.maxUnavailable": 0])),
        good: crossDocs(web(), Fixtures.disruptionBudget), sets: [.crossResource]),
    RuleCase(
        rule: .crossPDBOverlap,
        bad: crossDocs(web(), Fixtures.disruptionBudget, Fixtures.disruptionBudget.with(["metadata.name": "web-zone"])),
        good: crossDocs(
            web(), Fixtures.disruptionBudget,
            Fixtures.disruptionBudget.with([
                "metadata.name": "report", "spec.selector.matchLabels": .object(["app": "report"]),
            ]), Fixtures.cronJob),
        sets: [.crossResource]),
    // At the HPA's maximum of 10 the web pods request 10 × 100m = 1 CPU.
    RuleCase(
        rule: .crossQuotaExceeded, bad: crossDocs(web(), Fixtures.autoscaler, quota(["requests.cpu": "500m"])),
        good: crossDocs(web(), Fixtures.autoscaler, quota(["requests.cpu": "1"])), sets: [.crossResource]),
    RuleCase(
        rule: .crossQuotaHeadroom, bad: crossDocs(web(), Fixtures.autoscaler, quota(["requests.cpu": "2"])),
        good: crossDocs(web(), Fixtures.autoscaler), sets: [.crossResource]),
    RuleCase(
        rule: .crossIngressTLSSecretMissing, bad: crossDocs(Fixtures.ingress),
        good: crossDocs(annotated(Fixtures.ingress, "secret/web-tls")), sets: [.crossResource]),
    RuleCase(
        rule: .crossGPUToleration,
        bad: crossDocs(SchedulingFixtures.gpuPool, SchedulingFixtures.trainer(replicas: 1)),
        good: crossDocs(
            SchedulingFixtures.gpuPool,
            SchedulingFixtures.trainer(replicas: 1, tolerations: SchedulingFixtures.gpuToleration)),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossPodUnschedulable,
        bad: crossDocs(SchedulingFixtures.cpuPool, web([podPath + "nodeSelector": .object(["role": "batch"])])),
        good: crossDocs(SchedulingFixtures.cpuPool, web([podPath + "nodeSelector": .object(["team": "b"])])),
        sets: [.crossResource]),
    // 10 pods with one GPU each on a pool limited to 8 GPUs.
    RuleCase(
        rule: .crossNodePoolLimitExceeded,
        bad: crossDocs(
            SchedulingFixtures.gpuPool,
            SchedulingFixtures.trainer(replicas: 10, tolerations: SchedulingFixtures.gpuToleration)),
        good: crossDocs(
            SchedulingFixtures.gpuPool,
            SchedulingFixtures.trainer(replicas: 8, tolerations: SchedulingFixtures.gpuToleration)),
        sets: [.crossResource]),
    RuleCase(
        rule: .crossNodePoolHeadroom,
        bad: crossDocs(
            SchedulingFixtures.gpuPool,
            SchedulingFixtures.trainer(replicas: 2, tolerations: SchedulingFixtures.gpuToleration)),
        good: crossDocs(SchedulingFixtures.gpuPool), sets: [.crossResource]),
]
