import KubeSerialization

/// Converts OpenAPI v3 / JSON Schema objects into ``TypeDecl`` trees.
struct SchemaConverter {
    let file: String
    let includeDescriptions: Bool
    /// JSON Schema `definitions`, for inputs that use `$ref` (eksctl's schema).
    var definitions: [String: JSONValue] = [:]
    /// Swift names of the definitions that become named types.
    var definitionTypeNames: [String: String] = [:]
    /// Definitions being converted, to resolve aliases without looping.
    private var resolving: Set<String> = []

    init(file: String, includeDescriptions: Bool) {
        self.file = file
        self.includeDescriptions = includeDescriptions
    }

    func error(_ path: String, _ message: String) -> CodegenError {
        CodegenError(file: file, path: path, message: message)
    }

    /// The schema's `type`, ignoring `null` in a list of types.
    static func typeName(_ schema: [String: JSONValue]) -> String? {
        switch schema["type"] {
        case .string(let name)?: return name
        case .array(let names)?: return names.compactMap(\.stringValue).first { $0 != "null" }
        default: return nil
        }
    }

    /// Whether a pattern is the Kubernetes resource-quantity pattern.
    static func isQuantityPattern(_ pattern: String?) -> Bool {
        guard let pattern else { return false }
        return pattern.contains("[KMGTPE]i") && pattern.contains("[numkMGTPE]")
    }

