import KubeModels

/// The namespace, label and annotation modifiers, applied to one object.
enum Scoping {
    static func setNamespace(_ namespace: String, on manifest: inout Manifest, scope: String) throws {
        switch manifest.isNamespaced {
        case true?:
            if manifest.metadata.namespace == nil { manifest.metadata.namespace = namespace }
            if var binding = manifest.as(RoleBinding.self), let bindingNamespace = binding.namespace {
                // A ServiceAccount subject needs a namespace; without one it means the binding's.
                binding.subjects = binding.subjects?.map { subject in
                    guard subject.kind == "ServiceAccount", subject.namespace == nil else { return subject }
                    var copy = subject
                    copy.namespace = bindingNamespace
                    return copy
                }
                manifest = Manifest(binding)
            }
        case false?:
            if manifest.kind == "Namespace", manifest.typeMeta.group.isEmpty, manifest.name == namespace { return }
            throw KubeDSLError.clusterScopedInNamespace(
                object: ResourceIdentity(manifest), namespace: namespace, scope: scope)
        case nil:
            if manifest.metadata.namespace == nil {
                throw KubeDSLError.unknownScope(object: ResourceIdentity(manifest), namespace: namespace, scope: scope)
            }
        }
    }

    static func addLabels(_ labels: [String: String], to manifest: inout Manifest, propagation: MetadataPropagation) {
        guard !labels.isEmpty else { return }
        manifest.metadata.labels = merged(labels, under: manifest.metadata.labels)
        if propagation == .metadataAndPodTemplates {
            _ = PodTemplates.modifyTemplateMetadata(&manifest) { $0.labels = merged(labels, under: $0.labels) }
        }
    }

    static func addAnnotations(
        _ annotations: [String: String], to manifest: inout Manifest, propagation: MetadataPropagation
    ) {
        guard !annotations.isEmpty else { return }
        manifest.metadata.annotations = merged(annotations, under: manifest.metadata.annotations)
        if propagation == .metadataAndPodTemplates {
            _ = PodTemplates.modifyTemplateMetadata(&manifest) {
                $0.annotations = merged(annotations, under: $0.annotations)
            }
        }
    }

    /// `additions` with `existing` values winning.
    private static func merged(_ additions: [String: String], under existing: [String: String]?) -> [String: String] {
        additions.merging(existing ?? [:]) { _, current in current }
    }

    /// Namespaces and CRDs keep their names under a prefix or suffix: a Namespace name is the
    /// scope others refer to, and a CRD's name is fixed by its group and plural.
    static func isRenamable(_ identity: ResourceIdentity) -> Bool {
        !(identity.group.isEmpty && identity.kind == "Namespace")
            && !(identity.group == "apiextensions.k8s.io" && identity.kind == "CustomResourceDefinition")
    }
}
