import Foundation

/// A Kubernetes resource quantity such as `500m`, `2`, `1.5Gi` or `12e6`, held as an exact value.
///
/// A quantity is a signed decimal number followed by an optional suffix: a binary one (`Ki` … `Ei`,
/// powers of 1024), a decimal one (`n u m k M G T P E`, powers of 1000), or an exponent (`e3`,
/// `E-2`). Parsing follows the grammar of Kubernetes' `resource.Quantity`; anything else throws a
/// ``QuantityError`` that says what is wrong.
///
/// ```swift
/// let memory: Quantity = "1.5Gi"
/// memory.canonical                        // "1536Mi"
/// memory > "512Mi"                        // true
/// Quantity.mebibytes(1024) == "1Gi"       // true
/// ("250m" as Quantity) + "750m" == 1      // true
/// let limit = try Quantity(userInput)      // throws QuantityError on bad input
/// ```
///
/// ## Value and text
/// The value is exact: it is kept as a whole number of nano-units (10^-9) of any size, so `8Ei`,
/// `1e30` and sums of them neither overflow nor round. As in Kubernetes, a finer value rounds up,
/// away from zero, to the next nano-unit (`0.1n` is `1n`). Equality, hashing and ordering use the
/// value only: `1024Mi == 1Gi`, `1000m == 1`, `0.5 == 500m`, `1e3 == 1k`.
///
/// The quantity also keeps the text it was written with: ``description`` returns it, and encoding
/// writes it, so a manifest round-trips unchanged. ``canonical`` gives the form the API server would
/// store.
///
/// ## String literals
/// A string literal cannot throw, so a literal that does not parse does not stop the program. It
/// becomes an *invalid* quantity: ``isValid`` is `false`, ``validationError`` says why, encoding
/// writes the text unchanged (so the API server or KubeKit's validation reports it), numeric
/// accessors return `nil` (or NaN for ``value``), and arithmetic with it returns the invalid operand.
/// Use ``init(_:)-(String)`` where input comes from users and a `throw` is wanted.
///
/// ## Differences from the Go implementation
/// - The Go parser also accepts a few forms its own grammar excludes (`Ki`, `.`, `+`, `e3`, each as
///   zero); KubeKit follows the grammar and rejects them.
/// - Go silently caps a binary-suffixed value above 2^63−1 (`8Ei` parses as 9223372036854775807);
///   KubeKit keeps the exact value.
/// - KubeKit rejects numbers with more than ``maximumIntegerDigits`` digits before the decimal point,
///   so that a short input such as `1e2000000000` cannot exhaust memory.
public struct Quantity: Sendable {
    /// How a quantity was written, which decides how ``Quantity/canonical`` writes it.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Powers of 1000 and no suffix: `500m`, `2`, `3k`, `12M`.
        case decimalSI = "DecimalSI"
        /// Powers of 1024: `512Mi`, `2Gi`.
        case binarySI = "BinarySI"
        /// Powers of ten written with `e`: `12e6`, `1e-3`.
        case decimalExponent = "DecimalExponent"
    }

    /// The largest number of digits a quantity may have before its decimal point (about 10^1000).
    ///
    /// Real resource amounts stay far below this; the limit only keeps a few characters of input
    /// (`1e999999999`) from expanding into gigabytes of digits.
    public static let maximumIntegerDigits = 1000

    /// Either the exact value or the reason the text is not a quantity.
    enum State: Sendable {
        case valid(Amount)
        case invalid(QuantityError)
    }

    /// How a quantity that was decoded from a JSON number stores that number, to write it back as one.
    enum NumberForm: Sendable {
        case integer(Int64)
        case floatingPoint(Double)
    }

    let state: State
    /// The text the quantity was written with (or, for computed quantities, its canonical form).
    let text: String
    /// Set when the quantity came from a JSON number rather than a string; equality ignores it.
    var numberForm: NumberForm?

    /// The suffix family the quantity was written with; for an invalid quantity, ``Format/decimalSI``.
    public let format: Format

    init(state: State, format: Format, text: String, numberForm: NumberForm? = nil) {
        self.state = state
        self.format = format
        self.text = text
        self.numberForm = numberForm
    }

    /// A quantity computed from a value (a sum, a constructor), written in its canonical form.
    init(amount: Amount, format: Format) {
        self.init(state: .valid(amount), format: format, text: Self.canonicalText(of: amount, format: format))
    }

    /// A quantity with a known value that keeps the given text.
    init(amount: Amount, format: Format, text: String) {
        self.init(state: .valid(amount), format: format, text: text)
    }

    /// Parses a quantity such as `"500m"`, `"2Gi"`, `"1.5"` or `"12e6"`.
    ///
    /// Pass a `String` value here. With a string *literal* argument, Swift reads `Quantity("2Gi")` as
    /// literal syntax (SE-0213) and calls ``init(stringLiteral:)``, which does not throw.
    ///
    /// - Throws: ``QuantityError`` when `text` is not a quantity, for example `10MB`, `1Gii`,
    ///   `1.5.3`, `Ki`, `1 Gi`, `0x10` or the empty string.
    public init(_ text: String) throws(QuantityError) {
        let (amount, format) = try Self.parse(text)
        self.init(amount: amount, format: format, text: text)
    }

    /// The quantity `value`, written as a plain integer (`4`).
    public init(_ value: Int) {
        self.init(amount: Amount(units: value), format: .decimalSI, text: String(value))
    }

    /// Whether the quantity parsed; `false` only for a string literal that is not a quantity.
    public var isValid: Bool {
        if case .valid = state { return true }
        return false
    }

    /// Why the quantity is invalid, or `nil` when it is valid.
    public var validationError: QuantityError? {
        if case .invalid(let error) = state { return error }
        return nil
    }

    /// The exact value, or `nil` for an invalid quantity.
    var amount: Amount? {
        if case .valid(let amount) = state { return amount }
        return nil
    }

    /// Whether the value is zero (`false` for an invalid quantity).
    public var isZero: Bool {
        amount?.isZero ?? false
    }

    /// The value as the nearest `Double`: convenient for display and ratios, not for comparisons.
    ///
    /// NaN for an invalid quantity; infinite for a value beyond `Double`'s range.
    public var value: Double {
        amount?.doubleValue ?? .nan
    }

    /// The value rounded to a whole number away from zero (as Kubernetes' `Value()` does: `1500m`
    /// gives 2, `-1500m` gives -2), or `nil` if it does not fit in an `Int64` or the quantity is invalid.
    public var int64Value: Int64? {
        amount?.roundedAwayFromZero(nanosPerStep: Amount.nanosPerUnit)
    }

    /// The value in thousandths, rounded away from zero (as Kubernetes' `MilliValue()` does: `0.5`
    /// gives 500, `1n` gives 1), or `nil` if it does not fit in an `Int64` or the quantity is invalid.
    public var milliValue: Int64? {
        amount?.roundedAwayFromZero(nanosPerStep: 1_000_000)
    }

    /// The form Kubernetes would store: the largest suffix that keeps a whole-number mantissa.
    ///
    /// Binary quantities stay binary when the value is a whole number of at least 1024 (`1.5Gi` →
    /// `1536Mi`, `1024Mi` → `1Gi`); otherwise the value is written with a decimal suffix, or with an
    /// `e` exponent if it was written that way (`1000m` → `1`, `0.1` → `100m`, `1.2345` → `1234500u`,
    /// `1e3` → `1e3`, `1.5e3` → `1500`). Zero is always `0`. An invalid quantity returns its text.
    public var canonical: String {
        guard let amount else { return text }
        return Self.canonicalText(of: amount, format: format)
    }

    /// `value` thousandths of a unit, the usual way to write CPU: `.millicores(250)` is `250m`.
    public static func millicores(_ value: Int) -> Quantity {
        Quantity(amount: Amount(scaled: value, nanosPerStep: 1_000_000), format: .decimalSI, text: "\(value)m")
    }

    /// `value` bytes, formatted with a binary suffix when whole (`.bytes(1_073_741_824)` is `1Gi`).
    public static func bytes(_ value: Int) -> Quantity {
        Quantity(amount: Amount(units: value), format: .binarySI)
    }

    /// `value` × 1024 bytes: `.kibibytes(64)` is `64Ki`.
    public static func kibibytes(_ value: Int) -> Quantity {
        binary(value, power: 1, suffix: "Ki")
    }

    /// `value` × 1024² bytes: `.mebibytes(512)` is `512Mi`.
    public static func mebibytes(_ value: Int) -> Quantity {
        binary(value, power: 2, suffix: "Mi")
    }

    /// `value` × 1024³ bytes: `.gibibytes(2)` is `2Gi`.
    public static func gibibytes(_ value: Int) -> Quantity {
        binary(value, power: 3, suffix: "Gi")
    }

    /// `value` × 1024⁴ bytes: `.tebibytes(1)` is `1Ti`.
    public static func tebibytes(_ value: Int) -> Quantity {
        binary(value, power: 4, suffix: "Ti")
    }

    private static func binary(_ value: Int, power: Int, suffix: String) -> Quantity {
        var nanos = BigUnsigned(UInt64(value.magnitude))
        for _ in 0..<power {
            nanos.multiply(by: 1024)
        }
        nanos.multiply(by: Amount.nanosPerUnit)
        let amount = Amount(isNegative: value < 0, nanos: nanos)
        return Quantity(amount: amount, format: .binarySI, text: "\(value)\(suffix)")
    }
}

