/// An `alb.ingress.kubernetes.io/*` annotation whose value the controller would not accept,
/// or a typed value that cannot be written as one.
///
/// The ``description`` names the annotation, says what was expected and quotes what was found:
///
/// ```text
/// alb.ingress.kubernetes.io/scheme: expected one of internal, internet-facing; got "public"
/// ```
public struct ALBAnnotationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The annotation at fault.
    public var annotation: ALBAnnotationKey
    /// The offending annotation value (for typed values that cannot be written, the closest text).
    public var value: String
    /// What a valid value looks like.
    public var expected: String

    /// Describes the problem.
    public init(annotation: ALBAnnotationKey, value: String, expected: String) {
        self.annotation = annotation
        self.value = value
        self.expected = expected
    }

    /// `<annotation>: expected <what>; got "<value>"`.
    public var description: String {
        "\(annotation.rawValue): expected \(expected); got \"\(value)\""
    }
}

/// A value that does not have the expected form; turned into an ``ALBAnnotationError`` once the
/// annotation it came from is known.
struct ALBValueProblem: Error {
    /// What a valid value looks like, phrased to follow the word "expected".
    var expected: String

    init(_ expected: String) { self.expected = expected }
}
