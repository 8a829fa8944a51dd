import KubeSerialization

/// One step of a field path: a field name, a list position or a map key.
enum PathComponent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case field(String)
    case index(Int)
    case key(String)

    init(stringLiteral value: String) {
        self = .field(value)
    }

    init(integerLiteral value: Int) {
        self = .index(value)
    }

    /// Renders components the way Kubernetes names fields:
    /// `spec.template.spec.containers[0].resources.limits.memory`, with map keys that contain
    /// dots, slashes or other punctuation in brackets (`metadata.labels["app.kubernetes.io/name"]`).
    static func render(_ components: [PathComponent]) -> String {
        var out = ""
        for component in components {
            switch component {
            case .field(let name):
                if !out.isEmpty { out += "." }
                out += name
            case .index(let index):
                out += "[\(index)]"
            case .key(let key):
                if isPlainKey(key) {
                    if !out.isEmpty { out += "." }
                    out += key
                } else {
                    var escaped = ""
                    for character in key {
                        if character == "\"" || character == "\\" { escaped.append("\\") }
                        escaped.append(character)
                    }
                    out += "[\"\(escaped)\"]"
                }
            }
        }
        return out
    }

    private static func isPlainKey(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        for byte in key.utf8 {
            let plain = KubernetesSyntax.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            if !plain { return false }
        }
        return true
    }

    /// The location of the deepest node along `components`: the key of the last mapping entry
    /// found, or the start of the last list element found.
    static func locate(_ components: [PathComponent], in root: Node) -> SourceLocation {
        var node = root
        var location = root.location
        for component in components {
            switch component {
            case .field(let name), .key(let name):
                guard case .mapping(let entries) = node.content,
                    let entry = entries.first(where: { $0.key == name })
                else { return location }
                location = entry.keyLocation
                node = entry.value
            case .index(let index):
                guard case .sequence(let items) = node.content, index >= 0, index < items.count else {
                    return location
                }
                node = items[index]
                location = node.location
            }
        }
        return location
    }
}
