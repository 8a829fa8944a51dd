import KubeSerialization

/// Reads the members of a JSON object the way Go's `encoding/json` matches struct fields
/// (exact name first, then a case-insensitive match) and reports members nobody asked for.
struct JSONObjectReader {
    private let members: [String: JSONValue]
    private let location: String
    private var consumed: Set<String> = []

    /// Starts reading `value`, which must be an object. `location` names it in messages
    /// (for example `entry 2` or `the value`).
    init(_ value: JSONValue, at location: String) throws {
        guard case .object(let members) = value else {
            throw ALBValueProblem("\(location) to be a JSON object, got \(value.typeName)")
        }
        self.members = members
        self.location = location
    }

    private mutating func lookup(_ name: String) -> JSONValue? {
        if let value = members[name] {
            consumed.insert(name)
            return value
        }
        let folded = name.lowercased()
        for key in members.keys.sorted() where key.lowercased() == folded {
            consumed.insert(key)
            return members[key]
        }
        return nil
    }

    private func mismatch(_ name: String, _ kind: String, _ value: JSONValue) -> ALBValueProblem {
        ALBValueProblem("\"\(name)\" in \(location) to be \(kind), got \(value.typeName)")
    }

    /// Whether the object has the member (in any letter case).
    func has(_ name: String) -> Bool {
        members[name] != nil || members.keys.contains { $0.lowercased() == name.lowercased() }
    }

    /// A raw member; `nil` when absent or `null`.
    mutating func value(_ name: String) -> JSONValue? {
        guard let value = lookup(name), !value.isNull else { return nil }
        return value
    }

    /// A string member; `nil` when absent or `null`.
    mutating func string(_ name: String) throws -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw mismatch(name, "a string", value) }
        return text
    }

    /// A string member that must be present.
    mutating func requiredString(_ name: String) throws -> String {
        guard let text = try string(name) else {
            throw ALBValueProblem("\(location) to have the string field \"\(name)\"")
        }
        return text
    }

    /// An integer member; `nil` when absent or `null`.
    mutating func int(_ name: String) throws -> Int? {
        guard let value = value(name) else { return nil }
        guard case .int(let number) = value, let result = Int(exactly: number) else {
            throw mismatch(name, "an integer", value)
        }
        return result
    }

    /// A Boolean member; `nil` when absent or `null`.
    mutating func bool(_ name: String) throws -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(name, "true or false", value) }
        return flag
    }

    /// An array-of-strings member; `nil` when absent or `null`.
    mutating func strings(_ name: String) throws -> [String]? {
        guard let value = value(name) else { return nil }
        guard case .array(let items) = value else { throw mismatch(name, "an array of strings", value) }
        return try items.map { item in
            guard case .string(let text) = item else { throw mismatch(name, "an array of strings", item) }
            return text
        }
    }

    /// A string-to-string map member; `nil` when absent or `null`.
    mutating func stringMap(_ name: String) throws -> [String: String]? {
        guard let value = value(name) else { return nil }
        guard case .object(let object) = value else { throw mismatch(name, "an object of strings", value) }
        var result: [String: String] = [:]
        for (key, item) in object {
            guard case .string(let text) = item else { throw mismatch(name, "an object of strings", item) }
            result[key] = text
        }
        return result
    }

    /// An array-of-values member; `nil` when absent or `null`.
    mutating func array(_ name: String) throws -> [JSONValue]? {
        guard let value = value(name) else { return nil }
        guard case .array(let items) = value else { throw mismatch(name, "an array", value) }
        return items
    }

    /// Fails when the object has members none of the calls above asked for.
    func finish() throws {
        let unknown = members.keys.filter { !consumed.contains($0) }.sorted()
        if let first = unknown.first {
            throw ALBValueProblem("no field \"\(first)\" in \(location)")
        }
    }
}
