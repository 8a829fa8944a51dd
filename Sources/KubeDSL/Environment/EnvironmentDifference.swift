/// One settings field that differs between environments; see ``EnvironmentTable/differences()``.
public struct EnvironmentDifference: Hashable, Sendable, CustomStringConvertible {
    /// A field's value in one environment.
    public struct Value: Hashable, Sendable {
        /// The environment.
        public var environment: Environment
        /// The value, as text.
        public var value: String
    }

    /// The field's path in the settings, such as `replicas` or `resources.cpu`.
    public var field: String
    /// The field's value in every environment, in table order.
    public var values: [Value]

    /// `replicas: dev=1 staging=2 prod=3`.
    public var description: String {
        field + ": " + values.map { "\($0.environment.name)=\($0.value)" }.joined(separator: " ")
    }
}
