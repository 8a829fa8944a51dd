/// Turning schema names into Swift identifiers that always compile.
enum Naming {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch",
        "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self",
        "Self", "super", "throws", "true", "try", "Type", "Protocol",
    ]

    /// Type names a generated type must not take, because generated code refers to them.
    static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "String", "Int", "Int32", "Int64", "UInt", "Bool", "Double", "Float",
        "Data", "Array", "Dictionary", "Optional", "Set", "Error", "Never", "Character", "Any", "AnyObject",
        "JSONValue", "Quantity", "IntOrString", "Time", "MicroTime", "ObjectMeta", "CodingKeys",
        "Decoder", "Encoder", "Sendable", "Hashable", "Codable", "Resource", "KubeCoding", "AnyCodingKey",
        "IndirectBox", "ResourceScope", "TypeMeta", "Result", "Element", "Key", "Value",
    ]

    /// Property names that would shadow `self` or clash with a protocol requirement in generated code.
    static let reservedPropertyNames: Set<String> = ["self", "Self", "init", "Type", "Protocol", "hashValue", "deinit", "subscript"]

    /// A lowerCamelCase identifier for a JSON property name (`x-kubernetes-foo` → `xKubernetesFoo`,
    /// `$ref` → `ref`, `2xx` → `_2xx`). Keywords are escaped with backticks where used.
    static func property(_ jsonName: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in jsonName.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard var name = words.first else { return "value" }
        // A leading capital would make the parameter shadow a type (`String`, `Data`).
        if let first = name.unicodeScalars.first, first.properties.isUppercase {
            let scalars = Array(name.unicodeScalars)
            var upper = 0
            while upper < scalars.count, scalars[upper].properties.isUppercase { upper += 1 }
            if upper == scalars.count || upper == 1 {
                name = name.prefix(upper == 1 ? 1 : upper).lowercased() + name.dropFirst(upper == 1 ? 1 : upper)
            } else {
                name = String(String.UnicodeScalarView(scalars[..<(upper - 1)])).lowercased()
                    + String(String.UnicodeScalarView(scalars[(upper - 1)...]))
            }
        }
        for word in words.dropFirst() {
            name += word.prefix(1).uppercased() + word.dropFirst()
        }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
        if reservedPropertyNames.contains(name) { name += "Value" }
        return name
    }

    /// An UpperCamelCase type name derived from a property name.
    static func type(_ jsonName: String) -> String {
        var name = property(jsonName)
        if name.hasPrefix("_") { name = "Value" + name }
        name = name.prefix(1).uppercased() + name.dropFirst()
        return name
    }

    /// The element type name for a list property (`budgets` → `Budget`, `policies` → `Policy`).
    static func singular(_ typeName: String) -> String {
        if typeName.hasSuffix("ies"), typeName.count > 4 { return String(typeName.dropLast(3)) + "y" }
        if typeName.hasSuffix("sses") || typeName.hasSuffix("shes") || typeName.hasSuffix("ches")
            || typeName.hasSuffix("xes")
        {
            return String(typeName.dropLast(2))
        }
        if typeName.hasSuffix("ss") || typeName.hasSuffix("us") || typeName.hasSuffix("is") { return typeName + "Item" }
        if typeName.hasSuffix("s"), typeName.count > 2 { return String(typeName.dropLast()) }
        return typeName + "Item"
    }

    /// The identifier as it must be written in source (backticks around keywords).
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// A constant name for an enumeration value (`WhenEmptyOrUnderutilized` → `whenEmptyOrUnderutilized`,
    /// `on-demand` → `onDemand`, `TCP` → `tcp`, `""` → `empty`).
    static func enumCase(_ raw: String) -> String {
        if raw.isEmpty { return "empty" }
        let base = property(raw)
        if base == "value" && raw != "value" {
            // Nothing usable in the text (e.g. `*` or `%`): spell the scalars out, deterministically.
            return "value" + raw.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "_")
        }
        // Leading run of capitals: `TCP` → `tcp`, `HTTPRoute` → `httpRoute`, `IPv4` → `ipv4`.
        let scalars = Array(base.unicodeScalars)
        var upper = 0
        while upper < scalars.count, scalars[upper].properties.isUppercase { upper += 1 }
        var out: String
        if upper == 0 {
            out = base
        } else if upper == scalars.count {
            out = base.lowercased()
        } else if upper == 1 {
            out = base.prefix(1).lowercased() + base.dropFirst()
        } else {
            let head = String(String.UnicodeScalarView(scalars[..<(upper - 1)])).lowercased()
            out = head + String(String.UnicodeScalarView(scalars[(upper - 1)...]))
        }
        if out.hasPrefix("_") == false, let first = out.unicodeScalars.first, ("0"..."9").contains(first) {
            out = "_" + out
        }
        return out
    }

    /// `v1beta2` → `V1beta2`.
    static func version(_ version: String) -> String {
        version.prefix(1).uppercased() + version.dropFirst()
    }
}
