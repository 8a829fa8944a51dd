import KubeModels

/// The cross-resource policy set: checks between the objects of the input, answered from the
/// ``CrossResourceIndex`` built before the rules run (so every check is a lookup, never a
/// comparison of all pairs).
///
/// Input is often a part of a cluster (one file, one app), so the checks are careful about what
/// the input does not show: references to objects that are not in it are warnings that the
/// `kubekit.io/external-references` annotation silences; selectors are only checked in namespaces
/// where the input has workloads; namespaces only when the input has Namespace objects.
enum CrossResourceRules {
    /// What the referring object and its Namespace declare as external.
    struct Externals {
        let own: ExternalReferences?
        let namespace: ExternalReferences?

        func contains(_ kind: ExternalReferences.Kind, _ name: String) -> Bool {
            own?.contains(kind, name) == true || namespace?.contains(kind, name) == true
        }

        /// Whether either declaration names `kind` at all.
        func mentions(_ kind: ExternalReferences.Kind) -> Bool {
            own?.mentions(kind) == true || namespace?.mentions(kind) == true
        }
    }

    static func check(
        _ document: IndexedDocument, offset: Int, site: PodTemplateSite?, index: CrossResourceIndex,
        in context: ValidationContext
    ) {
        let manifest = document.manifest
        let own = ExternalReferences.declared(in: manifest.metadata.annotations)
        if let own, !own.malformed.isEmpty { reportMalformed(own, in: context) }
        checkScheduling(offset: offset, index: index, in: context)
        guard let namespace = document.namespace else { return }
        checkNamespace(document, namespace: namespace, index: index, in: context)
        let externals = Externals(own: own, namespace: index.namespaceExternals[namespace])
        if let workloadSite = site ?? index.replicationControllers[offset] {
            checkReferences(workloadSite, namespace: namespace, externals: externals, index: index, in: context)
        }
        guard let resource = manifest.resource else { return }
        switch ObjectIdentifier(type(of: resource)) {
        case ObjectIdentifier(Deployment.self):
            guard let deployment = resource as? Deployment else { return }
            checkReplicas(deployment.spec.replicas, kind: "Deployment", document: document, in: context)
        case ObjectIdentifier(StatefulSet.self):
            guard let statefulSet = resource as? StatefulSet else { return }
            checkReplicas(statefulSet.spec.replicas, kind: "StatefulSet", document: document, in: context)
        case ObjectIdentifier(Service.self):
            guard let service = resource as? Service else { return }
            checkService(service, namespace: namespace, index: index, in: context)
        case ObjectIdentifier(PodDisruptionBudget.self):
            guard let budget = resource as? PodDisruptionBudget else { return }
            checkBudget(budget, namespace: namespace, index: index, in: context)
        case ObjectIdentifier(NetworkPolicy.self):
            guard let policy = resource as? NetworkPolicy else { return }
            let selector = policy.spec?.podSelector ?? LabelSelector()
            checkSelector(
                selector, kind: "NetworkPolicy", path: ["spec", "podSelector"], namespace: namespace, index: index,
                in: context)
        case ObjectIdentifier(Ingress.self):
            guard let ingress = resource as? Ingress else { return }
            checkIngress(ingress, namespace: namespace, externals: externals, index: index, in: context)
        case ObjectIdentifier(HorizontalPodAutoscaler.self):
            guard let autoscaler = resource as? HorizontalPodAutoscaler else { return }
            checkAutoscalerTarget(autoscaler, namespace: namespace, index: index, in: context)
        case ObjectIdentifier(ResourceQuota.self):
            guard let quota = resource as? ResourceQuota else { return }
            checkQuota(quota, namespace: namespace, index: index, in: context)
        default:
            return
        }
    }

    // MARK: External references and namespaces

