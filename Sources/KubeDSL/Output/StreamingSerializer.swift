import KubeModels
import KubeSerialization

/// A serializer backed by KubeSerialization's streaming writers: YAML in kubectl's layout (keys
/// in the models' order, plain scalars where they cannot be misread) and compact JSON.
///
/// Pass it as `serializer:` to the layout functions; ``FoundationSerializer`` stays the default.
public struct StreamingSerializer: ManifestSerializer {
    /// Creates the serializer.
    public init() {}

    /// A YAML stream: one document per manifest, in order.
    public func yaml(_ manifests: [Manifest]) throws -> String {
        try YAMLStreamEncoder().encode(documents: manifests)
    }

    /// One compact JSON object per line, in order.
    public func json(_ manifests: [Manifest]) throws -> String {
        let encoder = JSONStreamEncoder()
        var output = ""
        for manifest in manifests {
            output += try encoder.encodeToString(manifest)
            output += "\n"
        }
        return output
    }
}
