import KubeModels

/// A reusable piece of a cluster: a named type a team owns, such as an `InferenceService` or a
/// `TeamNamespace`, whose ``body`` yields objects and other components.
///
/// Parameters are ordinary stored properties, so a component is configured by its initializer:
///
/// ```swift
/// struct TeamNamespace: Component {
///     var team: String
///
///     var body: ClusterContent {
///         Namespace(name: team, labels: ["team": team])
///         NetworkPolicy.defaultDeny(namespace: team)
///     }
/// }
/// ```
///
/// A body that calls throwing helpers declares a throwing getter; the error surfaces when the
/// cluster is rendered:
///
/// ```swift
/// var body: ClusterContent {
///     get throws {
///         api
///         try Service.exposing(api)
///     }
/// }
/// ```
///
/// Keep bodies short (a few dozen statements) and split larger ones into components or
/// `@ClusterBuilder` functions: type-checking time grows with the square of a body's length.
public protocol Component {
    /// The component's content.
    @ClusterBuilder var body: ClusterContent { get throws }
}

extension Component {
    /// The component as one group node, labelled with its type name.
    var node: ClusterNode {
        if let group = self as? Group { return ClusterNode(group: group.group) }
        let children: ClusterContent
        do {
            children = try body
        } catch {
            children = [ClusterNode(failure: error)]
        }
        return ClusterNode(
            group: GroupNode(label: String(describing: Self.self), children: children, ids: [ComponentID(Self.self)]))
    }

    /// The component's objects with every modifier applied, in apply order.
    ///
    /// - Parameter options: checks to run and how to order; see ``RenderOptions``.
    /// - Throws: ``KubeDSLError`` when a modifier cannot be applied, a name is duplicated,
    ///   dependencies form a cycle, or the validator rejects the result.
    public func render(options: RenderOptions = RenderOptions()) throws -> [Manifest] {
        try Renderer.render([node], environment: nil, options: options).manifests
    }
}
