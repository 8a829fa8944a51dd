/// A problem with a generator input: which file, where in it, and what was expected.
public struct CodegenError: Error, Sendable, CustomStringConvertible {
    /// The input file (or `<input>`).
    public var file: String
    /// Where in the document: `spec.versions[0].schema.openAPIV3Schema.properties.spec`.
    public var path: String
    /// What is wrong and what the generator expected instead.
    public var message: String

    /// Creates an error.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}
