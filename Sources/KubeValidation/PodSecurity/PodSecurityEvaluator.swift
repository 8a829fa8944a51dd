import KubeModels

/// The Pod Security Standards, check for check as `k8s.io/pod-security-admission/policy` of
/// Kubernetes v1.37 implements them, evaluated for every pod template.
///
/// With ``PolicySet/podSecurityAdmission`` a template is checked against the levels its
/// namespace's `pod-security.kubernetes.io/enforce|warn|audit` labels choose (Namespace objects of
/// the same input, or ``ValidationConfiguration/podSecurityDefaults``): enforce violations are
/// errors, warn and audit violations warnings. ``PolicySet/podSecurityBaseline`` and
/// ``PolicySet/podSecurityRestricted`` check every template against that level (errors).
///
/// Where the admission controller reports one result per check listing the offending containers,
/// KubeKit reports one diagnostic per offending field.
final class PodSecurityEvaluator {
    let configuration: ValidationConfiguration
    /// The evaluations of each namespace, worked out once per run.
    private var evaluationsByNamespace: [String: [Evaluation]] = [:]

    init(configuration: ValidationConfiguration) {
        self.configuration = configuration
    }

    /// One violation, before the evaluation mode decides its severity and wording.
    struct Finding {
        let rule: Rule
        let path: [PathComponent]
        let message: String
    }

    /// A level to evaluate, how violations count, and why.
    struct Evaluation {
        let level: PodSecurityLevel
        let version: PodSecurityVersion
        let severity: Severity
        let reason: String
    }

    func check(_ document: IndexedDocument, site: PodTemplateSite, in context: ValidationContext) {
        var evaluations = standaloneEvaluations
        if configuration.policySets.contains(.podSecurityAdmission), let namespace = document.namespace {
            evaluations += admissionEvaluations(namespace: namespace, kind: site.kind, in: context)
        }
        guard !evaluations.isEmpty else { return }
        // The strictest verdict wins for each finding; evaluate in decreasing severity.
        evaluations.sort { $0.severity > $1.severity }
        var reported = Set<String>()
        var done: [Evaluation] = []
        for evaluation in evaluations {
            // A level already checked at the same version with at least this severity covers it.
            if done.contains(where: { $0.version == evaluation.version && $0.level >= evaluation.level }) { continue }
            done.append(evaluation)
            for finding in Self.evaluate(site, level: evaluation.level, version: evaluation.version) {
                let key = "\(finding.rule.id.rawValue)|\(PathComponent.render(finding.path))|\(finding.message)"
                guard reported.insert(key).inserted else { continue }
                context.withPath(finding.path) {
                    context.report(
                        finding.rule, "\(finding.message); \(evaluation.reason)", severity: evaluation.severity)
                }
            }
        }
    }

    /// The evaluations of the standalone policy sets.
    private lazy var standaloneEvaluations: [Evaluation] = {
        let sets = configuration.policySets
        if sets.contains(.podSecurityRestricted) {
            return [
                Evaluation(
                    level: .restricted, version: .latest, severity: .error,
                    reason: "required by the restricted Pod Security Standard policy set")
            ]
        }
        if sets.contains(.podSecurityBaseline) {
            return [
                Evaluation(
                    level: .baseline, version: .latest, severity: .error,
                    reason: "required by the baseline Pod Security Standard policy set")
            ]
        }
        return []
    }()

    /// What the namespace's labels (or the configured defaults) ask Pod Security Admission to do.
    private func admissionEvaluations(namespace: String, kind: String, in context: ValidationContext) -> [Evaluation] {
        let cacheKey = kind == "Pod" ? namespace + "\u{0}pod" : namespace
        if let cached = evaluationsByNamespace[cacheKey] { return cached }
        var evaluations: [Evaluation] = []
        if !configuration.podSecurityExemptNamespaces.contains(namespace) {
            let labels = context.index.namespaceLabels[namespace] ?? [:]
            let policy = PodSecurityPolicy(labels: labels, defaults: configuration.podSecurityDefaults)
            let subject =
                kind == "Pod" ? "the cluster refuses this pod" : "the cluster refuses the pods of this workload"
            for mode in PodSecurityMode.allCases {
                let level = policy.level(for: mode)
                guard level != .privileged else { continue }
                let source =
                    labels[mode.levelLabel] != nil
                    ? "namespace \"\(namespace)\"" : "the cluster default for namespace \"\(namespace)\""
                let version = policy.version(for: mode)
                let reason: String
                switch mode {
                case .enforce: reason = "\(source) enforces Pod Security level \(level) (\(version)), so \(subject)"
                case .warn: reason = "\(source) warns at Pod Security level \(level) (\(version))"
                case .audit: reason = "\(source) audits at Pod Security level \(level) (\(version))"
                }
                evaluations.append(
                    Evaluation(
                        level: level, version: version, severity: mode == .enforce ? .error : .warning, reason: reason))
            }
        }
        evaluationsByNamespace[cacheKey] = evaluations
        return evaluations
    }

