import Foundation
import KubeSerialization

// Direct reads of the hand-written primitive types, with the errors of their `init(from:)`.

extension Quantity: NodeReadable {
    /// Reads a quantity from a string (`"500m"`, `"2Gi"`, surrounding spaces ignored) or a number.
    public init(node: Node, reader: NodeReader) throws {
        switch node.content {
        case .string(let string):
            let text = Self.trimmedIfNeeded(string)
            do {
                try self.init(text)
            } catch {
                throw reader.error(.dataCorrupted, at: node, message: error.description, underlyingError: error)
            }
            return
        case .int(let integer):
            self.init(integer: integer)
            return
        case .double(let number):
            if number.isFinite, number.rounded(.towardZero) == number, let integer = Int64(exactly: number) {
                self.init(integer: integer)
                return
            }
            if number.isFinite {
                do {
                    try self.init(String(number))
                } catch {
                    throw reader.error(.dataCorrupted, at: node, message: error.description, underlyingError: error)
                }
                numberForm = .floatingPoint(number)
                return
            }
        default:
            break
        }
        throw reader.error(
            .typeMismatch, at: node,
            message: "expected a Quantity; a quantity must be a string such as \"500m\" or \"2Gi\", or a number")
    }

    private init(integer: Int64) {
        self.init(amount: Amount(units: integer), format: .decimalSI, text: String(integer))
        numberForm = .integer(integer)
    }

    /// The text without surrounding white space, trimming only when an end is not a plain
    /// ASCII character (the common case needs no copy).
    private static func trimmedIfNeeded(_ string: String) -> String {
        let utf8 = string.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return string
        }
        return string.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension IntOrString: NodeReadable {
    /// Reads an integer in the 32-bit range (or an integral number) as ``int(_:)``, a string as
    /// ``string(_:)``.
    public init(node: Node, reader: NodeReader) throws {
        let integer: Int?
        switch node.content {
        case .string(let text):
            self = .string(text)
            return
        case .int(let value):
            integer = Int(exactly: value)
        case .double(let value):
            integer = value.isFinite && value.rounded(.towardZero) == value ? Int(exactly: value) : nil
        default:
            integer = nil
        }
        if let integer {
            guard let narrow = Int32(exactly: integer) else {
                throw reader.error(
                    .dataCorrupted, at: node,
                    message: "\(integer) is outside the 32-bit integer range "
                        + "(\(Int32.min)...\(Int32.max)) that Kubernetes allows for an int-or-string field")
            }
            self = .int(Int(narrow))
            return
        }
        let found: String
        switch node.content {
        case .null: found = "null"
        case .bool(let flag): found = "the Boolean \(flag)"
        case .int(let value): found = "the number \(Double(value))"
        case .double(let value): found = "the number \(value)"
        default: found = "an array or an object"
        }
        throw reader.error(
            .typeMismatch, at: node,
            message: "expected a IntOrString; expected an integer (80) or a string (\"http\", \"25%\") but found " + found)
    }
}

extension Time: NodeReadable {
    /// Reads an RFC 3339 timestamp string.
    public init(node: Node, reader: NodeReader) throws {
        let text = try String(node: node, reader: reader)
        do {
            try self.init(text)
        } catch {
            throw reader.error(.dataCorrupted, at: node, message: error.description, underlyingError: error)
        }
    }
}

extension MicroTime: NodeReadable {
    /// Reads an RFC 3339 timestamp string with up to nanosecond precision.
    public init(node: Node, reader: NodeReader) throws {
        let text = try String(node: node, reader: reader)
        do {
            try self.init(text)
        } catch {
            throw reader.error(.dataCorrupted, at: node, message: error.description, underlyingError: error)
        }
    }
}

extension JSONSchemaPropsOrArray: NodeReadable {
    /// Reads a list as ``schemas(_:)`` and anything else as ``schema(_:)``.
    public init(node: Node, reader: NodeReader) throws {
        if let list = reader.attempt({ try [JSONSchemaProps](node: node, reader: reader) }) {
            self = .schemas(list)
        } else {
            self = .schema(try JSONSchemaProps(node: node, reader: reader))
        }
    }
}

extension JSONSchemaPropsOrBool: NodeReadable {
    /// Reads a Boolean as ``allowed(_:)`` and anything else as ``schema(_:)``.
    public init(node: Node, reader: NodeReader) throws {
        if case .bool(let flag) = node.content {
            self = .allowed(flag)
        } else {
            self = .schema(try JSONSchemaProps(node: node, reader: reader))
        }
    }
}

extension JSONSchemaPropsOrStringArray: NodeReadable {
    /// Reads a list of strings as ``properties(_:)`` and anything else as ``schema(_:)``.
    public init(node: Node, reader: NodeReader) throws {
        if let names = reader.attempt({ try [String](node: node, reader: reader) }) {
            self = .properties(names)
        } else {
            self = .schema(try JSONSchemaProps(node: node, reader: reader))
        }
    }
}
