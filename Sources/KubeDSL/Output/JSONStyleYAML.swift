import KubeSerialization

/// Writes JSON values as block-style YAML whose scalars are written the way JSON writes them:
/// strings double-quoted (with escapes YAML and JSON share), numbers, `true`, `false`, `null`.
/// Every YAML parser, 1.1 or 1.2, reads the result as the same JSON value.
enum JSONStyleYAML {
    /// Documents separated by `---`, each ending with a newline.
    static func stream(_ documents: [JSONValue]) throws -> String {
        var output = ""
        for (index, document) in documents.enumerated() {
            if index > 0 { output += "---\n" }
            try write(document, into: &output)
        }
        return output
    }

    /// One document, ending with a newline.
    static func document(_ value: JSONValue) throws -> String {
        var output = ""
        try write(value, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String) throws {
        if isBlock(value) {
            try block(value, indent: 0, continuingLine: false, into: &output)
        } else {
            output += try scalar(value)
            output += "\n"
        }
    }

    /// Whether a value is written as a block (a non-empty object or array).
    private static func isBlock(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): return !object.isEmpty
        case .array(let array): return !array.isEmpty
        default: return false
        }
    }

    /// Writes a non-empty object or array, one entry per line at `indent` spaces; when
    /// `continuingLine` is set, the first entry continues the current line (after `- `).
    private static func block(_ value: JSONValue, indent: Int, continuingLine: Bool, into output: inout String) throws {
        var first = true
        let padding = String(repeating: " ", count: indent)
        switch value {
        case .object(let object):
            for key in object.keys.sorted() {
                guard let child = object[key] else { continue }
                if !(first && continuingLine) { output += padding }
                first = false
                output += self.key(key)
                output += ":"
                if case .array = child, isBlock(child) {
                    output += "\n"
                    try block(child, indent: indent, continuingLine: false, into: &output)
                } else if isBlock(child) {
                    output += "\n"
                    try block(child, indent: indent + 2, continuingLine: false, into: &output)
                } else {
                    output += " "
                    output += try scalar(child)
                    output += "\n"
                }
            }
        case .array(let array):
            for item in array {
                if !(first && continuingLine) { output += padding }
                first = false
                output += "- "
                if isBlock(item) {
                    try block(item, indent: indent + 2, continuingLine: true, into: &output)
                } else {
                    output += try scalar(item)
                    output += "\n"
                }
            }
        default:
            output += try scalar(value)
            output += "\n"
        }
    }

    /// A scalar or empty container in flow form.
    private static func scalar(_ value: JSONValue) throws -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return try double(number)
        case .string(let text): return quoted(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A float that YAML 1.1 resolvers also read as a float: always with a dot, and with a
    /// signed exponent when there is one (`1.0e+20`).
    private static func double(_ number: Double) throws -> String {
        guard number.isFinite else {
            throw KubeDSLError.invalidArgument("\(number) cannot be written: JSON and YAML numbers must be finite")
        }
        var text = "\(number)"
        if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<exponent])
            var power = String(text[text.index(after: exponent)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !power.hasPrefix("-"), !power.hasPrefix("+") { power = "+" + power }
            text = mantissa + "e" + power
        } else if !text.contains(".") {
            text += ".0"
        }
        return text
    }

    /// A double-quoted string with `"` and `\` escaped, and every character YAML does not allow
    /// unescaped (controls, DEL, C1 controls, line and paragraph separators, BOM, non-characters)
    /// written as `\uXXXX`.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                let value = scalar.value
                let needsEscape =
                    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF
                if needsEscape {
                    let hex = String(value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// A mapping key: bare when it starts with a letter, has only letters, digits and `_ . / -`,
    /// and is not a word some YAML version reads as a Boolean or null; quoted otherwise.
    static func key(_ key: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        guard let first = key.unicodeScalars.first, isASCIILetter(first), !reserved.contains(key.lowercased()) else {
            return quoted(key)
        }
        let allowed = key.unicodeScalars.allSatisfy {
            isASCIILetter($0) || ("0"..."9").contains($0) || "_./-".unicodeScalars.contains($0)
        }
        return allowed ? key : quoted(key)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
