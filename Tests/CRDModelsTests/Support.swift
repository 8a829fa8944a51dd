import Foundation
import KubeAWS
import KubeFlux
import KubeModels
import KubePrometheus
import KubeSerialization

/// Paths and shared helpers for the CRD model tests.
enum Paths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] { return URL(fileURLWithPath: custom) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let reference = shared.appendingPathComponent("reference")

    static func files(_ directory: URL, suffix: String) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func readDocuments(_ url: URL) throws -> [JSONValue] {
        let data = try Data(contentsOf: url)
        return try ManifestReader.readAll([UInt8](data), file: url.lastPathComponent).map(\.jsonValue)
    }
}

/// Every generated CRD kind, and a registry that knows them and the built-in kinds.
enum Kinds {
    static let all: [any Resource.Type] =
        KarpenterKinds.all + LoadBalancerControllerKinds.all + FluxKinds.all + PrometheusKinds.all
    static let registry: ResourceRegistry = ResourceRegistry.kubernetes.merging(ResourceRegistry(all))
}

/// Encodes with sorted keys and unescaped slashes.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
}

/// Semantic comparison: null members equal absent ones. Returns the differences by path.
func differences(_ a: JSONValue, _ b: JSONValue, path: String = "") -> [String] {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        var out: [String] = []
        for key in Set(x.keys).union(y.keys).sorted() {
            let left: JSONValue? = x[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
            let right: JSONValue? = y[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
            switch (left, right) {
            case (let l?, let r?): out += differences(l, r, path: "\(path).\(key)")
            case (nil, nil): break
            case (nil, _?): out.append("\(path).\(key) added")
            case (_?, nil): out.append("\(path).\(key) dropped")
            }
        }
        return out
    case (.array(let x), .array(let y)) where x.count == y.count:
        return zip(x, y).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
    default:
        return a == b ? [] : ["\(path): \(a) became \(b)"]
    }
}

/// Builds a document that sets every property of a schema, choosing a value of the right type
/// for each (enum members, quantities, timestamps), to check that the models have exactly the
/// schema's fields. The values are type-correct, not meaningful.
struct SchemaSampler {
    var definitions: [String: JSONValue] = [:]
    var depth = 0

    mutating func sample(_ schema: JSONValue, name: String) -> JSONValue {
        guard case .object(let s) = schema else { return .object(["any": .int(1)]) }
        if let ref = s["$ref"]?.stringValue, let target = definitions[String(ref.dropFirst("#/definitions/".count))] {
            depth += 1
            defer { depth -= 1 }
            if depth > 12 { return .null }
            return sample(target, name: name)
        }
        if s["x-kubernetes-int-or-string"]?.boolValue == true {
            if let pattern = s["pattern"]?.stringValue, pattern.contains("[KMGTPE]i") { return .string("1Gi") }
            return .int(8080)
        }
        if s["x-kubernetes-preserve-unknown-fields"]?.boolValue == true, s["properties"] == nil {
            return .object(["free": .array([.int(1), .string("form")])])
        }
        let type: String? = {
            switch s["type"] {
            case .string(let t)?: return t
            case .array(let ts)?: return ts.compactMap(\.stringValue).first { $0 != "null" }
            default: return nil
            }
        }()
        if let values = s["enum"]?.arrayValue, let first = values.first { return first }
        switch type {
        case "string":
            switch s["format"]?.stringValue {
            case "date-time": return .string("2024-01-02T03:04:05Z")
            case "byte": return .string("a3ViZWtpdA==")
            default: return .string("sample-\(name.lowercased())")
            }
        case "integer": return .int(3)
        case "number": return .double(0.5)
        case "boolean": return .bool(true)
        case "array":
            guard let items = s["items"] else { return .array([.string("x")]) }
            let item = sample(items, name: name)
            return item.isNull ? .array([]) : .array([item])
        default:
            if case .object(let properties)? = s["properties"] {
                var out: [String: JSONValue] = [:]
                for (key, value) in properties {
                    let member = sample(value, name: key)
                    if !member.isNull { out[key] = member }
                }
                return .object(out)
            }
            if let extra = s["additionalProperties"] {
                if case .object(let e) = extra, !e.isEmpty {
                    let member = sample(extra, name: name)
                    return member.isNull ? .object([:]) : .object(["example.com/key": member])
                }
                return .object(["key": .string("value")])
            }
            return .object(["free": .string("form")])
        }
    }

    /// Compares the stored properties of a model value (through `Mirror`) with the schema's
    /// properties, level by level.
    func checkStoredProperties(_ value: Any, schema: JSONValue, path: String, skip: Set<String> = [], problems: inout [String]) {
        guard case .object(var s) = schema else { return }
        if let ref = s["$ref"]?.stringValue, case .object(let target)? = definitions[String(ref.dropFirst("#/definitions/".count))] {
            s = target
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first { checkStoredProperties(child.value, schema: schema, path: path, skip: skip, problems: &problems) }
        case .collection:
            guard let items = s["items"] else { return }
            for (i, child) in mirror.children.enumerated() {
                checkStoredProperties(child.value, schema: items, path: "\(path)[\(i)]", problems: &problems)
            }
        case .dictionary:
            guard let extra = s["additionalProperties"] else { return }
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2 { checkStoredProperties(pair[1], schema: extra, path: "\(path)[\(pair[0])]", problems: &problems) }
            }
        case .struct:
            guard case .object(let properties)? = s["properties"] else { return }
            var byNormalized: [String: JSONValue] = [:]
            for (key, value) in properties where !skip.contains(key) { byNormalized[Self.normalize(key)] = value }
            // `additionalFields` holds undeclared fields of open types (EC2NodeClass kubelet).
            let labels = mirror.children.compactMap { $0.label }.filter { $0 != "additionalFields" }
            // Two JSON names that differ only in case (`PrefixListsIDs`, `prefixListsIDs`) become
            // `prefixListsIDs` and `prefixListsIDs2`: compare as multisets.
            let schemaNames = properties.keys.filter { !skip.contains($0) }.map(Self.normalize).sorted()
            let storedNames = labels.map { label -> String in
                let normalized = Self.normalize(label)
                let trimmed = String(normalized.reversed().drop(while: \.isNumber).reversed())
                return schemaNames.contains(normalized) || trimmed.isEmpty ? normalized : trimmed
            }.sorted()
            let stored = Set(storedNames)
            if storedNames != schemaNames {
                problems.append("\(path): stored \(stored.subtracting(byNormalized.keys).sorted()) not in schema; schema \(Set(byNormalized.keys).subtracting(stored).sorted()) not stored")
            }
            for child in mirror.children {
                guard let label = child.label, let propertySchema = byNormalized[Self.normalize(label)] else { continue }
                if label == "metadata", String(describing: type(of: child.value)) == "ObjectMeta" { continue }
                checkStoredProperties(child.value, schema: propertySchema, path: "\(path).\(label)", problems: &problems)
            }
        default:
            break
        }
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}

/// The CRD documents of the reference data, by (apiVersion, kind).
enum ReferenceCRDs {
    struct Entry {
        var file: String
        var schema: JSONValue
    }

    static let byType: [TypeMeta: Entry] = {
        var out: [TypeMeta: Entry] = [:]
        for folder in ["karpenter", "aws-load-balancer-controller", "flux", "prometheus"] {
            for url in Paths.files(Paths.reference.appendingPathComponent(folder), suffix: ".yaml") {
                guard let documents = try? Paths.readDocuments(url) else { continue }
                for crd in documents {
                    guard let group = crd["spec"]?["group"]?.stringValue, let kind = crd["spec"]?["names"]?["kind"]?.stringValue
                    else { continue }
                    for version in crd["spec"]?["versions"]?.arrayValue ?? [] {
                        guard let name = version["name"]?.stringValue, let schema = version["schema"]?["openAPIV3Schema"] else { continue }
                        out[TypeMeta(apiVersion: "\(group)/\(name)", kind: kind)] = Entry(file: url.lastPathComponent, schema: schema)
                    }
                }
            }
        }
        return out
    }()
}
