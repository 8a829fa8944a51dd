import KubeSerialization

/// A document type identified by `apiVersion` and `kind`, such as a Kubernetes kind or eksctl's
/// `ClusterConfig`. The identity lives on the type: decoding checks it and encoding writes it.
public protocol KubeObject: Codable, Hashable, Sendable {
    /// The `apiVersion` of the kind, such as `apps/v1` or `v1`.
    static var apiVersion: String { get }
    /// The `kind`, such as `Deployment`.
    static var kind: String { get }
}

/// A Kubernetes object type: a kind with a fixed API version, a scope and metadata.
///
/// The identity lives on the type, so a `Deployment` is always `apps/v1` `Deployment`; decoding
/// checks `apiVersion` and `kind` and encoding writes them. Every built-in kind in KubeModels and
/// every CRD model (KubeAWS, KubeFlux, `kubekit generate`) conforms.
public protocol Resource: KubeObject {
    /// Whether objects of this kind live in a namespace or are cluster-wide.
    static var scope: ResourceScope { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get set }
}

extension KubeObject {
    /// The type's identity as a value.
    public static var typeMeta: TypeMeta { TypeMeta(apiVersion: apiVersion, kind: kind) }
}

extension Resource {
    /// The API group: the part of `apiVersion` before the slash, or `""` for the core group.
    public static var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version: the part of `apiVersion` after the slash, or all of it for the core group.
    public static var version: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }

    /// Whether objects of this kind are namespaced.
    public static var isNamespaced: Bool { scope == .namespaced }

    /// The object's name (`metadata.name`), or `""` when unset.
    public var name: String { metadata.name ?? "" }

    /// The object's namespace (`metadata.namespace`), if set.
    public var namespace: String? { metadata.namespace }
}

/// An (apiVersion, kind) pair: what a document says it is.
public struct TypeMeta: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The `apiVersion`, such as `apps/v1`.
    public var apiVersion: String
    /// The `kind`, such as `Deployment`.
    public var kind: String

    /// Creates a pair.
    public init(apiVersion: String, kind: String) {
        self.apiVersion = apiVersion
        self.kind = kind
    }

    /// The API group (`""` for the core group).
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// `apiVersion/kind`, for messages.
    public var description: String { "\(apiVersion) \(kind)" }
}
