import Foundation
import KubeModels
import KubeSerialization
import Testing

/// Checks every modelled type against the Kubernetes v1.37 definitions: nothing missing, nothing
/// extra, JSON types as the API says. The fixtures in `Fixtures/all-fields` set every field of
/// every type reachable from each kind at least once.
@Suite struct SchemaConformanceTests {
    /// The `$defs` of the reference definitions file.
    nonisolated(unsafe) static let definitions: [String: [String: Any]] = {
        guard let data = try? Data(contentsOf: TestPaths.definitions),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let defs = root["$defs"] as? [String: [String: Any]]
        else { return [:] }
        return defs
    }()

    static let fixtureFiles: [URL] = (try? TestPaths.files(
        in: TestPaths.fixtures.appendingPathComponent("all-fields"), suffix: ".json")) ?? []

    @Test func definitionsAndFixturesArePresent() {
        #expect(Self.definitions.count > 800, "cannot read \(TestPaths.definitions.path)")
        #expect(Self.fixtureFiles.count == ResourceRegistry.kubernetesKinds.count)
    }

    @Test(arguments: fixtureFiles)
    func fixtureRoundTripsAndMatchesSchema(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let original = try JSONDecoder().decode(JSONValue.self, from: data)
        let manifest = try ResourceRegistry.kubernetes.decode(json: data)
        let resource = try #require(manifest.resource, "\(file.lastPathComponent) decoded as unstructured")
        let encoded = try encodeJSON(manifest)
        let reencoded = try JSONDecoder().decode(JSONValue.self, from: encoded)
        #expect(reencoded == original, "\(file.lastPathComponent): encoding changed the document")
        try TestPaths.writeOracleFile(encoded, subdirectory: "models", name: file.lastPathComponent)

        // Walk the encoded JSON alongside the schema.
        let defName = try #require(Self.definitionName(for: manifest.typeMeta))
        var seen: [String: Set<String>] = [:]
        var problems: [String] = []
        Self.walk(reencoded, definition: defName, path: manifest.kind, seen: &seen, problems: &problems)
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")

        // Stored properties of every model value, compared with the schema (independent of Codable).
        var mirrorProblems: [String] = []
        Self.checkStoredProperties(resource, path: manifest.kind, problems: &mirrorProblems)
        #expect(mirrorProblems.isEmpty, "\(mirrorProblems.prefix(20).joined(separator: "\n"))")
    }

    /// Across all fixtures, every field of every definition reachable from a kind is written.
    @Test func everyFieldIsWrittenSomewhere() throws {
        var seen: [String: Set<String>] = [:]
        var roots: [String] = []
        for file in Self.fixtureFiles {
            let manifest = try ResourceRegistry.kubernetes.decode(json: try Data(contentsOf: file))
            let value = try JSONDecoder().decode(JSONValue.self, from: try encodeJSON(manifest))
            let defName = try #require(Self.definitionName(for: manifest.typeMeta))
            roots.append(defName)
            var problems: [String] = []
            Self.walk(value, definition: defName, path: manifest.kind, seen: &seen, problems: &problems)
        }
        var reachable = Set<String>()
        var queue = roots
        while let name = queue.popLast() {
            guard reachable.insert(name).inserted, let def = Self.definitions[name] else { continue }
            Self.collectRefs(def, into: &queue)
        }
        var missing: [String] = []
        for name in reachable.sorted() {
            guard let props = Self.definitions[name]?["properties"] as? [String: Any] else { continue }
            let absent = Set(props.keys).subtracting(seen[name] ?? [])
            if !absent.isEmpty { missing.append("\(name): \(absent.sorted())") }
        }
        #expect(reachable.count > 300)
        #expect(missing.isEmpty, "fields never written: \(missing.joined(separator: "\n"))")
    }

    static func collectRefs(_ value: Any, into queue: inout [String]) {
        if let object = value as? [String: Any] {
            for (key, member) in object {
                if key == "$ref", let ref = member as? String, let name = ref.split(separator: "/").last {
                    queue.append(String(name))
                } else {
                    collectRefs(member, into: &queue)
                }
            }
        } else if let list = value as? [Any] {
            for member in list { collectRefs(member, into: &queue) }
        }
    }

    // MARK: - Schema walk

    static func definitionName(for meta: TypeMeta) -> String? {
        for (name, def) in definitions {
            guard let gvks = def["x-kubernetes-group-version-kind"] as? [[String: String]] else { continue }
            for gvk in gvks {
                let group = gvk["group"] ?? ""
                let apiVersion = group.isEmpty ? (gvk["version"] ?? "") : "\(group)/\(gvk["version"] ?? "")"
                if apiVersion == meta.apiVersion && gvk["kind"] == meta.kind { return name }
            }
        }
        return nil
    }

