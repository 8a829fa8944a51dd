import KubeModels

/// KubeKit's best-practice policy set: the checks that three or more of kube-linter, kube-score,
/// Polaris and checkov share, plus the cross-resource ones they cannot make (PodDisruptionBudget
/// and NetworkPolicy coverage, HPA-aware replica counts).
///
/// Findings have the severities of ``Rule/catalog``, which ``ValidationConfiguration`` can
/// change; thresholds come from ``BestPracticeOptions``.
enum BestPracticeRules {
    static func check(_ document: IndexedDocument, site: PodTemplateSite?, in context: ValidationContext) {
        let manifest = document.manifest
        guard let resource = manifest.resource else { return }
        let options = context.configuration.bestPractice
        if type(of: resource).isNamespaced,
            manifest.metadata.namespace ?? "" == "" || manifest.metadata.namespace == "default"
        {
            context.report(
                .policyDefaultNamespace,
                "this \(manifest.kind) lands in the default namespace; give it a namespace of its own (metadata.namespace)",
                at: ["metadata"])
        }
        if let site {
            checkPodTemplate(site, document: document, options: options, in: context)
            return
        }
        switch ObjectIdentifier(type(of: resource)) {
        case ObjectIdentifier(HorizontalPodAutoscaler.self):
            if let autoscaler = resource as? HorizontalPodAutoscaler {
                checkAutoscaler(autoscaler, options: options, in: context)
            }
        case ObjectIdentifier(Role.self):
            if let role = resource as? Role {
                checkWildcards(role.rules, in: context)
                checkSensitivePermissions(role.rules, in: context)
            }
        case ObjectIdentifier(ClusterRole.self):
            if let role = resource as? ClusterRole {
                checkWildcards(role.rules, in: context)
                checkSensitivePermissions(role.rules, in: context)
            }
        case ObjectIdentifier(RoleBinding.self):
            if let binding = resource as? RoleBinding {
                checkClusterAdmin(binding.roleRef, in: context)
                checkDefaultServiceAccountSubjects(binding.subjects, in: context)
            }
        case ObjectIdentifier(ClusterRoleBinding.self):
            if let binding = resource as? ClusterRoleBinding {
                checkClusterAdmin(binding.roleRef, in: context)
                checkDefaultServiceAccountSubjects(binding.subjects, in: context)
            }
        case ObjectIdentifier(ServiceAccount.self):
            if let account = resource as? ServiceAccount, account.metadata.name == "default",
                account.automountServiceAccountToken != false
            {
                context.report(
                    .policyDefaultServiceAccount,
                    "the default ServiceAccount mounts an API token into every pod that names no other account; set "
                        + "automountServiceAccountToken: false here and give pods that need the API their own account",
                    at: ["automountServiceAccountToken"])
            }
        case ObjectIdentifier(Ingress.self):
            checkSnippets(manifest.metadata.annotations ?? [:], in: context)
        case ObjectIdentifier(Service.self):
            if let service = resource as? Service { checkTillerService(service, in: context) }
        default:
            break
        }
    }

    // MARK: Pod templates

    static let runtimeSockets: Set<String> = [
        "/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock",
        "/run/containerd/containerd.sock",
        "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock",
    ]

