/// Writes Swift source for ``TypeDecl`` trees, with the same conventions as the built-in models:
/// strict decoding with unknown fields reported, unset optionals omitted, keys in a stable order.
struct SwiftEmitter {
    var lines: [String] = []
    var indent = 0
    /// Qualified names of the types that keep undeclared fields (see `ModelGenerator.Options.openTypes`).
    var openTypes: Set<String> = []

    mutating func line(_ text: String = "") {
        lines.append(text.isEmpty ? "" : String(repeating: "    ", count: indent) + text)
    }

    mutating func doc(_ text: String) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingTrailingSpaces()
            line(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
    }

    mutating func emit(_ decl: TypeDecl, qualifiedPrefix: String) {
        switch decl {
        case .structure(let structure): emitStruct(structure, qualifiedPrefix: qualifiedPrefix)
        case .enumeration(let enumeration): emitEnum(enumeration)
        case .namespace(let name, let members, let description):
            doc(description ?? "A namespace for the types of one API version.")
            line("public enum \(name) {")
            indent += 1
            for (index, member) in members.enumerated() {
                if index > 0 { line() }
                emit(member, qualifiedPrefix: qualifiedPrefix + name + ".")
            }
            indent -= 1
            line("}")
        }
    }

    static func declType(_ property: PropertyDecl) -> String {
        property.required ? property.type.swift : property.type.swift + "?"
    }

    mutating func emitStruct(_ decl: StructDecl, qualifiedPrefix: String) {
        let qualified = qualifiedPrefix + decl.name
        if let resource = decl.resource {
            doc(decl.description ?? "The typed model of the `\(resource.apiVersion)` `\(resource.kind)` kind.")
            line("public struct \(decl.name): \(resource.objectMeta ? "Resource" : "KubeObject") {")
        } else {
            doc(decl.description ?? "The object at `\(decl.schemaPath)` of the schema.")
            line("public struct \(decl.name): Codable, Hashable, Sendable {")
        }
        indent += 1
        if let resource = decl.resource {
            line("/// `\(resource.apiVersion)`.")
            line("public static let apiVersion = \"\(resource.apiVersion)\"")
            line("/// `\(resource.kind)`.")
            line("public static let kind = \"\(resource.kind)\"")
            if resource.objectMeta {
                line("/// Whether objects of this kind live in a namespace.")
                line("public static let scope = ResourceScope.\(resource.namespaced ? "namespaced" : "cluster")")
            }
            line()
        }
        let ordered = Self.initializerOrder(decl.properties)
        for property in ordered {
            if let text = property.description {
                doc(text)
            } else if property.type == .objectMeta {
                doc("The object's metadata: name, namespace, labels, annotations and the rest.")
            } else {
                doc("The `\(property.jsonName)` field: \(property.type.phrase) (\(property.required ? "required" : "optional")).")
            }
            line("public var \(Naming.escaped(property.swiftName)): \(Self.declType(property))")
        }
        let isOpen = openTypes.contains(qualified)
        if isOpen {
            doc("Fields the schema does not declare, kept as written (this object accepts any field).")
            line("public var additionalFields: [String: JSONValue]")
        }
        if !ordered.isEmpty || isOpen { line() }
        // Memberwise initializer.
        doc("Creates a value; optional fields default to unset.")
        if ordered.isEmpty && !isOpen {
            line("public init() {}")
        } else {
            line("public init(")
            indent += 1
            for (index, property) in ordered.enumerated() {
                let comma = index < ordered.count - 1 || isOpen ? "," : ""
                if property.type == .objectMeta {
                    line("\(Naming.escaped(property.swiftName)): ObjectMeta = ObjectMeta()\(comma)")
                } else if property.required {
                    line("\(Naming.escaped(property.swiftName)): \(Self.declType(property))\(comma)")
                } else {
                    line("\(Naming.escaped(property.swiftName)): \(Self.declType(property)) = nil\(comma)")
                }
            }
            if isOpen { line("additionalFields: [String: JSONValue] = [:]") }
            indent -= 1
            line(") {")
            indent += 1
            for property in ordered {
                line("self.\(Naming.escaped(property.swiftName)) = \(Naming.escaped(property.swiftName))")
            }
            if isOpen { line("self.additionalFields = additionalFields") }
            indent -= 1
            line("}")
        }
        if let resource = decl.resource, resource.objectMeta {
            emitConvenienceInit(decl, resource: resource, ordered: ordered)
        }
        for nested in decl.nested {
            line()
            emit(nested, qualifiedPrefix: qualified + ".")
        }
        line()
        emitCodable(decl, qualified: qualified)
        indent -= 1
        line("}")
    }

