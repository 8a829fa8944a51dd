/// The stage of a Flux repository an object belongs to (see ``Layout/flux(_:)``).
///
/// Flux applies the stages in order, each waiting for the one before to be ready: controllers
/// (and their CRDs), then configuration that needs those controllers (such as Karpenter
/// NodePools), then applications.
public enum FluxLayer: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Cluster controllers and the CRDs they serve.
    case infrastructureControllers = "infra-controllers"
    /// Custom resources and settings that need the controllers.
    case infrastructureConfigs = "infra-configs"
    /// Applications.
    case apps

    /// Orders controllers, then configs, then apps.
    public static func < (lhs: FluxLayer, rhs: FluxLayer) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
