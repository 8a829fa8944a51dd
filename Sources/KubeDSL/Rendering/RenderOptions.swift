import KubeValidation

/// How a cluster is rendered: which checks run before anything is written.
///
/// By default every render runs KubeValidation's ``KubeValidation/Validator`` with its default
/// policy sets (API-server rules, Pod Security Admission by namespace labels, best practice,
/// cross-resource checks).
/// Findings of severity error stop the render, so nothing is written; warnings and infos are
/// kept in ``RenderedCluster/diagnostics``.
///
/// ```swift
/// // Default: validate, refuse to write on errors.
/// try cluster.write(.stream, to: output)
///
/// // Only the API-server rules, and write even when they fail (the errors are recorded).
/// var configuration = ValidationConfiguration()
/// configuration.policySets = [.apiServer]
/// try cluster.write(.stream, to: output, options: RenderOptions(validation: configuration, keepInvalidOutput: true))
///
/// // No validation at all.
/// try cluster.write(.stream, to: output, options: .unvalidated)
/// ```
public struct RenderOptions: Sendable {
    /// The configuration of the built-in validation that runs on every render, or `nil` to
    /// skip it. Defaults to `ValidationConfiguration()`.
    public var validation: ValidationConfiguration?
    /// An additional check that runs after the built-in validation; when it throws, rendering
    /// (and so writing) fails unless ``keepInvalidOutput`` is set.
    public var validator: (any ManifestValidator)?
    /// When `true`, validation errors (from ``validation`` or ``validator``) are recorded in
    /// ``RenderedCluster/validationErrors`` instead of failing the render, so invalid output can
    /// still be written and inspected.
    public var keepInvalidOutput: Bool

    /// Creates options.
    ///
    /// - Parameters:
    ///   - validation: the built-in validation's configuration; `nil` turns it off.
    ///   - validator: an additional check of your own.
    ///   - keepInvalidOutput: record errors instead of failing.
    public init(
        validation: ValidationConfiguration? = ValidationConfiguration(), validator: (any ManifestValidator)? = nil,
        keepInvalidOutput: Bool = false
    ) {
        self.validation = validation
        self.validator = validator
        self.keepInvalidOutput = keepInvalidOutput
    }

    /// Options that run no validation at all.
    public static var unvalidated: RenderOptions { RenderOptions(validation: nil) }
}
