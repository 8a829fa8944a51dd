import Foundation

/// The reason a piece of text is not an RFC 3339 timestamp that Kubernetes accepts.
///
/// Thrown by ``Time/init(_:)-(String)`` and ``MicroTime/init(_:)-(String)``, and carried by the `DecodingError` they
/// raise while decoding. Its ``description`` names the text, the problem, and the expected form:
///
/// ```
/// `2024-13-01T00:00:00Z` is not a valid RFC 3339 time: month 13 is outside 01–12;
/// expected a form like `2024-01-02T03:04:05Z` or `2024-01-02T03:04:05.123+02:00`
/// ```
public struct TimeFormatError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The text that failed to parse.
    public let text: String
    /// What is wrong with it, as a short phrase.
    public let reason: String

    /// Creates an error for `text`.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// A sentence that names the text, the problem, and the expected form.
    public var description: String {
        "`\(text)` is not a valid RFC 3339 time: \(reason); "
            + "expected a form like `2024-01-02T03:04:05Z` or `2024-01-02T03:04:05.123+02:00`"
    }

    /// The same sentence as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
