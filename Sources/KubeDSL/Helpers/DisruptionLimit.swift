import KubeModels

/// How many pods a voluntary disruption (a node drain, an upgrade) must leave running, or may
/// take down. A PodDisruptionBudget has exactly one of the two, which this type enforces.
public enum DisruptionLimit: Hashable, Sendable {
    /// At least this many pods (or this percentage, such as `"50%"`) stay available.
    case minAvailable(IntOrString)
    /// At most this many pods (or this percentage) may be unavailable.
    case maxUnavailable(IntOrString)
}
