import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// One rule with a document set that violates it and one that does not.
struct RuleCase: CustomStringConvertible, Sendable {
    let rule: Rule
    let bad: [Manifest]
    let good: [Manifest]
    var sets: Set<PolicySet> = PolicySet.defaults
    var allowsSuppressions = true

    var description: String { rule.id.rawValue }
}

private let pod = "spec.template.spec."
private let c0 = "spec.template.spec.containers[0]."

private func docs(_ values: JSONValue...) -> [Manifest] {
    manifests(values)
}

private func deployment(_ changes: [String: JSONValue?]) -> JSONValue {
    Fixtures.deployment.with(changes)
}

private func namespace(level: String) -> JSONValue {
    Fixtures.namespace.with(["metadata.labels": .object(["pod-security.kubernetes.io/enforce": .string(level)])])
}

/// A Deployment decoded from the fixture and changed in Swift, for values JSON cannot carry
/// (invalid quantity literals are caught by decoding).
private func typedDeployment(_ change: (inout Deployment) -> Void) -> [Manifest] {
    guard var value = docs(Fixtures.deployment).first?.as(Deployment.self) else { return [] }
    change(&value)
    return [Manifest(value)]
}

private let bigText = JSONValue.string(String(repeating: "x", count: 300 * 1024))
private let hugeText = JSONValue.string(String(repeating: "y", count: 1_100_000))

/// The standard cluster with the namespace's enforce level replaced.
private func admission(level: String, _ workload: JSONValue) -> [Manifest] {
    docs(namespace(level: level), workload)
}

