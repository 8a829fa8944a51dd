import KubeModels

/// A change that a group applies to every object inside it, at render time.
enum Modifier: Sendable {
    case namespace(String)
    case labels([String: String], MetadataPropagation)
    case annotations([String: String], MetadataPropagation)
    case namePrefix(String)
    case nameSuffix(String)
    case patch(Patch)
}

/// A typed change to matching objects; `apply` returns whether the object matched.
struct Patch: Sendable {
    var description: String
    var allowNoMatch: Bool
    var apply: @Sendable (inout Manifest) throws -> Bool
}