    static func checkPodTemplate(
        _ site: PodTemplateSite, document: IndexedDocument, options: BestPracticeOptions, in context: ValidationContext
    ) {
        let spec = site.spec
        let base = site.specPath
        let pod = spec.securityContext
        for (field, value) in [("hostNetwork", spec.hostNetwork), ("hostPID", spec.hostPID), ("hostIPC", spec.hostIPC)]
        where value == true {
            context.withPath(base + [.field(field)]) {
                context.report(
                    .policyHostNamespaces,
                    "\(field): true lets the pod see and use the node's \(field.dropFirst(4).lowercased()) namespace; remove it unless the workload is node infrastructure"
                )
            }
        }
        for (position, volume) in (spec.volumes ?? []).enumerated() {
            guard let path = volume.hostPath?.path, runtimeSockets.contains(path) else { continue }
            context.withPath(base + ["volumes", .index(position), "hostPath", "path"]) {
                context.report(
                    .policyContainerRuntimeSocket,
                    "volume \"\(volume.name)\" mounts the container runtime socket \(path), which gives root on the node; remove it"
                )
            }
        }

        checkLegacyComponents(site, document: document, in: context)
        for container in site.containers where !container.isEphemeral {
            context.withPath(base + container.path) {
                checkContainerSecurity(container, pod: pod, hostUsers: spec.hostUsers, in: context)
                checkContainerResources(container, in: context)
                checkImage(container, in: context)
                checkEnvironment(container, options: options, in: context)
                if site.isLongRunning && (!container.isInit || container.isSidecar) {
                    if container.livenessProbe == nil {
                        context.report(
                            .policyLivenessProbe,
                            "container \"\(container.name)\" has no livenessProbe; add one so a hung process is restarted",
                            at: ["livenessProbe"])
                    }
                    if container.readinessProbe == nil {
                        context.report(
                            .policyReadinessProbe,
                            "container \"\(container.name)\" has no readinessProbe; add one so traffic waits until it is ready",
                            at: ["readinessProbe"])
                    }
                }
                for (position, port) in container.ports.enumerated() where (port.hostPort ?? 0) != 0 {
                    context.report(
                        .policyHostPort,
                        "container \"\(container.name)\" binds host port \(port.hostPort ?? 0), which limits scheduling to one pod per node; use a Service instead",
                        at: ["ports", .index(position), "hostPort"])
                }
            }
        }

        // Service account token.
        let accountName = spec.serviceAccountName.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        var automount = spec.automountServiceAccountToken
        if automount == nil, let namespace = document.namespace,
            let accountSetting = context.index.serviceAccountAutomount["\(namespace)/\(accountName)"]
        {
            automount = accountSetting
        }
        if automount != false {
            context.withPath(base + ["automountServiceAccountToken"]) {
                context.report(
                    .policyServiceAccountToken,
                    "the pod gets an API token for service account \"\(accountName)\"; set automountServiceAccountToken: false "
                        + "unless it talks to the Kubernetes API")
            }
        }

        guard let namespace = document.namespace else { return }
        let labels = site.labels
        // Replicas, spreading and disruption budgets for scalable workloads.
        if site.kind == "Deployment" || site.kind == "StatefulSet" {
            let key = TargetKey(namespace: namespace, kind: site.kind, name: document.reference.name)
            let autoscaler = context.index.autoscalers[key]
            let replicas = site.replicas ?? 1
            let effectiveMinimum = autoscaler.map { $0.minReplicas } ?? replicas
            let effectiveMaximum = autoscaler.map { max($0.maxReplicas, replicas) } ?? replicas
            if replicas > 0 && effectiveMinimum < options.minimumReplicas {
                let detail =
                    autoscaler.map { "HorizontalPodAutoscaler \($0.name) keeps only \($0.minReplicas)" }
                    ?? "spec.replicas is \(replicas)"
                context.withPath(["spec", "replicas"]) {
                    context.report(
                        .policyReplicas,
                        "\(detail); run at least \(options.minimumReplicas) replicas so one pod can fail or be evicted without downtime"
                    )
                }
            }
            if effectiveMaximum >= 2 {
                let affinity = spec.affinity?.podAntiAffinity
                let hasAntiAffinity =
                    !(affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).isEmpty
                    || !(affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).isEmpty
                if !hasAntiAffinity && (spec.topologySpreadConstraints ?? []).isEmpty {
                    context.withPath(base + ["affinity"]) {
                        context.report(
                            .policyAntiAffinity,
                            "the \(site.kind) runs up to \(effectiveMaximum) replicas but nothing spreads them; add topologySpreadConstraints "
                                + "(or podAntiAffinity) on kubernetes.io/hostname or topology.kubernetes.io/zone")
                    }
                }
                let budgets = context.index.disruptionBudgets[namespace]
                if !(budgets?.anyMatches(labels) ?? false) {
                    context.withPath(site.metadataPath + ["labels"]) {
                        context.report(
                            .policyPDBMissing,
                            "no PodDisruptionBudget in namespace \"\(namespace)\" selects these pods \(APIRules.describeLabels(labels)); "
                                + "add one (for example maxUnavailable: 1) so node drains keep the \(site.kind) available"
                        )
                    }
                }
            }
        }
        if let policies = context.index.networkPolicies[namespace], policies.anyMatches(labels) {
            // Covered.
        } else {
            context.withPath(site.metadataPath + ["labels"]) {
                context.report(
                    .policyNetworkPolicyMissing,
                    "no NetworkPolicy in namespace \"\(namespace)\" selects these pods \(APIRules.describeLabels(labels)), so "
                        + "all traffic to and from them is allowed; add a NetworkPolicy (a default-deny one with podSelector: {} covers every pod)"
                )
            }
        }
    }

