import KubeFlux
import KubeModels

/// The checks of the Flux CRDs (kustomize-controller v1, helm-controller v2, source-controller v1):
/// their schemas and `x-kubernetes-validations` rules, plus the dependency graph across the input
/// (`dependsOn` targets exist and form no cycle; sources named by `sourceRef` exist).
enum FluxRules {
    static func check(
        _ object: EcosystemObject, document: IndexedDocument, index: EcosystemIndex, in context: ValidationContext
    ) {
        let namespace = document.namespace ?? "default"
        let key = FluxKey(kind: document.manifest.kind, namespace: namespace, name: document.reference.name)
        switch object {
        case .kustomization(let value):
            guard let spec = value.spec else { return }
            context.field("spec") { checkKustomization(spec, key: key, index: index, in: context) }
        case .helmRelease(let value):
            guard let spec = value.spec else { return }
            context.field("spec") { checkHelmRelease(spec, key: key, index: index, in: context) }
        case .gitRepository(let value):
            guard let spec = value.spec else { return }
            context.field("spec") { checkGitRepository(spec, in: context) }
        case .helmRepository(let value):
            guard let spec = value.spec else { return }
            context.field("spec") {
                if let interval = spec.interval { checkDuration(interval, field: "interval", in: context) }
                if let timeout = spec.timeout {
                    checkDuration(timeout, field: "timeout", allowsHours: false, in: context)
                }
                checkURL(spec.url, schemes: ["http", "https", "oci"], in: context)
                if spec.type?.rawValue == "oci" && !spec.url.hasPrefix("oci://") {
                    context.report(
                        .fluxFieldFormat, "a HelmRepository of type oci needs an oci:// url, not \"\(spec.url)\"",
                        at: ["url"])
                }
                checkEnum(
                    spec.provider?.rawValue, field: "provider", known: ["generic", "aws", "azure", "gcp"], in: context)
                checkEnum(spec.type?.rawValue, field: "type", known: ["default", "oci"], in: context)
            }
        case .ociRepository(let value):
            guard let spec = value.spec else { return }
            context.field("spec") {
                checkDuration(spec.interval, field: "interval", in: context)
                if let timeout = spec.timeout {
                    checkDuration(timeout, field: "timeout", allowsHours: false, in: context)
                }
                checkURL(spec.url, schemes: ["oci"], in: context)
                checkEnum(
                    spec.provider?.rawValue, field: "provider", known: ["generic", "aws", "azure", "gcp"], in: context)
            }
        default:
            return
        }
    }

    // MARK: Field checks

