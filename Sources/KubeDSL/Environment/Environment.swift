/// A named deployment target, such as `dev`, `staging` or `prod`.
///
/// An environment is only a name; what differs between environments lives in the settings of
/// an ``EnvironmentTable``. Create custom ones with a string literal or ``init(_:)``:
/// `let perfTest: Environment = "perf"`.
public struct Environment: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name, used for overlay and cluster directory names.
    public var name: String

    /// Creates an environment.
    public init(_ name: String) {
        self.name = name
    }

    /// Creates an environment from a string literal.
    public init(stringLiteral value: String) {
        self.name = value
    }

    /// Development.
    public static let dev = Environment("dev")
    /// Staging, a production-like environment for testing.
    public static let staging = Environment("staging")
    /// Production.
    public static let prod = Environment("prod")
    /// The single environment of a cluster that declares none.
    public static let `default` = Environment("default")

    /// Orders by name.
    public static func < (lhs: Environment, rhs: Environment) -> Bool {
        lhs.name < rhs.name
    }

    /// The name.
    public var description: String { name }
}