    static func checkContainerSecurity(
        _ container: ContainerView, pod: PodSecurityContext?, hostUsers: Bool? = nil, in context: ValidationContext
    ) {
        let security = container.securityContext
        let name = container.name
        if security?.privileged == true {
            context.report(
                .policyPrivileged,
                "container \"\(name)\" runs privileged, with full access to the node; remove securityContext.privileged "
                    + "and grant only the capabilities it needs",
                at: ["securityContext", "privileged"])
        }
        if security?.allowPrivilegeEscalation != false {
            context.report(
                .policyPrivilegeEscalation,
                "container \"\(name)\" may gain more privileges than its parent process; set securityContext.allowPrivilegeEscalation: false",
                at: ["securityContext", "allowPrivilegeEscalation"])
        }
        let nonRoot = security?.runAsNonRoot ?? pod?.runAsNonRoot
        let user = security?.runAsUser ?? pod?.runAsUser
        if nonRoot != true && (user ?? 0) == 0 {
            context.report(
                .policyRunAsNonRoot,
                "container \"\(name)\" may run as root; set securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image has no USER)",
                at: ["securityContext", "runAsNonRoot"])
        }
        if security?.readOnlyRootFilesystem != true {
            context.report(
                .policyReadOnlyRootFilesystem,
                "container \"\(name)\" can write to its root filesystem; set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where it must write",
                at: ["securityContext", "readOnlyRootFilesystem"])
        }
        if !(security?.capabilities?.drop ?? []).contains(where: { $0.rawValue == "ALL" }) {
            context.report(
                .policyDropAllCapabilities,
                "container \"\(name)\" keeps the runtime's default capabilities; set securityContext.capabilities.drop: [\"ALL\"] and add back only what it needs",
                at: ["securityContext", "capabilities", "drop"])
        }
        let added = (security?.capabilities?.add ?? []).map(\.rawValue)
        if added == ["NET_BIND_SERVICE"] {
            // The one capability the restricted Pod Security level allows: worth knowing, not fixing.
            context.report(
                .policyCapabilitiesAdded,
                "container \"\(name)\" adds NET_BIND_SERVICE; a port of 1024 or more would not need it",
                at: ["securityContext", "capabilities", "add"], severity: .info)
        } else if !added.isEmpty {
            context.report(
                .policyCapabilitiesAdded,
                "container \"\(name)\" adds the capabilities \(added.joined(separator: ", ")); remove capabilities.add "
                    + "and grant only what the process cannot work without",
                at: ["securityContext", "capabilities", "add"])
        }
        // With a user namespace (hostUsers: false) container users map to unprivileged node users.
        if hostUsers != false {
            let uid = security?.runAsUser ?? pod?.runAsUser
            if (uid ?? 0) < highUserID {
                let detail = uid.map { "runs as user \($0)" } ?? "sets no runAsUser"
                context.report(
                    .policyRunAsHighUID,
                    "container \"\(name)\" \(detail), which may match a user on the node; set securityContext.runAsUser to "
                        + "\(highUserID) or more (or hostUsers: false on the pod)",
                    at: ["securityContext", "runAsUser"])
            }
        }
        let seccomp = (security?.seccompProfile ?? pod?.seccompProfile)?.type.rawValue
        if seccomp != "RuntimeDefault" && seccomp != "Localhost" {
            context.report(
                .policySeccomp,
                "container \"\(name)\" runs without a seccomp profile; set securityContext.seccompProfile.type: RuntimeDefault on the pod or container",
                at: ["securityContext", "seccompProfile"])
        }
    }

