/// The typed differences between environments, in one place.
///
/// ```swift
/// let environments: EnvironmentTable<InferenceSettings> = [
///     .dev:     InferenceSettings(replicas: 1, cpu: "500m", imageTag: "1.4.0-rc.2"),
///     .staging: InferenceSettings(replicas: 2, cpu: "1", imageTag: "1.4.0"),
///     .prod:    InferenceSettings(replicas: 3, cpu: "2", imageTag: "1.4.0"),
/// ]
/// ```
///
/// `Settings` is any type you define (a struct with the fields that differ), or the ready-made
/// ``EnvironmentSettings``. Entries keep the order they are written in. Giving one environment
/// settings twice is not a crash: rendering fails with
/// ``KubeDSLError/duplicateEnvironment(_:)``.
public struct EnvironmentTable<Settings: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The environments and their settings, in the order given.
    public private(set) var entries: [(environment: Environment, settings: Settings)]

    /// Creates a table from pairs.
    public init(_ entries: [(Environment, Settings)]) {
        self.entries = entries.map { (environment: $0.0, settings: $0.1) }
    }

    /// Creates a table from a dictionary literal, keeping its order.
    public init(dictionaryLiteral elements: (Environment, Settings)...) {
        self.init(elements)
    }

    /// The environments, in the order given (each once).
    public var environments: [Environment] {
        var seen: Set<Environment> = []
        return entries.map(\.environment).filter { seen.insert($0).inserted }
    }

    /// The settings of `environment`.
    ///
    /// - Throws: ``KubeDSLError/unknownEnvironment(_:defined:)`` or
    ///   ``KubeDSLError/duplicateEnvironment(_:)``.
    public func settings(for environment: Environment) throws -> Settings {
        try checkUnique()
        guard let entry = entries.first(where: { $0.environment == environment }) else {
            throw KubeDSLError.unknownEnvironment(environment, defined: environments)
        }
        return entry.settings
    }

    /// Fails when an environment appears twice.
    func checkUnique() throws {
        var seen: Set<Environment> = []
        for entry in entries where !seen.insert(entry.environment).inserted {
            throw KubeDSLError.duplicateEnvironment(entry.environment)
        }
    }

    /// The settings fields whose values are not the same in every environment, found by
    /// reflection: a review of "what differs where" without reading any component.
    public func differences() -> [EnvironmentDifference] {
        var fields: [String] = []
        var valuesByField: [String: [(Environment, String)]] = [:]
        for entry in entries {
            for (label, value) in Self.fields(of: entry.settings, prefix: "") {
                if valuesByField[label] == nil { fields.append(label) }
                valuesByField[label, default: []].append((entry.environment, value))
            }
        }
        return fields.compactMap { field in
            let values = valuesByField[field] ?? []
            guard Set(values.map(\.1)).count > 1 || values.count < entries.count else { return nil }
            return EnvironmentDifference(field: field, values: values.map { .init(environment: $0.0, value: $0.1) })
        }
    }

    private static func fields(of value: Any, prefix: String) -> [(String, String)] {
        let value = unwrapped(value)
        let mirror = Mirror(reflecting: value)
        let isRecord = mirror.displayStyle == .struct && !mirror.children.isEmpty
        let isLeaf = !isRecord || (!prefix.isEmpty && value is CustomStringConvertible)
        if isLeaf {
            return prefix.isEmpty ? [] : [(prefix, describe(value))]
        }
        return mirror.children.flatMap { child -> [(String, String)] in
            let label = child.label ?? "_"
            return fields(of: child.value, prefix: prefix.isEmpty ? label : prefix + "." + label)
        }
    }

    /// The wrapped value of an optional, or `value`.
    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? Optional<Int>.none as Any
    }

    /// Text for a value, with sets and dictionaries sorted so that equal values read the same.
    private static func describe(_ value: Any) -> String {
        let value = unwrapped(value)
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return "nil"
        case .set, .collection:
            let items = mirror.children.map { describe($0.value) }
            return "[" + (mirror.displayStyle == .set ? items.sorted() : items).joined(separator: ", ") + "]"
        case .dictionary:
            let pairs = mirror.children.map { pair -> String in
                let parts = Mirror(reflecting: pair.value).children.map { describe($0.value) }
                return parts.joined(separator: ": ")
            }
            return "[" + pairs.sorted().joined(separator: ", ") + "]"
        default:
            return String(describing: value)
        }
    }
}