    // MARK: Checks

    static let baselineCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// The safe sysctls of every policy version, computed once.
    static let safeSysctlsByVersion: [Set<String>] = (0...PodSecurityVersion.latest.minor).map {
        computeSafeSysctls(for: PodSecurityVersion(minor: $0))
    }

    /// The safe sysctls of a policy version (`check_sysctls.go`).
    static func safeSysctls(for version: PodSecurityVersion) -> Set<String> {
        safeSysctlsByVersion[version.minor]
    }

    static func computeSafeSysctls(for version: PodSecurityVersion) -> Set<String> {
        var names: Set<String> = [
            "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
        ]
        if version.minor >= 27 { names.insert("net.ipv4.ip_local_reserved_ports") }
        if version.minor >= 29 {
            names.formUnion([
                "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
                "net.ipv4.tcp_keepalive_probes",
            ])
        }
        if version.minor >= 32 { names.formUnion(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]) }
        if version.minor >= 37 {
            names.formUnion(["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"])
        }
        return names
    }

    static let seLinuxTypes10 = seLinuxTypes(for: PodSecurityVersion(minor: 0))
    static let seLinuxTypes131 = seLinuxTypes(for: PodSecurityVersion(minor: 31))

    /// The SELinux types a policy version allows (`check_seLinuxOptions.go`).
    static func seLinuxTypes(for version: PodSecurityVersion) -> Set<String> {
        var types: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
        if version.minor >= 31 { types.insert("container_engine_t") }
        return types
    }

    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    /// Every violation of `level` at `version`.
    static func evaluate(_ site: PodTemplateSite, level: PodSecurityLevel, version: PodSecurityVersion) -> [Finding] {
        guard level != .privileged else { return [] }
        var findings: [Finding] = []
        let spec = site.spec
        let base = site.specPath
        let restricted = level == .restricted
        let minor = version.minor
        let containers = site.containers
        let isWindows = spec.os?.name.rawValue == "windows"
        let userNamespace = spec.hostUsers == false

        func add(_ rule: Rule, _ path: [PathComponent], _ message: String) {
            findings.append(Finding(rule: rule, path: path, message: message))
        }

        // Baseline: host namespaces.
        for (field, value) in [("hostNetwork", spec.hostNetwork), ("hostPID", spec.hostPID), ("hostIPC", spec.hostIPC)]
        where value == true {
            add(
                .pssHostNamespaces, base + [.field(field)], "\(field) must not be true (it shares the node's namespace)"
            )
        }
        // Baseline: privileged.
        for container in containers where container.securityContext?.privileged == true {
            add(
                .pssPrivileged, base + container.path + ["securityContext", "privileged"],
                "container \"\(container.name)\" must not set securityContext.privileged=true")
        }
        // Capabilities: baseline allow-list, or restricted drop ALL / add NET_BIND_SERVICE.
        let restrictedCapabilities = restricted && minor >= 22
        if restrictedCapabilities {
            if !(minor >= 25 && isWindows) {
                for container in containers {
                    let capabilities = container.securityContext?.capabilities
                    if !(capabilities?.drop ?? []).contains(where: { $0.rawValue == "ALL" }) {
                        add(
                            .pssRestrictedCapabilities,
                            base + container.path + ["securityContext", "capabilities", "drop"],
                            "container \"\(container.name)\" must set securityContext.capabilities.drop=[\"ALL\"]")
                    }
                    for (position, capability) in (capabilities?.add ?? []).enumerated()
                    where capability.rawValue != "NET_BIND_SERVICE" {
                        add(
                            .pssRestrictedCapabilities,
                            base + container.path + ["securityContext", "capabilities", "add", .index(position)],
                            "container \"\(container.name)\" must not add capability \"\(capability.rawValue)\" "
                                + "(only NET_BIND_SERVICE may be added)")
                    }
                }
            }
        } else {
            for container in containers {
                for (position, capability) in (container.securityContext?.capabilities?.add ?? []).enumerated()
                where !baselineCapabilities.contains(capability.rawValue) {
                    add(
                        .pssBaselineCapabilities,
                        base + container.path + ["securityContext", "capabilities", "add", .index(position)],
                        "container \"\(container.name)\" must not add capability \"\(capability.rawValue)\" "
                            + "(allowed: \(baselineCapabilities.sorted().joined(separator: ", ")))")
                }
            }
        }
        // Volumes: hostPath (baseline), or the restricted allow-list.
        for (position, volume) in (spec.volumes ?? []).enumerated() {
            let path = base + ["volumes", .index(position)]
            if restricted {
                let allowed =
                    volume.configMap != nil || volume.csi != nil || volume.downwardAPI != nil || volume.emptyDir != nil
                    || volume.ephemeral != nil || volume.image != nil || volume.persistentVolumeClaim != nil
                    || volume.projected != nil || volume.secret != nil
                if !allowed {
                    let types = APIRules.volumeSourceNames(volume).joined(separator: ", ")
                    add(
                        .pssVolumeTypes, path,
                        "volume \"\(volume.name)\" uses restricted volume type \(types.isEmpty ? "unknown" : types); "
                            + "use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret"
                    )
                }
            } else if volume.hostPath != nil {
                add(.pssHostPath, path + ["hostPath"], "volume \"\(volume.name)\" must not use hostPath")
            }
        }
        // Baseline: host ports.
        for container in containers {
            for (position, port) in container.ports.enumerated() where (port.hostPort ?? 0) != 0 {
                add(
                    .pssHostPorts, base + container.path + ["ports", .index(position), "hostPort"],
                    "container \"\(container.name)\" must not use hostPort \(port.hostPort ?? 0)")
            }
        }
        // Baseline: AppArmor (fields and the deprecated annotations).
        func badAppArmor(_ profile: AppArmorProfile?) -> Bool {
            guard let profile else { return false }
            return profile.type.rawValue != "RuntimeDefault" && profile.type.rawValue != "Localhost"
        }
        if badAppArmor(spec.securityContext?.appArmorProfile) {
            add(
                .pssAppArmor, base + ["securityContext", "appArmorProfile", "type"],
                "the pod must not set appArmorProfile.type to \"\(spec.securityContext?.appArmorProfile?.type.rawValue ?? "")\" "
                    + "(use RuntimeDefault or Localhost)")
        }
        for container in containers where badAppArmor(container.securityContext?.appArmorProfile) {
            add(
                .pssAppArmor, base + container.path + ["securityContext", "appArmorProfile", "type"],
                "container \"\(container.name)\" must not set appArmorProfile.type to "
                    + "\"\(container.securityContext?.appArmorProfile?.type.rawValue ?? "")\" (use RuntimeDefault or Localhost)"
            )
        }
        for (key, value) in site.metadata.annotations ?? [:] where key.hasPrefix(appArmorAnnotationPrefix) {
            if !(value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")) {
                add(
                    .pssAppArmor, site.metadataPath + ["annotations", .key(key)],
                    "annotation \(key) must be runtime/default or localhost/<profile>, not \"\(value)\"")
            }
        }
        // Baseline: SELinux.
        let allowedTypes = minor >= 31 ? seLinuxTypes131 : seLinuxTypes10
        func checkSELinux(_ options: SELinuxOptions?, owner: String, path: [PathComponent]) {
            guard let options else { return }
            if !allowedTypes.contains(options.type ?? "") {
                add(
                    .pssSELinux, path + ["seLinuxOptions", "type"],
                    "\(owner) must not set seLinuxOptions.type to \"\(options.type ?? "")\" (allowed: "
                        + allowedTypes.filter { !$0.isEmpty }.sorted().joined(separator: ", ") + ")")
            }
            if !(options.user ?? "").isEmpty {
                add(.pssSELinux, path + ["seLinuxOptions", "user"], "\(owner) must not set seLinuxOptions.user")
            }
            if !(options.role ?? "").isEmpty {
                add(.pssSELinux, path + ["seLinuxOptions", "role"], "\(owner) must not set seLinuxOptions.role")
            }
        }
        checkSELinux(spec.securityContext?.seLinuxOptions, owner: "the pod", path: base + ["securityContext"])
        for container in containers {
            checkSELinux(
                container.securityContext?.seLinuxOptions, owner: "container \"\(container.name)\"",
                path: base + container.path + ["securityContext"])
        }
        // /proc mount: baseline relaxes it for user-namespaced pods from v1.35; restricted never does.
        let procMountRelaxed = !restricted && minor >= 35 && userNamespace
        if !procMountRelaxed {
            let rule: Rule = restricted && minor >= 35 ? .pssRestrictedProcMount : .pssProcMount
            for container in containers {
                if let mount = container.securityContext?.procMount, mount.rawValue != "Default" {
                    add(
                        rule, base + container.path + ["securityContext", "procMount"],
                        "container \"\(container.name)\" must not set securityContext.procMount to \"\(mount.rawValue)\""
                            + (restricted ? "" : " (allowed only with hostUsers: false)"))
                }
            }
        }
        // Seccomp: baseline forbids Unconfined; restricted requires RuntimeDefault or Localhost.
        let restrictedSeccomp = restricted && minor >= 19
        if restrictedSeccomp {
            if !(minor >= 25 && isWindows) {
                func valid(_ profile: SeccompProfile) -> Bool {
                    profile.type.rawValue == "RuntimeDefault" || profile.type.rawValue == "Localhost"
                }
                var podSet = false
                if let profile = spec.securityContext?.seccompProfile {
                    if valid(profile) {
                        podSet = true
                    } else {
                        add(
                            .pssRestrictedSeccomp, base + ["securityContext", "seccompProfile", "type"],
                            "the pod must not set seccompProfile.type to \"\(profile.type.rawValue)\" (use RuntimeDefault or Localhost)"
                        )
                    }
                }
                for container in containers {
                    if let profile = container.securityContext?.seccompProfile {
                        if !valid(profile) {
                            add(
                                .pssRestrictedSeccomp,
                                base + container.path + ["securityContext", "seccompProfile", "type"],
                                "container \"\(container.name)\" must not set seccompProfile.type to "
                                    + "\"\(profile.type.rawValue)\" (use RuntimeDefault or Localhost)")
                        }
                    } else if !podSet {
                        add(
                            .pssRestrictedSeccomp, base + container.path + ["securityContext", "seccompProfile"],
                            "container \"\(container.name)\" must set securityContext.seccompProfile.type to RuntimeDefault "
                                + "or Localhost (or the pod must set it for all containers)")
                    }
                }
            }
        } else {
            if spec.securityContext?.seccompProfile?.type.rawValue == "Unconfined" {
                add(
                    .pssBaselineSeccomp, base + ["securityContext", "seccompProfile", "type"],
                    "the pod must not set seccompProfile.type to Unconfined")
            }
            for container in containers where container.securityContext?.seccompProfile?.type.rawValue == "Unconfined" {
                add(
                    .pssBaselineSeccomp, base + container.path + ["securityContext", "seccompProfile", "type"],
                    "container \"\(container.name)\" must not set seccompProfile.type to Unconfined")
            }
        }
        // Baseline: sysctls.
        for (position, sysctl) in (spec.securityContext?.sysctls ?? []).enumerated()
        where !safeSysctls(for: version).contains(sysctl.name) {
            let safe = safeSysctls(for: version)
            add(
                .pssSysctls, base + ["securityContext", "sysctls", .index(position), "name"],
                "sysctl \"\(sysctl.name)\" is not in the safe set (\(safe.sorted().joined(separator: ", ")))")
        }
        // Baseline: Windows HostProcess.
        if spec.securityContext?.windowsOptions?.hostProcess == true {
            add(
                .pssHostProcess, base + ["securityContext", "windowsOptions", "hostProcess"],
                "the pod must not set windowsOptions.hostProcess=true")
        }
        for container in containers where container.securityContext?.windowsOptions?.hostProcess == true {
            add(
                .pssHostProcess, base + container.path + ["securityContext", "windowsOptions", "hostProcess"],
                "container \"\(container.name)\" must not set windowsOptions.hostProcess=true")
        }
        // Baseline (v1.34+): no host in probes and lifecycle handlers.
        if minor >= 34 {
            for container in containers {
                let probes: [(String, Probe?)] = [
                    ("livenessProbe", container.livenessProbe), ("readinessProbe", container.readinessProbe),
                    ("startupProbe", container.startupProbe),
                ]
                for (field, probe) in probes {
                    if let host = probe?.httpGet?.host, !host.isEmpty {
                        add(
                            .pssProbeHost, base + container.path + [.field(field), "httpGet", "host"],
                            "container \"\(container.name)\" must not set \(field).httpGet.host (\"\(host)\")")
                    }
                    if let host = probe?.tcpSocket?.host, !host.isEmpty {
                        add(
                            .pssProbeHost, base + container.path + [.field(field), "tcpSocket", "host"],
                            "container \"\(container.name)\" must not set \(field).tcpSocket.host (\"\(host)\")")
                    }
                }
                for (field, handler) in [
                    ("postStart", container.lifecycle?.postStart), ("preStop", container.lifecycle?.preStop),
                ] {
                    if let host = handler?.httpGet?.host, !host.isEmpty {
                        add(
                            .pssProbeHost, base + container.path + ["lifecycle", .field(field), "httpGet", "host"],
                            "container \"\(container.name)\" must not set lifecycle.\(field).httpGet.host (\"\(host)\")"
                        )
                    }
                    if let host = handler?.tcpSocket?.host, !host.isEmpty {
                        add(
                            .pssProbeHost, base + container.path + ["lifecycle", .field(field), "tcpSocket", "host"],
                            "container \"\(container.name)\" must not set lifecycle.\(field).tcpSocket.host (\"\(host)\")"
                        )
                    }
                }
            }
        }
        guard restricted else { return findings }

        // Restricted: privilege escalation (v1.8+, Windows pods exempt from v1.25).
        if minor >= 8 && !(minor >= 25 && isWindows) {
            for container in containers where container.securityContext?.allowPrivilegeEscalation != false {
                add(
                    .pssPrivilegeEscalation, base + container.path + ["securityContext", "allowPrivilegeEscalation"],
                    "container \"\(container.name)\" must set securityContext.allowPrivilegeEscalation=false")
            }
        }
        // Restricted: runAsNonRoot and runAsUser (skipped for user-namespaced pods from v1.35).
        let userNamespaceRelaxed = minor >= 35 && userNamespace
        if !userNamespaceRelaxed {
            let podNonRoot = spec.securityContext?.runAsNonRoot
            if podNonRoot == false {
                add(
                    .pssRunAsNonRoot, base + ["securityContext", "runAsNonRoot"],
                    "the pod must not set securityContext.runAsNonRoot=false")
            }
            for container in containers {
                switch container.securityContext?.runAsNonRoot {
                case false?:
                    add(
                        .pssRunAsNonRoot, base + container.path + ["securityContext", "runAsNonRoot"],
                        "container \"\(container.name)\" must not set securityContext.runAsNonRoot=false")
                case nil where podNonRoot != true:
                    add(
                        .pssRunAsNonRoot, base + container.path + ["securityContext", "runAsNonRoot"],
                        "container \"\(container.name)\" must set securityContext.runAsNonRoot=true (or the pod must set it for all containers)"
                    )
                default:
                    break
                }
            }
            if minor >= 23 {
                if spec.securityContext?.runAsUser == 0 {
                    add(
                        .pssRunAsUser, base + ["securityContext", "runAsUser"],
                        "the pod must not set runAsUser=0 (root)")
                }
                for container in containers where container.securityContext?.runAsUser == 0 {
                    add(
                        .pssRunAsUser, base + container.path + ["securityContext", "runAsUser"],
                        "container \"\(container.name)\" must not set runAsUser=0 (root)")
                }
            }
        }
        return findings
    }
}
