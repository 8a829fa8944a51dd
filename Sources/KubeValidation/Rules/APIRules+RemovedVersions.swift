import KubeModels

// Built-in kinds at API versions that Kubernetes stopped serving: the API server of v1.37 answers
// "no matches for kind" for them, so such a manifest never applies. Facts from the Kubernetes
// deprecated API migration guide (which release stopped serving each version).

extension APIRules {
    /// A built-in kind at a version no longer served, the release that removed it and what to use.
    struct RemovedVersion {
        let removedIn: String
        let replacement: String?
    }

    /// `apiVersion` → `kind` → where it went.
    static let removedVersions: [String: [String: RemovedVersion]] = {
        var table: [String: [String: RemovedVersion]] = [:]
        func add(_ apiVersion: String, _ kinds: [String], _ removedIn: String, _ replacement: String?) {
            for kind in kinds {
                table[apiVersion, default: [:]][kind] = RemovedVersion(removedIn: removedIn, replacement: replacement)
            }
        }
        add("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.16", "apps/v1")
        add("extensions/v1beta1", ["NetworkPolicy"], "1.16", "networking.k8s.io/v1")
        add("extensions/v1beta1", ["Ingress"], "1.22", "networking.k8s.io/v1")
        add("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", nil)
        add("apps/v1beta1", ["Deployment", "StatefulSet", "ControllerRevision"], "1.16", "apps/v1")
        add(
            "apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.16",
            "apps/v1")
        add("batch/v1beta1", ["CronJob"], "1.25", "batch/v1")
        add("policy/v1beta1", ["PodDisruptionBudget"], "1.25", "policy/v1")
        add("policy/v1beta1", ["PodSecurityPolicy"], "1.25", nil)
        add("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", "autoscaling/v2")
        add("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", "autoscaling/v2")
        add("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "networking.k8s.io/v1")
        for version in ["rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"] {
            add(
                version, ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22",
                "rbac.authorization.k8s.io/v1")
        }
        add("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", "scheduling.k8s.io/v1")
        add("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", "apiextensions.k8s.io/v1")
        add(
            "admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
            "1.22", "admissionregistration.k8s.io/v1")
        add(
            "storage.k8s.io/v1beta1", ["StorageClass", "VolumeAttachment", "CSIDriver", "CSINode"], "1.22",
            "storage.k8s.io/v1")
        add("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", "storage.k8s.io/v1")
        add("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1")
        add("coordination.k8s.io/v1beta1", ["Lease"], "1.22", "coordination.k8s.io/v1")
        add("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", "discovery.k8s.io/v1")
        add("events.k8s.io/v1beta1", ["Event"], "1.25", "events.k8s.io/v1")
        add("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", "node.k8s.io/v1")
        return table
    }()

    /// Reports a built-in kind at an API version Kubernetes no longer serves.
    static func checkRemovedVersion(_ manifest: Manifest, in context: ValidationContext) {
        guard let removed = removedVersions[manifest.apiVersion]?[manifest.kind] else { return }
        let instead =
            removed.replacement.map { "use apiVersion: \($0)" }
            ?? "remove it and label namespaces with pod-security.kubernetes.io/enforce (Pod Security Admission replaced it)"
        context.report(
            .apiVersionRemoved,
            "\(manifest.apiVersion) \(manifest.kind) is not served since Kubernetes \(removed.removedIn), so the API server "
                + "refuses this document; \(instead)",
            at: ["apiVersion"])
    }
}
