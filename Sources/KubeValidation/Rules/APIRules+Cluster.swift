import KubeModels

extension APIRules {
    // MARK: Storage

    /// `ValidatePersistentVolumeClaimSpec`.
    static func checkClaimSpec(_ spec: PersistentVolumeClaimSpec, in context: ValidationContext) {
        let modes = spec.accessModes ?? []
        if modes.isEmpty {
            context.report(
                .persistentVolumeClaim, "at least one access mode is required, such as ReadWriteOnce",
                at: ["accessModes"])
        }
        for (position, mode) in modes.enumerated() where !PersistentVolumeAccessMode.knownValues.contains(mode) {
            context.report(
                .enumValue,
                "access mode \"\(mode.rawValue)\" is not supported; use ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod",
                at: ["accessModes", .index(position)])
        }
        if modes.contains(where: { $0.rawValue == "ReadWriteOncePod" }) && modes.count > 1 {
            context.report(
                .persistentVolumeClaim, "ReadWriteOncePod cannot be combined with other access modes",
                at: ["accessModes"])
        }
        checkEnum(spec.volumeMode, known: PersistentVolumeMode.knownValues, field: "volumeMode", in: context)
        if let className = spec.storageClassName, !className.isEmpty,
            let problem = KubernetesSyntax.dns1123SubdomainProblem(className)
        {
            context.report(.persistentVolumeClaim, "storageClassName \(problem)", at: ["storageClassName"])
        }
        if let selector = spec.selector {
            context.field("selector") { checkLabelSelector(selector, in: context) }
        }
        context.field("resources") {
            let requests = spec.resources?.requests ?? [:]
            if let limits = spec.resources?.limits {
                context.field("limits") { checkQuantities(limits, in: context) }
            }
            context.field("requests") { checkQuantities(requests, in: context) }
            if let storage = requests["storage"] {
                if storage.isValid && storage <= 0 {
                    context.report(
                        .persistentVolumeClaim,
                        "the storage request is \(storage.description); it must be greater than zero",
                        at: ["requests", "storage"])
                }
            } else {
                context.report(
                    .persistentVolumeClaim, "resources.requests.storage is required, such as 10Gi", at: ["requests"])
            }
        }
    }

    /// `ValidatePersistentVolumeSpec`.
    static func checkPersistentVolume(_ volume: PersistentVolume, in context: ValidationContext) {
        guard let spec = volume.spec else {
            context.report(
                .persistentVolume, "a PersistentVolume needs a spec with capacity, accessModes and a volume source",
                at: ["spec"])
            return
        }
        context.field("spec") {
            let capacity = spec.capacity ?? [:]
            if capacity["storage"] == nil || capacity.count > 1 {
                context.report(
                    .persistentVolume, "capacity must contain exactly one entry, storage, such as 10Gi",
                    at: ["capacity"])
            }
            context.field("capacity") { checkQuantities(capacity, in: context) }
            if let storage = capacity["storage"], storage.isValid, storage <= 0 {
                context.report(
                    .persistentVolume, "storage capacity must be greater than zero", at: ["capacity", "storage"])
            }
            if (spec.accessModes ?? []).isEmpty {
                context.report(
                    .persistentVolume, "at least one access mode is required, such as ReadWriteOnce",
                    at: ["accessModes"])
            }
            checkEnum(
                spec.persistentVolumeReclaimPolicy, known: PersistentVolumeReclaimPolicy.knownValues,
                field: "persistentVolumeReclaimPolicy", in: context)
            checkEnum(spec.volumeMode, known: PersistentVolumeMode.knownValues, field: "volumeMode", in: context)
            var sources = 0
            let present: [Any?] = [
                spec.awsElasticBlockStore, spec.azureDisk, spec.azureFile, spec.cephfs, spec.cinder, spec.csi, spec.fc,
                spec.flexVolume, spec.flocker, spec.gcePersistentDisk, spec.glusterfs, spec.hostPath, spec.iscsi,
                spec.local, spec.nfs, spec.photonPersistentDisk, spec.portworxVolume, spec.quobyte, spec.rbd,
                spec.scaleIO, spec.storageos, spec.vsphereVolume,
            ]
            for source in present where source != nil { sources += 1 }
            if sources == 0 {
                context.report(.persistentVolume, "a PersistentVolume needs a volume source, such as csi, nfs or local")
            } else if sources > 1 {
                context.report(
                    .persistentVolume, "a PersistentVolume may specify only one volume source (it has \(sources))")
            }
            if spec.local != nil && spec.nodeAffinity?.required == nil {
                context.report(
                    .persistentVolume, "local volumes need nodeAffinity.required to pin them to a node",
                    at: ["nodeAffinity"])
            }
            if let className = spec.storageClassName, !className.isEmpty,
                let problem = KubernetesSyntax.dns1123SubdomainProblem(className)
            {
                context.report(.persistentVolume, "storageClassName \(problem)", at: ["storageClassName"])
            }
        }
    }

