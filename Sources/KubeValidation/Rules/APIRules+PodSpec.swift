import KubeModels

extension APIRules {
    /// What holds a pod spec, which decides the restart policies and fields it may use.
    enum PodOwner {
        /// A bare Pod.
        case pod
        /// A Deployment, StatefulSet, DaemonSet or ReplicaSet template.
        case workload(String)
        /// A Job template (directly or inside a CronJob).
        case job(String)

        var isTemplate: Bool {
            if case .pod = self { return false }
            return true
        }
    }

    // MARK: Templates

    /// A pod template: its labels and annotations, then the spec.
    static func checkPodTemplate(
        _ template: PodTemplateSpec?, owner: PodOwner, extraVolumes: [String] = [], in context: ValidationContext
    ) {
        context.field("template") {
            if let metadata = template?.metadata {
                context.field("metadata") {
                    if let labels = metadata.labels {
                        context.field("labels") { checkLabels(labels, in: context) }
                    }
                    if let annotations = metadata.annotations {
                        context.field("annotations") { checkAnnotations(annotations, in: context) }
                    }
                }
            }
            guard let spec = template?.spec else {
                context.report(
                    .containersRequired, "the pod template needs a spec with at least one container", at: ["spec"])
                return
            }
            context.field("spec") { checkPodSpec(spec, owner: owner, extraVolumes: extraVolumes, in: context) }
        }
    }

    static func checkPod(_ pod: Pod, in context: ValidationContext) {
        guard let spec = pod.spec else {
            context.report(.containersRequired, "a Pod needs a spec with at least one container", at: ["spec"])
            return
        }
        context.field("spec") { checkPodSpec(spec, owner: .pod, in: context) }
    }

    // MARK: Pod spec

