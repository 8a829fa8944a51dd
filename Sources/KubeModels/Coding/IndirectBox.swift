/// Immutable storage on the heap, so that a struct may contain a value of its own type
/// (`JSONSchemaProps.not`). Copies share the box; mutation replaces it.
public final class IndirectBox<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The stored value.
    public let value: Value

    /// Boxes `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Two boxes are equal when their boxed values are equal.
    public static func == (lhs: IndirectBox, rhs: IndirectBox) -> Bool {
        lhs.value == rhs.value
    }

    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
