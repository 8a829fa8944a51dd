import KubeModels

/// A whole cluster definition: content written once, rendered for each environment.
///
/// ```swift
/// let cluster = Cluster("ml-platform", environments: [
///     .dev: EnvironmentSettings(replicas: 1, imageTag: "1.4.0-rc.2"),
///     .prod: EnvironmentSettings(replicas: 3, imageTag: "1.4.0"),
/// ]) { env in
///     TeamNamespace(team: "inference")
///     InferenceService(replicas: env.replicas, tag: env.imageTag ?? "latest")
///         .namespace("inference")
/// }
/// let prod = try cluster.render(for: .prod)
/// ```
public struct Cluster<Settings: Sendable>: Sendable {
    /// The cluster's name, used for the Flux layout's `clusters/<name>` directory.
    public var name: String
    /// The environments and what differs between them.
    public var environments: EnvironmentTable<Settings>
    private let content: @Sendable (EnvironmentValues<Settings>) throws -> ClusterContent

    /// Creates a cluster whose content depends on the environment's settings.
    public init(
        _ name: String, environments: EnvironmentTable<Settings>,
        @ClusterBuilder content: @escaping @Sendable (EnvironmentValues<Settings>) throws -> ClusterContent
    ) {
        self.name = name
        self.environments = environments
        self.content = content
    }

    /// The cluster's objects for one environment, in apply order.
    ///
    /// - Throws: ``KubeDSLError`` (unknown environment, modifiers that cannot apply, duplicate
    ///   objects, dependency cycles, validator errors) or an error thrown by the content.
    public func render(for environment: Environment, options: RenderOptions = RenderOptions()) throws -> RenderedCluster
    {
        let settings = try environments.settings(for: environment)
        let nodes = try content(EnvironmentValues(environment: environment, settings: settings))
        return try Renderer.render(nodes, clusterName: name, environment: environment, options: options)
    }

    /// The cluster rendered for every environment, in table order.
    public func renderAll(options: RenderOptions = RenderOptions()) throws -> [RenderedCluster] {
        try environments.checkUnique()
        return try environments.environments.map { try render(for: $0, options: options) }
    }
}

extension Cluster where Settings == EnvironmentSettings {
    /// Creates a cluster with the same ready-made settings in the given environments (one
    /// `default` environment unless told otherwise), for clusters that do not vary.
    public init(
        _ name: String, environments: [Environment] = [.default],
        @ClusterBuilder content: @escaping @Sendable (EnvironmentValues<EnvironmentSettings>) throws -> ClusterContent
    ) {
        self.init(
            name, environments: EnvironmentTable(environments.map { ($0, EnvironmentSettings()) }), content: content)
    }
}
