import Foundation

/// Why a YAML or JSON input could not be read, and where.
///
/// The message says what was found and what was expected at ``location``, for example
/// `deploy.yaml:12:7: found a tab character in indentation; YAML indents with spaces only`.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is (file, 1-based line, 1-based column in Unicode scalars).
    public var location: SourceLocation
    /// What was found and what was expected.
    public var message: String

    /// Creates an error at `location`.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`, or `line:column: message` when the file is unknown.
    public var description: String {
        "\(location): \(message)"
    }
}

extension ReadError: LocalizedError {
    /// The same text as ``description``, so Foundation APIs show the location too.
    public var errorDescription: String? { description }
}
