import KubeModels

/// Something content can depend on: a component or a single object.
public enum DependencyTarget: Hashable, Sendable, CustomStringConvertible {
    /// Every object of the components with this identifier.
    case component(ComponentID)
    /// One object, by its identity after all modifiers have been applied.
    case object(ResourceIdentity)

    /// A dependency on every object of a component type.
    public static func component(_ type: any Component.Type) -> DependencyTarget {
        .component(ComponentID(type))
    }

    /// A dependency on one object of a model type.
    public static func object<R: Resource>(_ type: R.Type, namespace: String? = nil, name: String) -> DependencyTarget {
        .object(ResourceIdentity(type, namespace: namespace, name: name))
    }

    /// The target, for messages.
    public var description: String {
        switch self {
        case .component(let id): return id.description
        case .object(let identity): return identity.description
        }
    }
}
