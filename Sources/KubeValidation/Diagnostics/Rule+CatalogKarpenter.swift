// Rules for Karpenter v1 (NodePool, NodeClaim, EC2NodeClass, NodeOverlay). The API rules restate
// the OpenAPI schema and the x-kubernetes-validations (CEL) rules of the aws/karpenter-provider-aws
// v1.14.1 CRDs, which the API server enforces on create; the policy rules restate the checks
// Karpenter makes at runtime (a NodePool that fails them is never Ready) and KubeKit's
// cross-resource checks.

extension Rule {
    /// The object does not match the CRD's structural schema.
    public static let karpenterSchema = Rule(
        "KARPENTER-SCHEMA", .error, .api,
        "Karpenter objects must match the CRD schema: required fields present, known fields only, right types.")
    /// Static NodePools (`replicas` set) may only limit `nodes`.
    public static let karpenterStaticLimits = Rule(
        "KARPENTER-NODEPOOL-LIMITS-STATIC", .error, .api,
        "A NodePool with spec.replicas (static) may only set limits.nodes.")
    /// Static NodePools take no weight.
    public static let karpenterStaticWeight = Rule(
        "KARPENTER-NODEPOOL-WEIGHT-STATIC", .error, .api,
        "A NodePool with spec.replicas (static) must not set spec.weight.")
    /// Disruption budgets set schedule and duration together.
    public static let karpenterBudgetSchedule = Rule(
        "KARPENTER-BUDGET-SCHEDULE", .error, .api,
        "A disruption budget sets schedule and duration together, or neither.")
    /// Template labels outside the reserved domains.
    public static let karpenterLabelRestricted = Rule(
        "KARPENTER-LABEL-RESTRICTED", .error, .api,
        "NodePool template labels must not use karpenter.sh/nodepool, kubernetes.io/hostname or the reserved karpenter.sh and karpenter.k8s.aws domains."
    )
    /// Requirement keys outside the reserved domains.
    public static let karpenterRequirementKeyRestricted = Rule(
        "KARPENTER-REQUIREMENT-KEY-RESTRICTED", .error, .api,
        "Requirement keys must not be kubernetes.io/hostname, karpenter.sh/nodepool (NodePools) or a reserved karpenter.sh / karpenter.k8s.aws label."
    )
    /// `nodeClassRef` fields are not empty.
    public static let karpenterNodeClassRefEmpty = Rule(
        "KARPENTER-NODECLASSREF-EMPTY", .error, .api, "nodeClassRef.group, kind and name must not be empty.")
    /// Requirement operators get the values they need.
    public static let karpenterRequirementValues = Rule(
        "KARPENTER-REQUIREMENT-VALUES", .error, .api,
        "In (and NotIn on NodeOverlays) needs values; Gt, Lt, Gte and Lte need exactly one non-negative integer.")
    /// `minValues` is 1–50 and no more than the values given.
    public static let karpenterRequirementMinValues = Rule(
        "KARPENTER-REQUIREMENT-MIN-VALUES", .error, .api,
        "minValues is between 1 and 50, and an In requirement lists at least minValues values.")
    /// Schema patterns (durations, budgets, keys, label values).
    public static let karpenterFieldFormat = Rule(
        "KARPENTER-FIELD-FORMAT", .error, .api,
        "Karpenter fields must match their schema patterns (durations, budget nodes, label keys and values, taints, prices)."
    )
    /// Schema bounds (weight, replicas, list sizes).
    public static let karpenterFieldRange = Rule(
        "KARPENTER-FIELD-RANGE", .error, .api,
        "Karpenter numbers and list sizes stay within the schema bounds (weight 1-100, at most 100 requirements ...).")
    /// Schema enumerations.
    public static let karpenterEnum = Rule(
        "KARPENTER-ENUM", .error, .api,
        "Karpenter enumerations take one of their listed values (operators, taint effects, consolidationPolicy ...).")
    /// EC2NodeClass: exactly one of role / instanceProfile.
    public static let karpenterNodeClassRole = Rule(
        "KARPENTER-EC2NODECLASS-ROLE", .error, .api,
        "An EC2NodeClass sets exactly one of role and instanceProfile, and neither is empty.")
    /// EC2NodeClass: amiFamily agrees with the alias.
    public static let karpenterNodeClassAMIFamily = Rule(
        "KARPENTER-EC2NODECLASS-AMI-FAMILY", .error, .api,
        "amiFamily is required without an alias term and must match the alias family (or be Custom) with one.")
    /// EC2NodeClass: amiSelectorTerms shape.
    public static let karpenterNodeClassAMITerms = Rule(
        "KARPENTER-EC2NODECLASS-AMI-TERMS", .error, .api,
        "amiSelectorTerms: each term selects by something; id and alias stand alone; aliases are family@version.")
    /// EC2NodeClass: subnet, security group, capacity reservation and placement group selectors.
    public static let karpenterNodeClassSelectorTerms = Rule(
        "KARPENTER-EC2NODECLASS-SELECTOR-TERMS", .error, .api,
        "Subnet and security group selector terms are non-empty, select by something, keep id alone and have no empty tags."
    )
    /// EC2NodeClass: resource tags.
    public static let karpenterNodeClassTags = Rule(
        "KARPENTER-EC2NODECLASS-TAGS", .error, .api,
        "spec.tags has no empty keys and none of the tags Karpenter sets itself (eks:eks-cluster-name, kubernetes.io/cluster/*, karpenter.sh/nodepool ...)."
    )
    /// EC2NodeClass: block device mappings.
    public static let karpenterNodeClassBlockDevices = Rule(
        "KARPENTER-EC2NODECLASS-BLOCK-DEVICES", .error, .api,
        "At most one root volume; each EBS volume sets snapshotID or volumeSize; volumeInitializationRate needs snapshotID."
    )
    /// EC2NodeClass: kubelet settings.
    public static let karpenterNodeClassKubelet = Rule(
        "KARPENTER-EC2NODECLASS-KUBELET", .error, .api,
        "Kubelet settings: known eviction signals and reserved resources, matching soft eviction grace periods, image GC high > low."
    )
    /// EC2NodeClass: connection tracking and network interfaces.
    public static let karpenterNodeClassNetwork = Rule(
        "KARPENTER-EC2NODECLASS-NETWORK", .error, .api,
        "connectionTracking sets a timeout; networkInterfaces include the primary interface and no duplicate slots.")
    /// NodeOverlay: price and capacity.
    public static let karpenterNodeOverlay = Rule(
        "KARPENTER-NODEOVERLAY-SPEC", .error, .api,
        "A NodeOverlay sets price or priceAdjustment (not both) and no capacity for cpu, memory, ephemeral-storage or pods."
    )
    /// Runtime: requirement values and label keys are valid label syntax.
    public static let karpenterLabelSyntax = Rule(
        "KARPENTER-LABEL-SYNTAX", .error, .policy,
        "Karpenter refuses (NodePool not Ready) label keys that are not qualified names and requirement values that are not label values."
    )
    /// Runtime: taints are unique per key and effect.
    public static let karpenterTaintDuplicate = Rule(
        "KARPENTER-TAINT-DUPLICATE", .error, .policy,
        "A taint key and effect appear once across taints and startupTaints, with a qualified-name key.")
    /// Cross-resource: the NodePool's node class is in the input.
    public static let karpenterNodeClassRefMissing = Rule(
        "KARPENTER-NODECLASSREF-MISSING", .warning, .policy,
        "A NodePool's nodeClassRef should name an EC2NodeClass (karpenter.k8s.aws) that exists.")

    /// The Karpenter rules, in catalog order.
    public static let karpenterCatalog: [Rule] = [
        karpenterSchema, karpenterStaticLimits, karpenterStaticWeight, karpenterBudgetSchedule,
        karpenterLabelRestricted, karpenterRequirementKeyRestricted, karpenterNodeClassRefEmpty,
        karpenterRequirementValues, karpenterRequirementMinValues, karpenterFieldFormat, karpenterFieldRange,
        karpenterEnum, karpenterNodeClassRole, karpenterNodeClassAMIFamily, karpenterNodeClassAMITerms,
        karpenterNodeClassSelectorTerms, karpenterNodeClassTags, karpenterNodeClassBlockDevices,
        karpenterNodeClassKubelet, karpenterNodeClassNetwork, karpenterNodeOverlay, karpenterLabelSyntax,
        karpenterTaintDuplicate, karpenterNodeClassRefMissing,
    ]
}