    static func ref(_ schema: [String: Any]) -> String? {
        (schema["$ref"] as? String)?.split(separator: "/").last.map(String.init)
    }

    static func types(_ schema: [String: Any]) -> Set<String> {
        if let t = schema["type"] as? String { return [t] }
        if let t = schema["type"] as? [String] { return Set(t) }
        if let options = schema["oneOf"] as? [[String: Any]] {
            return options.reduce(into: Set<String>()) { $0.formUnion(types($1)) }
        }
        return []
    }

    static func jsonType(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func walk(
        _ value: JSONValue, definition: String, path: String, seen: inout [String: Set<String>],
        problems: inout [String]
    ) {
        guard let def = definitions[definition] else {
            problems.append("\(path): unknown definition \(definition)")
            return
        }
        if def["properties"] == nil {
            // A primitive definition (Quantity, Time, IntOrString, free-form JSON).
            let allowed = types(def)
            if !allowed.isEmpty && !allowed.contains(jsonType(value))
                && !(allowed.contains("number") && jsonType(value) == "integer")
            {
                problems.append("\(path): \(jsonType(value)) where \(definition) allows \(allowed.sorted())")
            }
            return
        }
        guard case .object(let object) = value else {
            problems.append("\(path): expected an object for \(definition), found \(jsonType(value))")
            return
        }
        let props = def["properties"] as? [String: [String: Any]] ?? [:]
        for (key, member) in object {
            guard let schema = props[key] else {
                problems.append("\(path).\(key): not a field of \(definition)")
                continue
            }
            seen[definition, default: []].insert(key)
            check(member, schema: schema, path: "\(path).\(key)", seen: &seen, problems: &problems)
        }
        if object.isEmpty { seen[definition, default: []].formUnion([]) }
    }

    static func check(
        _ value: JSONValue, schema: [String: Any], path: String, seen: inout [String: Set<String>],
        problems: inout [String]
    ) {
        if let target = ref(schema) {
            walk(value, definition: target, path: path, seen: &seen, problems: &problems)
            return
        }
        let allowed = types(schema)
        let actual = jsonType(value)
        if !allowed.isEmpty && !allowed.contains(actual) && !(allowed.contains("number") && actual == "integer") {
            problems.append("\(path): \(actual) where the API has \(allowed.sorted())")
            return
        }
        switch value {
        case .array(let items):
            if let itemSchema = schema["items"] as? [String: Any] {
                for (i, item) in items.enumerated() {
                    check(item, schema: itemSchema, path: "\(path)[\(i)]", seen: &seen, problems: &problems)
                }
            }
        case .object(let members):
            if let extra = schema["additionalProperties"] as? [String: Any] {
                for (key, member) in members {
                    check(member, schema: extra, path: "\(path)[\(key)]", seen: &seen, problems: &problems)
                }
            }
        default:
            break
        }
    }

    // MARK: - Stored properties

    /// Definitions with properties, grouped by their short name (several groups reuse names such
    /// as `Subject` or `ResourceClaim`; a model must match one of them exactly).
    static let definitionsByShortName: [String: [Set<String>]] = {
        var out: [String: [Set<String>]] = [:]
        for (name, def) in definitions {
            guard let props = def["properties"] as? [String: Any] else { continue }
            var keys = Set(props.keys.map(normalize))
            if def["x-kubernetes-group-version-kind"] != nil { keys.subtract(["apiversion", "kind"]) }
            out[String(name.split(separator: ".").last ?? ""), default: []].append(keys)
        }
        return out
    }()

    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    static func checkStoredProperties(_ value: Any, path: String, problems: inout [String]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set:
            for (i, child) in mirror.children.enumerated() {
                checkStoredProperties(child.value, path: mirror.displayStyle == .optional ? path : "\(path)[\(i)]", problems: &problems)
            }
        case .dictionary:
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2 { checkStoredProperties(pair[1], path: "\(path)[\(pair[0])]", problems: &problems) }
            }
        case .struct:
            let typeName = String(describing: type(of: value))
            guard let candidates = definitionsByShortName[typeName] else { return }
            let stored = Set(mirror.children.compactMap { $0.label.map(normalize) })
            if !candidates.contains(stored) {
                let closest = candidates.min { $0.symmetricDifference(stored).count < $1.symmetricDifference(stored).count } ?? []
                let extra = stored.subtracting(closest)
                let missing = closest.subtracting(stored)
                problems.append("\(path) (\(typeName)): extra stored properties \(extra.sorted()), missing \(missing.sorted())")
            }
            for child in mirror.children {
                checkStoredProperties(child.value, path: "\(path).\(child.label ?? "?")", problems: &problems)
            }
        case .class:
            // IndirectBox: look inside.
            for child in mirror.children { checkStoredProperties(child.value, path: path, problems: &problems) }
        default:
            break
        }
    }
}
