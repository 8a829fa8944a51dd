import KubeModels

/// A check that runs on every render before anything is written, such as KubeValidation's
/// rules. KubeDSL does not depend on a validator; the caller supplies one.
///
/// Throw to reject the manifests; the error's description becomes the message of
/// ``KubeDSLError/validationFailed(_:)``.
public protocol ManifestValidator: Sendable {
    /// Checks the rendered manifests (in apply order) and throws when they must not be written.
    func validate(_ manifests: [Manifest]) throws
}

/// A validator made from a closure.
public struct ClosureValidator: ManifestValidator {
    private let body: @Sendable ([Manifest]) throws -> Void

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable ([Manifest]) throws -> Void) {
        self.body = body
    }

    /// Runs the closure.
    public func validate(_ manifests: [Manifest]) throws {
        try body(manifests)
    }
}
