/// A position in a source document: file (when known), 1-based line and 1-based column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file the document was read from, or `nil` for in-memory input and standard input.
    public var file: String?
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String? = nil, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `line:column` when the file is unknown.
    public var description: String {
        if let file { return "\(file):\(line):\(column)" }
        return "\(line):\(column)"
    }
}
