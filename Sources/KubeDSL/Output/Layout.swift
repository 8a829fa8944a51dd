/// How a rendered cluster is laid out on disk.
///
/// Every layout covers all environments rendered; file names are stable, so re-rendering an
/// unchanged cluster rewrites identical files.
public enum Layout: Sendable, Hashable {
    /// `<environment>.yaml`: one YAML stream per environment, in apply order.
    case stream
    /// `<environment>.json`: one JSON object per line per environment, in apply order.
    case json
    /// `<environment>/<NNN>_<kind>_<namespace>_<name>.yaml`: one file per object, numbered in
    /// apply order so that `kubectl apply -f <environment>/` (which reads files by name) applies
    /// them in that order.
    case files
    /// A Kustomize tree: `base/` holds what every environment shares, and
    /// `overlays/<environment>/` adds the objects only that environment has plus JSON 6902
    /// patches with its differences. `kubectl kustomize overlays/<environment>` yields exactly
    /// the objects of a direct render of that environment.
    case kustomize
    /// A Flux repository: `clusters/<environment>/` (`clusters/<cluster name>/` for a cluster
    /// without environments) holds Flux Kustomizations for the stages `infra-controllers` →
    /// `infra-configs` → `apps`, each depending on the one before and waiting for its objects to
    /// be ready; each stage's objects form a Kustomize tree (`infrastructure/controllers/`,
    /// `infrastructure/configs/`, `apps/`, each with `base/` and one directory per environment).
    /// Stages without objects are left out. The Git source (`flux-system`, from `flux bootstrap`)
    /// is referenced, not written.
    /// Objects are assigned to stages by ``Component/fluxLayer(_:)`` or by kind (CRDs are
    /// controllers; Karpenter and load-balancer settings are configs; the rest are apps), and
    /// anything a stage depends on moves to that stage or an earlier one.
    case flux(FluxOptions = FluxOptions())
}
