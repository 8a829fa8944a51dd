import Foundation

extension Quantity: Codable {
    /// Decodes a quantity from a string (`"500m"`) or a number (`0.25`, `2`).
    ///
    /// White space around a string is ignored, as the Kubernetes API server ignores it. A number is
    /// read by value (`0.25` becomes `250m`) and remembered as a number, so encoding writes a number
    /// again; an exponent in the JSON number (`1e3`) is not kept, since decoders report only the value.
    ///
    /// - Throws: `DecodingError.dataCorrupted` with the ``QuantityError`` description for a string that
    ///   is not a quantity; `DecodingError.typeMismatch` for anything that is neither a string nor a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                try self.init(trimmed)
            } catch {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: error.description,
                        underlyingError: error
                    )
                )
            }
            return
        }
        if let integer = try? container.decode(Int64.self) {
            self.init(amount: Amount(units: integer), format: .decimalSI, text: String(integer))
            numberForm = .integer(integer)
            return
        }
        if let number = try? container.decode(Double.self), number.isFinite {
            // Swift prints the shortest text that reads back as the same Double, which is the grammar's
            // number form (`0.25`, `1e-07`, `1e+21`): it parses unless the value is out of range.
            do {
                try self.init(String(number))
            } catch {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: error.description,
                        underlyingError: error
                    )
                )
            }
            numberForm = .floatingPoint(number)
            return
        }
        throw DecodingError.typeMismatch(
            Quantity.self,
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "a quantity must be a string such as \"500m\" or \"2Gi\", or a number"
            )
        )
    }

    /// Encodes the quantity as the text it was written with, or as a number if it was decoded from one.
    ///
    /// An invalid quantity (from a string literal) is written unchanged, so whoever reads the output
    /// sees exactly what was written and can report it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch numberForm {
        case .integer(let integer): try container.encode(integer)
        case .floatingPoint(let number): try container.encode(number)
        case nil: try container.encode(text)
        }
    }
}
