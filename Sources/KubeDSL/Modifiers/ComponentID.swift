import KubeModels

/// A name for a component, used to declare dependencies between components.
///
/// Every component is identified by its type name automatically; ``Component/id(_:)`` adds
/// an explicit one. A dependency on an identifier shared by several components means a
/// dependency on all of them.
public struct ComponentID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The identifier text.
    public var rawValue: String

    /// Creates an identifier.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The identifier every instance of a component type has.
    public init(_ type: any Component.Type) {
        self.rawValue = String(describing: type)
    }

    /// `component "name"`, for messages.
    public var description: String { "component \"\(rawValue)\"" }
}