    /// The lowest user ID ``Rule/policyRunAsHighUID`` accepts.
    static let highUserID = 10000

    static func checkContainerResources(_ container: ContainerView, in context: ValidationContext) {
        let requests = container.resources?.requests ?? [:]
        let limits = container.resources?.limits ?? [:]
        let missing = ["cpu", "memory"].filter { requests[$0] == nil && limits[$0] == nil }
        if !missing.isEmpty {
            context.report(
                .policyResourceRequests,
                "container \"\(container.name)\" requests no \(missing.joined(separator: " or ")); set resources.requests so the "
                    + "scheduler reserves room for it (for example cpu: 100m, memory: 128Mi)",
                at: ["resources", "requests"])
        }
        if limits["memory"] == nil {
            context.report(
                .policyMemoryLimit,
                "container \"\(container.name)\" has no memory limit; set resources.limits.memory so a leak cannot starve the node",
                at: ["resources", "limits"])
        }
        if limits["cpu"] == nil {
            context.report(
                .policyCPULimit, "container \"\(container.name)\" has no cpu limit", at: ["resources", "limits"])
        }
    }

    /// The tag and digest of an image reference.
    static func imageParts(_ image: String) -> (tag: String?, digest: String?) {
        var reference = Substring(image)
        var digest: String?
        if let at = reference.firstIndex(of: "@") {
            digest = String(reference[reference.index(after: at)...])
            reference = reference[..<at]
        }
        let lastComponent = reference.lastIndex(of: "/").map { reference[reference.index(after: $0)...] } ?? reference
        if let colon = lastComponent.lastIndex(of: ":") {
            return (String(lastComponent[lastComponent.index(after: colon)...]), digest)
        }
        return (nil, digest)
    }

    static func checkImage(_ container: ContainerView, in context: ValidationContext) {
        guard let image = container.image, !image.isEmpty else { return }
        let (tag, digest) = imageParts(image)
        if digest == nil && (tag == nil || tag == "latest") {
            context.report(
                .policyImageTag,
                "image \"\(image)\" \(tag == nil ? "has no tag" : "uses the latest tag"), so what runs changes without a "
                    + "manifest change; pin a version tag or a digest",
                at: ["image"])
        }
        if digest == nil {
            let defaultPolicy = (tag == nil || tag == "latest") ? "Always" : "IfNotPresent"
            let policy = container.imagePullPolicy?.rawValue ?? defaultPolicy
            if policy != "Always" {
                context.report(
                    .policyImagePullPolicy,
                    "image \"\(image)\" is not pinned by digest and imagePullPolicy is \(policy); nodes may run an old copy "
                        + "of the tag. Pin a digest or use imagePullPolicy: Always",
                    at: ["imagePullPolicy"])
            }
            context.report(
                .policyImageDigest,
                "image \"\(image)\" is not pinned by digest; append @sha256:… so every node runs the image that was reviewed",
                at: ["image"])
        }
    }

