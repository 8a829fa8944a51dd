import KubeModels
import KubeSerialization

/// One object of the input with everything the rules need to address it.
struct IndexedDocument {
    /// The position in the validated input (List items share their List's position).
    let position: Int
    let manifest: Manifest
    let node: Node?
    let location: SourceLocation?
    let reference: ResourceReference
    /// The effective namespace of a namespaced object (the configured default when unset);
    /// `nil` for cluster-scoped objects and objects of unknown scope without a namespace.
    let namespace: String?
}