    mutating func emitConvenienceInit(_ decl: StructDecl, resource: ResourceInfo, ordered: [PropertyDecl]) {
        let rest = ordered.filter { $0.type != .objectMeta && $0.jsonName != "status" }
        line()
        doc("Creates an object named `name`\(resource.namespaced ? " in `namespace`" : ""), with the given labels and fields.")
        line("public init(")
        indent += 1
        var parameters = ["name: String"]
        if resource.namespaced { parameters.append("namespace: String? = nil") }
        parameters.append("labels: [String: String]? = nil")
        for property in rest {
            let type = Self.declType(property)
            parameters.append(property.required
                ? "\(Naming.escaped(property.swiftName)): \(type)"
                : "\(Naming.escaped(property.swiftName)): \(type) = nil")
        }
        for (index, parameter) in parameters.enumerated() {
            line(parameter + (index < parameters.count - 1 ? "," : ""))
        }
        indent -= 1
        line(") {")
        indent += 1
        let meta = "name: name" + (resource.namespaced ? ", namespace: namespace" : "") + ", labels: labels"
        var arguments = ["metadata: ObjectMeta(\(meta))"]
        for property in rest {
            arguments.append("\(Naming.escaped(property.swiftName)): \(Naming.escaped(property.swiftName))")
        }
        line("self.init(")
        indent += 1
        for (index, argument) in arguments.enumerated() {
            line(argument + (index < arguments.count - 1 ? "," : ""))
        }
        indent -= 1
        line(")")
        indent -= 1
        line("}")
    }

    /// `name` and `namespace` first, then alphabetical (metadata first on kinds).
    static func initializerOrder(_ properties: [PropertyDecl]) -> [PropertyDecl] {
        properties.sorted { a, b in
            func rank(_ p: PropertyDecl) -> Int {
                if p.type == .objectMeta { return 0 }
                if p.jsonName == "name" { return 1 }
                if p.jsonName == "namespace" { return 2 }
                return 3
            }
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : a.jsonName < b.jsonName
        }
    }

    /// metadata, spec, the rest alphabetically, status last.
    static func encodingOrder(_ properties: [PropertyDecl], isResource: Bool) -> [PropertyDecl] {
        properties.sorted { a, b in
            func rank(_ p: PropertyDecl) -> Int {
                guard isResource else { return 2 }
                switch p.jsonName {
                case "metadata": return 0
                case "spec": return 1
                case "status": return 3
                default: return 2
                }
            }
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : a.jsonName < b.jsonName
        }
    }

    mutating func emitCodable(_ decl: StructDecl, qualified: String) {
        let sorted = decl.properties.sorted { $0.jsonName < $1.jsonName }
        if openTypes.contains(qualified) {
            emitOpenCodable(decl, qualified: qualified, sorted: sorted)
            return
        }
        if sorted.isEmpty && decl.resource == nil {
            doc("Decodes the value: an empty object, with unknown fields reported.")
            line("public init(from decoder: any Decoder) throws {")
            line("    try KubeCoding.checkFields(of: decoder, allowed: KubeCoding.NoFields.self, in: \"\(qualified)\")")
            line("}")
            line()
            doc("Encodes the value as an empty object.")
            line("public func encode(to encoder: any Encoder) throws {")
            line("    _ = encoder.container(keyedBy: AnyCodingKey.self)")
            line("}")
            return
        }
        line("enum CodingKeys: String, CodingKey, CaseIterable {")
        indent += 1
        var keys: [(String, String)] = []
        if decl.resource != nil { keys += [("apiVersion", "apiVersion"), ("kind", "kind")] }
        keys += sorted.map { ($0.swiftName, $0.jsonName) }
        for (swiftName, jsonName) in keys {
            if swiftName == jsonName {
                line("case \(Naming.escaped(swiftName))")
            } else {
                line("case \(Naming.escaped(swiftName)) = \"\(Self.escapeString(jsonName))\"")
            }
        }
        indent -= 1
        line("}")
        line()
        doc("Decodes the value, reporting unknown fields (see ``UnknownFieldPolicy``).")
        line("public init(from decoder: any Decoder) throws {")
        indent += 1
        line("try KubeCoding.checkFields(of: decoder, allowed: CodingKeys.self, in: \"\(qualified)\")")
        line("let container = try decoder.container(keyedBy: CodingKeys.self)")
        if decl.resource != nil {
            line("try KubeCoding.checkIdentity(")
            line("    apiVersion: container.decodeIfPresent(String.self, forKey: .apiVersion),")
            line("    kind: container.decodeIfPresent(String.self, forKey: .kind),")
            line("    of: Self.self, codingPath: decoder.codingPath)")
        }
        for property in sorted {
            let name = Naming.escaped(property.swiftName)
            if property.type == .objectMeta {
                line("self.\(name) = try container.decodeIfPresent(ObjectMeta.self, forKey: .\(name)) ?? ObjectMeta()")
            } else if property.required {
                line("self.\(name) = try container.decode(\(property.type.swift).self, forKey: .\(name))")
            } else {
                line("self.\(name) = try container.decodeIfPresent(\(property.type.swift).self, forKey: .\(name))")
            }
        }
        indent -= 1
        line("}")
        line()
        doc("Encodes the value; unset optional fields are omitted, empty lists and maps are kept.")
        line("public func encode(to encoder: any Encoder) throws {")
        indent += 1
        line("var container = encoder.container(keyedBy: CodingKeys.self)")
        if decl.resource != nil {
            line("try container.encode(Self.apiVersion, forKey: .apiVersion)")
            line("try container.encode(Self.kind, forKey: .kind)")
        }
        for property in Self.encodingOrder(decl.properties, isResource: decl.resource != nil) {
            let name = Naming.escaped(property.swiftName)
            if property.type == .objectMeta {
                line("if !\(name).isEmpty { try container.encode(\(name), forKey: .\(name)) }")
            } else if property.required {
                line("try container.encode(self.\(name), forKey: .\(name))")
            } else {
                line("try container.encodeIfPresent(self.\(name), forKey: .\(name))")
            }
        }
        indent -= 1
        line("}")
    }

