import KubeModels

/// Ready-made settings for clusters whose environments differ in the usual ways: replicas,
/// container resources, image tag and feature flags.
///
/// Define your own settings type instead when a component needs other fields; any
/// `Sendable` type works in an ``EnvironmentTable``.
public struct EnvironmentSettings: Hashable, Sendable {
    /// Replicas for workloads that do not autoscale, and the autoscaler minimum for those that do.
    public var replicas: Int32
    /// Container requests and limits.
    public var resources: ResourceRequirements?
    /// The image tag to deploy.
    public var imageTag: String?
    /// Features switched on in this environment.
    public var featureFlags: Set<String>

    /// Creates settings.
    public init(
        replicas: Int32 = 1, resources: ResourceRequirements? = nil, imageTag: String? = nil,
        featureFlags: Set<String> = []
    ) {
        self.replicas = replicas
        self.resources = resources
        self.imageTag = imageTag
        self.featureFlags = featureFlags
    }

    /// Whether `flag` is switched on.
    public func isEnabled(_ flag: String) -> Bool {
        featureFlags.contains(flag)
    }
}
