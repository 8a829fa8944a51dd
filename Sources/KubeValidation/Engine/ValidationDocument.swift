import KubeModels
import KubeSerialization

/// One object to validate, with where it came from when it was read from a file.
///
/// Pass the reader's `Node` (from KubeSerialization) to get a file, line and column on every
/// diagnostic: the validator looks each field path up in the node tree. Without a node, diagnostics carry ``location``
/// (the start of the document), or no location at all.
public struct ValidationDocument: Sendable {
    /// The object.
    public var manifest: Manifest
    /// The parsed document the object was decoded from, with source locations.
    public var node: Node?
    /// Where the document starts, when known.
    public var location: SourceLocation?

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - manifest: the object.
    ///   - node: the parsed document, for field-level locations.
    ///   - location: where the document starts; defaults to the node's location.
    public init(_ manifest: Manifest, node: Node? = nil, location: SourceLocation? = nil) {
        self.manifest = manifest
        self.node = node
        self.location = location ?? node?.location
    }
}
