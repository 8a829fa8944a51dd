extension KubernetesSyntax {
    /// Why `value` is not a DNS-1123 label, or `nil` when it is one.
    public static func dns1123LabelProblem(_ value: String) -> String? {
        if isDNS1123Label(value) { return nil }
        return describe(
            value, format: "a DNS-1123 label", maximumLength: labelMaximumLength,
            allowed: "lowercase letters, digits and '-'", allowsDots: false, firstMustBeLetter: false,
            example: "my-name")
    }

    /// Why `value` is not a DNS-1123 subdomain, or `nil` when it is one.
    public static func dns1123SubdomainProblem(_ value: String) -> String? {
        if isDNS1123Subdomain(value) { return nil }
        return describe(
            value, format: "a DNS-1123 subdomain", maximumLength: subdomainMaximumLength,
            allowed: "lowercase letters, digits, '-' and '.'", allowsDots: true, firstMustBeLetter: false,
            example: "my-name.example")
    }

    /// Why `value` is not a DNS-1035 label, or `nil` when it is one.
    public static func dns1035LabelProblem(_ value: String) -> String? {
        if isDNS1035Label(value) { return nil }
        return describe(
            value, format: "a DNS-1035 label", maximumLength: labelMaximumLength,
            allowed: "lowercase letters, digits and '-'", allowsDots: false, firstMustBeLetter: true,
            example: "my-name")
    }

    /// Why `value` is not a qualified name (a label or annotation key), or `nil` when it is one.
    public static func qualifiedNameProblem(_ value: String) -> String? {
        if isQualifiedName(value) { return nil }
        let rule =
            "a qualified name is an optional DNS subdomain prefix and '/', then a name of at most 63 "
            + "letters, digits, '-', '_' or '.' that starts and ends with a letter or digit "
            + "(for example \"app.kubernetes.io/name\" or \"tier\")"
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 2 {
            return "\(quoted(value)) contains more than one '/'; \(rule)"
        }
        if parts.count == 2 {
            let prefix = String(parts[0])
            let name = String(parts[1])
            if prefix.isEmpty {
                return "\(quoted(value)) has an empty prefix before '/'; \(rule)"
            }
            if let problem = dns1123SubdomainProblem(prefix) {
                return "the prefix of \(quoted(value)) is not valid: \(problem)"
            }
            return "the name part of \(quoted(value)) is not valid: \(namePartReason(name)); \(rule)"
        }
        return "\(quoted(value)) is not a qualified name: \(namePartReason(value)); \(rule)"
    }

    /// Why `value` is not a label value, or `nil` when it is one.
    public static func labelValueProblem(_ value: String) -> String? {
        if isLabelValue(value) { return nil }
        return "\(quoted(value)) is not a label value: \(namePartReason(value)); a label value is empty or at most 63 "
            + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit"
    }

    /// Why `value` is not a port name, or `nil` when it is one.
    public static func portNameProblem(_ value: String) -> String? {
        if isPortName(value) { return nil }
        var reasons: [String] = []
        let count = value.utf8.count
        if count == 0 { reasons.append("it is empty") }
        if count > portNameMaximumLength { reasons.append("it has \(count) characters (at most 15 allowed)") }
        if let bad = value.unicodeScalars.first(where: { !(isLowerAlphanumericScalar($0) || $0 == "-") }) {
            reasons.append("it contains \(quoted(String(bad)))")
        }
        if count > 0 && !value.utf8.contains(where: isLowerLetter) { reasons.append("it has no letter") }
        if value.containsBytes("--") { reasons.append("it contains \"--\"") }
        if value.hasPrefix("-") || value.hasSuffix("-") { reasons.append("it starts or ends with '-'") }
        return "\(quoted(value)) is not a port name (\(reasons.joined(separator: ", "))); a port name has at most 15 "
            + "lowercase letters, digits and single hyphens, contains a letter, and does not start or end with '-' "
            + "(for example \"http\" or \"metrics-9090\")"
    }

    /// Why `value` is not a ConfigMap or Secret key, or `nil` when it is one. The message names the
    /// key, never its value.
    public static func dataKeyProblem(_ value: String) -> String? {
        if isDataKey(value) { return nil }
        var reason: String
        if value.isEmpty {
            reason = "it is empty"
        } else if value.utf8.count > dataKeyMaximumLength {
            reason = "it has \(value.utf8.count) characters (at most 253 allowed)"
        } else if value == "." || value == ".." || value.hasPrefix("..") {
            reason = "it is '.' or starts with '..'"
        } else if let bad = value.unicodeScalars.first(where: {
            !($0.isASCII && (isAlphanumeric(UInt8($0.value)) || $0 == "-" || $0 == "_" || $0 == "."))
        }) {
            reason = "it contains \(quoted(String(bad)))"
        } else {
            reason = "it is malformed"
        }
        return "key \(quoted(value)) is not valid (\(reason)); keys may use letters, digits, '-', '_' and '.', "
            + "at most 253 characters, and must not be '.' or start with '..' (for example \"config.yaml\")"
    }

    /// Why `value` is not an environment variable name, or `nil` when it is one.
    public static func environmentVariableNameProblem(_ value: String) -> String? {
        if isEnvironmentVariableName(value) { return nil }
        if value.isEmpty { return "the name is empty; give the variable a name such as \"LOG_LEVEL\"" }
        return "\(quoted(value)) is not a valid environment variable name; names may use any printable ASCII "
            + "character except '=' (for example \"LOG_LEVEL\")"
    }

    /// Why `value` is not a path segment name, or `nil` when it is one.
    public static func pathSegmentNameProblem(_ value: String) -> String? {
        if isPathSegmentName(value) { return nil }
        return "\(quoted(value)) cannot be used in an API path: it must not be '.' or '..' and must not contain "
            + "'/' or '%'"
    }

    // MARK: Helpers

    /// A lowercase, hyphenated variant of `value` that fits a DNS label or subdomain, if one exists.
    public static func suggestedDNSName(for value: String, allowsDots: Bool, maximumLength: Int) -> String? {
        var out: [Character] = []
        for character in value.lowercased() {
            if let ascii = character.asciiValue, isLowerAlphanumeric(ascii) {
                out.append(character)
            } else if allowsDots && character == "." {
                if let last = out.last, last != "." && last != "-" { out.append(".") }
            } else if let last = out.last, last != "-" && last != "." {
                out.append("-")
            }
        }
        while let last = out.last, last == "-" || last == "." { out.removeLast() }
        while let first = out.first, first == "-" || first == "." { out.removeFirst() }
        if out.count > maximumLength { out = Array(out.prefix(maximumLength)) }
        while let last = out.last, last == "-" || last == "." { out.removeLast() }
        let suggestion = String(out)
        return suggestion.isEmpty || suggestion == value ? nil : suggestion
    }

    static func describe(
        _ value: String, format: String, maximumLength: Int, allowed: String, allowsDots: Bool,
        firstMustBeLetter: Bool, example: String
    ) -> String {
        var reasons: [String] = []
        let count = value.utf8.count
        if count == 0 {
            reasons.append("it is empty")
        }
        if count > maximumLength {
            reasons.append("it has \(count) characters (at most \(maximumLength) allowed)")
        }
        if value.unicodeScalars.contains(where: { $0.properties.isUppercase }) {
            reasons.append("it contains uppercase letters")
        }
        if let bad = value.unicodeScalars.first(where: {
            !(isLowerAlphanumericScalar($0) || $0 == "-" || (allowsDots && $0 == ".") || $0.properties.isUppercase)
        }) {
            reasons.append("it contains \(quoted(String(bad)))")
        }
        if let first = value.unicodeScalars.first {
            if firstMustBeLetter && !(first.isASCII && isLowerLetter(UInt8(first.value)))
                && !first.properties.isUppercase
            {
                reasons.append("it does not start with a letter")
            } else if first == "-" || first == "." {
                reasons.append("it starts with \(quoted(String(first)))")
            }
        }
        if let last = value.unicodeScalars.last, count > 1, last == "-" || last == "." {
            reasons.append("it ends with \(quoted(String(last)))")
        }
        if allowsDots && (value.containsBytes("..") || value.containsBytes(".-") || value.containsBytes("-.")) {
            reasons.append("a dot is next to another dot or a hyphen")
        }
        if reasons.isEmpty { reasons.append("it does not match the format") }
        let start = firstMustBeLetter ? "a letter" : "a letter or digit"
        var message =
            "\(quoted(value)) is not \(format) (\(reasons.joined(separator: ", "))); use \(allowed), "
            + "starting with \(start) and ending with a letter or digit, at most \(maximumLength) characters"
        if let suggestion = suggestedDNSName(for: value, allowsDots: allowsDots, maximumLength: maximumLength),
            !firstMustBeLetter || suggestion.first.map({ $0.isLetter }) == true
        {
            message += ", such as \(quoted(suggestion))"
        } else {
            message += " (for example \(quoted(example)))"
        }
        return message
    }

    static func namePartReason(_ value: String) -> String {
        let count = value.utf8.count
        if count == 0 { return "the name is empty" }
        if count > qualifiedNameMaximumLength { return "it has \(count) characters (at most 63 allowed)" }
        if let bad = value.unicodeScalars.first(where: {
            !($0.isASCII && (isAlphanumeric(UInt8($0.value)) || $0 == "-" || $0 == "_" || $0 == "."))
        }) {
            return "it contains \(quoted(String(bad)))"
        }
        return "it must start and end with a letter or digit"
    }

    static func isLowerAlphanumericScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isLowerAlphanumeric(UInt8(scalar.value))
    }

    /// `value` in double quotes, shortened when very long so messages stay readable.
    static func quoted(_ value: String) -> String {
        if value.count > 80 {
            return "\"\(value.prefix(60))…\""
        }
        return "\"\(value)\""
    }
}
