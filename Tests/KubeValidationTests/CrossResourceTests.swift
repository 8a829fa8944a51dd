import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Cross-resource rules")
struct CrossResourceTests {
    static let pod = "spec.template.spec."

    /// Cross-resource findings only.
    func cross(_ documents: [JSONValue], configure: (inout ValidationConfiguration) -> Void = { _ in }) -> [Diagnostic]
    {
        validate(documents, sets: [.crossResource], configure: configure).filter { $0.category == .crossResource }
    }

    func deployment(replicas: Int? = nil, cpu: String = "100m", memory: String = "128Mi") -> JSONValue {
        Fixtures.deployment.with([
            "spec.replicas": replicas.map { JSONValue.int(Int64($0)) },
            Self.pod + "containers[0].resources.requests": .object(["cpu": .string(cpu), "memory": .string(memory)]),
        ])
    }

    func quota(_ hard: [String: JSONValue], extra: [String: JSONValue?] = [:]) -> JSONValue {
        JSONValue.object([
            "apiVersion": "v1", "kind": "ResourceQuota", "metadata": .object(["name": "compute", "namespace": "shop"]),
            "spec": .object(["hard": .object(hard)]),
        ]).with(extra)
    }

    // MARK: Capacity

    @Test("headroom says how much of the quota is left at maximum scale")
    func headroom() {
        let found = cross([deployment(replicas: 29, cpu: "500m"), quota(["requests.cpu": "20"])])
        #expect(found.count == 1)
        let finding = found.first
        #expect(finding?.ruleID == Rule.crossQuotaHeadroom.id)
        #expect(finding?.severity == .info)
        #expect(finding?.fieldPath == "spec.hard[\"requests.cpu\"]")
        #expect(
            finding?.message == "at maximum scale the pods request 14.5 CPU of 20 CPU (27% headroom, 5.5 CPU left)",
            "\(finding?.message ?? "")")
    }

    @Test("an HPA's maxReplicas counts; exceeding memory and pods are errors that name the largest workloads")
    func exceeded() {
        let found = cross([
            deployment(memory: "128Mi"), Fixtures.autoscaler, Fixtures.cronJob,
            quota(["requests.memory": "1Gi", "pods": "10", "limits.cpu": "100"]),
        ])
        let memory = found.first { $0.fieldPath.contains("requests.memory") }
        #expect(memory?.ruleID == Rule.crossQuotaExceeded.id)
        #expect(memory?.severity == .error)
        // 10 web pods × 128Mi plus one report pod × 128Mi = 1408Mi = 1.38Gi.
        #expect(
            memory?.message.hasPrefix(
                "at maximum scale the pods request 1.38Gi but the quota allows 1Gi (384Mi over); largest: Deployment web (10 pods, 1.25Gi), CronJob nightly-report (1 pod, 128Mi)"
            ) == true, "\(memory?.message ?? "")")
        let pods = found.first { $0.fieldPath.contains("pods") }
        #expect(pods?.ruleID == Rule.crossQuotaExceeded.id)
        #expect(
            pods?.message.contains("the namespace runs 11 pods but the quota allows 10 pods (1 pod over)") == true,
            "\(pods?.message ?? "")")
        // 10 × 500m + 1 × 500m of limits fit 100 CPU.
        let limits = found.first { $0.fieldPath.contains("limits.cpu") }
        #expect(limits?.ruleID == Rule.crossQuotaHeadroom.id)
        #expect(
            limits?.message.contains("the pods' limits add up to 5.5 CPU of 100 CPU (94% headroom") == true,
            "\(limits?.message ?? "")")
    }

    @Test("scoped quotas, DaemonSets and namespaces without workloads are not summed")
    func notSummed() {
        #expect(cross([quota(["requests.cpu": "1"])]).isEmpty)
        #expect(
            cross([deployment(), quota(["requests.cpu": "1m"], extra: ["spec.scopes": .array(["NotBestEffort"])])])
                .isEmpty)
        let daemonSet = Fixtures.deployment.with([
            "kind": "DaemonSet", "spec.strategy": nil, "spec.replicas": nil,
        ])
        let found = cross([daemonSet, deployment(replicas: 2), quota(["requests.cpu": "1"])])
        #expect(found.count == 1)
        #expect(
            found.first?.message.contains(
                "the pods request 0.2 CPU of 1 CPU (80% headroom, 0.8 CPU left); 1 DaemonSet(s) not counted") == true,
            "\(found.map(\.message))")
    }

    @Test("pod demand: init peak, sidecars, overhead, limits defaulting requests")
    func podDemand() throws {
        let spec = try JSONDecoder().decode(
            PodSpec.self,
            from: Data(
                """
                {"overhead": {"cpu": "50m"},
                 "initContainers": [
                   {"name": "proxy", "image": "p", "restartPolicy": "Always", "resources": {"requests": {"cpu": "100m"}}},
                   {"name": "migrate", "image": "m", "resources": {"requests": {"cpu": "2"}, "limits": {"cpu": "2"}}}],
                 "containers": [
                   {"name": "a", "image": "a", "resources": {"limits": {"cpu": "500m", "memory": "1Gi"}}},
                   {"name": "b", "image": "b", "resources": {"requests": {"cpu": "500m"}}}]}
                """.utf8))
        let demand = PodDemand(spec: spec)
        // Init phase: the sidecar (100m) runs while migrate (2) does: 2.1; then 100m + 500m + 500m = 1.1.
        #expect(demand.amounts["requests.cpu"] == Quantity("2150m"))
        // Container a requests its limit (1Gi); b requests no memory.
        #expect(demand.amounts["requests.memory"] == Quantity("1Gi"))
        // The sidecar and b set no cpu limit, so the pod has none.
        #expect(demand.unbounded.contains("limits.cpu"))
    }

    // MARK: Ingress

    @Test("Ingress ports are checked by number and by name, with precise paths")
    func ingressPorts() {
        let ingress = Fixtures.ingress.with([
            "spec.rules[0].http.paths[0].backend.service.port": .object(["number": 8443]),
            "spec.defaultBackend": .object(["service": .object(["name": "web", "port": .object(["name": "metrics"])])]),
            "spec.tls": nil,
        ])
        let found = cross([ingress, Fixtures.service])
        #expect(found.count == 1)
        #expect(found.first?.ruleID == Rule.crossIngressServicePort.id)
        #expect(found.first?.fieldPath == "spec.rules[0].http.paths[0].backend.service.port.number")
        #expect(found.first?.message.contains("its ports: http (80), metrics (9090)") == true)
        let missing = cross([ingress.with(["spec.defaultBackend.service.name": "api"]), Fixtures.service])
        #expect(missing.map(\.ruleID).contains(Rule.crossIngressServiceMissing.id))
        #expect(missing.contains { $0.fieldPath == "spec.defaultBackend.service.name" })
        let declared = cross([
            ingress.with([
                "spec.defaultBackend.service.name": "api",
                "metadata.annotations": .object(["kubekit.io/external-references": "service/api"]),
            ]), Fixtures.service,
        ])
        #expect(!declared.map(\.ruleID).contains(Rule.crossIngressServiceMissing.id))
    }

    // MARK: Partial input

    @Test("a Service, PDB or NetworkPolicy alone gets no findings: the namespace has no workloads in the input")
    func partialInput() {
        #expect(cross([Fixtures.service]).isEmpty)
        #expect(cross([Fixtures.disruptionBudget, Fixtures.networkPolicy, Fixtures.configMap]).isEmpty)
        // A workload in another namespace does not count.
        #expect(cross([Fixtures.service, deployment().with(["metadata.namespace": "other"])]).isEmpty)
    }

    @Test("expression selectors are matched through the index too")
    func expressionSelectors() {
        func policy(_ values: [JSONValue]) -> JSONValue {
            Fixtures.networkPolicy.with([
                "spec.podSelector": .object([
                    "matchExpressions": .array([.object(["key": "app", "operator": "In", "values": .array(values)])])
                ])
            ])
        }
        #expect(cross([deployment(), policy(["api", "web"])]).isEmpty)
        let found = cross([deployment(), policy(["api"])])
        #expect(found.map(\.ruleID) == [Rule.crossSelectorMatchesNothing.id])
        #expect(found.first?.fieldPath == "spec.podSelector")
        #expect(found.first?.message.contains("(app In (api))") == true, "\(found.map(\.message))")
    }

    @Test("selectors on labels that only running pods carry are not checked against templates")
    func runtimeLabels() {
        let perPod = Fixtures.service.with([
            "spec.selector": .object(["app": "web", "statefulset.kubernetes.io/pod-name": "web-0"])
        ])
        #expect(cross([deployment(), perPod]).isEmpty)
        let byJob = Fixtures.disruptionBudget.with([
            "spec.selector.matchLabels": .object(["batch.kubernetes.io/job-name": "migrate"])
        ])
        #expect(cross([deployment(), byJob]).isEmpty)
    }

    @Test("the hardened cluster has no cross-resource findings")
    func hardenedCluster() {
        let found = cross(Fixtures.cluster)
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    // MARK: References

    @Test("references that always exist or are satisfied are not reported")
    func satisfiedReferences() {
        let statefulSet = JSONValue.parse(
            """
            {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db", "namespace": "shop"},
             "spec": {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
              "template": {"metadata": {"labels": {"app": "db"}}, "spec": {"containers": [{"name": "db", "image": "db:1"}]}},
              "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"],
                "resources": {"requests": {"storage": "1Gi"}}}}]}}
            """)
        let user = deployment().with([
            Self.pod + "serviceAccountName": "default",
            Self.pod + "volumes": .array([
                .object(["name": "data", "persistentVolumeClaim": .object(["claimName": "data-db-0"])]),
                .object([
                    "name": "token",
                    "projected": .object([
                        "sources": .array([.object(["configMap": .object(["name": "kube-root-ca.crt"])])])
                    ]),
                ]),
                .object(["name": "maybe", "secret": .object(["secretName": "maybe", "optional": true])]),
            ]),
            Self.pod + "containers[0].envFrom": .array([
                .object(["configMapRef": .object(["name": "flags", "optional": true])])
            ]),
        ])
        let found = cross([user, statefulSet])
        #expect(found.isEmpty, "\(found.map(\.description))")
        // The claim of an ordinal the template does not create by name is still missing.
        let wrong = cross([
            user.with([Self.pod + "volumes[0].persistentVolumeClaim.claimName": "data-web-0"]), statefulSet,
        ])
        #expect(wrong.map(\.fieldPath) == ["spec.template.spec.volumes[0].persistentVolumeClaim.claimName"])
    }

    @Test("missing references are reported at their field, and a Namespace can declare them external")
    func missingReferences() {
        let user = deployment().with([
            Self.pod + "imagePullSecrets": .array([.object(["name": "registry"])]),
            Self.pod + "containers[0].env": .array([
                .object([
                    "name": "LEVEL",
                    "valueFrom": .object(["configMapKeyRef": .object(["name": "settings", "key": "level"])]),
                ])
            ]),
        ])
        let found = cross([user])
        #expect(
            found.map(\.fieldPath).sorted() == [
                "spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.name",
                "spec.template.spec.imagePullSecrets[0].name",
            ])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.contains { $0.message.contains("kubekit.io/external-references: \"configmap/settings\"") })
        let namespace = Fixtures.namespace.with([
            "metadata.annotations": .object(["kubekit.io/external-references": "secret/*, cm/settings"])
        ])
        #expect(cross([namespace, user]).isEmpty)
    }

    @Test("ReplicationController templates are indexed and checked")
    func replicationControllers() {
        let controller = JSONValue.parse(
            """
            {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "legacy", "namespace": "shop"},
             "spec": {"replicas": 2, "selector": {"app": "legacy"},
              "template": {"metadata": {"labels": {"app": "legacy"}}, "spec": {
                "containers": [{"name": "app", "image": "legacy:1"}],
                "volumes": [{"name": "config", "configMap": {"name": "legacy-config"}}]}}}}
            """)
        let service = Fixtures.service.with(["spec.selector": .object(["app": "legacy"])])
        let found = cross([controller, service])
        #expect(found.map(\.ruleID) == [Rule.crossConfigMapMissing.id])
        #expect(found.first?.fieldPath == "spec.template.spec.volumes[0].configMap.name")
    }

    // MARK: Namespaces, autoscalers, budgets

    @Test("namespaces are checked only when the input has Namespace objects")
    func namespaces() {
        let elsewhere = Fixtures.configMap.with(["metadata.namespace": "billing"])
        #expect(cross([elsewhere]).isEmpty)
        let found = cross([Fixtures.namespace, elsewhere])
        #expect(found.map(\.fieldPath) == ["metadata.namespace"])
        #expect(
            found.first?.message.contains(
                "namespace \"billing\" is not one of the Namespace objects in the input (\"shop\")") == true)
    }

    @Test("a PDB that allows no eviction at the HPA's minimum is reported; two budgets on one workload are errors")
    func budgets() {
        let strict = Fixtures.disruptionBudget.with(["spec.maxUnavailable": nil, "spec.minAvailable": 3])
        let blocked = cross([deployment(), Fixtures.autoscaler, strict])
        #expect(blocked.map(\.ruleID) == [Rule.crossPDBBlocksEviction.id])
        #expect(blocked.first?.fieldPath == "spec.minAvailable")
        #expect(
            blocked.first?.message.contains("the selected pods number 3 at the lowest scale (Deployment web: 3") == true
        )
        #expect(cross([deployment(), Fixtures.autoscaler, strict.with(["spec.minAvailable": 2])]).isEmpty)
        // Without an HPA, replicas decide.
        #expect(cross([deployment(replicas: 5), strict]).isEmpty)
        let overlap = cross([
            deployment(), Fixtures.disruptionBudget,
            Fixtures.disruptionBudget.with(["metadata.name": "zone", "spec.selector.matchLabels": .object([:])]),
        ])
        #expect(overlap.filter { $0.ruleID == Rule.crossPDBOverlap.id }.count == 2)
        #expect(overlap.allSatisfy { $0.severity == .error })
    }

    @Test("cross-resource severities can be changed")
    func severities() {
        let found = cross([Fixtures.autoscaler]) { configuration in
            configuration.setSeverity(.error, for: Rule.crossHPATargetMissing.id)
        }
        #expect(found.map(\.severity) == [.error])
    }

    // MARK: Real manifests

    @Test("every corpus file validated on its own gets no cross-resource errors")
    func corpusFiles() throws {
        let (byFile, _) = try CorpusTests.corpus()
        var findings: [String: Int] = [:]
        var errors: [String] = []
        for (file, documents) in byFile.sorted(by: { $0.key < $1.key }) {
            let diagnostics = Validator(configuration: ValidationConfiguration(policySets: [.crossResource]))
                .validate(documents.map(\.manifest))
            for diagnostic in diagnostics {
                findings[diagnostic.ruleID.rawValue, default: 0] += 1
                if diagnostic.severity == .error {
                    errors.append("\(file): \(diagnostic.ruleID) \(diagnostic.fieldPath): \(diagnostic.message)")
                }
            }
        }
        print("corpus cross-resource findings: \(findings.sorted { $0.key < $1.key })")
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }
}
