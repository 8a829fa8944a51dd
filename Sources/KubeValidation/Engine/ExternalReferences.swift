/// Objects a manifest refers to that live outside the validated input, as declared by the
/// `kubekit.io/external-references` annotation.
///
/// The annotation holds entries separated by commas or whitespace, each `kind/name`, where kind
/// is `configmap`, `secret`, `serviceaccount`, `persistentvolumeclaim`, `service` (short forms
/// `cm`, `sa`, `pvc`, `svc` are accepted) or `nodepool` (also `nodegroup`: capacity the input does
/// not show, so pod placement is not checked), and name is an object name or `*` for every object
/// of that kind:
///
/// ```yaml
/// metadata:
///   annotations:
///     kubekit.io/external-references: "secret/db-credentials, configmap/feature-flags, pvc/*"
/// ```
///
/// On a workload (or Ingress) the entries cover that object's references; on a Namespace they
/// cover every object of the namespace.
struct ExternalReferences {
    /// The kinds an entry can name.
    enum Kind: String, CaseIterable {
        case configMap = "configmap"
        case secret = "secret"
        case serviceAccount = "serviceaccount"
        case persistentVolumeClaim = "persistentvolumeclaim"
        case service = "service"
        /// Node pools or node groups outside the input: pods covered are not checked for a pool
        /// that can run them.
        case nodePool = "nodepool"

        init?(entry text: Substring) {
            switch text.lowercased() {
            case "configmap", "configmaps", "cm": self = .configMap
            case "secret", "secrets": self = .secret
            case "serviceaccount", "serviceaccounts", "sa": self = .serviceAccount
            case "persistentvolumeclaim", "persistentvolumeclaims", "pvc": self = .persistentVolumeClaim
            case "service", "services", "svc": self = .service
            case "nodepool", "nodepools", "nodegroup", "nodegroups": self = .nodePool
            default: return nil
            }
        }
    }

    private var names: [Kind: Set<String>] = [:]
    private var everything: Set<Kind> = []
    /// Entries that could not be read, as written.
    private(set) var malformed: [String] = []

    init() {}

    /// Reads the annotation's value.
    init(parsing text: String) {
        let entries = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" })
        for entry in entries {
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let kind = Kind(entry: parts[0]), !parts[1].isEmpty else {
                malformed.append(String(entry))
                continue
            }
            if parts[1] == "*" {
                everything.insert(kind)
            } else {
                names[kind, default: []].insert(String(parts[1]))
            }
        }
    }

    /// The declarations of an object's annotations, or `nil` when it has none.
    static func declared(in annotations: [String: String]?) -> ExternalReferences? {
        guard let text = annotations?[ValidationConfiguration.externalReferencesAnnotation] else { return nil }
        return ExternalReferences(parsing: text)
    }

    /// Whether the object `name` of `kind` is declared external.
    func contains(_ kind: Kind, _ name: String) -> Bool {
        everything.contains(kind) || names[kind]?.contains(name) == true
    }

    /// Whether any entry names `kind`.
    func mentions(_ kind: Kind) -> Bool {
        everything.contains(kind) || !(names[kind]?.isEmpty ?? true)
    }
}

extension ValidationConfiguration {
    /// The annotation that declares objects a manifest refers to but the input does not contain:
    /// `kubekit.io/external-references: "secret/db-credentials,configmap/flags"` (see the
    /// cross-resource rules). On a Namespace it covers every object of the namespace.
    public static let externalReferencesAnnotation = "kubekit.io/external-references"
}