    private static func reportMalformed(_ declared: ExternalReferences, in context: ValidationContext) {
        let annotation = ValidationConfiguration.externalReferencesAnnotation
        context.withPath(["metadata", "annotations", .key(annotation)]) {
            for entry in declared.malformed {
                context.report(
                    .crossExternalReferenceSyntax,
                    "\"\(entry)\" in \(annotation) is not kind/name, so it declares nothing; write entries such as "
                        + "secret/db-credentials, configmap/flags, serviceaccount/deployer, pvc/data or service/api "
                        + "(a name of * covers every object of that kind)")
            }
        }
    }

    private static func checkNamespace(
        _ document: IndexedDocument, namespace: String, index: CrossResourceIndex, in context: ValidationContext
    ) {
        guard !index.namespaces.isEmpty, !index.namespaces.contains(namespace),
            !CrossResourceIndex.builtInNamespaces.contains(namespace)
        else { return }
        let known = index.sortedNamespaces
        let listed = known.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (known.count > 5 ? ", …" : "")
        let explicit = !(document.manifest.metadata.namespace ?? "").isEmpty
        context.withPath(explicit ? ["metadata", "namespace"] : ["metadata"]) {
            context.report(
                .crossNamespaceMissing,
                "namespace \"\(namespace)\" is not one of the Namespace objects in the input (\(listed)), so applying "
                    + "this \(document.manifest.kind) fails with \"namespaces \\\"\(namespace)\\\" not found\"; add a "
                    + "Namespace \"\(namespace)\" or correct metadata.namespace")
        }
    }

    // MARK: Pod template references

    private static func checkReferences(
        _ site: PodTemplateSite, namespace: String, externals: Externals, index: CrossResourceIndex,
        in context: ValidationContext
    ) {
        let spec = site.spec
        let base = site.specPath
        let reference = ReferenceCheck(namespace: namespace, externals: externals, index: index, context: context)
        if let account = spec.serviceAccountName.flatMap({ $0.isEmpty ? nil : $0 }) {
            reference.serviceAccount(account, at: base + ["serviceAccountName"])
        } else if let account = spec.serviceAccount.flatMap({ $0.isEmpty ? nil : $0 }) {
            reference.serviceAccount(account, at: base + ["serviceAccount"])
        }
        for (position, volume) in (spec.volumes ?? []).enumerated() {
            let volumePath = base + ["volumes", .index(position)]
            let use = "volume \"\(volume.name)\""
            if let source = volume.configMap, source.optional != true, let name = source.name, !name.isEmpty {
                reference.configMap(name, use: use, canBeOptional: true, at: volumePath + ["configMap", "name"])
            }
            if let source = volume.secret, source.optional != true, let name = source.secretName, !name.isEmpty {
                reference.secret(name, use: use, canBeOptional: true, at: volumePath + ["secret", "secretName"])
            }
            if let claim = volume.persistentVolumeClaim, !claim.claimName.isEmpty {
                reference.claim(claim.claimName, use: use, at: volumePath + ["persistentVolumeClaim", "claimName"])
            }
            for (offset, source) in (volume.projected?.sources ?? []).enumerated() {
                let sourcePath = volumePath + ["projected", "sources", .index(offset)]
                if let projection = source.configMap, projection.optional != true, let name = projection.name,
                    !name.isEmpty
                {
                    reference.configMap(name, use: use, canBeOptional: true, at: sourcePath + ["configMap", "name"])
                }
                if let projection = source.secret, projection.optional != true, let name = projection.name,
                    !name.isEmpty
                {
                    reference.secret(name, use: use, canBeOptional: true, at: sourcePath + ["secret", "name"])
                }
            }
        }
        for container in site.containers {
            let use = "container \"\(container.name)\""
            for (position, source) in container.envFrom.enumerated() {
                let sourcePath = base + container.path + ["envFrom", .index(position)]
                if let from = source.configMapRef, from.optional != true, let name = from.name, !name.isEmpty {
                    reference.configMap(name, use: use, canBeOptional: true, at: sourcePath + ["configMapRef", "name"])
                }
                if let from = source.secretRef, from.optional != true, let name = from.name, !name.isEmpty {
                    reference.secret(name, use: use, canBeOptional: true, at: sourcePath + ["secretRef", "name"])
                }
            }
            for (position, variable) in container.env.enumerated() {
                guard let source = variable.valueFrom else { continue }
                let sourcePath = base + container.path + ["env", .index(position), "valueFrom"]
                let variableUse = "\(use), variable \(variable.name)"
                if let key = source.configMapKeyRef, key.optional != true, let name = key.name, !name.isEmpty {
                    reference.configMap(
                        name, use: variableUse, canBeOptional: true, at: sourcePath + ["configMapKeyRef", "name"])
                }
                if let key = source.secretKeyRef, key.optional != true, let name = key.name, !name.isEmpty {
                    reference.secret(
                        name, use: variableUse, canBeOptional: true, at: sourcePath + ["secretKeyRef", "name"])
                }
            }
        }
        for (position, pullSecret) in (spec.imagePullSecrets ?? []).enumerated() {
            guard let name = pullSecret.name, !name.isEmpty else { continue }
            reference.secret(
                name, use: "imagePullSecrets", canBeOptional: false,
                at: base + ["imagePullSecrets", .index(position), "name"])
        }
    }