extension Quantity: CustomStringConvertible {
    /// The text the quantity was written with (`"1024Mi"` stays `"1024Mi"`); see ``canonical``.
    public var description: String { text }
}

extension Quantity: ExpressibleByStringLiteral {
    /// Creates a quantity from a literal such as `"500m"`.
    ///
    /// A literal that does not parse never traps or prints: it yields an invalid quantity whose
    /// ``validationError`` explains the problem and whose text is encoded unchanged.
    public init(stringLiteral value: String) {
        do {
            try self.init(value)
        } catch {
            self.init(state: .invalid(error), format: .decimalSI, text: value)
        }
    }
}

extension Quantity: ExpressibleByIntegerLiteral {
    /// Creates a whole-number quantity from a literal: `cpu: 2`.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Quantity: Hashable {
    /// Whether two quantities have the same value, however they are written (`1Gi == 1024Mi`).
    ///
    /// Invalid quantities equal only invalid quantities with the same text.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        switch (lhs.state, rhs.state) {
        case (.valid(let left), .valid(let right)): return left == right
        case (.invalid, .invalid): return lhs.text == rhs.text
        default: return false
        }
    }

    /// Hashes the value (or, for an invalid quantity, the text), consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch state {
        case .valid(let amount):
            hasher.combine(true)
            hasher.combine(amount)
        case .invalid:
            hasher.combine(false)
            hasher.combine(text)
        }
    }
}

extension Quantity: Comparable {
    /// Orders quantities by value; invalid quantities sort after every valid one, by text.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        switch (lhs.state, rhs.state) {
        case (.valid(let left), .valid(let right)): return Amount.compare(left, right) < 0
        case (.valid, .invalid): return true
        case (.invalid, .valid): return false
        case (.invalid, .invalid): return lhs.text < rhs.text
        }
    }
}