    static func checkEnvironment(
        _ container: ContainerView, options: BestPracticeOptions, in context: ValidationContext
    ) {
        for (position, variable) in container.env.enumerated() {
            if let value = variable.value, looksLikeSecretValue(value), looksSecret(variable.name, options: options) {
                context.report(
                    .policySecretLiteralInEnv,
                    "environment variable \(variable.name) looks like a secret but has a literal value in the manifest "
                        + "(not shown); store it in a Secret and reference it with valueFrom.secretKeyRef or a mounted file",
                    at: ["env", .index(position), "value"])
            }
            if variable.valueFrom?.secretKeyRef != nil {
                context.report(
                    .policySecretInEnv,
                    "environment variable \(variable.name) exposes a Secret key; environment variables leak into logs and "
                        + "child processes, so prefer mounting the Secret as a file",
                    at: ["env", .index(position), "valueFrom", "secretKeyRef"])
            }
        }
        for (position, variable) in container.env.enumerated() where gitSyncGitVariables.contains(variable.name) {
            context.report(
                .policyGitSyncGit,
                "environment variable \(variable.name) makes git-sync run another program as git, so whoever can edit "
                    + "this manifest or that file runs code in the pod; remove it",
                at: ["env", .index(position), "name"])
        }
        for (position, source) in container.envFrom.enumerated() where source.secretRef != nil {
            context.report(
                .policySecretInEnv,
                "envFrom exposes every key of Secret \(source.secretRef?.name ?? "") as environment variables; prefer mounting it as files",
                at: ["envFrom", .index(position), "secretRef"])
        }
    }

