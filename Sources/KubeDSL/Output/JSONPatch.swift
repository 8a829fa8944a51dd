import Foundation
import KubeSerialization

/// The pieces of the Kustomize layout: what environments share, and JSON 6902 operations that
/// turn the shared part into one environment's object.
enum JSONPatch {
    /// What every value has in common: equal values; for objects, the keys all have with their
    /// common part (nothing when no key is left); for arrays of one length, the common part of
    /// each element (or nothing when some element has none). `nil` when nothing is common.
    static func common(_ values: [JSONValue]) -> JSONValue? {
        guard let first = values.first else { return nil }
        if values.allSatisfy({ $0 == first }) { return first }
        if case .object = first {
            let objects = values.compactMap(\.objectValue)
            guard objects.count == values.count else { return nil }
            var result: [String: JSONValue] = [:]
            for key in first.objectValue?.keys.sorted() ?? [] {
                let children = objects.compactMap { $0[key] }
                guard children.count == objects.count, let shared = common(children) else { continue }
                result[key] = shared
            }
            // An object emptied by the intersection says nothing; leaving it out lets each
            // overlay add the whole object in one operation.
            if result.isEmpty, objects.contains(where: { !$0.isEmpty }) { return nil }
            return .object(result)
        }
        if case .array(let firstArray) = first {
            let arrays = values.compactMap(\.arrayValue)
            guard arrays.count == values.count, arrays.allSatisfy({ $0.count == firstArray.count }) else { return nil }
            var result: [JSONValue] = []
            for index in firstArray.indices {
                guard let shared = common(arrays.map { $0[index] }) else { return nil }
                result.append(shared)
            }
            return .array(result)
        }
        return nil
    }

    /// Operations that turn `base` into `target`, as JSON values (`{"op": ..., "path": ..., "value": ...}`).
    static func operations(from base: JSONValue, to target: JSONValue, path: String = "") -> [JSONValue] {
        if base == target { return [] }
        switch (base, target) {
        case (.object(let old), .object(let new)):
            var operations: [JSONValue] = []
            for key in old.keys.sorted() where new[key] == nil {
                operations.append(["op": "remove", "path": .string(path + "/" + escape(key))])
            }
            for key in new.keys.sorted() {
                guard let value = new[key] else { continue }
                let childPath = path + "/" + escape(key)
                if let existing = old[key] {
                    operations += self.operations(from: existing, to: value, path: childPath)
                } else {
                    operations.append(["op": "add", "path": .string(childPath), "value": value])
                }
            }
            return operations
        case (.array(let old), .array(let new)) where old.count == new.count:
            return old.indices.flatMap { operations(from: old[$0], to: new[$0], path: path + "/\($0)") }
        default:
            return [["op": "replace", "path": .string(path), "value": target]]
        }
    }

    /// A JSON Pointer reference token: `~` as `~0`, `/` as `~1`.
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
