import KubeModels

/// One rendered object and what KubeDSL knows about it.
public struct RenderedObject: Sendable {
    /// The object.
    public var manifest: Manifest
    /// Its identity.
    public var identity: ResourceIdentity
    /// Its apply stage.
    public var phase: ApplyPhase
    /// The Flux stage it belongs to (explicit, or derived from its kind and dependencies).
    public var fluxLayer: FluxLayer
    /// The components it came from, outermost first.
    public var components: [String]
}
