/// Which object a finding is about: apiVersion, kind, namespace and name.
public struct ResourceReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The object's apiVersion, such as `apps/v1`.
    public var apiVersion: String
    /// The object's kind, such as `Deployment`.
    public var kind: String
    /// The namespace, for namespaced objects (the configured default when the manifest sets none).
    public var namespace: String?
    /// The name (or `generateName` prefix), `""` when the manifest has neither.
    public var name: String

    /// Creates a reference.
    public init(apiVersion: String, kind: String, namespace: String? = nil, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Kind namespace/name`, or `Kind name` for cluster-wide objects.
    public var description: String {
        let shownName = name.isEmpty ? "(unnamed)" : name
        if let namespace { return "\(kind) \(namespace)/\(shownName)" }
        return "\(kind) \(shownName)"
    }
}
