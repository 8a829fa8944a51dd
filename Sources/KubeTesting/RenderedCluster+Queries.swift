import KubeDSL
import KubeModels

extension RenderedCluster {
    /// Every object of type `type` whose labels include all of `labels`, in apply order.
    public func all<R: Resource>(_ type: R.Type, labeled labels: [String: String]) -> [R] {
        all(type).filter { resource in
            let own = resource.metadata.labels ?? [:]
            return labels.allSatisfy { own[$0.key] == $0.value }
        }
    }

    /// Every manifest, of any kind, whose labels include all of `labels`, in apply order.
    public func manifests(labeled labels: [String: String]) -> [Manifest] {
        manifests.filter { manifest in
            let own = manifest.metadata.labels ?? [:]
            return labels.allSatisfy { own[$0.key] == $0.value }
        }
    }

    /// The manifest with the given kind and name (in `namespace`, when given), of any model.
    public func manifest(kind: String, named name: String, namespace: String? = nil) -> Manifest? {
        manifests.first { manifest in
            manifest.kind == kind && manifest.name == name && (namespace == nil || manifest.namespace == namespace)
        }
    }
}