    /// `ValidateStorageClass`.
    static func checkStorageClass(_ storageClass: StorageClass, in context: ValidationContext) {
        if storageClass.provisioner.isEmpty {
            context.report(.storageClass, "provisioner is required, such as ebs.csi.aws.com", at: ["provisioner"])
        } else if let problem = KubernetesSyntax.qualifiedNameProblem(storageClass.provisioner.lowercased()) {
            context.report(.storageClass, "provisioner \(problem)", at: ["provisioner"])
        }
        if let policy = storageClass.reclaimPolicy?.rawValue, policy != "Delete" && policy != "Retain" {
            context.report(
                .storageClass, "reclaimPolicy \"\(policy)\" is not supported; use Delete or Retain",
                at: ["reclaimPolicy"])
        }
        checkEnum(
            storageClass.volumeBindingMode, known: VolumeBindingMode.knownValues, field: "volumeBindingMode",
            in: context)
        var size = 0
        for (key, value) in storageClass.parameters ?? [:] {
            size += key.utf8.count + value.utf8.count
            if key.isEmpty { context.report(.storageClass, "parameter names must not be empty", at: ["parameters"]) }
        }
        if size > 256 * 1024 {
            context.report(
                .storageClass, "parameters take \(size) bytes; at most 262144 (256 KiB) are allowed", at: ["parameters"]
            )
        }
    }

    // MARK: Scheduling and policy objects

    /// `ValidatePriorityClass`.
    static func checkPriorityClass(_ priorityClass: PriorityClass, in context: ValidationContext) {
        let name = priorityClass.name
        let systemClasses: [String: Int32] = [
            "system-node-critical": 2_000_001_000, "system-cluster-critical": 2_000_000_000,
        ]
        if name.hasPrefix("system-") {
            if let value = systemClasses[name] {
                if priorityClass.value != value {
                    context.report(
                        .priorityClass, "the system class \(name) must have value \(value)", at: ["value"])
                }
            } else {
                context.report(
                    .priorityClass,
                    "names starting with 'system-' are reserved for the built-in system classes; rename it",
                    at: ["metadata", "name"])
            }
        } else if let value = priorityClass.value, value > 1_000_000_000 {
            context.report(
                .priorityClass, "value is \(value); user-defined priority classes allow at most 1000000000",
                at: ["value"])
        }
        checkEnum(
            priorityClass.preemptionPolicy, known: PreemptionPolicy.knownValues, field: "preemptionPolicy", in: context)
    }

    /// `ValidateResourceQuota`: quantities, names and scopes.
    static func checkResourceQuota(_ quota: ResourceQuota, in context: ValidationContext) {
        guard let spec = quota.spec else { return }
        context.field("spec") {
            if let hard = spec.hard {
                context.field("hard") {
                    checkQuantities(hard, in: context)
                    for name in hard.keys {
                        if let problem = KubernetesSyntax.qualifiedNameProblem(name) {
                            context.report(.resourceName, "resource name \(problem)", at: [.key(name)])
                        }
                    }
                }
            }
            for (position, scope) in (spec.scopes ?? []).enumerated()
            where !ResourceQuotaScope.knownValues.contains(scope) {
                context.report(
                    .enumValue,
                    "scope \"\(scope.rawValue)\" is not supported; use one of "
                        + ResourceQuotaScope.knownValues.map(\.rawValue).joined(separator: ", "),
                    at: ["scopes", .index(position)])
            }
        }
    }

    /// `ValidateLimitRange`: min ≤ defaultRequest ≤ default ≤ max for every resource.
    static func checkLimitRange(_ limitRange: LimitRange, in context: ValidationContext) {
        guard let spec = limitRange.spec else { return }
        context.field("spec") {
            for (position, item) in spec.limits.enumerated() {
                context.field("limits") {
                    context.index(position) { checkLimitRangeItem(item, in: context) }
                }
            }
        }
    }

    static func checkLimitRangeItem(_ item: LimitRangeItem, in context: ValidationContext) {
        checkEnum(item.type, known: LimitType.knownValues, field: "type", in: context)
        let maps: [(String, [String: Quantity]?)] = [
            ("min", item.min), ("max", item.max), ("default", item.default), ("defaultRequest", item.defaultRequest),
            ("maxLimitRequestRatio", item.maxLimitRequestRatio),
        ]
        for (field, map) in maps {
            context.field(field) { checkQuantities(map, in: context) }
        }
        if item.type.rawValue == "Pod" && (item.default != nil || item.defaultRequest != nil) {
            context.report(.limitRange, "default and defaultRequest are not allowed for type Pod")
        }
        var names = Set<String>()
        for (_, map) in maps { names.formUnion((map ?? [:]).keys) }
        func value(_ map: [String: Quantity]?, _ name: String) -> Quantity? {
            guard let quantity = map?[name], quantity.isValid else { return nil }
            return quantity
        }
        for name in names.sorted() {
            let minimum = value(item.min, name)
            let maximum = value(item.max, name)
            let limit = value(item.default, name)
            let request = value(item.defaultRequest, name)
            let pairs: [(String, Quantity?, String, Quantity?)] = [
                ("min", minimum, "max", maximum), ("min", minimum, "defaultRequest", request),
                ("defaultRequest", request, "default", limit), ("default", limit, "max", maximum),
                ("defaultRequest", request, "max", maximum), ("min", minimum, "default", limit),
            ]
            for (lowName, low, highName, high) in pairs {
                if let low, let high, low > high {
                    context.report(
                        .limitRange,
                        "\(name): \(lowName) (\(low.description)) must not exceed \(highName) (\(high.description))",
                        at: [.field(highName), .key(name)])
                }
            }
            if let ratio = value(item.maxLimitRequestRatio, name), ratio < 1 {
                context.report(
                    .limitRange, "\(name): maxLimitRequestRatio must be at least 1",
                    at: ["maxLimitRequestRatio", .key(name)])
            }
        }
    }

