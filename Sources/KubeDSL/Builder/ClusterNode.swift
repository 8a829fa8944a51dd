import KubeModels

/// One piece of cluster content: an object, or a group of content with modifiers.
///
/// ``ClusterBuilder`` turns every statement of a builder body into an array of nodes; you rarely
/// create nodes yourself. ``ClusterContent`` is the array type that builder bodies produce.
public struct ClusterNode: Sendable {
    enum Storage: Sendable {
        case manifest(Manifest)
        case group(GroupNode)
        /// Content that could not be built; rendering throws the error.
        case failure(any Error)
    }

    let storage: Storage

    /// A node holding one object.
    public init(_ manifest: Manifest) {
        storage = .manifest(manifest)
    }

    init(group: GroupNode) {
        storage = .group(group)
    }

    init(failure: any Error) {
        storage = .failure(failure)
    }
}

/// What a builder body produces: the nodes of its statements, in order.
public typealias ClusterContent = [ClusterNode]

/// A group of nodes with what was said about them: modifiers, identifiers, dependencies.
struct GroupNode: Sendable {
    /// For messages: the component type or `Group`.
    var label: String
    var children: [ClusterNode]
    var modifiers: [Modifier] = []
    var ids: [ComponentID] = []
    var dependencies: [DependencyTarget] = []
    var layer: FluxLayer?
}