let apiRuleCases: [RuleCase] = [
    RuleCase(rule: .nameRequired, bad: docs(deployment(["metadata.name": nil])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .nameDNS1123Subdomain, bad: docs(deployment(["metadata.name": "Bad_Name"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .nameDNS1123Label, bad: docs(Fixtures.namespace.with(["metadata.name": "shop.example"])),
        good: docs(Fixtures.namespace)),
    RuleCase(
        rule: .nameDNS1035Label, bad: docs(Fixtures.service.with(["metadata.name": "1web"])),
        good: docs(Fixtures.service)),
    RuleCase(
        rule: .namePathSegment, bad: docs(Fixtures.role.with(["metadata.name": "read/write"])),
        good: docs(Fixtures.role)),
    RuleCase(
        rule: .nameLength,
        bad: docs(Fixtures.cronJob.with(["metadata.name": .string(String(repeating: "a", count: 53))])),
        good: docs(Fixtures.cronJob.with(["metadata.name": .string(String(repeating: "a", count: 52))]))),
    RuleCase(
        rule: .namespaceName, bad: docs(deployment(["metadata.namespace": "Shop_1"])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .namespaceIgnored, bad: docs(Fixtures.namespace.with(["metadata.namespace": "shop"])),
        good: docs(Fixtures.namespace)),
    RuleCase(rule: .labelKey, bad: docs(deployment(["metadata.labels.-tier": "web"])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .labelValue, bad: docs(deployment(["metadata.labels.tier": "front end"])), good: docs(Fixtures.deployment)
    ),
    RuleCase(
        rule: .annotationKey, bad: docs(deployment(["metadata.annotations.-note": "x"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .annotationSize, bad: docs(deployment(["metadata.annotations.note": bigText])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .quantitySyntax,
        bad: typedDeployment { $0.spec.template.spec?.containers[0].resources?.limits?["cpu"] = "100mm" },
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .quantityNegative, bad: docs(deployment([c0 + "resources.requests.cpu": "-1"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .resourceName, bad: docs(deployment([c0 + "resources.requests.cpus": "1"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .requestExceedsLimit, bad: docs(deployment([c0 + "resources.requests.memory": "512Mi"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .extendedResource,
        bad: docs(
            deployment([c0 + "resources.requests": .object(["cpu": "100m", "memory": "128Mi", "nvidia.com/gpu": "1"])])),
        good: docs(
            deployment([
                c0 + "resources": .object([
                    "requests": .object(["cpu": "100m", "memory": "128Mi", "nvidia.com/gpu": "1"]),
                    "limits": .object(["cpu": "500m", "memory": "256Mi", "nvidia.com/gpu": "1"]),
                ])
            ]))),
    RuleCase(
        rule: .containersRequired, bad: docs(deployment([pod + "containers": .array([])])),
        good: docs(Fixtures.deployment)),
    RuleCase(rule: .containerName, bad: docs(deployment([c0 + "name": "Web"])), good: docs(Fixtures.deployment)),
    RuleCase(rule: .containerImage, bad: docs(deployment([c0 + "image": nil])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .containerPort, bad: docs(deployment([c0 + "ports[0].containerPort": 70000])),
        good: docs(Fixtures.deployment)),
    RuleCase(rule: .portName, bad: docs(deployment([c0 + "ports[0].name": "HTTP"])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .portNameDuplicate,
        bad: docs(deployment([c0 + "ports[1]": .object(["name": "http", "containerPort": 8081])])),
        good: docs(deployment([c0 + "ports[1]": .object(["name": "admin", "containerPort": 8081])]))),
    RuleCase(
        rule: .containerPortDuplicate,
        bad: docs(deployment([c0 + "ports[1]": .object(["name": "alt", "containerPort": 8080])])),
        good: docs(deployment([c0 + "ports[1]": .object(["name": "alt", "containerPort": 8080, "protocol": "UDP"])]))),
    RuleCase(
        rule: .hostPortConflict,
        bad: docs(
            deployment([
                c0 + "ports[0].hostPort": 8080,
                pod + "containers[1]": Fixtures.container.with(["name": "proxy", "ports[0].hostPort": 8080]),
            ])),
        good: docs(
            deployment([
                c0 + "ports[0].hostPort": 8080,
                pod + "containers[1]": Fixtures.container.with(["name": "proxy", "ports[0].hostPort": 8081]),
            ]))),
    RuleCase(
        rule: .protocolValue, bad: docs(deployment([c0 + "ports[0].protocol": "HTTP"])), good: docs(Fixtures.deployment)
    ),
    RuleCase(
        rule: .enumValue, bad: docs(deployment([c0 + "imagePullPolicy": "Sometimes"])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .probeHandler, bad: docs(deployment([c0 + "livenessProbe.tcpSocket": .object(["port": 8080])])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .probeSuccessThreshold, bad: docs(deployment([c0 + "livenessProbe.successThreshold": 3])),
        good: docs(deployment([c0 + "readinessProbe.successThreshold": 3]))),
    RuleCase(
        rule: .probeValues, bad: docs(deployment([c0 + "readinessProbe.periodSeconds": -1])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .initContainerFields,
        bad: docs(deployment([pod + "initContainers[0]": Fixtures.container.with(["name": "init"])])),
        good: docs(
            deployment([
                pod + "initContainers[0]": Fixtures.container.with([
                    "name": "init", "livenessProbe": nil, "readinessProbe": nil,
                ])
            ]))),
    RuleCase(
        rule: .envName, bad: docs(deployment([c0 + "env[0]": .object(["name": "A=B", "value": "x"])])),
        good: docs(deployment([c0 + "env[0]": .object(["name": "my.setting-1", "value": "x"])]))),
    RuleCase(
        rule: .envSource,
        bad: docs(
            deployment([
                c0 + "env[0]": .object([
                    "name": "POD", "value": "x",
                    "valueFrom": .object(["fieldRef": .object(["fieldPath": "metadata.name"])]),
                ])
            ])),
        good: docs(
            deployment([
                c0 + "env[0]": .object([
                    "name": "POD", "valueFrom": .object(["fieldRef": .object(["fieldPath": "metadata.name"])]),
                ])
            ]))),
    RuleCase(
        rule: .volumeName,
        bad: docs(deployment([pod + "volumes[0].name": "Cache", c0 + "volumeMounts[0].name": "Cache"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .volumeSource, bad: docs(deployment([pod + "volumes[0].emptyDir": nil])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .volumeMount, bad: docs(deployment([c0 + "volumeMounts[0].name": "data"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .restartPolicy, bad: docs(deployment([pod + "restartPolicy": "OnFailure"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .securityContext, bad: docs(deployment([c0 + "securityContext.runAsUser": -1])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .podDNS, bad: docs(deployment([pod + "dnsPolicy": "None"])),
        good: docs(deployment([pod + "dnsPolicy": "None", pod + "dnsConfig.nameservers": .array(["1.1.1.1"])]))),
    RuleCase(
        rule: .toleration,
        bad: docs(
            deployment([pod + "tolerations[0]": .object(["key": "gpu", "operator": "Exists", "value": "true"])])),
        good: docs(
            deployment([pod + "tolerations[0]": .object(["key": "gpu", "operator": "Exists", "effect": "NoSchedule"])]))
    ),
    RuleCase(
        rule: .scheduling, bad: docs(deployment([pod + "topologySpreadConstraints[0].maxSkew": 0])),
        good: docs(Fixtures.deployment)),
    RuleCase(rule: .fieldRange, bad: docs(deployment(["spec.replicas": -1])), good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .fieldFormat, bad: docs(deployment([pod + "serviceAccountName": "Web_SA"])),
        good: docs(deployment([pod + "serviceAccountName": "web"]))),
    RuleCase(
        rule: .fieldRequired, bad: docs(Fixtures.cronJob.with(["spec.jobTemplate.spec.completionMode": "Indexed"])),
        good: docs(
            Fixtures.cronJob.with([
                "spec.jobTemplate.spec.completionMode": "Indexed", "spec.jobTemplate.spec.completions": 3,
            ]))),
    RuleCase(
        rule: .fieldForbidden, bad: docs(deployment([pod + "activeDeadlineSeconds": 30])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .selectorRequired, bad: docs(deployment(["spec.selector": .object([:])])), good: docs(Fixtures.deployment)
    ),
    RuleCase(
        rule: .selectorMismatch, bad: docs(deployment(["spec.selector.matchLabels.app": "api"])),
        good: docs(Fixtures.deployment)),
    RuleCase(
        rule: .selectorSyntax,
        bad: docs(
            deployment([
                "spec.selector.matchExpressions[0]": .object([
                    "key": "tier", "operator": "Exists", "values": .array(["a"]),
                ])
            ])),
        good: docs(
            deployment(["spec.selector.matchExpressions[0]": .object(["key": "tier", "operator": "DoesNotExist"])]))),
    RuleCase(
        rule: .selectorGenerated,
        bad: docs(Fixtures.cronJob.with(["spec.jobTemplate.spec.selector.matchLabels.app": "report"])),
        good: docs(Fixtures.cronJob)),
    RuleCase(
        rule: .rollingUpdate,
        bad: docs(deployment(["spec.strategy.rollingUpdate": .object(["maxSurge": 0, "maxUnavailable": "0%"])])),
        good: docs(deployment(["spec.strategy.rollingUpdate": .object(["maxSurge": 0, "maxUnavailable": "100%"])]))),
    RuleCase(
        rule: .servicePort, bad: docs(Fixtures.service.with(["spec.ports[1].port": 80])), good: docs(Fixtures.service)),
    RuleCase(
        rule: .servicePortName, bad: docs(Fixtures.service.with(["spec.ports[1].name": nil])),
        good: docs(Fixtures.service.with(["spec.ports[1]": nil, "spec.ports[0].name": nil]))),
    RuleCase(
        rule: .serviceTargetPort, bad: docs(Fixtures.service.with(["spec.ports[1].targetPort": 70000])),
        good: docs(Fixtures.service)),
    RuleCase(
        rule: .serviceNodePort, bad: docs(Fixtures.service.with(["spec.ports[0].nodePort": 30080])),
        good: docs(Fixtures.service.with(["spec.type": "NodePort", "spec.ports[0].nodePort": 30080]))),
    RuleCase(
        rule: .serviceType, bad: docs(Fixtures.service.with(["spec.loadBalancerSourceRanges": .array(["10.0.0.0/8"])])),
        good: docs(
            Fixtures.service.with([
                "spec.type": "LoadBalancer", "spec.loadBalancerSourceRanges": .array(["10.0.0.0/8"]),
            ]))),
    RuleCase(
        rule: .ipAddress, bad: docs(Fixtures.service.with(["spec.clusterIP": "10.0.0.300"])),
        good: docs(Fixtures.service.with(["spec.clusterIP": "10.0.0.30"]))),
    RuleCase(
        rule: .dataKey, bad: docs(Fixtures.configMap.with(["data.bad key": "x"])), good: docs(Fixtures.configMap)),
    RuleCase(
        rule: .dataSize, bad: docs(Fixtures.configMap.with(["data.blob": hugeText])), good: docs(Fixtures.configMap)),
    RuleCase(
        rule: .secretType, bad: docs(Fixtures.secret.with(["stringData": .object(["tls.crt": "CERT"])])),
        good: docs(Fixtures.secret)),
    RuleCase(
        rule: .hpaReplicas, bad: docs(Fixtures.autoscaler.with(["spec.minReplicas": 5, "spec.maxReplicas": 3])),
        good: docs(Fixtures.autoscaler)),
    RuleCase(
        rule: .hpaMetric,
        bad: docs(Fixtures.autoscaler.with(["spec.metrics[0].type": "Pods"])),
        good: docs(Fixtures.autoscaler)),
    RuleCase(
        rule: .hpaBehavior,
        bad: docs(Fixtures.autoscaler.with(["spec.behavior.scaleDown.policies[0].periodSeconds": 3600])),
        good: docs(Fixtures.autoscaler)),
    RuleCase(
        rule: .hpaTargetReference, bad: docs(Fixtures.autoscaler.with(["spec.scaleTargetRef.name": "web/v2"])),
        good: docs(Fixtures.autoscaler)),
    RuleCase(
        rule: .pdbBudget, bad: docs(Fixtures.disruptionBudget.with(["spec.minAvailable": 1])),
        good: docs(Fixtures.disruptionBudget)),
    RuleCase(
        rule: .networkPolicyPeer, bad: docs(Fixtures.networkPolicy.with(["spec.ingress[0].from[0]": .object([:])])),
        good: docs(Fixtures.networkPolicy)),
    RuleCase(
        rule: .networkPolicyIPBlock,
        bad: docs(Fixtures.networkPolicy.with(["spec.egress[0].to[0].ipBlock.except[0]": "192.168.0.0/16"])),
        good: docs(Fixtures.networkPolicy)),
    RuleCase(
        rule: .networkPolicyPort, bad: docs(Fixtures.networkPolicy.with(["spec.egress[0].ports[0].endPort": 5000])),
        good: docs(Fixtures.networkPolicy)),
    RuleCase(
        rule: .networkPolicyTypes,
        bad: docs(Fixtures.networkPolicy.with(["spec.policyTypes": .array(["Ingress", "Ingress"])])),
        good: docs(Fixtures.networkPolicy)),
    RuleCase(
        rule: .ingressRules, bad: docs(Fixtures.ingress.with(["spec.rules[0].http.paths[0].path": "api"])),
        good: docs(Fixtures.ingress)),
    RuleCase(
        rule: .ingressBackend,
        bad: docs(Fixtures.ingress.with(["spec.rules[0].http.paths[0].backend.service.name": "1web"])),
        good: docs(Fixtures.ingress)),
    RuleCase(
        rule: .ingressClass,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": {"name": "nginx"}, "spec": {"controller": "nginx"}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "networking.k8s.io/v1", "kind": "IngressClass", "metadata": {"name": "nginx"}, "spec": {"controller": "k8s.io/ingress-nginx"}}"#
            ))),
    RuleCase(
        rule: .cronSchedule, bad: docs(Fixtures.cronJob.with(["spec.schedule": "0 0 * * 7"])),
        good: docs(Fixtures.cronJob.with(["spec.schedule": "0 0 * * 0"]))),
    RuleCase(
        rule: .cronTimeZone, bad: docs(Fixtures.cronJob.with(["spec.timeZone": "Mars/Olympus_Mons"])),
        good: docs(Fixtures.cronJob)),
    RuleCase(
        rule: .rbacRuleShape, bad: docs(Fixtures.role.with(["rules[0].verbs": .array([])])), good: docs(Fixtures.role)),
    RuleCase(
        rule: .rbacRoleRef, bad: docs(Fixtures.roleBinding.with(["roleRef.kind": "Group"])),
        good: docs(Fixtures.roleBinding)),
    RuleCase(
        rule: .rbacSubject, bad: docs(Fixtures.roleBinding.with(["subjects[0].kind": "Robot"])),
        good: docs(Fixtures.roleBinding)),
    RuleCase(
        rule: .rbacAggregation,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "monitoring"}, "aggregationRule": {"clusterRoleSelectors": []}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "monitoring"}, "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"rbac.example.com/aggregate-to-monitoring": "true"}}]}}"#
            ))),
    RuleCase(
        rule: .persistentVolumeClaim,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data", "namespace": "shop"}, "spec": {"accessModes": ["ReadWriteOnce"]}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data", "namespace": "shop"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10Gi"}}}}"#
            ))),
    RuleCase(
        rule: .persistentVolume,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv1"}, "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"], "nfs": {"server": "nfs.example.com", "path": "/data"}, "hostPath": {"path": "/data"}}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv1"}, "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"], "nfs": {"server": "nfs.example.com", "path": "/data"}}}"#
            ))),
    RuleCase(
        rule: .storageClass,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "gp3"}, "provisioner": "ebs.csi.aws.com", "reclaimPolicy": "Recycle"}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "gp3"}, "provisioner": "ebs.csi.aws.com", "reclaimPolicy": "Retain"}"#
            ))),
    RuleCase(
        rule: .priorityClass,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": {"name": "urgent"}, "value": 2000000000}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": {"name": "urgent"}, "value": 1000000000}"#
            ))),
    RuleCase(
        rule: .limitRange,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "limits", "namespace": "shop"}, "spec": {"limits": [{"type": "Container", "min": {"cpu": "2"}, "max": {"cpu": "1"}}]}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "limits", "namespace": "shop"}, "spec": {"limits": [{"type": "Container", "min": {"cpu": "100m"}, "defaultRequest": {"cpu": "200m"}, "default": {"cpu": "500m"}, "max": {"cpu": "1"}}]}}"#
            ))),
    RuleCase(
        rule: .customResourceDefinition,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widget.example.com"}, "spec": {"group": "example.com", "scope": "Namespaced", "names": {"plural": "widgets", "kind": "Widget"}, "versions": [{"name": "v1", "served": true, "storage": true}]}}"#
            )),
        good: docs(
            JSONValue.parse(
                #"{"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widgets.example.com"}, "spec": {"group": "example.com", "scope": "Namespaced", "names": {"plural": "widgets", "kind": "Widget"}, "versions": [{"name": "v1", "served": true, "storage": true}]}}"#
            ))),
    RuleCase(
        rule: .listItem,
        bad: docs(
            JSONValue.parse(
                #"{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"}}]}"#
            )),
        good: docs(JSONValue.object(["apiVersion": "v1", "kind": "List", "items": .array([Fixtures.deployment])]))),
    RuleCase(
        rule: .podSecurityLabel, bad: docs(namespace(level: "strict")), good: docs(namespace(level: "baseline"))),
]

/// Pod Security cases: the namespace's enforce label chooses the level.
let podSecurityRuleCases: [RuleCase] = [
    RuleCase(
        rule: .pssHostNamespaces, bad: admission(level: "baseline", deployment([pod + "hostNetwork": true])),
        good: admission(level: "privileged", deployment([pod + "hostNetwork": true])), sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssPrivileged, bad: admission(level: "baseline", deployment([c0 + "securityContext.privileged": true])),
        good: admission(level: "baseline", deployment([c0 + "securityContext.privileged": false])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssBaselineCapabilities,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.capabilities.add": .array(["SYS_ADMIN"])])),
        good: admission(
            level: "baseline",
            deployment([c0 + "securityContext.capabilities.add": .array(["CHOWN", "NET_BIND_SERVICE"])])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssHostPath,
        bad: admission(
            level: "baseline",
            deployment([pod + "volumes[0]": .object(["name": "cache", "hostPath": .object(["path": "/var/cache"])])])),
        good: admission(level: "baseline", Fixtures.deployment), sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssHostPorts, bad: admission(level: "baseline", deployment([c0 + "ports[0].hostPort": 8080])),
        good: admission(level: "baseline", deployment([c0 + "ports[0].hostPort": 0])), sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssAppArmor,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.appArmorProfile.type": "Unconfined"])),
        good: admission(level: "baseline", deployment([c0 + "securityContext.appArmorProfile.type": "RuntimeDefault"])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssSELinux,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.seLinuxOptions.type": "spc_t"])),
        good: admission(
            level: "baseline", deployment([c0 + "securityContext.seLinuxOptions.type": "container_engine_t"])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssProcMount,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.procMount": "Unmasked"])),
        good: admission(
            level: "baseline", deployment([c0 + "securityContext.procMount": "Unmasked", pod + "hostUsers": false])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssBaselineSeccomp,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.seccompProfile.type": "Unconfined"])),
        good: admission(
            level: "baseline",
            deployment([c0 + "securityContext.seccompProfile": nil, pod + "securityContext.seccompProfile": nil])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssSysctls,
        bad: admission(
            level: "baseline",
            deployment([
                pod + "securityContext.sysctls": .array([.object(["name": "kernel.msgmax", "value": "65536"])])
            ])),
        good: admission(
            level: "baseline",
            deployment([
                pod + "securityContext.sysctls": .array([
                    .object(["name": "net.ipv4.tcp_notsent_lowat", "value": "16384"])
                ])
            ])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssHostProcess,
        bad: admission(level: "baseline", deployment([c0 + "securityContext.windowsOptions.hostProcess": true])),
        good: admission(level: "baseline", deployment([c0 + "securityContext.windowsOptions.hostProcess": false])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssProbeHost,
        bad: admission(level: "baseline", deployment([c0 + "livenessProbe.httpGet.host": "10.0.0.1"])),
        good: admission(level: "baseline", Fixtures.deployment), sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssVolumeTypes,
        bad: admission(
            level: "restricted",
            deployment([
                pod + "volumes[0]": .object([
                    "name": "cache", "nfs": .object(["server": "nfs.example.com", "path": "/cache"]),
                ])
            ])),
        good: admission(
            level: "baseline",
            deployment([
                pod + "volumes[0]": .object([
                    "name": "cache", "nfs": .object(["server": "nfs.example.com", "path": "/cache"]),
                ])
            ])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssPrivilegeEscalation,
        bad: admission(level: "restricted", deployment([c0 + "securityContext.allowPrivilegeEscalation": nil])),
        good: admission(
            level: "restricted",
            deployment([c0 + "securityContext.allowPrivilegeEscalation": nil, pod + "os.name": "windows"])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssRunAsNonRoot,
        bad: admission(
            level: "restricted",
            deployment([c0 + "securityContext.runAsNonRoot": nil, pod + "securityContext.runAsNonRoot": nil])),
        good: admission(level: "restricted", deployment([c0 + "securityContext.runAsNonRoot": nil])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssRunAsUser, bad: admission(level: "restricted", deployment([c0 + "securityContext.runAsUser": 0])),
        good: admission(
            level: "restricted", deployment([c0 + "securityContext.runAsUser": 0, pod + "hostUsers": false])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssRestrictedSeccomp,
        bad: admission(
            level: "restricted",
            deployment([c0 + "securityContext.seccompProfile": nil, pod + "securityContext.seccompProfile": nil])),
        good: admission(level: "restricted", deployment([c0 + "securityContext.seccompProfile": nil])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssRestrictedCapabilities,
        bad: admission(level: "restricted", deployment([c0 + "securityContext.capabilities.add": .array(["CHOWN"])])),
        good: admission(
            level: "restricted", deployment([c0 + "securityContext.capabilities.add": .array(["NET_BIND_SERVICE"])])),
        sets: [.podSecurityAdmission]),
    RuleCase(
        rule: .pssRestrictedProcMount,
        bad: admission(
            level: "restricted", deployment([c0 + "securityContext.procMount": "Unmasked", pod + "hostUsers": false])),
        good: admission(
            level: "restricted", deployment([c0 + "securityContext.procMount": "Default", pod + "hostUsers": false])),
        sets: [.podSecurityAdmission]),
]

private func policyCluster(_ changed: JSONValue) -> [Manifest] {
    manifests(Fixtures.cluster(replacing: Fixtures.deployment, with: changed))
}

private let clusterDocs = manifests(Fixtures.cluster)

/// Best-practice cases, validated against the whole fixture cluster.
let policyRuleCases: [RuleCase] = [
    RuleCase(
        rule: .policyPrivileged, bad: policyCluster(deployment([c0 + "securityContext.privileged": true])),
        good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyPrivilegeEscalation,
        bad: policyCluster(deployment([c0 + "securityContext.allowPrivilegeEscalation": true])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyRunAsNonRoot,
        bad: policyCluster(
            deployment([
                c0 + "securityContext.runAsNonRoot": nil, c0 + "securityContext.runAsUser": nil,
                pod + "securityContext.runAsNonRoot": nil,
            ])),
        good: policyCluster(deployment([c0 + "securityContext.runAsNonRoot": nil])), sets: [.bestPractice]),
    RuleCase(
        rule: .policyReadOnlyRootFilesystem,
        bad: policyCluster(deployment([c0 + "securityContext.readOnlyRootFilesystem": false])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyDropAllCapabilities,
        bad: policyCluster(deployment([c0 + "securityContext.capabilities.drop": .array(["NET_RAW"])])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyHostNamespaces, bad: policyCluster(deployment([pod + "hostPID": true])), good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policySeccomp,
        bad: policyCluster(
            deployment([c0 + "securityContext.seccompProfile": nil, pod + "securityContext.seccompProfile": nil])),
        good: policyCluster(deployment([c0 + "securityContext.seccompProfile": nil])), sets: [.bestPractice]),
    RuleCase(
        rule: .policySecretLiteralInEnv,
        bad: policyCluster(deployment([c0 + "env[0]": .object(["name": "DB_PASSWORD", "value": "hunter2"])])),
        good: policyCluster(
            deployment([c0 + "env[0]": .object(["name": "DB_PASSWORD_FILE", "value": "/secrets/db"])])),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policySecretInEnv,
        bad: policyCluster(
            deployment([
                c0 + "env[0]": .object([
                    "name": "DB_PASSWORD",
                    "valueFrom": .object(["secretKeyRef": .object(["name": "db", "key": "password"])]),
                ])
            ])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyServiceAccountToken, bad: policyCluster(deployment([pod + "automountServiceAccountToken": nil])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyRBACWildcard, bad: docs(Fixtures.role.with(["rules[0].verbs": .array(["*"])])),
        good: docs(Fixtures.role),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyClusterAdminBinding,
        bad: docs(Fixtures.roleBinding.with(["roleRef.kind": "ClusterRole", "roleRef.name": "cluster-admin"])),
        good: docs(Fixtures.roleBinding), sets: [.bestPractice]),
    RuleCase(
        rule: .policyLivenessProbe, bad: policyCluster(deployment([c0 + "livenessProbe": nil])), good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyReadinessProbe, bad: policyCluster(deployment([c0 + "readinessProbe": nil])), good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyResourceRequests, bad: policyCluster(deployment([c0 + "resources": nil])),
        good: policyCluster(
            deployment([
                c0 + "resources.requests": nil, c0 + "resources.limits": .object(["cpu": "1", "memory": "1Gi"]),
            ])),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyMemoryLimit, bad: policyCluster(deployment([c0 + "resources.limits.memory": nil])),
        good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyCPULimit, bad: policyCluster(deployment([c0 + "resources.limits.cpu": nil])), good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyImageTag, bad: policyCluster(deployment([c0 + "image": "nginx:latest"])),
        good: policyCluster(
            deployment([c0 + "image": "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac"])),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyImagePullPolicy,
        bad: policyCluster(
            deployment([c0 + "imagePullPolicy": "IfNotPresent", c0 + "image": "registry.example.com/shop/web:1.4.2"])),
        good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyReplicas,
        bad: manifests([deployment(["spec.replicas": 1]), Fixtures.disruptionBudget, Fixtures.networkPolicy]),
        good: manifests([
            deployment(["spec.replicas": 1]), Fixtures.autoscaler, Fixtures.disruptionBudget, Fixtures.networkPolicy,
        ]),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyAntiAffinity, bad: policyCluster(deployment([pod + "topologySpreadConstraints": nil])),
        good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyHPAMinReplicas, bad: docs(Fixtures.autoscaler.with(["spec.minReplicas": 1])),
        good: docs(Fixtures.autoscaler),
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyHPATargetType,
        bad: docs(Fixtures.autoscaler.with(["spec.metrics[0].resource.target.type": "AverageValue"])),
        good: docs(Fixtures.autoscaler), sets: [.bestPractice]),
    RuleCase(
        rule: .policyPDBMissing, bad: manifests(Fixtures.cluster.filter { $0 != Fixtures.disruptionBudget }),
        good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyNetworkPolicyMissing, bad: manifests(Fixtures.cluster.filter { $0 != Fixtures.networkPolicy }),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyHostPort, bad: policyCluster(deployment([c0 + "ports[0].hostPort": 8080])), good: clusterDocs,
        sets: [.bestPractice]),
    RuleCase(
        rule: .policyContainerRuntimeSocket,
        bad: policyCluster(
            deployment([
                pod + "volumes[1]": .object(["name": "docker", "hostPath": .object(["path": "/var/run/docker.sock"])])
            ])),
        good: clusterDocs, sets: [.bestPractice]),
    RuleCase(
        rule: .policyDefaultNamespace, bad: docs(Fixtures.configMap.with(["metadata.namespace": "default"])),
        good: docs(Fixtures.configMap), sets: [.bestPractice]),
    RuleCase(
        rule: .suppressionReason,
        bad: policyCluster(deployment(["metadata.annotations": .object(["kubekit.io/ignore": "POLICY-CPU-LIMIT"])])),
        good: policyCluster(
            deployment([
                "metadata.annotations": .object([
                    "kubekit.io/ignore": "POLICY-CPU-LIMIT", "kubekit.io/ignore-reason": "burstable by design",
                ])
            ])),
        sets: [.bestPractice]),
    RuleCase(
        rule: .suppressionForbidden,
        bad: policyCluster(
            deployment([
                "metadata.annotations": .object([
                    "kubekit.io/ignore": "POLICY-CPU-LIMIT", "kubekit.io/ignore-reason": "burstable by design",
                ])
            ])),
        good: clusterDocs, sets: [.bestPractice], allowsSuppressions: false),
    RuleCase(
        rule: .suppressionUnknownID,
        bad: policyCluster(
            deployment([
                "metadata.annotations": .object([
                    "kubekit.io/ignore": "POLICY-CPU-LIMITS", "kubekit.io/ignore-reason": "typo",
                ])
            ])),
        good: policyCluster(
            deployment([
                "metadata.annotations": .object([
                    "kubekit.io/ignore": "POLICY-CPU-LIMIT", "kubekit.io/ignore-reason": "burstable by design",
                ])
            ])),
        sets: [.bestPractice]),
]

let allRuleCases =
    apiRuleCases + podSecurityRuleCases + policyRuleCases + crossResourceRuleCases + ecosystemRuleCases + checkovRuleCases
