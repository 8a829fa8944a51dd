/// How a ``JSONWriter`` lays out its output.
public struct JSONWriterOptions: Sendable, Hashable {
    /// Whitespace and document separation.
    public enum Layout: Sendable, Hashable {
        /// No whitespace at all. Several documents are separated by a line feed; there is no final one.
        case compact
        /// One member or element per line, indented by `indent` spaces per level, `": "` after keys;
        /// every document ends with a line feed.
        case pretty(indent: Int)
        /// Newline-delimited JSON (NDJSON, JSON Lines): each document compact on one line, ending with a line feed.
        case newlineDelimited
    }

    /// The layout.
    public var layout: Layout

    /// Creates options with the given layout.
    public init(layout: Layout) {
        self.layout = layout
    }

    /// Compact output, as an API request body.
    public static let compact = JSONWriterOptions(layout: .compact)
    /// Indented by two spaces.
    public static let pretty = JSONWriterOptions(layout: .pretty(indent: 2))
    /// One compact document per line (what `kubekit convert --to json` writes).
    public static let newlineDelimited = JSONWriterOptions(layout: .newlineDelimited)
}
