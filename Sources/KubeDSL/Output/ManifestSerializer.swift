import Foundation
import KubeModels

/// Turns manifests into text. The layouts write through this protocol, so the streaming writers
/// of KubeSerialization can be plugged in without changing KubeDSL.
public protocol ManifestSerializer: Sendable {
    /// A YAML stream: one document per manifest, in order, separated by `---`.
    func yaml(_ manifests: [Manifest]) throws -> String
    /// JSON: one object per line, in order.
    func json(_ manifests: [Manifest]) throws -> String
}

/// The default serializer: Foundation's `JSONEncoder` with sorted keys for JSON, and for YAML
/// the same JSON tree written in block style with every string double-quoted.
///
/// Quoting every string the way JSON does is deliberately plain: JSON is valid YAML 1.2 and the
/// YAML 1.1 parsers still in use (PyYAML, go-yaml) read double-quoted scalars identically, so
/// values such as `"on"`, `"0755"`, `"1e3"` or `"no"` can never change type. Keys are written
/// bare when they cannot be misread, and quoted otherwise.
public struct FoundationSerializer: ManifestSerializer {
    /// Creates the serializer.
    public init() {}

    /// One JSON object per line, keys sorted.
    public func json(_ manifests: [Manifest]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        for manifest in manifests {
            output += String(decoding: try encoder.encode(manifest), as: UTF8.self)
            output += "\n"
        }
        return output
    }

    /// A YAML stream of the manifests' JSON trees.
    public func yaml(_ manifests: [Manifest]) throws -> String {
        try JSONStyleYAML.stream(manifests.map { try $0.jsonTree() })
    }
}