    /// Codable for a type that keeps undeclared fields: known fields typed, the rest as JSON.
    mutating func emitOpenCodable(_ decl: StructDecl, qualified: String, sorted: [PropertyDecl]) {
        line("enum CodingKeys: String, CodingKey, CaseIterable {")
        indent += 1
        for property in sorted {
            if property.swiftName == property.jsonName {
                line("case \(Naming.escaped(property.swiftName))")
            } else {
                line("case \(Naming.escaped(property.swiftName)) = \"\(Self.escapeString(property.jsonName))\"")
            }
        }
        indent -= 1
        line("}")
        line()
        doc("Decodes the declared fields and keeps every other field in ``additionalFields``.")
        line("public init(from decoder: any Decoder) throws {")
        indent += 1
        line("let container = try decoder.container(keyedBy: CodingKeys.self)")
        for property in sorted {
            let name = Naming.escaped(property.swiftName)
            let call = property.required ? "decode" : "decodeIfPresent"
            line("self.\(name) = try container.\(call)(\(property.type.swift).self, forKey: .\(name))")
        }
        line("let all = try decoder.container(keyedBy: AnyCodingKey.self)")
        line("var additional: [String: JSONValue] = [:]")
        line("for key in all.allKeys where CodingKeys(stringValue: key.stringValue) == nil {")
        line("    additional[key.stringValue] = try all.decode(JSONValue.self, forKey: key)")
        line("}")
        line("self.additionalFields = additional")
        indent -= 1
        line("}")
        line()
        doc("Encodes the declared fields and the additional ones, all in alphabetical order.")
        line("public func encode(to encoder: any Encoder) throws {")
        indent += 1
        line("var container = encoder.container(keyedBy: AnyCodingKey.self)")
        line("var pending = additionalFields.filter { CodingKeys(stringValue: $0.key) == nil }.sorted { $0.key < $1.key }[...]")
        for property in sorted {
            let name = Naming.escaped(property.swiftName)
            let key = Self.escapeString(property.jsonName)
            line("while let next = pending.first, next.key < \"\(key)\" {")
            line("    try container.encode(next.value, forKey: AnyCodingKey(next.key))")
            line("    pending = pending.dropFirst()")
            line("}")
            if property.required {
                line("try container.encode(self.\(name), forKey: AnyCodingKey(\"\(key)\"))")
            } else {
                line("try container.encodeIfPresent(self.\(name), forKey: AnyCodingKey(\"\(key)\"))")
            }
        }
        line("for (key, value) in pending { try container.encode(value, forKey: AnyCodingKey(key)) }")
        indent -= 1
        line("}")
    }

    mutating func emitEnum(_ decl: EnumDecl) {
        doc(decl.description ?? "The values allowed at `\(decl.schemaPath)`.")
        line("public struct \(decl.name): RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,")
        line("    CustomStringConvertible")
        line("{")
        indent += 1
        line("/// The string as it appears in manifests.")
        line("public var rawValue: String")
        line()
        line("/// Creates a value from its manifest string.")
        line("public init(rawValue: String) { self.rawValue = rawValue }")
        line()
        line("/// Creates a value from a string literal.")
        line("public init(stringLiteral value: String) { self.rawValue = value }")
        line()
        line("/// The manifest string.")
        line("public var description: String { rawValue }")
        line()
        var used: Set<String> = ["rawValue", "description", "knownValues", "init"]
        var constants: [String] = []
        for value in decl.values {
            var name = Naming.enumCase(value)
            var counter = 2
            while used.contains(name) {
                name = Naming.enumCase(value) + String(counter)
                counter += 1
            }
            used.insert(name)
            constants.append(name)
            line("/// `\"\(Self.escapeDoc(value))\"`.")
            line("public static let \(Naming.escaped(name)) = \(decl.name)(rawValue: \"\(Self.escapeString(value))\")")
        }
        line()
        line("/// Every value the schema allows.")
        line("public static let knownValues: [\(decl.name)] = [\(constants.map(Naming.escaped).joined(separator: ", "))]")
        line()
        line("/// Decodes the value from a string.")
        line("public init(from decoder: any Decoder) throws {")
        line("    self.rawValue = try decoder.singleValueContainer().decode(String.self)")
        line("}")
        line()
        line("/// Encodes the value as a string.")
        line("public func encode(to encoder: any Encoder) throws {")
        line("    var container = encoder.singleValueContainer()")
        line("    try container.encode(rawValue)")
        line("}")
        indent -= 1
        line("}")
    }

    static func escapeString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func escapeDoc(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var text = String(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
