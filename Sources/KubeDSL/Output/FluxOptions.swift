/// Settings of the Flux Kustomizations that the ``Layout/flux(_:)`` layout writes.
public struct FluxOptions: Sendable, Hashable {
    /// The namespace of the Flux Kustomizations (and of the Git source), `flux-system` by default.
    public var namespace: String
    /// The `GitRepository` the Kustomizations read from, `flux-system` (created by
    /// `flux bootstrap`) by default.
    public var sourceName: String
    /// How often Flux reconciles, such as `10m`.
    public var interval: String
    /// How soon Flux retries a failed reconciliation.
    public var retryInterval: String
    /// How long Flux waits for the objects of a stage to become ready.
    public var timeout: String
    /// Whether Flux deletes objects removed from the repository.
    public var prune: Bool
    /// The path of the repository root as Flux sees it, prefixed to every stage path.
    public var rootPath: String

    /// Creates options.
    public init(
        namespace: String = "flux-system", sourceName: String = "flux-system", interval: String = "10m",
        retryInterval: String = "1m", timeout: String = "5m", prune: Bool = true, rootPath: String = "."
    ) {
        self.namespace = namespace
        self.sourceName = sourceName
        self.interval = interval
        self.retryInterval = retryInterval
        self.timeout = timeout
        self.prune = prune
        self.rootPath = rootPath
    }
}