    /// Looks up one namespace's references and reports the missing ones.
    private struct ReferenceCheck {
        let namespace: String
        let externals: Externals
        let index: CrossResourceIndex
        let context: ValidationContext

        /// The ConfigMap the kubelet publishes in every namespace.
        static let rootCertificates = "kube-root-ca.crt"

        func serviceAccount(_ name: String, at path: [PathComponent]) {
            guard name != "default", !exists("ServiceAccount", name), !externals.contains(.serviceAccount, name)
            else { return }
            context.withPath(path) {
                context.report(
                    .crossServiceAccountMissing,
                    "ServiceAccount \"\(name)\" is not in the input for namespace \(namespace); without it the pods are "
                        + "refused (\"serviceaccount \\\"\(name)\\\" not found\"); add the ServiceAccount, correct the "
                        + "name, or declare it with \(declaration("serviceaccount", name))")
            }
        }

        func configMap(_ name: String, use: String, canBeOptional optional: Bool, at path: [PathComponent]) {
            guard name != Self.rootCertificates, !exists("ConfigMap", name), !externals.contains(.configMap, name)
            else { return }
            context.withPath(path) {
                context.report(
                    .crossConfigMapMissing,
                    "ConfigMap \"\(name)\" (\(use)) is not in the input for namespace \(namespace); the pods stay in "
                        + "ContainerCreating or CreateContainerConfigError until it exists; add it, "
                        + (optional ? "mark the reference optional: true if the pod can run without it, " : "")
                        + "or declare it with \(declaration("configmap", name))")
            }
        }

        func secret(_ name: String, use: String, canBeOptional optional: Bool, at path: [PathComponent]) {
            guard !exists("Secret", name), !externals.contains(.secret, name) else { return }
            let effect =
                optional
                ? "the pods stay in ContainerCreating or CreateContainerConfigError until it exists"
                : "image pulls from the private registry fail until it exists"
            context.withPath(path) {
                context.report(
                    .crossSecretMissing,
                    "Secret \"\(name)\" (\(use)) is not in the input for namespace \(namespace); \(effect); add it "
                        + "(or the object that creates it), "
                        + (optional ? "mark the reference optional: true if the pod can run without it, " : "")
                        + "or declare it with \(declaration("secret", name))")
            }
        }

        func claim(_ name: String, use: String, at path: [PathComponent]) {
            guard !exists("PersistentVolumeClaim", name), !index.isClaimTemplateClaim(name, namespace: namespace),
                !externals.contains(.persistentVolumeClaim, name)
            else { return }
            context.withPath(path) {
                context.report(
                    .crossPersistentVolumeClaimMissing,
                    "PersistentVolumeClaim \"\(name)\" (\(use)) is not in the input for namespace \(namespace); the "
                        + "pods stay Pending until it exists; add the claim (or a StatefulSet volumeClaimTemplate), "
                        + "correct claimName, or declare it with \(declaration("pvc", name))")
            }
        }

