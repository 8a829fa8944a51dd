import KubeModels
import KubeValidation

/// A cluster rendered for one environment: its objects in apply order.
public struct RenderedCluster: Sendable {
    /// The cluster's name.
    public var name: String
    /// The environment rendered, or `nil` for content rendered without a cluster.
    public var environment: Environment?
    /// The objects, in apply order.
    public var objects: [RenderedObject]
    /// What the validator reported when ``RenderOptions/keepInvalidOutput`` let the render
    /// continue; empty otherwise.
    public var validationErrors: [String]
    /// Every finding of the built-in validation (``RenderOptions/validation``), errors included
    /// when ``RenderOptions/keepInvalidOutput`` let the render continue; empty when validation
    /// was off.
    public var diagnostics: [Diagnostic]

    /// Creates a rendering.
    public init(
        name: String, environment: Environment?, objects: [RenderedObject], validationErrors: [String] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.name = name
        self.environment = environment
        self.objects = objects
        self.validationErrors = validationErrors
        self.diagnostics = diagnostics
    }

    /// The objects' manifests, in apply order.
    public var manifests: [Manifest] { objects.map(\.manifest) }

    /// The first object of type `type` named `name` (in `namespace`, when given).
    public func first<R: Resource>(_ type: R.Type, named name: String, namespace: String? = nil) -> R? {
        objects.lazy.compactMap { object -> R? in
            guard let resource = object.manifest.as(R.self), resource.name == name else { return nil }
            if let namespace, resource.namespace != namespace { return nil }
            return resource
        }.first
    }

    /// Every object of type `type`, in apply order.
    public func all<R: Resource>(_ type: R.Type) -> [R] {
        objects.compactMap { $0.manifest.as(R.self) }
    }
}
