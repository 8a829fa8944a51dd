import KubeAWS
import KubeFlux
import KubeModels
import KubePrometheus

/// Every model the tests use, for decoding JSON back into manifests.
enum ResourceRegistryForTests {
    static let registry = ResourceRegistry.kubernetes
        .merging(ResourceRegistry(KarpenterKinds.all))
        .merging(ResourceRegistry(FluxKinds.all))
        .merging(ResourceRegistry(PrometheusKinds.all))
        .merging(ResourceRegistry(LoadBalancerControllerKinds.all))
}