        private func exists(_ kind: String, _ name: String) -> Bool {
            index.objects.contains(TargetKey(namespace: namespace, kind: kind, name: name))
        }
    }

    static func declaration(_ kind: String, _ name: String) -> String {
        "\(ValidationConfiguration.externalReferencesAnnotation): \"\(kind)/\(name)\""
    }

    // MARK: Autoscaling

    private static func checkReplicas(
        _ replicas: Int32?, kind: String, document: IndexedDocument, in context: ValidationContext
    ) {
        guard let replicas, let namespace = document.namespace,
            let autoscaler = context.index.autoscalers[
                TargetKey(namespace: namespace, kind: kind, name: document.reference.name)]
        else { return }
        context.withPath(["spec", "replicas"]) {
            context.report(
                .crossHPAReplicasConflict,
                "HorizontalPodAutoscaler \"\(autoscaler.name)\" scales this \(kind) between \(autoscaler.minReplicas) "
                    + "and \(autoscaler.maxReplicas) replicas, but spec.replicas: \(replicas) is set too, so every apply "
                    + "resets the count to \(replicas) and the two fight; remove spec.replicas and let the HPA own it")
        }
    }

    private static func checkAutoscalerTarget(
        _ autoscaler: HorizontalPodAutoscaler, namespace: String, index: CrossResourceIndex,
        in context: ValidationContext
    ) {
        let target = autoscaler.spec.scaleTargetRef
        guard !target.name.isEmpty, !target.kind.isEmpty,
            !index.objects.contains(TargetKey(namespace: namespace, kind: target.kind, name: target.name))
        else { return }
        context.withPath(["spec", "scaleTargetRef", "name"]) {
            context.report(
                .crossHPATargetMissing,
                "scaleTargetRef names \(target.kind) \"\(target.name)\", which is not in the input for namespace "
                    + "\(namespace); the HPA scales nothing and reports FailedGetScale; correct the kind or name, or "
                    + "add the workload")
        }
    }

    // MARK: Selectors

    /// Label keys that controllers add to pods at runtime, so no pod template carries them.
    static let runtimeLabelKeys: Set<String> = [
        "pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name",
        "apps.kubernetes.io/pod-index", "job-name", "controller-uid", "batch.kubernetes.io/job-name",
        "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-completion-index",
    ]

    /// Whether a selector uses a label that only running pods have: templates cannot tell whether
    /// it matches, so the selector is not checked against them.
    static func usesRuntimeLabels(_ selector: LabelSelector?) -> Bool {
        guard let selector else { return false }
        for key in (selector.matchLabels ?? [:]).keys where runtimeLabelKeys.contains(key) { return true }
        for requirement in selector.matchExpressions ?? [] where runtimeLabelKeys.contains(requirement.key) {
            return true
        }
        return false
    }

