import KubeSerialization

/// Any Kubernetes object: a typed model or an unstructured object of a kind KubeKit does not model.
///
/// Clusters, streams of documents and validators work with manifests, so typed and untyped
/// objects travel together without losing anything.
public struct Manifest: Hashable, Sendable {
    /// What the manifest holds.
    public enum Content: Sendable {
        /// A value of a model type.
        case typed(any Resource)
        /// An object of a kind without a model.
        case unstructured(UnstructuredObject)
    }

    /// What the manifest holds.
    public var content: Content

    /// Wraps a typed object.
    public init(_ resource: some Resource) {
        self.content = .typed(resource)
    }

    /// Wraps an existentially typed object.
    public init(any resource: any Resource) {
        self.content = .typed(resource)
    }

    /// Wraps an unstructured object.
    public init(_ object: UnstructuredObject) {
        self.content = .unstructured(object)
    }

    /// The object's apiVersion and kind.
    public var typeMeta: TypeMeta {
        switch content {
        case .typed(let resource): return type(of: resource).typeMeta
        case .unstructured(let object): return object.typeMeta
        }
    }

    /// The object's apiVersion.
    public var apiVersion: String { typeMeta.apiVersion }
    /// The object's kind.
    public var kind: String { typeMeta.kind }

    /// The object's metadata; setting it updates the wrapped object.
    public var metadata: ObjectMeta {
        get {
            switch content {
            case .typed(let resource): return resource.metadata
            case .unstructured(let object): return object.metadata
            }
        }
        set {
            switch content {
            case .typed(var resource):
                resource.metadata = newValue
                content = .typed(resource)
            case .unstructured(var object):
                object.metadata = newValue
                content = .unstructured(object)
            }
        }
    }

    /// The object's name, or `""` when unset.
    public var name: String { metadata.name ?? "" }
    /// The object's namespace, if set.
    public var namespace: String? { metadata.namespace }

    /// The typed object, if the manifest holds a `R`.
    public func `as`<R: Resource>(_ type: R.Type) -> R? {
        if case .typed(let resource) = content { return resource as? R }
        return nil
    }

    /// The typed object, if any.
    public var resource: (any Resource)? {
        if case .typed(let resource) = content { return resource }
        return nil
    }

    /// Whether the kind is namespaced; `nil` for unstructured objects, whose scope is unknown.
    public var isNamespaced: Bool? {
        if case .typed(let resource) = content { return type(of: resource).isNamespaced }
        return nil
    }

    /// The whole object as a JSON value.
    public func jsonValue() throws -> JSONValue {
        switch content {
        case .typed(let resource): return try JSONValueEncoding.encode(resource)
        case .unstructured(let object): return object.jsonValue
        }
    }

    /// Two manifests are equal when both are typed and their resources are equal, or both are unstructured and their JSON values are equal.
    public static func == (lhs: Manifest, rhs: Manifest) -> Bool {
        switch (lhs.content, rhs.content) {
        case (.typed(let a), .typed(let b)): return AnyHashable(a) == AnyHashable(b)
        case (.unstructured(let a), .unstructured(let b)): return a == b
        default: return false
        }
    }

    /// Hashes the typed resource or the unstructured JSON value.
    public func hash(into hasher: inout Hasher) {
        switch content {
        case .typed(let resource): hasher.combine(AnyHashable(resource))
        case .unstructured(let object): hasher.combine(object)
        }
    }
}

extension Manifest: Encodable {
    /// Encodes the wrapped object.
    public func encode(to encoder: any Encoder) throws {
        switch content {
        case .typed(let resource): try resource.encode(to: encoder)
        case .unstructured(let object): try object.encode(to: encoder)
        }
    }
}
