// The cross-resource rules: checks that only make sense over a whole input (a cluster's worth of
// manifests), answered from one index built before the rules run. They are KubeKit's own checks;
// their severities are defaults that configuration may change.

extension Rule {
    // MARK: Cross-resource: selectors

    /// A Service, PodDisruptionBudget or NetworkPolicy selects no pod template of its namespace.
    public static let crossSelectorMatchesNothing = Rule(
        "XREF-SELECTOR-MATCHES-NOTHING", .warning, .crossResource,
        "Service, PodDisruptionBudget and NetworkPolicy selectors should match a pod template of a workload in their namespace."
    )

    // MARK: Cross-resource: references

    /// An Ingress backend names a Service that is not in the input.
    public static let crossIngressServiceMissing = Rule(
        "XREF-INGRESS-SERVICE-MISSING", .warning, .crossResource,
        "Ingress backends should name a Service of the same namespace that is in the input (or declared external).")
    /// An Ingress backend names a port its Service does not have.
    public static let crossIngressServicePort = Rule(
        "XREF-INGRESS-SERVICE-PORT", .error, .crossResource,
        "An Ingress backend's port (number or name) must be a port of the Service it names.")
    /// A pod template runs as a ServiceAccount that is not in the input.
    public static let crossServiceAccountMissing = Rule(
        "XREF-SERVICE-ACCOUNT-MISSING", .warning, .crossResource,
        "The ServiceAccount a pod template names should be in the input (or declared external); \"default\" always exists."
    )
    /// A pod template uses a ConfigMap that is not in the input.
    public static let crossConfigMapMissing = Rule(
        "XREF-CONFIGMAP-MISSING", .warning, .crossResource,
        "ConfigMaps that pod templates mount or read (not marked optional) should be in the input (or declared external)."
    )
    /// A pod template uses a Secret that is not in the input.
    public static let crossSecretMissing = Rule(
        "XREF-SECRET-MISSING", .warning, .crossResource,
        "Secrets that pod templates mount, read or pull images with (not marked optional) should be in the input (or declared external)."
    )
    /// A pod template mounts a PersistentVolumeClaim that is not in the input.
    public static let crossPersistentVolumeClaimMissing = Rule(
        "XREF-PVC-MISSING", .warning, .crossResource,
        "PersistentVolumeClaims that pod templates mount should be in the input, come from a StatefulSet's volumeClaimTemplates, or be declared external."
    )
    /// The external-references annotation has an entry that cannot be read.
    public static let crossExternalReferenceSyntax = Rule(
        "XREF-EXTERNAL-REFERENCE-SYNTAX", .warning, .crossResource,
        "kubekit.io/external-references entries are kind/name (configmap, secret, serviceaccount, persistentvolumeclaim, service, nodepool; name or *)."
    )
    /// A namespaced object names a namespace that is not in the input.
    public static let crossNamespaceMissing = Rule(
        "XREF-NAMESPACE-MISSING", .warning, .crossResource,
        "When the input has Namespace objects, every namespace that objects use should be one of them (default, kube-system, kube-public and kube-node-lease always exist)."
    )

    // MARK: Cross-resource: autoscaling and disruption

    /// An HPA names a workload that is not in the input.
    public static let crossHPATargetMissing = Rule(
        "XREF-HPA-TARGET-MISSING", .warning, .crossResource,
        "The workload an HPA's scaleTargetRef names should be in the input.")
    /// A workload sets spec.replicas while an HPA scales it.
    public static let crossHPAReplicasConflict = Rule(
        "XREF-HPA-REPLICAS-CONFLICT", .warning, .crossResource,
        "Deployments and StatefulSets scaled by an HPA should not set spec.replicas: every apply resets what the HPA chose."
    )
    /// A PDB never allows a voluntary disruption.
    public static let crossPDBBlocksEviction = Rule(
        "XREF-PDB-BLOCKS-EVICTION", .warning, .crossResource,
        "A PodDisruptionBudget should allow at least one eviction at the workload's lowest scale (maxUnavailable > 0, minAvailable < replicas)."
    )
    /// Two PDBs select the same pods.
    public static let crossPDBOverlap = Rule(
        "XREF-PDB-OVERLAP", .error, .crossResource,
        "A pod must not be selected by more than one PodDisruptionBudget: the eviction API refuses to evict it.")

    // MARK: Cross-resource: capacity

    /// The pods of a namespace at maximum scale exceed its ResourceQuota.
    public static let crossQuotaExceeded = Rule(
        "XREF-QUOTA-EXCEEDED", .error, .crossResource,
        "At maximum scale (HPA maxReplicas, else replicas) the pods' requests and limits must fit the namespace's ResourceQuota."
    )
    /// How much of a ResourceQuota is left at maximum scale.
    public static let crossQuotaHeadroom = Rule(
        "XREF-QUOTA-HEADROOM", .info, .crossResource,
        "How much of each ResourceQuota limit is left when every workload of the namespace runs at maximum scale.")

    /// An Ingress terminates TLS with a Secret that is not in the input.
    public static let crossIngressTLSSecretMissing = Rule(
        "XREF-INGRESS-TLS-SECRET-MISSING", .warning, .crossResource,
        "The Secret an Ingress's spec.tls names should be in the input, be issued by cert-manager (its annotations), or be declared external."
    )

    // MARK: Cross-resource: scheduling

    /// A pod asks for an accelerator, and the pools that have one taint their nodes against it.
    public static let crossGPUToleration = Rule(
        "XREF-GPU-TOLERATION", .error, .crossResource,
        "A pod that requests nvidia.com/gpu (or another accelerator) must tolerate the taints of the node pools whose instances have it."
    )
    /// No node pool of the input can run a pod.
    public static let crossPodUnschedulable = Rule(
        "XREF-POD-UNSCHEDULABLE", .warning, .crossResource,
        "When the input declares the cluster's node pools (Karpenter NodePools, eksctl node groups), some pool's labels, taints and instance types must admit each pod's node selector, required affinity, tolerations and accelerators."
    )
    /// The pods only one NodePool can run exceed its limits at maximum scale.
    public static let crossNodePoolLimitExceeded = Rule(
        "XREF-NODEPOOL-LIMIT-EXCEEDED", .error, .crossResource,
        "At maximum scale the requests of the pods that only one NodePool can run must fit that NodePool's spec.limits."
    )
    /// How much of a NodePool's limits is left at maximum scale.
    public static let crossNodePoolHeadroom = Rule(
        "XREF-NODEPOOL-HEADROOM", .info, .crossResource,
        "How much of each NodePool limit is left when the pods that only it can run are at maximum scale.")

    /// The cross-resource rules, in catalog order.
    public static let crossResourceCatalog: [Rule] = [
        crossSelectorMatchesNothing, crossIngressServiceMissing, crossIngressServicePort, crossServiceAccountMissing,
        crossConfigMapMissing, crossSecretMissing, crossPersistentVolumeClaimMissing, crossExternalReferenceSyntax,
        crossNamespaceMissing, crossHPATargetMissing, crossHPAReplicasConflict, crossPDBBlocksEviction, crossPDBOverlap,
        crossQuotaExceeded, crossQuotaHeadroom, crossIngressTLSSecretMissing, crossGPUToleration,
        crossPodUnschedulable, crossNodePoolLimitExceeded, crossNodePoolHeadroom,
    ]
}
