import KubeModels

/// Content grouped so that modifiers apply to all of it.
///
/// ```swift
/// Group {
///     apiDeployment
///     apiService
/// }
/// .namespace("shop")
/// .labels(["team": "checkout"])
/// ```
///
/// Every modifier returns a new `Group`, so modifiers chain; each one applies to what the
/// modifiers before it produced.
public struct Group: Component, Sendable {
    var group: GroupNode

    /// Groups the content of a builder body.
    ///
    /// The body may throw (`Group { try Service.exposing(api) }`) even where the surrounding
    /// code cannot; the error is thrown when the cluster is rendered.
    public init(@ClusterBuilder _ content: () throws -> ClusterContent) {
        do {
            group = GroupNode(label: "Group", children: try content())
        } catch {
            group = GroupNode(label: "Group", children: [ClusterNode(failure: error)])
        }
    }

    /// Groups existing content.
    public init(_ content: ClusterContent) {
        group = GroupNode(label: "Group", children: content)
    }

    init(node: GroupNode) {
        group = node
    }

    /// The group as content (one node).
    public var body: ClusterContent {
        [ClusterNode(group: group)]
    }
}