    func description(of schema: [String: JSONValue]) -> String? {
        guard includeDescriptions, let text = schema["description"]?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    /// Converts `schema` to a type reference, adding any struct or enum it needs to `nested`.
    ///
    /// - Parameters:
    ///   - suggestedName: the type name to use if the schema needs a type of its own.
    ///   - taken: names already used by siblings (and enclosing types) in the same scope.
    mutating func convert(
        _ value: JSONValue, suggestedName: String, path: String, nested: inout [TypeDecl], taken: inout Set<String>
    ) throws -> TypeRef {
        guard case .object(let schema) = value else {
            if case .bool(true) = value { return .json }
            throw error(path, "expected a schema object, found \(value.typeName)")
        }
        if let ref = schema["$ref"] {
            guard let target = ref.stringValue else { throw error(path + ".$ref", "expected a string reference") }
            return try resolveReference(target, path: path)
        }
        for unsupported in ["not", "allOf"] where schema[unsupported] != nil {
            throw error(path, "unsupported schema construct \"\(unsupported)\": KubeKit cannot type it; "
                + "mark the field with x-kubernetes-preserve-unknown-fields to keep it free-form")
        }
        let type = Self.typeName(schema)
        if schema["x-kubernetes-int-or-string"]?.boolValue == true {
            return Self.isQuantityPattern(schema["pattern"]?.stringValue) ? .quantity : .intOrString
        }
        if let alternatives = (schema["anyOf"] ?? schema["oneOf"])?.arrayValue, type == nil {
            let kinds = Set(alternatives.compactMap { $0.objectValue.flatMap(Self.typeName) })
            if kinds == ["integer", "string"] {
                return Self.isQuantityPattern(schema["pattern"]?.stringValue) ? .quantity : .intOrString
            }
            if alternatives.allSatisfy({ ($0.objectValue?.keys.allSatisfy { ["required", "properties", "not"].contains($0) }) ?? false }) {
                // `oneOf: [{required: [a]}, {required: [b]}]` only constrains the object beside it.
            } else {
                throw error(path, "unsupported schema construct: anyOf/oneOf of \(kinds.sorted()) (only integer-or-string is typed)")
            }
        }
        if schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true, schema["properties"] == nil {
            return .json
        }
        switch type {
        case "string":
            if let values = schema["enum"]?.arrayValue {
                let strings = values.compactMap(\.stringValue)
                guard strings.count == values.count else {
                    throw error(path + ".enum", "expected string values in the enum of a string field")
                }
                let name = Self.unique(suggestedName, suffix: "Value", taken: &taken)
                nested.append(.enumeration(EnumDecl(name: name, schemaPath: path, values: strings, description: description(of: schema))))
                return .named(name)
            }
            switch schema["format"]?.stringValue {
            case "date-time": return .time
            case "byte": return .bytes
            default: return .string
            }
        case "integer":
            return schema["format"]?.stringValue == "int32" ? .int32 : .int64
        case "number":
            return .double
        case "boolean":
            return .bool
        case "array":
            guard let items = schema["items"] else { return .array(.json) }
            let element = try convert(
                items, suggestedName: Naming.singular(suggestedName), path: path + ".items", nested: &nested, taken: &taken)
            return .array(element)
        case "object", nil:
            if schema["properties"] != nil {
                let name = Self.unique(suggestedName, suffix: "Object", taken: &taken)
                let decl = try structure(schema, name: name, path: path, enclosing: taken)
                nested.append(.structure(decl))
                return .named(name)
            }
            if let extra = schema["additionalProperties"] {
                if case .bool = extra { return type == nil ? .json : .map(.json) }
                if case .object(let extraSchema) = extra, extraSchema.isEmpty { return .map(.json) }
                let valueType = try convert(
                    extra, suggestedName: suggestedName + "Value", path: path + ".additionalProperties", nested: &nested,
                    taken: &taken)
                return .map(valueType)
            }
            if type == nil, let values = schema["enum"]?.arrayValue, values.allSatisfy({ $0.stringValue != nil }) {
                let name = Self.unique(suggestedName, suffix: "Value", taken: &taken)
                nested.append(.enumeration(EnumDecl(
                    name: name, schemaPath: path, values: values.compactMap(\.stringValue), description: description(of: schema))))
                return .named(name)
            }
            return .json
        default:
            throw error(path + ".type", "unsupported type \"\(type ?? "")\"; expected string, integer, number, boolean, array or object")
        }
    }

    /// Builds a struct from an object schema with `properties`.
    mutating func structure(
        _ schema: [String: JSONValue], name: String, path: String, enclosing: Set<String>,
        resource: ResourceInfo? = nil
    ) throws -> StructDecl {
        guard case .object(var properties)? = schema["properties"] else {
            throw error(path + ".properties", "expected an object of property schemas")
        }
        if resource != nil && properties["metadata"] == nil {
            // Every kind has standard metadata even when the schema leaves it out.
            properties["metadata"] = ["type": "object"]
        }
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        var nested: [TypeDecl] = []
        // Children only need names unique among their siblings, except that in JSON Schema mode they
        // must not shadow the definition types that properties refer to by name.
        _ = enclosing
        var taken = Set(definitionTypeNames.values)
        var usedProperties: Set<String> = []
        var decls: [PropertyDecl] = []
        for jsonName in properties.keys.sorted() {
            guard let propertySchema = properties[jsonName] else { continue }
            if resource != nil && (jsonName == "apiVersion" || jsonName == "kind") { continue }
            var swiftName = Naming.property(jsonName)
            var counter = 2
            while usedProperties.contains(swiftName) {
                swiftName = Naming.property(jsonName) + String(counter)
                counter += 1
            }
            usedProperties.insert(swiftName)
            let type: TypeRef
            if resource != nil && jsonName == "metadata" {
                type = .objectMeta
            } else {
                type = try convert(
                    propertySchema, suggestedName: Naming.type(jsonName), path: path + ".properties." + jsonName,
                    nested: &nested, taken: &taken)
            }
            let propertyDescription = propertySchema.objectValue.flatMap { description(of: $0) }
            // A required field with a schema default may be left out: the API server fills in the
            // default before it checks `required`, so the model must accept its absence.
            let defaulted = propertySchema.objectValue?["default"] != nil
            decls.append(PropertyDecl(
                jsonName: jsonName, swiftName: swiftName, type: type,
                required: (required.contains(jsonName) && !defaulted) || (resource != nil && jsonName == "metadata"),
                description: propertyDescription))
        }
        return StructDecl(
            name: name, schemaPath: path, properties: decls, nested: nested, resource: resource,
            description: description(of: schema))
    }

    /// A name not yet used in the scope (reserved names and clashes get a suffix).
    static func unique(_ base: String, suffix: String, taken: inout Set<String>) -> String {
        var name = base.isEmpty ? suffix : base
        if Naming.reservedTypeNames.contains(name) || Naming.keywords.contains(name) { name += suffix }
        var candidate = name
        var counter = 2
        while taken.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    // MARK: - JSON Schema definitions

    /// The Swift type name of a definition key (`github.com|aws|…|arn.ARN` → `ARN`).
    static func definitionName(_ key: String) -> String {
        let last = key.split(separator: "|").last.map(String.init) ?? key
        let tail = last.split(separator: ".").last.map(String.init) ?? last
        let name = Naming.type(tail)
        return name
    }

    /// Whether a definition becomes a named type (an object with properties, or a string enum).
    static func isNamedDefinition(_ schema: JSONValue) -> Bool {
        guard let object = schema.objectValue else { return false }
        if object["properties"] != nil { return true }
        return object["enum"] != nil && typeName(object) == "string"
    }

    mutating func resolveReference(_ reference: String, path: String) throws -> TypeRef {
        let prefix = "#/definitions/"
        guard reference.hasPrefix(prefix) else {
            throw error(path, "unsupported reference \"\(reference)\"; only #/definitions/… references are supported")
        }
        let key = String(reference.dropFirst(prefix.count))
        guard let target = definitions[key] else {
            throw error(path, "reference to an unknown definition \"\(key)\"")
        }
        if let name = definitionTypeNames[key] { return .named(name) }
        guard !resolving.contains(key) else {
            throw error(path, "the definition \"\(key)\" refers to itself without a named type in between")
        }
        resolving.insert(key)
        defer { resolving.remove(key) }
        var scratch: [TypeDecl] = []
        var taken: Set<String> = []
        let type = try convert(target, suggestedName: Self.definitionName(key), path: "definitions." + key, nested: &scratch, taken: &taken)
        guard scratch.isEmpty else {
            throw error("definitions." + key, "an inline definition needs types of its own; give it properties")
        }
        return type
    }
}