    static func checkDuration(_ text: String, field: String, allowsHours: Bool = true, in context: ValidationContext) {
        let valid =
            allowsHours
            ? text.wholeMatch(of: #/([0-9]+(\.[0-9]+)?(ms|s|m|h))+/#) != nil
            : text.wholeMatch(of: #/([0-9]+(\.[0-9]+)?(ms|s|m))+/#) != nil
        guard !valid else { return }
        let units = allowsHours ? "ms, s, m or h" : "ms, s or m (no hours)"
        context.report(
            .fluxFieldFormat,
            "\(field) \"\(text)\" is not a duration; write numbers with units \(units), such as 30s, 5m or 1m30s",
            at: [.field(field)])
    }

    static func checkURL(_ url: String, schemes: [String], in context: ValidationContext) {
        guard !schemes.contains(where: { url.hasPrefix("\($0)://") }) else { return }
        var hint = ""
        if url.hasPrefix("git@"), let colon = url.firstIndex(of: ":") {
            let host = url[url.index(url.startIndex, offsetBy: 4)..<colon]
            hint = " (scp-style addresses are not accepted; write ssh://git@\(host)/\(url[url.index(after: colon)...]))"
        }
        context.report(
            .fluxFieldFormat,
            "url \"\(url)\" must start with \(schemes.map { "\($0)://" }.joined(separator: " or "))\(hint)",
            at: ["url"])
    }

    static func checkLength(_ value: String?, field: String, maximum: Int, in context: ValidationContext) {
        guard let value else { return }
        if value.isEmpty || value.count > maximum {
            context.report(
                .fluxFieldFormat, "\(field) must be 1 to \(maximum) characters long; \"\(value)\" has \(value.count)",
                at: [.field(field)])
        }
    }

    static func checkEnum(_ value: String?, field: String, known: [String], in context: ValidationContext) {
        guard let value, !known.contains(value) else { return }
        context.report(
            .fluxEnum,
            "\(field) \"\(value)\" is not supported; use one of \(known.joined(separator: ", "))"
                + APIRules.enumHint(value, known: known),
            at: [.field(field)])
    }

    static func checkKubeConfig(hasConfigMap: Bool, hasSecret: Bool, in context: ValidationContext) {
        guard hasConfigMap == hasSecret else { return }
        context.report(
            .fluxKubeConfig,
            hasSecret
                ? "kubeConfig sets both secretRef and configMapRef; keep exactly one of them"
                : "kubeConfig names no kubeconfig; set secretRef (a Secret with the kubeconfig) or configMapRef",
            at: ["kubeConfig"])
    }

    // MARK: Kustomization

    static let kustomizationSourceKinds = ["OCIRepository", "GitRepository", "Bucket", "ExternalArtifact"]

    static func checkKustomization(
        _ spec: Kustomization.Spec, key: FluxKey, index: EcosystemIndex, in context: ValidationContext
    ) {
        checkDuration(spec.interval, field: "interval", in: context)
        if let value = spec.retryInterval { checkDuration(value, field: "retryInterval", in: context) }
        if let value = spec.timeout { checkDuration(value, field: "timeout", in: context) }
        checkLength(spec.targetNamespace, field: "targetNamespace", maximum: 63, in: context)
        checkLength(spec.namePrefix, field: "namePrefix", maximum: 200, in: context)
        checkLength(spec.nameSuffix, field: "nameSuffix", maximum: 200, in: context)
        checkEnum(
            spec.deletionPolicy?.rawValue, field: "deletionPolicy",
            known: ["MirrorPrune", "Delete", "WaitForTermination", "Orphan"], in: context)
        if let kubeConfig = spec.kubeConfig {
            checkKubeConfig(
                hasConfigMap: kubeConfig.configMapRef != nil, hasSecret: kubeConfig.secretRef != nil, in: context)
        }
        let source = spec.sourceRef
        context.field("sourceRef") {
            checkSourceRef(
                kind: source.kind.rawValue, name: source.name, namespace: source.namespace ?? key.namespace,
                allowed: kustomizationSourceKinds, owner: "a Kustomization", index: index, in: context)
        }
        checkDependsOn(
            spec.dependsOn?.map { ($0.name, $0.namespace) } ?? [], key: key, index: index, in: context)
    }

    static func checkSourceRef(
        kind: String, name: String, namespace: String, allowed: [String], owner: String, index: EcosystemIndex,
        in context: ValidationContext
    ) {
        guard allowed.contains(kind) else {
            context.report(
                .fluxSourceRefKind,
                "\(owner) cannot read from a \(kind); use one of \(allowed.joined(separator: ", "))"
                    + APIRules.enumHint(kind, known: allowed),
                at: ["kind"])
            return
        }
        if kind != "ExternalArtifact"
            && !index.fluxObjects.contains(FluxKey(kind: kind, namespace: namespace, name: name))
        {
            context.report(
                .fluxSourceMissing,
                "no \(kind) \(namespace)/\(name) is in the input; add it or make sure it exists in the cluster, or Flux "
                    + "will report the source as not found",
                at: ["name"])
        }
    }

    static func checkDependsOn(
        _ dependencies: [(name: String, namespace: String?)], key: FluxKey, index: EcosystemIndex,
        in context: ValidationContext
    ) {
        for (position, dependency) in dependencies.enumerated() {
            let target = FluxKey(
                kind: key.kind, namespace: dependency.namespace ?? key.namespace, name: dependency.name)
            if !index.fluxObjects.contains(target) {
                context.report(
                    .fluxDependsOnMissing,
                    "no \(key.kind) \(target) is in the input; Flux waits for it to be ready before reconciling this one, "
                        + "so add it or fix the name",
                    at: ["dependsOn", .index(position)])
            }
        }
        if let cycle = index.cycles[key] {
            let path = (cycle + [key]).map(\.description).joined(separator: " -> ")
            context.report(
                .fluxDependsOnCycle,
                "dependsOn forms a cycle (\(path)), so none of these \(key.kind)s can become ready; remove one of the "
                    + "dependencies to break it",
                at: ["dependsOn"])
        }
    }

    // MARK: HelmRelease

    static func checkHelmRelease(
        _ spec: HelmRelease.Spec, key: FluxKey, index: EcosystemIndex, in context: ValidationContext
    ) {
        checkDuration(spec.interval, field: "interval", in: context)
        if let value = spec.timeout { checkDuration(value, field: "timeout", in: context) }
        checkLength(spec.releaseName, field: "releaseName", maximum: 53, in: context)
        checkLength(spec.targetNamespace, field: "targetNamespace", maximum: 63, in: context)
        checkLength(spec.storageNamespace, field: "storageNamespace", maximum: 63, in: context)
        switch (spec.chart, spec.chartRef) {
        case (nil, nil):
            context.report(
                .fluxHelmReleaseChart,
                "a HelmRelease needs a chart: set spec.chart (chart name and a HelmRepository, GitRepository or Bucket "
                    + "source) or spec.chartRef (an OCIRepository or HelmChart)")
        case (.some, .some):
            context.report(
                .fluxHelmReleaseChart, "spec.chart and spec.chartRef are both set; keep exactly one of them")
        default:
            break
        }
        if let chart = spec.chart {
            let source = chart.spec.sourceRef
            context.withPath(context.path + ["chart", "spec"]) {
                checkLength(chart.spec.chart, field: "chart", maximum: 2048, in: context)
                context.field("sourceRef") {
                    checkLength(source.name, field: "name", maximum: 253, in: context)
                    checkLength(source.namespace, field: "namespace", maximum: 63, in: context)
                }
            }
            context.withPath(context.path + ["chart", "spec", "sourceRef"]) {
                checkSourceRef(
                    kind: source.kind.rawValue, name: source.name, namespace: source.namespace ?? key.namespace,
                    allowed: ["HelmRepository", "GitRepository", "Bucket"], owner: "spec.chart", index: index,
                    in: context)
            }
            if let interval = chart.spec.interval {
                context.withPath(context.path + ["chart", "spec"]) {
                    checkDuration(interval, field: "interval", in: context)
                }
            }
        }
        if let ref = spec.chartRef {
            context.field("chartRef") {
                checkSourceRef(
                    kind: ref.kind.rawValue, name: ref.name, namespace: ref.namespace ?? key.namespace,
                    allowed: ["OCIRepository", "HelmChart", "ExternalArtifact"], owner: "spec.chartRef", index: index,
                    in: context)
            }
        }
        let crds = ["Skip", "Create", "CreateReplace"]
        if let install = spec.install {
            context.field("install") { checkEnum(install.crds?.rawValue, field: "crds", known: crds, in: context) }
        }
        if let upgrade = spec.upgrade {
            context.field("upgrade") {
                checkEnum(upgrade.crds?.rawValue, field: "crds", known: crds, in: context)
                if let strategy = upgrade.remediation?.strategy?.rawValue {
                    context.field("remediation") {
                        checkEnum(strategy, field: "strategy", known: ["rollback", "uninstall"], in: context)
                    }
                }
            }
        }
        if let ref = spec.chartRef {
            context.field("chartRef") {
                checkLength(ref.name, field: "name", maximum: 253, in: context)
                checkLength(ref.namespace, field: "namespace", maximum: 63, in: context)
            }
        }
        if let strategy = spec.install?.strategy {
            context.withPath(context.path + ["install", "strategy"]) {
                checkStrategy(name: strategy.name.rawValue, retryInterval: strategy.retryInterval, in: context)
            }
        }
        if let strategy = spec.upgrade?.strategy {
            context.withPath(context.path + ["upgrade", "strategy"]) {
                checkStrategy(name: strategy.name.rawValue, retryInterval: strategy.retryInterval, in: context)
            }
        }
        if let kubeConfig = spec.kubeConfig {
            checkKubeConfig(
                hasConfigMap: kubeConfig.configMapRef != nil, hasSecret: kubeConfig.secretRef != nil, in: context)
        }
        checkDependsOn(
            spec.dependsOn?.map { ($0.name, $0.namespace) } ?? [], key: key, index: index, in: context)
    }

    static func checkStrategy(name: String, retryInterval: String?, in context: ValidationContext) {
        checkEnum(name, field: "name", known: ["RemediateOnFailure", "RetryOnFailure"], in: context)
        guard let retryInterval else { return }
        checkDuration(retryInterval, field: "retryInterval", in: context)
        if name != "RetryOnFailure" {
            context.report(
                .fluxRetryInterval,
                "retryInterval only applies to the RetryOnFailure strategy, but name is \(name); set name: RetryOnFailure "
                    + "or remove retryInterval",
                at: ["retryInterval"])
        }
    }

    // MARK: GitRepository

    static func checkGitRepository(_ spec: GitRepository.Spec, in context: ValidationContext) {
        checkDuration(spec.interval, field: "interval", in: context)
        if let timeout = spec.timeout { checkDuration(timeout, field: "timeout", allowsHours: false, in: context) }
        checkURL(spec.url, schemes: ["http", "https", "ssh"], in: context)
        let provider = spec.provider?.rawValue
        checkEnum(provider, field: "provider", known: ["generic", "aws", "azure", "github"], in: context)
        if spec.serviceAccountName != nil && provider != "aws" && provider != "azure" {
            context.report(
                .fluxGitServiceAccount,
                "serviceAccountName is only used for aws or azure authentication; set provider: aws (or azure) or remove "
                    + "serviceAccountName",
                at: ["serviceAccountName"])
        }
    }
}
