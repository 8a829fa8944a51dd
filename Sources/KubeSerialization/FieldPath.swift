/// Formats coding paths the way Kubernetes names fields: `spec.template.spec.containers[0].image`.
public enum FieldPath {
    /// The dotted field path of `codingPath`; list positions are written as `[n]`.
    public static func describe(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                let name = key.stringValue
                if out.isEmpty {
                    out = name
                } else if name.contains(".") || name.contains("/") || name.isEmpty {
                    // Map keys such as label names read better in brackets.
                    out += "[\"\(name)\"]"
                } else {
                    out += "." + name
                }
            }
        }
        return out
    }
}

/// A coding key for any string or integer, used to look at keys a type does not declare.
public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    /// The key as a string.
    public var stringValue: String
    /// The key as a list position, when it is one.
    public var intValue: Int?

    /// Creates a key from a string.
    public init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// Creates a key for a list position.
    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    /// Creates a key from a string.
    public init(_ string: String) {
        self.init(stringValue: string)
    }
}
