import KubeDSL
import KubeModels
import KubeSerialization

/// The semantic differences between two sets of manifests (for example the dev and prod
/// renders of one cluster): objects added or removed, matched by group, kind, namespace and
/// name, and for objects in both, every changed field by path. Order of objects and of map
/// keys does not matter; list items are compared by index.
public struct ManifestDiff: Sendable, Equatable, CustomStringConvertible {
    /// A change of one field.
    public struct FieldChange: Sendable, Equatable, CustomStringConvertible {
        /// The path of the field, e.g. `spec.template.spec.containers[0].resources.requests.cpu`.
        public let path: String
        /// The value before, `nil` when the field was added.
        public let old: JSONValue?
        /// The value after, `nil` when the field was removed.
        public let new: JSONValue?

        /// A change of the field at `path` from `old` to `new` (`nil`: absent).
        public init(path: String, old: JSONValue?, new: JSONValue?) {
            self.path = path
            self.old = old
            self.new = new
        }

        /// `path: old -> new`, with `(none)` for an absent value.
        public var description: String {
            "\(path): \(ManifestDiff.format(old)) -> \(ManifestDiff.format(new))"
        }
    }

    /// An object present in both sets whose fields differ.
    public struct ChangedObject: Sendable, Equatable {
        /// The object.
        public let identity: ResourceIdentity
        /// Its changed fields, sorted by path.
        public let changes: [FieldChange]
    }

    /// Objects only the second set has, sorted.
    public let added: [ResourceIdentity]
    /// Objects only the first set has, sorted.
    public let removed: [ResourceIdentity]
    /// Objects in both sets that differ, sorted.
    public let changed: [ChangedObject]

    /// Compares `old` with `new`.
    ///
    /// - Throws: an encoding error when a manifest cannot be converted to JSON.
    public init(from old: [Manifest], to new: [Manifest]) throws {
        let before = try ManifestDiff.keyed(old)
        let after = try ManifestDiff.keyed(new)
        added = after.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { after[$0] == nil }.sorted()
        changed = before.keys.sorted().compactMap { identity in
            guard let a = before[identity], let b = after[identity], a != b else { return nil }
            var changes: [FieldChange] = []
            ManifestDiff.compare(a, b, path: "", into: &changes)
            return ChangedObject(identity: identity, changes: changes.sorted { $0.path < $1.path })
        }
    }

    /// Compares two renders, e.g. `try ManifestDiff(from: dev, to: prod)`.
    public init(from old: RenderedCluster, to new: RenderedCluster) throws {
        try self.init(from: old.manifests, to: new.manifests)
    }

    /// Whether the sets are equal.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// The changes of one object, or `[]`.
    public func changes(of identity: ResourceIdentity) -> [FieldChange] {
        changed.first { $0.identity == identity }?.changes ?? []
    }

    /// One line per added (`+`) or removed (`-`) object, and per changed object (`~`) its
    /// changed fields indented below it.
    public var description: String {
        var lines = added.map { "+ \($0)" } + removed.map { "- \($0)" }
        for object in changed {
            lines.append("~ \(object.identity)")
            lines += object.changes.map { "    \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private static func keyed(_ manifests: [Manifest]) throws -> [ResourceIdentity: JSONValue] {
        var result: [ResourceIdentity: JSONValue] = [:]
        for manifest in manifests { result[ResourceIdentity(manifest)] = try manifest.jsonValue() }
        return result
    }

    private static func compare(_ a: JSONValue, _ b: JSONValue, path: String, into changes: inout [FieldChange]) {
        if a == b { return }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys) {
                let child = path.isEmpty ? key : path + "." + key
                switch (x[key], y[key]) {
                case (let old?, let new?): compare(old, new, path: child, into: &changes)
                case (let old, let new): changes.append(FieldChange(path: child, old: old, new: new))
                }
            }
        case (.array(let x), .array(let y)):
            for index in 0..<max(x.count, y.count) {
                let child = path + "[\(index)]"
                if index < x.count, index < y.count {
                    compare(x[index], y[index], path: child, into: &changes)
                } else {
                    let old = index < x.count ? x[index] : nil
                    let new = index < y.count ? y[index] : nil
                    changes.append(FieldChange(path: child, old: old, new: new))
                }
            }
        default:
            changes.append(FieldChange(path: path, old: a, new: b))
        }
    }

    /// A compact, JSON-like rendering of a value.
    static func format(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .int(let int): return String(int)
        case .double(let double): return String(double)
        case .string(let string): return "\"\(string)\""
        case .array(let items): return "[" + items.map { format($0) }.joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { "\($0): \(format(fields[$0]))" }.joined(separator: ", ") + "}"
        }
    }
}
