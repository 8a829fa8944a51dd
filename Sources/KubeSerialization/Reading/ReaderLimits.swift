/// Bounds that keep the time and memory a reader spends proportional to its input, whatever that input is.
///
/// The defaults are far above what real manifests need (the largest CRD bundles nest about 30 levels
/// deep and use no aliases) and low enough that hostile input — an alias bomb, ten thousand nested
/// brackets, a gigabyte file — fails fast with a located ``ReadError`` instead of exhausting memory
/// or the stack.
public struct ReaderLimits: Sendable, Hashable {
    /// The most nodes that aliases (`*name`) may add to one document.
    ///
    /// Every alias counts the whole subtree it copies, so a "billion laughs" document is rejected
    /// as soon as its expansion passes this number, long before the expanded tree would exist.
    public var maxAliasExpansions: Int

    /// The deepest nesting of sequences and mappings allowed in one document.
    public var maxDepth: Int

    /// The largest number of bytes one document may span (for JSON: one top-level value).
    public var maxDocumentBytes: Int

    /// Creates limits; every argument has a default suited to Kubernetes manifests.
    /// - Parameters:
    ///   - maxAliasExpansions: nodes that aliases may add to one document (default 100,000).
    ///   - maxDepth: the deepest nesting of collections (default 512).
    ///   - maxDocumentBytes: the largest document in bytes (default 64 MiB).
    public init(maxAliasExpansions: Int = 100_000, maxDepth: Int = 512, maxDocumentBytes: Int = 64 << 20) {
        self.maxAliasExpansions = maxAliasExpansions
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// The limits every reader uses unless told otherwise.
    public static let `default` = ReaderLimits()
}
