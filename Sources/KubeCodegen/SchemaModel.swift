/// The intermediate description of the Swift types the generator writes: a tree of structs and
/// string enumerations, independent of whether it came from a CRD or a JSON Schema file.
indirect enum TypeRef: Hashable, Sendable {
    case string
    case int32
    case int64
    case double
    case bool
    case time
    case quantity
    case intOrString
    case json
    case objectMeta
    case bytes
    /// A generated struct or enumeration, by the name used at the point of reference.
    case named(String)
    case array(TypeRef)
    case map(TypeRef)

    /// The Swift spelling of the type.
    var swift: String {
        switch self {
        case .string: return "String"
        case .int32: return "Int32"
        case .int64: return "Int64"
        case .double: return "Double"
        case .bool: return "Bool"
        case .time: return "Time"
        case .quantity: return "Quantity"
        case .intOrString: return "IntOrString"
        case .json: return "JSONValue"
        case .objectMeta: return "ObjectMeta"
        case .bytes: return "String"
        case .named(let name): return name
        case .array(let element): return "[\(element.swift)]"
        case .map(let value): return "[String: \(value.swift)]"
        }
    }

    /// A short phrase for doc comments.
    var phrase: String {
        switch self {
        case .string, .bytes: return "a string"
        case .int32: return "a 32-bit integer"
        case .int64: return "a 64-bit integer"
        case .double: return "a number"
        case .bool: return "a Boolean"
        case .time: return "a timestamp"
        case .quantity: return "a ``Quantity``"
        case .intOrString: return "an ``IntOrString``"
        case .json: return "free-form JSON"
        case .objectMeta: return "standard object metadata"
        case .named(let name): return "``\(name)``"
        case .array(let element): return "a list of \(element.phrase.replacingOccurrences(of: "a ", with: ""))"
        case .map(let value): return "a map of \(value.phrase.replacingOccurrences(of: "a ", with: ""))"
        }
    }
}

/// One stored property of a generated struct.
struct PropertyDecl: Sendable {
    var jsonName: String
    var swiftName: String
    var type: TypeRef
    var required: Bool
    var description: String?
}

/// Identity of a generated kind.
struct ResourceInfo: Sendable {
    var apiVersion: String
    var kind: String
    var namespaced: Bool
    /// Whether `metadata` is Kubernetes `ObjectMeta` (a `Resource`) or the document's own type
    /// (only a `KubeObject`, as eksctl's `ClusterConfig`).
    var objectMeta: Bool = true
}

/// A generated type: a struct with properties and nested types, or a string enumeration.
indirect enum TypeDecl: Sendable {
    case structure(StructDecl)
    case enumeration(EnumDecl)
    /// A namespace (`public enum X {}`) that holds other declarations.
    case namespace(name: String, members: [TypeDecl], description: String?)

    var name: String {
        switch self {
        case .structure(let decl): return decl.name
        case .enumeration(let decl): return decl.name
        case .namespace(let name, _, _): return name
        }
    }
}

/// A struct to generate.
struct StructDecl: Sendable {
    var name: String
    /// Where the type sits in the source schema, for doc comments and errors (`spec.template`).
    var schemaPath: String
    var properties: [PropertyDecl]
    var nested: [TypeDecl]
    var resource: ResourceInfo?
    var description: String?
}

/// A string enumeration to generate (a `RawRepresentable` struct with static constants).
struct EnumDecl: Sendable {
    var name: String
    var schemaPath: String
    var values: [String]
    var description: String?
}
