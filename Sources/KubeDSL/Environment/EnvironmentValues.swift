/// What a cluster's content closure receives: the environment being rendered and its settings.
///
/// Settings fields can be read directly: `env.replicas` is `env.settings.replicas`.
@dynamicMemberLookup
public struct EnvironmentValues<Settings: Sendable>: Sendable {
    /// The environment being rendered.
    public var environment: Environment
    /// Its settings from the cluster's ``EnvironmentTable``.
    public var settings: Settings

    /// Creates values.
    public init(environment: Environment, settings: Settings) {
        self.environment = environment
        self.settings = settings
    }

    /// The environment's name.
    public var name: String { environment.name }

    /// A field of the settings.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Settings, Value>) -> Value {
        settings[keyPath: keyPath]
    }
}
