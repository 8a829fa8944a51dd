import KubeModels

/// What makes an object unique in a cluster: API group, kind, namespace and name.
///
/// The API version is not part of the identity: `apps/v1` and a future `apps/v2` Deployment with
/// the same name are the same object. Identities order by group, kind, namespace and name,
/// which is the tie-break that keeps apply order independent of the order of the input.
public struct ResourceIdentity: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The API group (`""` for the core group).
    public var group: String
    /// The kind, such as `Deployment`.
    public var kind: String
    /// The namespace, or `nil` for cluster-scoped objects and objects without one.
    public var namespace: String?
    /// The object's name.
    public var name: String

    /// Creates an identity.
    public init(group: String, kind: String, namespace: String? = nil, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The identity of an object of model type `type`.
    public init<R: Resource>(_ type: R.Type, namespace: String? = nil, name: String) {
        self.init(group: R.group, kind: R.kind, namespace: namespace, name: name)
    }

    /// The identity of a manifest.
    public init(_ manifest: Manifest) {
        self.init(
            group: manifest.typeMeta.group, kind: manifest.kind, namespace: manifest.namespace,
            name: manifest.name)
    }

    /// Orders by group, kind, namespace (objects without one first) and name.
    public static func < (lhs: ResourceIdentity, rhs: ResourceIdentity) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace ?? "", lhs.name) < (rhs.group, rhs.kind, rhs.namespace ?? "", rhs.name)
    }

    /// `Deployment ml/api`, `Namespace ml` or `NodePool.karpenter.sh gpu`.
    public var description: String {
        let kindText = group.isEmpty || Self.builtInGroups.contains(group) ? kind : "\(kind).\(group)"
        if let namespace { return "\(kindText) \(namespace)/\(name)" }
        return "\(kindText) \(name)"
    }

    static let builtInGroups: Set<String> = [
        "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
        "scheduling.k8s.io", "storage.k8s.io", "apiextensions.k8s.io",
    ]
}