    /// `ValidatePodSpec` and the template checks of the workload kinds.
    static func checkPodSpec(
        _ spec: PodSpec, owner: PodOwner, extraVolumes: [String] = [], in context: ValidationContext
    ) {
        var volumes = checkVolumes(spec.volumes, in: context)
        volumes.names.append(contentsOf: extraVolumes)
        volumes.claims.append(contentsOf: extraVolumes)

        if spec.containers.isEmpty {
            context.report(.containersRequired, "a pod needs at least one container in containers", at: ["containers"])
        }
        var containerNames: [String] = []
        var hostPorts = Set<String>()
        let hostNetwork = spec.hostNetwork == true
        if let initContainers = spec.initContainers {
            context.field("initContainers") {
                for (position, container) in initContainers.enumerated() {
                    context.index(position) {
                        checkContainer(
                            container, kind: .initContainer, volumes: volumes, names: &containerNames,
                            hostPorts: &hostPorts, hostNetwork: hostNetwork, owner: owner, spec: spec, in: context)
                    }
                }
            }
        }
        context.field("containers") {
            for (position, container) in spec.containers.enumerated() {
                context.index(position) {
                    checkContainer(
                        container, kind: .regular, volumes: volumes, names: &containerNames, hostPorts: &hostPorts,
                        hostNetwork: hostNetwork, owner: owner, spec: spec, in: context)
                }
            }
        }
        if let ephemeral = spec.ephemeralContainers {
            context.field("ephemeralContainers") {
                if owner.isTemplate && !ephemeral.isEmpty {
                    context.report(
                        .fieldForbidden,
                        "pod templates cannot declare ephemeralContainers; they are added to running pods with kubectl debug"
                    )
                }
                for (position, container) in ephemeral.enumerated() {
                    context.index(position) {
                        checkEphemeralContainer(container, volumes: volumes, names: &containerNames, in: context)
                    }
                }
            }
        }

        checkRestartPolicy(spec.restartPolicy, owner: owner, hasPodFailurePolicy: false, in: context)
        checkEnum(spec.dnsPolicy, known: DNSPolicy.knownValues, field: "dnsPolicy", in: context)
        checkEnum(spec.preemptionPolicy, known: PreemptionPolicy.knownValues, field: "preemptionPolicy", in: context)
        if let os = spec.os {
            context.field("os") { checkEnum(os.name, known: OSName.knownValues, field: "name", in: context) }
        }
        checkPodDNS(spec, in: context)

        if case .workload(let kind) = owner, spec.activeDeadlineSeconds != nil {
            context.report(
                .fieldForbidden,
                "activeDeadlineSeconds is not supported in a \(kind) pod template (its pods would be killed and "
                    + "recreated forever); remove it",
                at: ["activeDeadlineSeconds"])
        }
        if let deadline = spec.activeDeadlineSeconds, deadline < 1 || deadline > Int64(Int32.max) {
            context.report(
                .fieldRange, "activeDeadlineSeconds is \(deadline); it must be between 1 and 2147483647",
                at: ["activeDeadlineSeconds"])
        }
        checkMinimum(spec.terminationGracePeriodSeconds, 0, field: "terminationGracePeriodSeconds", in: context)
        if spec.shareProcessNamespace == true && spec.hostPID == true {
            context.report(
                .fieldForbidden, "shareProcessNamespace and hostPID cannot both be true; choose one",
                at: ["shareProcessNamespace"])
        }
        for (field, value) in [("hostname", spec.hostname), ("subdomain", spec.subdomain)] {
            if let value, !value.isEmpty, let problem = KubernetesSyntax.dns1123LabelProblem(value) {
                context.report(.fieldFormat, "\(field) \(problem)", at: [.field(field)])
            }
        }
        for (field, value) in [
            ("serviceAccountName", spec.serviceAccountName), ("priorityClassName", spec.priorityClassName),
            ("runtimeClassName", spec.runtimeClassName),
        ] {
            if let value, !value.isEmpty, let problem = KubernetesSyntax.dns1123SubdomainProblem(value) {
                context.report(.fieldFormat, "\(field) \(problem)", at: [.field(field)])
            }
        }
        if let nodeSelector = spec.nodeSelector {
            context.field("nodeSelector") {
                for (key, value) in nodeSelector {
                    if let problem = KubernetesSyntax.qualifiedNameProblem(key) {
                        context.report(.scheduling, "node selector key \(problem)", at: [.key(key)])
                    }
                    if let problem = KubernetesSyntax.labelValueProblem(value) {
                        context.report(.scheduling, "node selector value for \(key): \(problem)", at: [.key(key)])
                    }
                }
            }
        }
        if let securityContext = spec.securityContext {
            context.field("securityContext") { checkPodSecurityContext(securityContext, spec: spec, in: context) }
        }
        if let tolerations = spec.tolerations {
            context.field("tolerations") {
                for (position, toleration) in tolerations.enumerated() {
                    context.index(position) { checkToleration(toleration, in: context) }
                }
            }
        }
        if let affinity = spec.affinity {
            context.field("affinity") { checkAffinity(affinity, in: context) }
        }
        if let constraints = spec.topologySpreadConstraints {
            context.field("topologySpreadConstraints") { checkTopologySpread(constraints, in: context) }
        }
        if let overhead = spec.overhead {
            context.field("overhead") { checkQuantities(overhead, in: context) }
        }
        if let resources = spec.resources {
            context.field("resources") { checkResources(resources, isContainer: false, in: context) }
        }
        if let aliases = spec.hostAliases {
            context.field("hostAliases") {
                for (position, alias) in aliases.enumerated() where IPAddress(alias.ip) == nil {
                    context.report(
                        .ipAddress, "\"\(alias.ip)\" is not an IP address; write an IPv4 (10.1.2.3) or IPv6 address",
                        at: [.index(position), "ip"])
                }
            }
        }
        if let gates = spec.readinessGates {
            context.field("readinessGates") {
                for (position, gate) in gates.enumerated() {
                    if let problem = KubernetesSyntax.qualifiedNameProblem(gate.conditionType) {
                        context.report(
                            .fieldFormat, "conditionType \(problem)", at: [.index(position), "conditionType"])
                    }
                }
            }
        }
    }

    /// Restart policy by owner: Always for workloads, OnFailure or Never for Jobs.
    static func checkRestartPolicy(
        _ policy: RestartPolicy?, owner: PodOwner, hasPodFailurePolicy: Bool, in context: ValidationContext
    ) {
        let value = policy?.rawValue ?? ""
        switch owner {
        case .pod:
            checkEnum(
                policy, known: RestartPolicy.knownValues, field: "restartPolicy", in: context, rule: .restartPolicy)
        case .workload(let kind):
            if !value.isEmpty && value != "Always" {
                context.report(
                    .restartPolicy,
                    "restartPolicy \"\(value)\" is not allowed in a \(kind) template; \(kind) pods always restart, "
                        + "so use Always or leave it unset",
                    at: ["restartPolicy"])
            }
        case .job(let kind):
            if value.isEmpty {
                context.report(
                    .restartPolicy,
                    "a \(kind) pod template must set restartPolicy to OnFailure or Never (the default, Always, is not allowed)",
                    at: ["restartPolicy"])
            } else if value != "OnFailure" && value != "Never" {
                context.report(
                    .restartPolicy,
                    "restartPolicy \"\(value)\" is not allowed in a \(kind) template; use OnFailure or Never"
                        + enumHint(value, known: ["OnFailure", "Never"]),
                    at: ["restartPolicy"])
            }
        }
    }

