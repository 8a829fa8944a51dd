import KubeModels

/// The result builder that composes clusters from objects and components.
///
/// Every overload is concrete (no generic `buildExpression`) and every statement becomes a
/// ``ClusterContent`` array, so the type checker solves each statement on its own. There are
/// deliberately few overloads, since each is tried for every statement: a typed object, a
/// `Manifest` (wrap an `UnstructuredObject` in one), a component, content from a
/// `@ClusterBuilder` function, and an array of typed objects. Bodies may use `if`, `if`/`else`,
/// `switch`, `for` and `if #available`.
///
/// ```swift
/// @ClusterBuilder
/// func cache(replicas: Int32) -> ClusterContent {
///     redisStatefulSet(replicas: replicas)
///     if replicas > 1 { redisDisruptionBudget() }
/// }
/// ```
@resultBuilder
public enum ClusterBuilder {
    /// A type-erased object, such as `Manifest(unstructuredObject)`.
    public static func buildExpression(_ manifest: Manifest) -> ClusterContent {
        [ClusterNode(manifest)]
    }

    /// A typed object: a Kubernetes kind or a CRD model.
    public static func buildExpression(_ resource: any Resource) -> ClusterContent {
        [ClusterNode(Manifest(any: resource))]
    }

    /// A component; its body becomes a group labelled with the component's type name.
    public static func buildExpression(_ component: any Component) -> ClusterContent {
        [component.node]
    }

    /// Content produced elsewhere, such as by a function marked `@ClusterBuilder`.
    public static func buildExpression(_ content: ClusterContent) -> ClusterContent {
        content
    }

    /// A list of typed objects.
    public static func buildExpression(_ resources: [any Resource]) -> ClusterContent {
        resources.map { ClusterNode(Manifest(any: $0)) }
    }

    /// Joins the statements of a body (none for an empty body).
    public static func buildBlock(_ parts: ClusterContent...) -> ClusterContent {
        parts.flatMap { $0 }
    }

    /// An `if` without `else`.
    public static func buildOptional(_ content: ClusterContent?) -> ClusterContent {
        content ?? []
    }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first content: ClusterContent) -> ClusterContent {
        content
    }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second content: ClusterContent) -> ClusterContent {
        content
    }

    /// A `for` loop.
    public static func buildArray(_ contents: [ClusterContent]) -> ClusterContent {
        contents.flatMap { $0 }
    }

    /// An `if #available` branch.
    public static func buildLimitedAvailability(_ content: ClusterContent) -> ClusterContent {
        content
    }
}