    static func describe(_ selector: LabelSelector) -> String {
        var parts = (selector.matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for requirement in selector.matchExpressions ?? [] {
            let values = (requirement.values ?? []).joined(separator: ",")
            parts.append("\(requirement.key) \(requirement.operator.rawValue) (\(values))")
        }
        return parts.isEmpty ? "{}" : parts.joined(separator: ", ")
    }

    /// Reports a selector that matches no pod template, when the namespace has workloads in the input.
    @discardableResult
    private static func checkSelector(
        _ selector: LabelSelector, kind: String, path: [PathComponent], namespace: String, index: CrossResourceIndex,
        in context: ValidationContext
    ) -> Bool {
        guard let templates = index.podTemplates[namespace], !templates.workloads.isEmpty,
            !usesRuntimeLabels(selector)
        else { return true }
        if templates.anyMatches(selector) { return true }
        reportSelectsNothing(
            kind: kind, selector: describe(selector), path: path, namespace: namespace, workloads: templates.workloads,
            in: context)
        return false
    }

    static func reportSelectsNothing(
        kind: String, selector: String, path: [PathComponent], namespace: String, workloads: [WorkloadEntry],
        in context: ValidationContext
    ) {
        let effect: String
        switch kind {
        case "Service": effect = "it has no endpoints and connections to it fail"
        case "PodDisruptionBudget": effect = "it protects nothing during node drains"
        default: effect = "it isolates and allows nothing"
        }
        let examples = workloads.prefix(3).map { workload in
            let labels = workload.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(workload.title) has \(labels.isEmpty ? "no labels" : labels.joined(separator: ", "))"
        }
        context.withPath(path) {
            context.report(
                .crossSelectorMatchesNothing,
                "this \(kind)'s selector (\(selector)) selects nothing: none of the \(workloads.count) pod templates in "
                    + "namespace \(namespace) has those labels, so \(effect); make it match a workload's "
                    + "spec.template.metadata.labels (\(examples.joined(separator: "; ")))")
        }
    }

    private static func checkService(
        _ service: Service, namespace: String, index: CrossResourceIndex, in context: ValidationContext
    ) {
        // A Service without a selector has endpoints managed by someone else (or is ExternalName).
        guard let selector = service.spec?.selector, !selector.isEmpty else { return }
        checkSelector(
            LabelSelector(matchLabels: selector), kind: "Service", path: ["spec", "selector"], namespace: namespace,
            index: index, in: context)
    }

    // MARK: Ingress

    private static func checkIngress(
        _ ingress: Ingress, namespace: String, externals: Externals, index: CrossResourceIndex,
        in context: ValidationContext
    ) {
        guard let spec = ingress.spec else { return }
        checkTLSSecrets(ingress, namespace: namespace, externals: externals, index: index, in: context)
        if let backend = spec.defaultBackend?.service {
            checkBackend(
                backend, path: ["spec", "defaultBackend", "service"], namespace: namespace, externals: externals,
                index: index, in: context)
        }
        for (ruleOffset, rule) in (spec.rules ?? []).enumerated() {
            for (pathOffset, path) in (rule.http?.paths ?? []).enumerated() {
                guard let backend = path.backend.service else { continue }
                checkBackend(
                    backend,
                    path: [
                        "spec", "rules", .index(ruleOffset), "http", "paths", .index(pathOffset), "backend", "service",
                    ],
                    namespace: namespace, externals: externals, index: index, in: context)
            }
        }
    }

    private static func checkBackend(
        _ backend: IngressServiceBackend, path: [PathComponent], namespace: String, externals: Externals,
        index: CrossResourceIndex, in context: ValidationContext
    ) {
        guard !backend.name.isEmpty else { return }
        guard let ports = index.servicePorts[TargetKey(namespace: namespace, kind: "Service", name: backend.name)]
        else {
            guard !externals.contains(.service, backend.name) else { return }
            context.withPath(path + ["name"]) {
                context.report(
                    .crossIngressServiceMissing,
                    "Service \"\(backend.name)\" is not in the input for namespace \(namespace); requests routed here "
                        + "get 503 until it exists; add the Service, correct the name, or declare it with "
                        + declaration("service", backend.name))
            }
            return
        }
        guard !ports.isEmpty, let port = backend.port else { return }
        let available = ports.map { port in port.name.map { "\($0) (\(port.port))" } ?? "\(port.port)" }
            .joined(separator: ", ")
        if let number = port.number, !ports.contains(where: { $0.port == number }) {
            context.withPath(path + ["port", "number"]) {
                context.report(
                    .crossIngressServicePort,
                    "Service \"\(backend.name)\" has no port \(number) (its ports: \(available)), so this backend "
                        + "cannot route; use one of the Service's port numbers or names")
            }
        } else if let name = port.name, port.number == nil, !name.isEmpty, !ports.contains(where: { $0.name == name }) {
            context.withPath(path + ["port", "name"]) {
                context.report(
                    .crossIngressServicePort,
                    "Service \"\(backend.name)\" has no port named \"\(name)\" (its ports: \(available)), so this "
                        + "backend cannot route; use one of the Service's port names or numbers")
            }
        }
    }
}