    static func checkPodDNS(_ spec: PodSpec, in context: ValidationContext) {
        if spec.dnsPolicy?.rawValue == "None" && (spec.dnsConfig?.nameservers ?? []).isEmpty {
            context.report(
                .podDNS, "dnsPolicy None needs at least one nameserver in dnsConfig.nameservers", at: ["dnsConfig"])
        }
        guard let config = spec.dnsConfig else { return }
        context.field("dnsConfig") {
            let nameservers = config.nameservers ?? []
            if nameservers.count > 3 {
                context.report(
                    .podDNS, "dnsConfig lists \(nameservers.count) nameservers; at most 3 are allowed",
                    at: ["nameservers"])
            }
            for (position, server) in nameservers.enumerated() where IPAddress(server) == nil {
                context.report(
                    .podDNS, "nameserver \"\(server)\" is not an IP address", at: ["nameservers", .index(position)])
            }
            let searches = config.searches ?? []
            if searches.count > 32 {
                context.report(
                    .podDNS, "dnsConfig lists \(searches.count) search domains; at most 32 are allowed",
                    at: ["searches"])
            }
            for (position, option) in (config.options ?? []).enumerated() where (option.name ?? "").isEmpty {
                context.report(
                    .podDNS, "every dnsConfig option needs a name", at: ["options", .index(position), "name"])
            }
        }
    }

    // MARK: Volumes

    /// Volume facts the container checks need.
    struct VolumeTable {
        var names: [String] = []
        var claims: [String] = []
    }

    /// `ValidateVolumes`: names and sources.
    static func checkVolumes(_ volumes: [Volume]?, in context: ValidationContext) -> VolumeTable {
        var table = VolumeTable()
        guard let volumes else { return table }
        context.field("volumes") {
            for (position, volume) in volumes.enumerated() {
                context.index(position) {
                    if volume.name.isEmpty {
                        context.report(.volumeName, "every volume needs a name (a DNS-1123 label)", at: ["name"])
                    } else if let problem = KubernetesSyntax.dns1123LabelProblem(volume.name) {
                        context.report(.volumeName, "volume name \(problem)", at: ["name"])
                    }
                    if table.names.contains(volume.name) {
                        context.report(
                            .volumeName, "volume name \"\(volume.name)\" is used twice; volume names must be unique",
                            at: ["name"])
                    }
                    table.names.append(volume.name)
                    if volume.persistentVolumeClaim != nil || volume.ephemeral != nil {
                        table.claims.append(volume.name)
                    }
                    checkVolumeSource(volume, in: context)
                }
            }
        }
        return table
    }

    static func volumeSourceNames(_ volume: Volume) -> [String] {
        var names: [String] = []
        if volume.awsElasticBlockStore != nil { names.append("awsElasticBlockStore") }
        if volume.azureDisk != nil { names.append("azureDisk") }
        if volume.azureFile != nil { names.append("azureFile") }
        if volume.cephfs != nil { names.append("cephfs") }
        if volume.cinder != nil { names.append("cinder") }
        if volume.configMap != nil { names.append("configMap") }
        if volume.csi != nil { names.append("csi") }
        if volume.downwardAPI != nil { names.append("downwardAPI") }
        if volume.emptyDir != nil { names.append("emptyDir") }
        if volume.ephemeral != nil { names.append("ephemeral") }
        if volume.fc != nil { names.append("fc") }
        if volume.flexVolume != nil { names.append("flexVolume") }
        if volume.flocker != nil { names.append("flocker") }
        if volume.gcePersistentDisk != nil { names.append("gcePersistentDisk") }
        if volume.gitRepo != nil { names.append("gitRepo") }
        if volume.glusterfs != nil { names.append("glusterfs") }
        if volume.hostPath != nil { names.append("hostPath") }
        if volume.image != nil { names.append("image") }
        if volume.iscsi != nil { names.append("iscsi") }
        if volume.nfs != nil { names.append("nfs") }
        if volume.persistentVolumeClaim != nil { names.append("persistentVolumeClaim") }
        if volume.photonPersistentDisk != nil { names.append("photonPersistentDisk") }
        if volume.portworxVolume != nil { names.append("portworxVolume") }
        if volume.projected != nil { names.append("projected") }
        if volume.quobyte != nil { names.append("quobyte") }
        if volume.rbd != nil { names.append("rbd") }
        if volume.scaleIO != nil { names.append("scaleIO") }
        if volume.secret != nil { names.append("secret") }
        if volume.storageos != nil { names.append("storageos") }
        if volume.vsphereVolume != nil { names.append("vsphereVolume") }
        return names
    }

