import Foundation

/// The reason a piece of text is not a Kubernetes quantity.
///
/// Thrown by ``Quantity/init(_:)-(String)`` and reported by ``Quantity/validationError`` for a literal that
/// did not parse. Its ``description`` names the text, what is wrong with it, and what would be right:
///
/// ```
/// `10MB` is not a valid quantity: unknown suffix `MB`; did you mean `M` (10^6) or `Mi` (2^20)? ...
/// ```
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// What is wrong with the text.
    public enum Reason: Sendable, Hashable {
        /// The text is empty.
        case empty
        /// The text contains a space, tab, line break or other white space.
        case whitespace
        /// There is no digit where the number should be (`Ki`, `+`, `.`, `e3`).
        case missingNumber
        /// A second decimal point follows the number (`1.5.3`).
        case extraDecimalPoint
        /// A `+` or `-` appears after the number without an exponent marker before it (`1+1`).
        case misplacedSign
        /// What follows the number is neither a known suffix nor an exponent; the suffix is attached.
        case unknownSuffix(String)
        /// The text after `e` or `E` is not a whole number (`1e`, `1e-`, `1e1.5`); the suffix is attached.
        case malformedExponent(String)
        /// The exponent is outside ±2147483647, the range Kubernetes stores; the suffix is attached.
        case exponentOutOfRange(String)
        /// The number would have more than ``Quantity/maximumIntegerDigits`` digits before the decimal point.
        case tooLarge
    }

    /// The text that failed to parse.
    public let text: String
    /// What is wrong with it.
    public let reason: Reason

    /// Creates an error for `text`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// A sentence that names the text, the problem, and the accepted forms.
    public var description: String {
        "`\(text)` is not a valid quantity: \(explanation)"
    }

    /// The same sentence as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    private static let acceptedForms =
        "a quantity is a number (`2`, `0.5`, `.5`, `-1`) followed by nothing, a binary suffix (Ki Mi Gi Ti Pi Ei), "
        + "a decimal suffix (n u m k M G T P E) or an exponent (`e3`, `E-2`)"

    private var explanation: String {
        switch reason {
        case .empty:
            return "it is empty; \(Self.acceptedForms)"
        case .whitespace:
            return "it contains white space, which Kubernetes does not allow (write `1Gi`, not `1 Gi`)"
        case .missingNumber:
            return "there is no number; \(Self.acceptedForms)"
        case .extraDecimalPoint:
            return "it has more than one decimal point"
        case .misplacedSign:
            return "a sign may only stand at the very start or directly after an exponent marker `e`/`E`"
        case .unknownSuffix(let suffix):
            var message = "unknown suffix `\(suffix)`; "
            if let hint = Self.hint(forSuffix: suffix) {
                message += hint + " "
            }
            return message
                + "expected one of Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), n, u, m, k, M, G, T, P, E "
                + "(powers of 1000), or e/E followed by a whole-number exponent"
        case .malformedExponent(let suffix):
            return "the exponent in `\(suffix)` must be `e` or `E` followed by a whole number such as `e3` or `E-2`"
        case .exponentOutOfRange(let suffix):
            return "the exponent in `\(suffix)` is outside the range ±2147483647 that Kubernetes stores"
        case .tooLarge:
            return "the number has more than \(Quantity.maximumIntegerDigits) digits before the decimal point"
        }
    }

    /// A suggestion for the usual mistakes: byte units (`MB`, `GiB`), a wrong letter case (`gi`, `K`),
    /// hexadecimal.
    private static func hint(forSuffix suffix: String) -> String? {
        if suffix.hasPrefix("x") || suffix.hasPrefix("X") {
            return "hexadecimal numbers are not allowed;"
        }
        var core = Substring(suffix)
        if core.hasSuffix("B") || core.hasSuffix("b") {
            core = core.dropLast()
        }
        guard let first = core.first, core.count <= 2 else { return nil }
        let letter = first.uppercased()
        guard ["K", "M", "G", "T", "P", "E"].contains(letter) else { return nil }
        if core.count == 2, core.last != "i", core.last != "I" {
            return nil
        }
        let decimal = letter == "K" ? "k" : letter
        let power = ["K": 1, "M": 2, "G": 3, "T": 4, "P": 5, "E": 6][letter] ?? 1
        return "did you mean `\(decimal)` (10^\(power * 3)) or `\(letter)i` (2^\(power * 10))?"
    }
}