    // MARK: Namespace

    /// Namespace finalizers and the Pod Security labels (the admission plugin rejects bad ones).
    static func checkNamespace(_ namespace: Namespace, in context: ValidationContext) {
        for (position, finalizer) in (namespace.spec?.finalizers ?? []).enumerated() {
            if let problem = KubernetesSyntax.qualifiedNameProblem(finalizer) {
                context.report(.fieldFormat, "finalizer \(problem)", at: ["spec", "finalizers", .index(position)])
            }
        }
        let labels = namespace.metadata.labels ?? [:]
        for mode in PodSecurityMode.allCases {
            if let level = labels[mode.levelLabel], PodSecurityLevel(rawValue: level) == nil {
                context.report(
                    .podSecurityLabel,
                    "\(mode.levelLabel) is \"\(level)\"; use privileged, baseline or restricted"
                        + enumHint(level, known: ["privileged", "baseline", "restricted"]),
                    at: ["metadata", "labels", .key(mode.levelLabel)])
            }
            if let version = labels[mode.versionLabel], PodSecurityVersion(label: version) == nil {
                context.report(
                    .podSecurityLabel, "\(mode.versionLabel) is \"\(version)\"; use latest or a version such as v1.30",
                    at: ["metadata", "labels", .key(mode.versionLabel)])
            }
        }
    }

    // MARK: CustomResourceDefinition

    /// The core of `ValidateCustomResourceDefinition`: names, group, scope and versions.
    static func checkCustomResourceDefinition(_ definition: CustomResourceDefinition, in context: ValidationContext) {
        let spec = definition.spec
        let expected = "\(spec.names.plural).\(spec.group)"
        if definition.name != expected {
            context.report(
                .customResourceDefinition, "a CRD must be named <plural>.<group>, here \"\(expected)\"",
                at: ["metadata", "name"])
        }
        context.field("spec") {
            if let problem = KubernetesSyntax.dns1123SubdomainProblem(spec.group) {
                context.report(.customResourceDefinition, "group \(problem)", at: ["group"])
            } else if !spec.group.containsByte(UInt8(ascii: ".")) {
                context.report(
                    .customResourceDefinition, "group must contain at least one dot, such as example.com", at: ["group"]
                )
            }
            if spec.scope.rawValue != "Namespaced" && spec.scope.rawValue != "Cluster" {
                context.report(
                    .customResourceDefinition,
                    "scope \"\(spec.scope.rawValue)\" is not supported; use Namespaced or Cluster", at: ["scope"])
            }
            context.field("names") {
                if let problem = KubernetesSyntax.dns1035LabelProblem(spec.names.plural) {
                    context.report(.customResourceDefinition, "plural \(problem)", at: ["plural"])
                }
                if let singular = spec.names.singular, !singular.isEmpty,
                    let problem = KubernetesSyntax.dns1035LabelProblem(singular)
                {
                    context.report(.customResourceDefinition, "singular \(problem)", at: ["singular"])
                }
                if spec.names.kind.isEmpty {
                    context.report(.customResourceDefinition, "names.kind is required", at: ["kind"])
                }
                if let listKind = spec.names.listKind, listKind == spec.names.kind {
                    context.report(.customResourceDefinition, "listKind must differ from kind", at: ["listKind"])
                }
            }
            let versions = spec.versions
            if versions.isEmpty {
                context.report(.customResourceDefinition, "a CRD needs at least one version", at: ["versions"])
            }
            let storage = versions.filter(\.storage).count
            if !versions.isEmpty && storage != 1 {
                context.report(
                    .customResourceDefinition, "exactly one version must have storage: true (found \(storage))",
                    at: ["versions"])
            }
            var names = Set<String>()
            for (position, version) in versions.enumerated() {
                if let problem = KubernetesSyntax.dns1035LabelProblem(version.name) {
                    context.report(
                        .customResourceDefinition, "version name \(problem)",
                        at: ["versions", .index(position), "name"])
                }
                if !names.insert(version.name).inserted {
                    context.report(
                        .customResourceDefinition, "version \(version.name) is listed twice",
                        at: ["versions", .index(position), "name"])
                }
            }
        }
    }
}