    static func checkVolumeSource(_ volume: Volume, in context: ValidationContext) {
        let sources = volumeSourceNames(volume)
        if sources.isEmpty {
            context.report(
                .volumeSource,
                "volume \"\(volume.name)\" has no source; add exactly one, such as emptyDir: {}, configMap, secret or persistentVolumeClaim"
            )
            return
        }
        if sources.count > 1 {
            context.report(
                .volumeSource,
                "volume \"\(volume.name)\" sets \(sources.count) sources (\(sources.joined(separator: ", "))); a volume has exactly one"
            )
        }
        if let hostPath = volume.hostPath {
            context.field("hostPath") {
                if hostPath.path.isEmpty { context.report(.volumeSource, "hostPath.path is required", at: ["path"]) }
                checkEnum(hostPath.type, known: HostPathType.knownValues, field: "type", in: context)
            }
        }
        if let claim = volume.persistentVolumeClaim, claim.claimName.isEmpty {
            context.report(
                .volumeSource, "persistentVolumeClaim.claimName is required",
                at: ["persistentVolumeClaim", "claimName"])
        }
        if let emptyDir = volume.emptyDir, let limit = emptyDir.sizeLimit {
            context.field("emptyDir") { checkQuantities(["sizeLimit": limit], in: context) }
        }
        if let configMap = volume.configMap {
            context.field("configMap") {
                checkFileMode(configMap.defaultMode, field: "defaultMode", in: context)
                checkKeyToPaths(configMap.items, in: context)
            }
        }
        if let secret = volume.secret {
            context.field("secret") {
                checkFileMode(secret.defaultMode, field: "defaultMode", in: context)
                checkKeyToPaths(secret.items, in: context)
            }
        }
        if let downward = volume.downwardAPI {
            context.field("downwardAPI") { checkFileMode(downward.defaultMode, field: "defaultMode", in: context) }
        }
        if let projected = volume.projected {
            context.field("projected") {
                checkFileMode(projected.defaultMode, field: "defaultMode", in: context)
                for (position, source) in (projected.sources ?? []).enumerated() {
                    var count = 0
                    if source.clusterTrustBundle != nil { count += 1 }
                    if source.configMap != nil { count += 1 }
                    if source.downwardAPI != nil { count += 1 }
                    if source.podCertificate != nil { count += 1 }
                    if source.secret != nil { count += 1 }
                    if source.serviceAccountToken != nil { count += 1 }
                    if count != 1 {
                        context.report(
                            .volumeSource,
                            "each projected source sets exactly one of configMap, secret, downwardAPI, serviceAccountToken, clusterTrustBundle or podCertificate (this one sets \(count))",
                            at: ["sources", .index(position)])
                    }
                    if let token = source.serviceAccountToken, let seconds = token.expirationSeconds,
                        seconds < 600 || seconds > 4_294_967_296
                    {
                        context.report(
                            .volumeSource,
                            "serviceAccountToken.expirationSeconds is \(seconds); it must be at least 600 (10 minutes)",
                            at: ["sources", .index(position), "serviceAccountToken", "expirationSeconds"])
                    }
                }
            }
        }
    }

    static func checkFileMode(_ mode: Int32?, field: String, in context: ValidationContext) {
        guard let mode, mode < 0 || mode > 0o777 else { return }
        context.report(
            .volumeSource, "\(field) is \(mode); file modes must be between 0 and 0777 (decimal 511)",
            at: [.field(field)])
    }

    static func checkKeyToPaths(_ items: [KeyToPath]?, in context: ValidationContext) {
        guard let items else { return }
        context.field("items") {
            for (position, item) in items.enumerated() {
                context.index(position) {
                    if item.key.isEmpty { context.report(.volumeSource, "items need a key", at: ["key"]) }
                    if let problem = localPathProblem(item.path) {
                        context.report(.volumeSource, "path \"\(item.path)\" \(problem)", at: ["path"])
                    }
                    checkFileMode(item.mode, field: "mode", in: context)
                }
            }
        }
    }

    /// `validateLocalDescendingPath`: a non-empty relative path without `..` elements.
    static func localPathProblem(_ path: String) -> String? {
        if path.isEmpty { return "is empty; give a relative file path" }
        if path.hasPrefix("/") { return "must be a relative path, not an absolute one" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            return "must not contain '..'"
        }
        return nil
    }
}
