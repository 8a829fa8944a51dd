import KubeAWS
import KubeModels

extension KarpenterRules {
    /// The alias families and the amiFamily each one implies.
    static let aliasFamilies: [(alias: String, family: String)] = [
        ("al2", "AL2"), ("al2023", "AL2023"), ("bottlerocket", "Bottlerocket"), ("windows2019", "Windows2019"),
        ("windows2022", "Windows2022"), ("windows2025", "Windows2025"),
    ]

    static func checkNodeClass(_ spec: EC2NodeClass.Spec, in context: ValidationContext) {
        checkRole(spec, in: context)
        checkAMIFamily(spec, in: context)
        context.field("amiSelectorTerms") { checkAMITerms(spec.amiSelectorTerms, in: context) }
        context.field("subnetSelectorTerms") {
            checkSelectorTerms(
                spec.subnetSelectorTerms.map { (id: $0.id, name: String?.none, tags: $0.tags) }, what: "subnet",
                fields: "tags or id", example: "subnet-0123456789abcdef0",
                isID: { $0.firstMatch(of: #/subnet-[0-9a-z]+/#) != nil }, in: context)
        }
        context.field("securityGroupSelectorTerms") {
            checkSelectorTerms(
                spec.securityGroupSelectorTerms.map { (id: $0.id, name: $0.name, tags: $0.tags) },
                what: "security group", fields: "tags, id or name", example: "sg-0123456789abcdef0",
                isID: { $0.firstMatch(of: #/sg-[0-9a-z]+/#) != nil }, in: context)
        }
        if let terms = spec.capacityReservationSelectorTerms {
            context.field("capacityReservationSelectorTerms") { checkCapacityReservationTerms(terms, in: context) }
        }
        if let selector = spec.placementGroupSelector {
            if selector.name == nil && selector.id == nil {
                context.report(
                    .karpenterNodeClassSelectorTerms,
                    "placementGroupSelector selects nothing; set name or id", at: ["placementGroupSelector"])
            } else if let id = selector.id, id.wholeMatch(of: #/pg-[0-9a-z]+/#) == nil {
                context.report(
                    .karpenterFieldFormat, "id \"\(id)\" is not a placement group id such as pg-0123456789abcdef0",
                    at: ["placementGroupSelector", "id"])
            }
            if selector.name != nil && selector.id != nil {
                context.report(
                    .karpenterNodeClassSelectorTerms,
                    "placementGroupSelector sets both name and id; keep one of them", at: ["placementGroupSelector"])
            }
        }
        if let tags = spec.tags { context.field("tags") { checkResourceTags(tags, in: context) } }
        if let mappings = spec.blockDeviceMappings {
            context.field("blockDeviceMappings") { checkBlockDevices(mappings, in: context) }
        }
        if let kubelet = spec.kubelet { context.field("kubelet") { checkKubelet(kubelet, in: context) } }
        if let tracking = spec.connectionTracking, tracking.tcpEstablishedTimeout == nil,
            tracking.udpStreamTimeout == nil, tracking.udpTimeout == nil
        {
            context.report(
                .karpenterNodeClassNetwork,
                "connectionTracking sets no timeout; set at least one of tcpEstablishedTimeout, udpStreamTimeout or udpTimeout, or remove it",
                at: ["connectionTracking"])
        }
        if let interfaces = spec.networkInterfaces {
            context.field("networkInterfaces") { checkNetworkInterfaces(interfaces, in: context) }
        }
        if let options = spec.metadataOptions {
            context.field("metadataOptions") { checkMetadataOptions(options, in: context) }
        }
    }

    static func checkMetadataOptions(_ options: EC2NodeClass.Spec.MetadataOptions, in context: ValidationContext) {
        if let hops = options.httpPutResponseHopLimit, !(1...64).contains(hops) {
            context.report(
                .karpenterFieldRange, "httpPutResponseHopLimit is \(hops); use 1 to 64", at: ["httpPutResponseHopLimit"]
            )
        }
        let switches = ["enabled", "disabled"]
        enumValue(options.httpEndpoint?.rawValue, field: "httpEndpoint", known: switches, in: context)
        enumValue(options.httpProtocolIPv6?.rawValue, field: "httpProtocolIPv6", known: switches, in: context)
        enumValue(options.httpTokens?.rawValue, field: "httpTokens", known: ["required", "optional"], in: context)
    }

    /// A schema enumeration: reports a value outside `known`.
    static func enumValue(_ value: String?, field: String, known: [String], in context: ValidationContext) {
        guard let value, !known.contains(value) else { return }
        context.report(
            .karpenterEnum,
            "\(field) \"\(value)\" is not supported; use one of \(known.joined(separator: ", "))"
                + APIRules.enumHint(value, known: known),
            at: [.field(field)])
    }

    /// The quantity pattern of the CRD's string quantities (kubelet reservations).
    static func isQuantityPattern(_ text: String) -> Bool {
        text.wholeMatch(
            of:
                #/(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?/#
        ) != nil
    }

    /// The eviction threshold pattern: a percentage, a quantity, or empty.
    static func isEvictionThreshold(_ text: String) -> Bool {
        text.isEmpty || text.wholeMatch(of: #/(\d{1,2}(\.\d{1,2})?|100(\.0{1,2})?)%/#) != nil || isQuantityPattern(text)
    }

    static func checkRole(_ spec: EC2NodeClass.Spec, in context: ValidationContext) {
        switch (spec.role, spec.instanceProfile) {
        case (nil, nil):
            context.report(
                .karpenterNodeClassRole,
                "set exactly one of role (the IAM role Karpenter builds an instance profile for) and instanceProfile")
        case (.some, .some):
            context.report(
                .karpenterNodeClassRole, "role and instanceProfile are both set; keep exactly one of them")
        default:
            break
        }
        if spec.role == "" {
            context.report(.karpenterNodeClassRole, "role cannot be empty; name the node IAM role", at: ["role"])
        }
        if spec.instanceProfile == "" {
            context.report(
                .karpenterNodeClassRole, "instanceProfile cannot be empty; name an instance profile",
                at: ["instanceProfile"])
        }
    }

    static func aliasFamily(_ alias: String) -> String {
        guard let at = alias.firstIndex(of: "@") else { return alias }
        return String(alias[..<at])
    }

    static func checkAMIFamily(_ spec: EC2NodeClass.Spec, in context: ValidationContext) {
        let aliases = spec.amiSelectorTerms.compactMap(\.alias)
        guard let family = spec.amiFamily?.rawValue else {
            if aliases.isEmpty {
                context.report(
                    .karpenterNodeClassAMIFamily,
                    "amiFamily is required when no amiSelectorTerm uses an alias; set amiFamily (AL2023, Bottlerocket, "
                        + "Custom ...) or select the AMI with an alias such as al2023@latest")
            }
            return
        }
        let known = ["AL2", "AL2023", "Bottlerocket", "Custom", "Windows2019", "Windows2022", "Windows2025"]
        if !known.contains(family) {
            context.report(
                .karpenterEnum,
                "amiFamily \"\(family)\" is not supported; use one of \(known.joined(separator: ", "))"
                    + APIRules.enumHint(family, known: known),
                at: ["amiFamily"])
        }
        for (alias, expected) in aliasFamilies where aliases.contains(where: { aliasFamily($0) == alias }) {
            if family != "Custom" && family != expected {
                context.report(
                    .karpenterNodeClassAMIFamily,
                    "amiFamily is \(family) but the \(alias) alias selects \(expected) AMIs; set amiFamily to \(expected) "
                        + "or Custom, or remove amiFamily (the alias implies it)",
                    at: ["amiFamily"])
            }
        }
    }

    static func checkAMITerms(_ terms: [EC2NodeClass.Spec.AmiSelectorTerm], in context: ValidationContext) {
        if terms.isEmpty {
            context.report(
                .karpenterNodeClassAMITerms, "amiSelectorTerms needs at least one term, such as alias: al2023@latest")
        }
        if terms.count > 30 {
            context.report(.karpenterFieldRange, "\(terms.count) amiSelectorTerms are listed; at most 30 are allowed")
        }
        let hasAlias = terms.contains { $0.alias != nil }
        if hasAlias && terms.count != 1 {
            context.report(
                .karpenterNodeClassAMITerms,
                "a term with alias must be the only amiSelectorTerm; remove the other \(terms.count - 1) term(s) or the alias"
            )
        }
        for (position, term) in terms.enumerated() {
            context.index(position) {
                if term.tags == nil && term.id == nil && term.name == nil && term.alias == nil
                    && term.ssmParameter == nil
                {
                    context.report(
                        .karpenterNodeClassAMITerms,
                        "this term selects nothing; set one of tags, id, name, alias or ssmParameter")
                }
                if term.id != nil && (term.alias != nil || term.tags != nil || term.name != nil || term.owner != nil) {
                    context.report(
                        .karpenterNodeClassAMITerms,
                        "id selects one AMI and cannot be combined with alias, tags, name or owner; split them into separate terms",
                        at: ["id"])
                }
                if term.alias != nil && (term.id != nil || term.tags != nil || term.name != nil || term.owner != nil) {
                    context.report(
                        .karpenterNodeClassAMITerms,
                        "alias cannot be combined with id, tags, name or owner in a term; keep only alias",
                        at: ["alias"])
                }
                if let id = term.id, id.firstMatch(of: #/ami-[0-9a-z]+/#) == nil {
                    context.report(
                        .karpenterFieldFormat, "id \"\(id)\" is not an AMI id such as ami-0123456789abcdef0", at: ["id"]
                    )
                }
                if let alias = term.alias { checkAlias(alias, in: context) }
                if let tags = term.tags { context.field("tags") { checkSelectorTags(tags, in: context) } }
            }
        }
    }

    static func checkAlias(_ alias: String, in context: ValidationContext) {
        let families = aliasFamilies.map(\.alias)
        if alias.count > 30 {
            context.report(.karpenterFieldFormat, "alias \"\(alias)\" is longer than 30 characters", at: ["alias"])
        }
        if alias.wholeMatch(of: #/[a-zA-Z0-9]+@.+/#) == nil {
            context.report(
                .karpenterNodeClassAMITerms,
                "alias \"\(alias)\" is not in the form family@version; write for example al2023@latest or bottlerocket@v1.30.0",
                at: ["alias"])
        }
        let parts = alias.split(separator: "@", omittingEmptySubsequences: false)
        let family = parts.first.map(String.init) ?? ""
        if !families.contains(family) {
            context.report(
                .karpenterNodeClassAMITerms,
                "alias family \"\(family)\" is not supported; use one of \(families.joined(separator: ", "))",
                at: ["alias"])
        } else if family.hasPrefix("windows") && (parts.count < 2 || parts[1] != "latest") {
            context.report(
                .karpenterNodeClassAMITerms, "Windows aliases only support the version latest; write \(family)@latest",
                at: ["alias"])
        }
    }

    static func checkSelectorTags(_ tags: [String: String], in context: ValidationContext) {
        if tags.count > 20 {
            context.report(.karpenterFieldRange, "\(tags.count) tags are listed; a selector term allows at most 20")
        }
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) where key.isEmpty || value.isEmpty {
            context.report(
                .karpenterNodeClassSelectorTerms,
                key.isEmpty
                    ? "a tag key is empty; selector tags need a non-empty key"
                    : "tag \(key) has an empty value; use \"*\" to match any value",
                at: [.key(key)])
        }
    }

    static func checkSelectorTerms(
        _ terms: [(id: String?, name: String?, tags: [String: String]?)], what: String, fields: String,
        example: String, isID: (String) -> Bool, in context: ValidationContext
    ) {
        if terms.isEmpty {
            context.report(
                .karpenterNodeClassSelectorTerms,
                "the \(what) selector terms cannot be empty; add a term such as tags: {karpenter.sh/discovery: <cluster>}"
            )
            return
        }
        if terms.count > 30 {
            context.report(.karpenterFieldRange, "\(terms.count) selector terms are listed; at most 30 are allowed")
        }
        if terms.allSatisfy({ $0.id != nil && ($0.tags != nil || $0.name != nil) }) {
            context.report(
                .karpenterNodeClassSelectorTerms,
                "every \(what) term combines id with other fields; id selects one \(what) on its own, so move tags or name into a separate term"
            )
        }
        if what == "security group" && terms.allSatisfy({ $0.name != nil && ($0.tags != nil || $0.id != nil) }) {
            context.report(
                .karpenterNodeClassSelectorTerms,
                "every security group term combines name with other fields; keep name alone in its term")
        }
        for (position, term) in terms.enumerated() {
            context.index(position) {
                if term.id == nil && term.name == nil && term.tags == nil {
                    context.report(.karpenterNodeClassSelectorTerms, "this \(what) term selects nothing; set \(fields)")
                }
                if let id = term.id, !isID(id) {
                    context.report(
                        .karpenterFieldFormat, "id \"\(id)\" is not a \(what) id such as \(example)", at: ["id"])
                }
                if let tags = term.tags { context.field("tags") { checkSelectorTags(tags, in: context) } }
            }
        }
    }

    static func checkCapacityReservationTerms(
        _ terms: [EC2NodeClass.Spec.CapacityReservationSelectorTerm], in context: ValidationContext
    ) {
        if terms.count > 30 {
            context.report(.karpenterFieldRange, "\(terms.count) selector terms are listed; at most 30 are allowed")
        }
        if terms.allSatisfy({ $0.id != nil && ($0.tags != nil || $0.ownerID != nil || $0.instanceMatchCriteria != nil) }
        ) {
            context.report(
                .karpenterNodeClassSelectorTerms,
                terms.isEmpty
                    ? "capacityReservationSelectorTerms is empty; remove it or add a term with id or tags"
                    : "every capacity reservation term combines id with tags, ownerID or instanceMatchCriteria; keep id alone"
            )
        }
        for (position, term) in terms.enumerated() {
            context.index(position) {
                if let id = term.id, id.wholeMatch(of: #/cr-[0-9a-z]+/#) == nil {
                    context.report(
                        .karpenterFieldFormat,
                        "id \"\(id)\" is not a capacity reservation id such as cr-0123456789abcdef0",
                        at: ["id"])
                }
                if let owner = term.ownerID, owner.wholeMatch(of: #/[0-9]{12}/#) == nil {
                    context.report(
                        .karpenterFieldFormat, "ownerID \"\(owner)\" is not a 12-digit AWS account id", at: ["ownerID"])
                }
                if term.id == nil && term.tags == nil && term.instanceMatchCriteria == nil {
                    context.report(
                        .karpenterNodeClassSelectorTerms,
                        "this capacity reservation term selects nothing; set tags, id or instanceMatchCriteria")
                }
                if let tags = term.tags { context.field("tags") { checkSelectorTags(tags, in: context) } }
            }
        }
    }

    static func checkResourceTags(_ tags: [String: String], in context: ValidationContext) {
        let reserved = [
            "eks:eks-cluster-name", "karpenter.sh/nodepool", "karpenter.sh/nodeclaim", "karpenter.k8s.aws/ec2nodeclass",
        ]
        for key in tags.keys.sorted() {
            if key.isEmpty {
                context.report(.karpenterNodeClassTags, "a tag key is empty; tags need non-empty keys", at: [.key(key)])
            } else if reserved.contains(key) || key.hasPrefix("kubernetes.io/cluster") {
                context.report(
                    .karpenterNodeClassTags,
                    "tag \(key) is set by Karpenter (or EKS) itself and may not be overridden; remove it",
                    at: [.key(key)])
            }
        }
    }

    static func checkBlockDevices(_ mappings: [EC2NodeClass.Spec.BlockDeviceMapping], in context: ValidationContext) {
        let roots = mappings.filter { $0.rootVolume == true }.count
        if roots > 1 {
            context.report(
                .karpenterNodeClassBlockDevices,
                "\(roots) block device mappings set rootVolume: true; mark exactly one as the root volume")
        }
        for (position, mapping) in mappings.enumerated() {
            guard let ebs = mapping.ebs else { continue }
            context.index(position) {
                context.field("ebs") {
                    if ebs.snapshotID == nil && ebs.volumeSize == nil {
                        context.report(
                            .karpenterNodeClassBlockDevices,
                            "an EBS volume needs volumeSize (such as 100Gi) or a snapshotID to size it from")
                    }
                    enumValue(
                        ebs.volumeType?.rawValue, field: "volumeType",
                        known: ["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"], in: context)
                    if let size = ebs.volumeSize, !isVolumeSize(size) {
                        context.report(
                            .karpenterFieldFormat,
                            "volumeSize \"\(size)\" is not an EBS size; use Gi, G, Ti or T up to 59000Gi / 64000G / 58Ti / 64T "
                                + "(for example 100Gi)",
                            at: ["volumeSize"])
                    }
                    if ebs.volumeInitializationRate != nil && (ebs.snapshotID ?? "").isEmpty {
                        context.report(
                            .karpenterNodeClassBlockDevices,
                            "volumeInitializationRate only applies to volumes created from a snapshot; set snapshotID or remove it",
                            at: ["volumeInitializationRate"])
                    }
                }
            }
        }
    }

    /// The volumeSize pattern of the CRD (its empty alternatives, which accept a bare "Ti" or "T", included).
    static func isVolumeSize(_ text: String) -> Bool {
        text.wholeMatch(
            of:
                #/((?:[1-9][0-9]{0,3}|[1-4][0-9]{4}|[5][0-8][0-9]{3}|59000)Gi|(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|[6][0-3][0-9]{3}|64000)G|([1-9]||[1-5][0-7]|58)Ti|([1-9]||[1-5][0-9]|6[0-3]|64)T)/#
        ) != nil
    }

    static let evictionSignals = [
        "memory.available", "nodefs.available", "nodefs.inodesFree", "imagefs.available", "imagefs.inodesFree",
        "pid.available",
    ]

    static func checkKubelet(_ kubelet: EC2NodeClass.Spec.Kubelet, in context: ValidationContext) {
        if let high = kubelet.imageGCHighThresholdPercent, let low = kubelet.imageGCLowThresholdPercent, high <= low {
            context.report(
                .karpenterNodeClassKubelet,
                "imageGCHighThresholdPercent (\(high)) must be greater than imageGCLowThresholdPercent (\(low))",
                at: ["imageGCHighThresholdPercent"])
        }
        for (field, map) in [
            ("evictionHard", kubelet.evictionHard), ("evictionSoft", kubelet.evictionSoft),
            ("evictionSoftGracePeriod", kubelet.evictionSoftGracePeriod),
        ] {
            for key in (map ?? [:]).keys.sorted() where !evictionSignals.contains(key) {
                context.report(
                    .karpenterNodeClassKubelet,
                    "\(key) is not an eviction signal; use one of \(evictionSignals.joined(separator: ", "))",
                    at: [.field(field), .key(key)])
            }
        }
        for (field, value) in [
            ("imageGCHighThresholdPercent", kubelet.imageGCHighThresholdPercent),
            ("imageGCLowThresholdPercent", kubelet.imageGCLowThresholdPercent),
        ] {
            if let value, !(0...100).contains(value) {
                context.report(.karpenterFieldRange, "\(field) is \(value); use 0 to 100", at: [.field(field)])
            }
        }
        for (field, value) in [
            ("maxPods", kubelet.maxPods), ("podsPerCore", kubelet.podsPerCore),
            ("evictionMaxPodGracePeriod", kubelet.evictionMaxPodGracePeriod),
        ] {
            if let value, value < 0 {
                context.report(.karpenterFieldRange, "\(field) is \(value); use 0 or more", at: [.field(field)])
            }
        }
        for (field, map) in [("evictionHard", kubelet.evictionHard), ("evictionSoft", kubelet.evictionSoft)] {
            for (key, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) where !isEvictionThreshold(value) {
                context.report(
                    .karpenterFieldFormat,
                    "\(field).\(key) \"\(value)\" is not a threshold; write a percentage (10%) or a quantity (500Mi)",
                    at: [.field(field), .key(key)])
            }
        }
        let soft = kubelet.evictionSoft
        let grace = kubelet.evictionSoftGracePeriod
        if let soft {
            for key in soft.keys.sorted() where grace?[key] == nil {
                context.report(
                    .karpenterNodeClassKubelet,
                    "evictionSoft \(key) has no grace period; add evictionSoftGracePeriod.\(key) (such as 1m30s)",
                    at: ["evictionSoft", .key(key)])
            }
        }
        if let grace {
            for key in grace.keys.sorted() where soft?[key] == nil {
                context.report(
                    .karpenterNodeClassKubelet,
                    "evictionSoftGracePeriod \(key) has no matching evictionSoft threshold; add evictionSoft.\(key) or remove it",
                    at: ["evictionSoftGracePeriod", .key(key)])
            }
        }
        let reservable = ["cpu", "memory", "ephemeral-storage", "pid"]
        for (field, map) in [("kubeReserved", kubelet.kubeReserved), ("systemReserved", kubelet.systemReserved)] {
            for (key, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
                if !reservable.contains(key) {
                    context.report(
                        .karpenterNodeClassKubelet,
                        "\(field) cannot reserve \(key); use cpu, memory, ephemeral-storage or pid",
                        at: [.field(field), .key(key)])
                }
                if !isQuantityPattern(value) {
                    context.report(
                        .karpenterFieldFormat, "\(field).\(key) \"\(value)\" is not a quantity such as 100m or 1Gi",
                        at: [.field(field), .key(key)])
                }
                if value.hasPrefix("-") {
                    context.report(
                        .karpenterNodeClassKubelet, "\(field).\(key) is negative (\(value)); reserve 0 or more",
                        at: [.field(field), .key(key)])
                }
            }
        }
    }

    static func checkNetworkInterfaces(
        _ interfaces: [EC2NodeClass.Spec.NetworkInterface], in context: ValidationContext
    ) {
        guard !interfaces.isEmpty else { return }
        if !interfaces.contains(where: {
            $0.deviceIndex == 0 && $0.networkCardIndex == 0 && $0.interfaceType.rawValue == "interface"
        }) {
            context.report(
                .karpenterNodeClassNetwork,
                "networkInterfaces has no primary interface; add one with networkCardIndex 0, deviceIndex 0 and interfaceType interface"
            )
        }
        var slots: Set<String> = []
        var efaCards: Set<Int32> = []
        for (position, interface) in interfaces.enumerated() {
            let slot = "\(interface.networkCardIndex)/\(interface.deviceIndex)"
            if !slots.insert(slot).inserted {
                context.report(
                    .karpenterNodeClassNetwork,
                    "networkCardIndex \(interface.networkCardIndex) and deviceIndex \(interface.deviceIndex) are used twice; each pair is one slot",
                    at: [.index(position)])
            }
            if interface.interfaceType.rawValue == "efa-only" && !efaCards.insert(interface.networkCardIndex).inserted {
                context.report(
                    .karpenterNodeClassNetwork,
                    "network card \(interface.networkCardIndex) has more than one efa-only interface; keep one per card",
                    at: [.index(position)])
            }
        }
    }
}
