import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

@Suite("Pod Security Admission")
struct PodSecurityTests {
    /// Violates baseline (hostPort) and restricted (no allowPrivilegeEscalation: false).
    let workload = Fixtures.deployment.with([
        "spec.template.spec.containers[0].ports[0].hostPort": 8080,
        "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation": nil,
    ])

    func namespace(_ labels: [String: String]) -> JSONValue {
        Fixtures.namespace.with(["metadata.labels": .object(labels.mapValues { .string($0) })])
    }

    func podSecurity(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.category == .podSecurity }
    }

    @Test("privileged enforces nothing")
    func privileged() {
        let diagnostics = validate(
            [namespace(["pod-security.kubernetes.io/enforce": "privileged"]), workload], sets: [.podSecurityAdmission])
        #expect(podSecurity(diagnostics).isEmpty)
    }

    @Test("baseline enforces only baseline checks, as errors")
    func baseline() {
        let found = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "baseline"]), workload], sets: [.podSecurityAdmission]
            ))
        #expect(found.map(\.ruleID) == [Rule.pssHostPorts.id])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first?.message.contains("enforces Pod Security level baseline") == true)
        #expect(found.first?.fieldPath == "spec.template.spec.containers[0].ports[0].hostPort")
    }

    @Test("restricted enforces baseline and restricted checks")
    func restricted() {
        let found = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "restricted"]), workload],
                sets: [.podSecurityAdmission]))
        #expect(Set(found.map(\.ruleID)) == [Rule.pssHostPorts.id, Rule.pssPrivilegeEscalation.id])
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test("warn and audit levels give warnings; enforce findings stay errors")
    func warnAndAudit() {
        let labels = [
            "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted",
        ]
        let found = podSecurity(validate([namespace(labels), workload], sets: [.podSecurityAdmission]))
        #expect(found.first { $0.ruleID == Rule.pssHostPorts.id }?.severity == .error)
        #expect(found.first { $0.ruleID == Rule.pssPrivilegeEscalation.id }?.severity == .warning)
        #expect(found.count == 2)

        let audited = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/audit": "restricted"]), workload], sets: [.podSecurityAdmission]
            ))
        #expect(audited.count == 2)
        #expect(audited.allSatisfy { $0.severity == .warning && $0.message.contains("audits") })
    }

    @Test("namespaces without labels use the configured defaults; exempt namespaces are skipped")
    func defaultsAndExemptions() {
        let unlabeled = [workload]
        #expect(podSecurity(validate(unlabeled, sets: [.podSecurityAdmission])).isEmpty)
        let defaults = validate(unlabeled, sets: [.podSecurityAdmission]) {
            $0.podSecurityDefaults = PodSecurityPolicy(enforce: .restricted)
        }
        #expect(podSecurity(defaults).count == 2)
        let exempt = validate(unlabeled, sets: [.podSecurityAdmission]) {
            $0.podSecurityDefaults = PodSecurityPolicy(enforce: .restricted)
            $0.podSecurityExemptNamespaces = ["shop"]
        }
        #expect(podSecurity(exempt).isEmpty)
    }

    @Test("an unknown level fails closed as restricted")
    func invalidLevel() {
        let found = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "strict"]), workload], sets: [.podSecurityAdmission]))
        #expect(Set(found.map(\.ruleID)) == [Rule.pssHostPorts.id, Rule.pssPrivilegeEscalation.id])
    }

    @Test("pinned versions turn later checks off")
    func versions() {
        let probeHost = Fixtures.deployment.with([
            "spec.template.spec.containers[0].livenessProbe.httpGet.host": "10.0.0.1"
        ])
        let latest = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "baseline"]), probeHost],
                sets: [.podSecurityAdmission]))
        #expect(latest.map(\.ruleID) == [Rule.pssProbeHost.id])
        let pinned = podSecurity(
            validate(
                [
                    namespace([
                        "pod-security.kubernetes.io/enforce": "baseline",
                        "pod-security.kubernetes.io/enforce-version": "v1.33",
                    ]), probeHost,
                ],
                sets: [.podSecurityAdmission]))
        #expect(pinned.isEmpty)

        let sysctl = Fixtures.deployment.with([
            "spec.template.spec.securityContext.sysctls": .array([
                .object(["name": "net.ipv4.tcp_slow_start_after_idle", "value": "0"])
            ])
        ])
        let at137 = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "baseline"]), sysctl], sets: [.podSecurityAdmission]))
        #expect(at137.isEmpty)
        let at136 = podSecurity(
            validate(
                [
                    namespace([
                        "pod-security.kubernetes.io/enforce": "baseline",
                        "pod-security.kubernetes.io/enforce-version": "v1.36",
                    ]), sysctl,
                ],
                sets: [.podSecurityAdmission]))
        #expect(at136.map(\.ruleID) == [Rule.pssSysctls.id])
    }

    @Test("the standalone policy sets check every template regardless of namespace labels")
    func standaloneSets() {
        let restricted = podSecurity(validate([workload], sets: [.podSecurityRestricted]))
        #expect(Set(restricted.map(\.ruleID)) == [Rule.pssHostPorts.id, Rule.pssPrivilegeEscalation.id])
        let baseline = podSecurity(validate([workload], sets: [.podSecurityBaseline]))
        #expect(baseline.map(\.ruleID) == [Rule.pssHostPorts.id])
        #expect(baseline.allSatisfy { $0.severity == .error })
    }

    @Test("every pod template kind is evaluated")
    func templateKinds() {
        let bad = "spec.template.spec.hostPID"
        let documents: [JSONValue] = [
            namespace(["pod-security.kubernetes.io/enforce": "baseline"]),
            Fixtures.deployment.with([bad: true]),
            Fixtures.cronJob.with(["spec.jobTemplate.spec.template.spec.hostPID": true]),
            JSONValue.object([
                "apiVersion": "v1", "kind": "Pod", "metadata": .object(["name": "debug", "namespace": "shop"]),
                "spec": Fixtures.podSpec.with(["hostPID": true]),
            ]),
        ]
        let found = podSecurity(validate(documents, sets: [.podSecurityAdmission]))
        #expect(Set(found.map(\.resource.kind)) == ["Deployment", "CronJob", "Pod"])
        #expect(found.first { $0.resource.kind == "Pod" }?.message.contains("refuses this pod") == true)
    }

    @Test("Windows pods are exempt from the Linux-only restricted checks")
    func windows() {
        let windows = Fixtures.deployment.with([
            "spec.template.spec.os.name": "windows",
            "spec.template.spec.containers[0].securityContext": .object([:]),
            "spec.template.spec.securityContext": .object(["runAsNonRoot": true]),
        ])
        let found = podSecurity(
            validate(
                [namespace(["pod-security.kubernetes.io/enforce": "restricted"]), windows],
                sets: [.podSecurityAdmission]))
        #expect(found.isEmpty, "\(found.map(\.description))")
    }
}