    /// Whether a literal could be a credential: not empty, not a path, reference, flag or number.
    static func looksLikeSecretValue(_ value: String) -> Bool {
        if value.isEmpty || value.hasPrefix("/") || value.hasPrefix("$(") { return false }
        let flags: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "enabled", "disabled"]
        if flags.contains(value.lowercased()) { return false }
        if value.allSatisfy({ $0.isNumber }) && value.count < 6 { return false }
        return true
    }

    static func looksSecret(_ name: String, options: BestPracticeOptions) -> Bool {
        let lower = name.lowercased()
        for suffix in ["_file", "_path", "_dir", "_name", "_url", "_uri", "_host", "_user", "_username", "_id"]
        where lower.hasSuffix(suffix) {
            return false
        }
        return options.secretNameMarkers.contains { lower.containsBytes($0) }
    }

    /// git-sync's settings for the git binary it runs (v4 and v3 names).
    static let gitSyncGitVariables: Set<String> = ["GITSYNC_GIT", "GIT_SYNC_GIT"]

    /// The repository part of an image reference, without registry port, tag or digest.
    static func imageRepository(_ image: String) -> String {
        var reference = Substring(image)
        if let at = reference.firstIndex(of: "@") { reference = reference[..<at] }
        let slash = reference.lastIndex(of: "/")
        let lastStart = slash.map { reference.index(after: $0) } ?? reference.startIndex
        if let colon = reference[lastStart...].lastIndex(of: ":") { reference = reference[..<colon] }
        return String(reference)
    }

    /// The Kubernetes dashboard and Helm 2's Tiller, by image or by the labels their manifests use.
    static func checkLegacyComponents(_ site: PodTemplateSite, document: IndexedDocument, in context: ValidationContext)
    {
        let labels = site.labels.merging(document.manifest.metadata.labels ?? [:]) { template, _ in template }
        let images = site.containers.compactMap(\.image).map { ($0, imageRepository($0)) }
        let dashboardImage = images.first { _, repository in
            repository.containsBytes("kubernetes-dashboard") || repository.containsBytes("kubernetesui/")
        }
        if dashboardImage != nil || labels["app"] == "kubernetes-dashboard"
            || labels["k8s-app"] == "kubernetes-dashboard"
        {
            let what = dashboardImage.map { "image \"\($0.0)\"" } ?? "labels"
            context.withPath(site.specPath + ["containers"]) {
                context.report(
                    .policyKubernetesDashboard,
                    "this \(site.kind) runs the Kubernetes dashboard (\(what)); remove it and use kubectl or a read-only "
                        + "console that authenticates each user")
            }
        }
        let tillerImage = images.first { _, repository in
            repository == "tiller" || repository.hasSuffix("/tiller")
        }
        if tillerImage != nil || labels["app"] == "helm" || labels["name"] == "tiller" {
            let what = tillerImage.map { "image \"\($0.0)\"" } ?? "labels app: helm / name: tiller"
            context.withPath(site.specPath + ["containers"]) {
                context.report(
                    .policyHelmTiller,
                    "this \(site.kind) runs Tiller, Helm 2's server (\(what)), which accepts any release from whoever can "
                        + "reach it; remove it and use Helm 3 or Flux")
            }
        }
    }

    // MARK: Other kinds

    static func checkTillerService(_ service: Service, in context: ValidationContext) {
        let selector = service.spec?.selector ?? [:]
        guard
            service.metadata.name?.hasPrefix("tiller") == true || selector["name"] == "tiller"
                || selector["app"] == "helm"
        else { return }
        context.report(
            .policyHelmTiller,
            "this Service exposes Tiller, Helm 2's server, to the cluster; delete it together with the Tiller Deployment",
            at: ["spec", "selector"])
    }

    static func checkSnippets(_ annotations: [String: String], in context: ValidationContext) {
        for key in annotations.keys.sorted() where key.containsBytes("snippet") {
            context.withPath(["metadata", "annotations", .field(key)]) {
                context.report(
                    .policyIngressSnippet,
                    "annotation \(key) injects raw configuration into the ingress controller, which lets whoever edits "
                        + "this Ingress read the controller's credentials (CVE-2021-25742); use the controller's typed annotations"
                )
            }
        }
    }

    static func checkDefaultServiceAccountSubjects(_ subjects: [Subject]?, in context: ValidationContext) {
        for (position, subject) in (subjects ?? []).enumerated()
        where subject.kind == "ServiceAccount" && subject.name == "default" {
            context.report(
                .policyDefaultServiceAccount,
                "subject \(position) is the default ServiceAccount\(subject.namespace.map { " of namespace \"\($0)\"" } ?? ""), "
                    + "so every pod there that names no account gets these permissions; bind a ServiceAccount of its own",
                at: ["subjects", .index(position)])
        }
    }

    /// A permission that leads to other permissions, as (API group, resources, verbs, what it allows).
    struct SensitivePermission {
        let group: String
        let resources: Set<String>
        let verbs: Set<String>
        let effect: String
        /// Whether `resourceNames` on the rule makes it harmless (reading named Secrets is fine).
        var allowsNamedResources = false
    }

    static let sensitivePermissions: [SensitivePermission] = [
        SensitivePermission(
            group: "rbac.authorization.k8s.io", resources: ["roles", "clusterroles"], verbs: ["escalate"],
            effect: "edit roles to grant permissions the editor does not hold"),
        SensitivePermission(
            group: "rbac.authorization.k8s.io",
            resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"],
            verbs: ["bind"], effect: "bind roles with permissions the binder does not hold"),
        SensitivePermission(
            group: "", resources: ["users", "groups", "serviceaccounts"], verbs: ["impersonate"],
            effect: "act as other users, groups or service accounts"),
        SensitivePermission(
            group: "certificates.k8s.io", resources: ["signers"], verbs: ["approve"],
            effect: "approve certificate requests, which mint client credentials"),
        SensitivePermission(
            group: "certificates.k8s.io", resources: ["certificatesigningrequests/approval"],
            verbs: ["update", "patch"],
            effect: "approve certificate requests, which mint client credentials"),
        SensitivePermission(
            group: "admissionregistration.k8s.io",
            resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"],
            verbs: ["create", "update", "patch"], effect: "intercept or rewrite every object sent to the API"),
        SensitivePermission(
            group: "", resources: ["pods/exec", "pods/attach", "nodes/proxy"], verbs: ["create"],
            effect: "run commands in pods or talk to kubelets directly"),
        SensitivePermission(
            group: "", resources: ["secrets"], verbs: ["get", "list", "watch"],
            effect: "read every Secret in scope, including service account tokens", allowsNamedResources: true),
        SensitivePermission(
            group: "", resources: ["services/status"], verbs: ["update", "patch"],
            effect: "set a Service's load-balancer address and intercept its traffic (CVE-2020-8554)"),
    ]

    /// Grants named explicitly (a '*' is reported by ``checkWildcards(_:in:)``).
    static func checkSensitivePermissions(_ rules: [PolicyRule]?, in context: ValidationContext) {
        for (position, rule) in (rules ?? []).enumerated() {
            let groups = Set(rule.apiGroups ?? [])
            let resources = Set(rule.resources ?? [])
            let verbs = Set(rule.verbs)
            var effects: [String] = []
            for permission in sensitivePermissions where groups.contains(permission.group) {
                let granted = resources.intersection(permission.resources)
                let allowed = verbs.intersection(permission.verbs)
                guard !granted.isEmpty, !allowed.isEmpty else { continue }
                if permission.allowsNamedResources && !(rule.resourceNames ?? []).isEmpty { continue }
                let grant = "\(allowed.sorted().joined(separator: "/")) \(granted.sorted().joined(separator: ", "))"
                effects.append("\(grant) (\(permission.effect))")
            }
            guard !effects.isEmpty else { continue }
            context.report(
                .policyRBACSensitivePermission,
                "rule \(position) grants \(effects.joined(separator: "; ")); keep these to the controllers that need them, "
                    + "and narrow them with resourceNames where possible",
                at: ["rules", .index(position)])
        }
    }

    static func checkAutoscaler(
        _ autoscaler: HorizontalPodAutoscaler, options: BestPracticeOptions, in context: ValidationContext
    ) {
        let minimum = Int(autoscaler.spec.minReplicas ?? 1)
        if minimum < options.minimumHPAReplicas {
            context.report(
                .policyHPAMinReplicas,
                "minReplicas is \(minimum)\(autoscaler.spec.minReplicas == nil ? " (the default)" : ""); keep at least "
                    + "\(options.minimumHPAReplicas) so the workload survives losing a pod at low load",
                at: ["spec", "minReplicas"])
        }
        for (position, metric) in (autoscaler.spec.metrics ?? []).enumerated() {
            let targets: [(String, MetricTarget?)] = [
                ("resource", metric.resource?.target), ("containerResource", metric.containerResource?.target),
                ("pods", metric.pods?.target), ("object", metric.object?.target), ("external", metric.external?.target),
            ]
            for (field, target) in targets {
                guard let target else { continue }
                let type = target.type.rawValue
                let expected: (String, Bool)?
                switch type {
                case "Utilization": expected = ("averageUtilization", target.averageUtilization != nil)
                case "Value": expected = ("value", target.value != nil)
                case "AverageValue": expected = ("averageValue", target.averageValue != nil)
                default: expected = nil
                }
                if let (name, isSet) = expected, !isSet {
                    context.report(
                        .policyHPATargetType,
                        "target type \(type) goes with target.\(name), which is not set; the autoscaler uses whichever field "
                            + "is set, so make the type match it",
                        at: ["spec", "metrics", .index(position), .field(field), "target", "type"])
                }
            }
        }
    }

    static func checkWildcards(_ rules: [PolicyRule]?, in context: ValidationContext) {
        for (position, rule) in (rules ?? []).enumerated() {
            for (field, values) in [
                ("verbs", rule.verbs), ("resources", rule.resources ?? []), ("apiGroups", rule.apiGroups ?? []),
            ]
            where values.contains("*") {
                context.report(
                    .policyRBACWildcard,
                    "rule \(position) grants '*' in \(field), which includes everything added later; list the \(field) it needs",
                    at: ["rules", .index(position), .field(field)])
            }
        }
    }

    static func checkClusterAdmin(_ roleRef: RoleRef, in context: ValidationContext) {
        guard roleRef.kind == "ClusterRole", roleRef.name == "cluster-admin" else { return }
        context.report(
            .policyClusterAdminBinding,
            "this binding grants cluster-admin, full control of the cluster; bind a role with only the permissions needed",
            at: ["roleRef", "name"])
    }
}
