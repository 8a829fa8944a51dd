/// How a cluster is rendered.
public struct RenderOptions: Sendable {
    /// Runs after ordering; when it throws, rendering (and so writing) fails unless
    /// ``keepInvalidOutput`` is set.
    public var validator: (any ManifestValidator)?
    /// When `true`, a validator's error is recorded in ``RenderedCluster/validationErrors``
    /// instead of failing the render, so invalid output can still be written and inspected.
    public var keepInvalidOutput: Bool

    /// Creates options.
    public init(validator: (any ManifestValidator)? = nil, keepInvalidOutput: Bool = false) {
        self.validator = validator
        self.keepInvalidOutput = keepInvalidOutput
    }
}
