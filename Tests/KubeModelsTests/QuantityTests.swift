import Foundation
import KubeModels
import Testing

/// Parses through the throwing initializer. (With a literal argument, `Quantity("…")` is literal
/// syntax, SE-0213, and goes through `init(stringLiteral:)` instead.)
private func parsed(_ text: String) throws -> Quantity {
    try Quantity(text)
}

@Suite("Quantity")
struct QuantityTests {
    // MARK: - Parsing valid input

    /// A valid input, the canonical text Kubernetes would store, the format, and the value in thousandths
    /// (rounded away from zero, as `MilliValue()` does), or nil when it does not fit in an Int64.
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var canonical: String
        var format: Quantity.Format
        var milli: Int64?

        init(_ text: String, _ canonical: String, _ format: Quantity.Format, milli: Int64?) {
            self.text = text
            self.canonical = canonical
            self.format = format
            self.milli = milli
        }

        var testDescription: String { text }
    }

    static let valid: [Valid] = [
        // Plain numbers, signs and the four number shapes of the grammar.
        Valid("0", "0", .decimalSI, milli: 0),
        Valid("1", "1", .decimalSI, milli: 1000),
        Valid("+1", "1", .decimalSI, milli: 1000),
        Valid("-1", "-1", .decimalSI, milli: -1000),
        Valid("-0", "0", .decimalSI, milli: 0),
        Valid("+0.0", "0", .decimalSI, milli: 0),
        Valid("1.", "1", .decimalSI, milli: 1000),
        Valid(".5", "500m", .decimalSI, milli: 500),
        Valid("-.5", "-500m", .decimalSI, milli: -500),
        Valid("1.25", "1250m", .decimalSI, milli: 1250),
        Valid("007", "7", .decimalSI, milli: 7000),
        Valid("0.1", "100m", .decimalSI, milli: 100),
        Valid("1.2345", "1234500u", .decimalSI, milli: 1235),
        Valid("1500", "1500", .decimalSI, milli: 1_500_000),
        Valid("18446744073709551616", "18446744073709551616", .decimalSI, milli: nil),
        // Every decimal SI suffix.
        Valid("5n", "5n", .decimalSI, milli: 1),
        Valid("4u", "4u", .decimalSI, milli: 1),
        Valid("3m", "3m", .decimalSI, milli: 3),
        Valid("8k", "8k", .decimalSI, milli: 8_000_000),
        Valid("7M", "7M", .decimalSI, milli: 7_000_000_000),
        Valid("6G", "6G", .decimalSI, milli: 6_000_000_000_000),
        Valid("5T", "5T", .decimalSI, milli: 5_000_000_000_000_000),
        Valid("2P", "2P", .decimalSI, milli: 2_000_000_000_000_000_000),
        Valid("1E", "1E", .decimalSI, milli: nil),
        Valid("12E", "12E", .decimalSI, milli: nil),
        Valid("1000m", "1", .decimalSI, milli: 1000),
        Valid("1000M", "1G", .decimalSI, milli: 1_000_000_000_000),
        Valid("50k", "50k", .decimalSI, milli: 50_000_000),
        Valid("0.0005k", "500m", .decimalSI, milli: 500),
        Valid("100.035k", "100035", .decimalSI, milli: 100_035_000),
        Valid("10.035M", "10035k", .decimalSI, milli: 10_035_000_000),
        Valid("1.G", "1G", .decimalSI, milli: 1_000_000_000_000),
        Valid("1000E", "1e21", .decimalSI, milli: nil),
        // Every binary SI suffix.
        Valid("1Ki", "1Ki", .binarySI, milli: 1_024_000),
        Valid("7Mi", "7Mi", .binarySI, milli: 7_340_032_000),
        Valid("6Gi", "6Gi", .binarySI, milli: 6_442_450_944_000),
        Valid("5Ti", "5Ti", .binarySI, milli: 5_497_558_138_880_000),
        Valid("4Pi", "4Pi", .binarySI, milli: 4_503_599_627_370_496_000),
        Valid("3Ei", "3Ei", .binarySI, milli: nil),
        Valid("0Ki", "0", .binarySI, milli: 0),
        Valid("1024Mi", "1Gi", .binarySI, milli: 1_073_741_824_000),
        Valid("1.5Gi", "1536Mi", .binarySI, milli: 1_610_612_736_000),
        Valid("-1.5Gi", "-1536Mi", .binarySI, milli: -1_610_612_736_000),
        Valid("0.5Ki", "512", .binarySI, milli: 512_000),
        Valid("100.035Ki", "102435840m", .binarySI, milli: 102_435_840),
        Valid("1025Ki", "1025Ki", .binarySI, milli: 1_049_600_000),
        Valid(".001Ki", "1024m", .binarySI, milli: 1024),
        Valid(".000000001Ki", "1024n", .decimalSI, milli: 1),
        // Exponents: either letter case, optional sign, fractions in the mantissa.
        Valid("1e3", "1e3", .decimalExponent, milli: 1_000_000),
        Valid("1E3", "1e3", .decimalExponent, milli: 1_000_000),
        Valid("1E-2", "10e-3", .decimalExponent, milli: 10),
        Valid("1e-3", "1e-3", .decimalExponent, milli: 1),
        Valid("12e+6", "12e6", .decimalExponent, milli: 12_000_000_000),
        Valid("1.5e3", "1500", .decimalExponent, milli: 1_500_000),
        Valid("1.3E+6", "1300e3", .decimalExponent, milli: 1_300_000_000),
        Valid("0.5e-2", "5e-3", .decimalExponent, milli: 5),
        Valid("1e0", "1", .decimalExponent, milli: 1000),
        Valid("1e-0", "1", .decimalExponent, milli: 1000),
        Valid("1e007", "10e6", .decimalExponent, milli: 10_000_000_000),
        Valid("1e21", "1e21", .decimalExponent, milli: nil),
        // Below a nano-unit the value rounds up, away from zero.
        Valid("0.9n", "1n", .decimalSI, milli: 1),
        Valid("3.001n", "4n", .decimalSI, milli: 1),
        Valid("0.0000000001", "1n", .decimalSI, milli: 1),
        Valid("0.00000012345", "124n", .decimalSI, milli: 1),
        Valid("1.1E-9", "2e-9", .decimalExponent, milli: 1),
        Valid(".000000000001Ki", "2n", .decimalSI, milli: 1),
        Valid("-.484785E-7466", "-1e-9", .decimalExponent, milli: -1),
        Valid("1e-2147483647", "1e-9", .decimalExponent, milli: 1),
    ]

    @Test("parses", arguments: valid)
    func parses(_ item: Valid) throws {
        let quantity = try Quantity(item.text)
        #expect(quantity.isValid)
        #expect(quantity.validationError == nil)
        #expect(quantity.canonical == item.canonical)
        #expect(quantity.format == item.format)
        #expect(quantity.milliValue == item.milli)
        #expect(quantity.description == item.text, "description keeps the written text")
        // The canonical text parses back to the same value.
        #expect(try Quantity(quantity.canonical) == quantity)
    }

    @Test("negating any valid input negates its value", arguments: valid)
    func negated(_ item: Valid) throws {
        guard !item.text.hasPrefix("-"), !item.text.hasPrefix("+") else { return }
        let positive = try Quantity(item.text)
        let negative = try parsed("-" + item.text)
        #expect(negative == -positive)
        #expect(negative.format == positive.format)
        if positive.isZero {
            #expect(negative.canonical == "0")
        } else {
            #expect(negative.canonical == "-" + item.canonical)
        }
    }

    // MARK: - Invalid input

    struct Invalid: Sendable, CustomTestStringConvertible {
        var text: String
        var reason: QuantityError.Reason
        var fragment: String

        init(_ text: String, _ reason: QuantityError.Reason, _ fragment: String) {
            self.text = text
            self.reason = reason
            self.fragment = fragment
        }

        var testDescription: String { text.debugDescription }
    }

    static let invalid: [Invalid] = [
        Invalid("", .empty, "it is empty"),
        Invalid("10MB", .unknownSuffix("MB"), "unknown suffix `MB`; did you mean `M` (10^6) or `Mi` (2^20)?"),
        Invalid("5GiB", .unknownSuffix("GiB"), "did you mean `G` (10^9) or `Gi` (2^30)?"),
        Invalid("1K", .unknownSuffix("K"), "did you mean `k` (10^3) or `Ki` (2^10)?"),
        Invalid("0.1mi", .unknownSuffix("mi"), "unknown suffix `mi`"),
        Invalid("1Gii", .unknownSuffix("Gii"), "expected one of Ki, Mi, Gi, Ti, Pi, Ei"),
        Invalid("1ki", .unknownSuffix("ki"), "unknown suffix `ki`"),
        Invalid("1i", .unknownSuffix("i"), "unknown suffix `i`"),
        Invalid(".5i", .unknownSuffix("i"), "unknown suffix `i`"),
        Invalid("0.1am", .unknownSuffix("am"), "unknown suffix `am`"),
        Invalid("0x10", .unknownSuffix("x10"), "hexadecimal numbers are not allowed"),
        Invalid("1Mi3", .unknownSuffix("Mi3"), "unknown suffix `Mi3`"),
        Invalid("1e3Ki", .malformedExponent("e3Ki"), "whole number"),
        Invalid("1.5.3", .extraDecimalPoint, "more than one decimal point"),
        Invalid("1.1.M", .extraDecimalPoint, "more than one decimal point"),
        Invalid("Ki", .missingNumber, "there is no number"),
        Invalid("e3", .missingNumber, "there is no number"),
        Invalid(".", .missingNumber, "there is no number"),
        Invalid("+", .missingNumber, "there is no number"),
        Invalid("-", .missingNumber, "there is no number"),
        Invalid("-.Gi", .missingNumber, "there is no number"),
        Invalid("aoeu", .missingNumber, "there is no number"),
        Invalid("++1", .misplacedSign, "a sign may only stand at the very start"),
        Invalid("+-1", .misplacedSign, "a sign may only stand"),
        Invalid("1+1.0M", .misplacedSign, "a sign may only stand at the very start"),
        Invalid("1-", .misplacedSign, "a sign may only stand"),
        Invalid(" 1", .whitespace, "white space"),
        Invalid("1 ", .whitespace, "white space"),
        Invalid("1 Gi", .whitespace, "write `1Gi`, not `1 Gi`"),
        Invalid("1\tGi", .whitespace, "white space"),
        Invalid("1\n", .whitespace, "white space"),
        Invalid("1\u{00A0}Gi", .whitespace, "white space"),
        Invalid("1e", .malformedExponent("e"), "must be `e` or `E` followed by a whole number"),
        Invalid("1e+", .malformedExponent("e+"), "whole number"),
        Invalid("-3.01e-", .malformedExponent("e-"), "whole number"),
        Invalid("1e1.5", .malformedExponent("e1.5"), "whole number"),
        Invalid("1ee3", .malformedExponent("ee3"), "whole number"),
        Invalid("1e4294967297", .exponentOutOfRange("e4294967297"), "outside the range ±2147483647"),
        Invalid("1e-2147483648", .exponentOutOfRange("e-2147483648"), "outside the range"),
        Invalid("1e99999999999999999999999", .exponentOutOfRange("e99999999999999999999999"), "outside the range"),
        Invalid("1e1000", .tooLarge, "more than 1000 digits"),
        Invalid("1e2147483647", .tooLarge, "more than 1000 digits"),
        Invalid("1µ", .unknownSuffix("µ"), "unknown suffix `µ`"),
        Invalid("１", .missingNumber, "there is no number"),
    ]

    @Test("rejects", arguments: invalid)
    func rejects(_ item: Invalid) {
        let error = #expect(throws: QuantityError.self) {
            try Quantity(item.text)
        }
        #expect(error?.text == item.text)
        #expect(error?.reason == item.reason)
        #expect(error?.description.hasPrefix("`\(item.text)` is not a valid quantity: ") == true)
        #expect(error?.description.contains(item.fragment) == true, "\(String(describing: error))")
    }

    @Test("an invalid string literal neither traps nor hides the problem", arguments: invalid)
    func invalidLiteral(_ item: Invalid) throws {
        let quantity = Quantity(stringLiteral: item.text)
        #expect(!quantity.isValid)
        #expect(quantity.validationError?.reason == item.reason)
        #expect(quantity.description == item.text)
        #expect(quantity.canonical == item.text)
        #expect(quantity.int64Value == nil)
        #expect(quantity.milliValue == nil)
        #expect(quantity.value.isNaN)
        #expect(!quantity.isZero)
        // Encoding writes the text unchanged, so the reader of the output sees the mistake.
        let data = try JSONEncoder().encode([quantity])
        let decoded = try JSONDecoder().decode([String].self, from: data)
        #expect(decoded == [item.text])
    }

    @Test func invalidLiteralSemantics() {
        let bad: Quantity = "10MB"
        let good: Quantity = "1Gi"
        #expect(bad != good)
        #expect(bad == Quantity(stringLiteral: "10MB"))
        #expect(bad != Quantity(stringLiteral: "10GB"))
        #expect(good < bad, "invalid quantities sort after valid ones")
        #expect(!(bad < good))
        #expect((good + bad).description == "10MB", "arithmetic keeps the invalid operand")
        #expect((bad + good).description == "10MB")
        #expect((bad - good).validationError == bad.validationError)
        #expect((bad * 3).description == "10MB")
        #expect((-bad).description == "10MB")
        #expect(Set([bad, Quantity(stringLiteral: "10MB"), good]).count == 2)
        // `Quantity("…")` with a literal argument is literal syntax: it does not throw.
        #expect(!Quantity("10MB").isValid)
        #expect(Quantity("1Gi") == good)
    }

    // MARK: - Equality, hashing and ordering

    static let equalPairs: [(String, String)] = [
        ("1024Mi", "1Gi"),
        ("1000m", "1"),
        ("0.5", "500m"),
        ("1e3", "1k"),
        ("1E3", "1000"),
        ("1Ki", "1024"),
        ("1.5Gi", "1536Mi"),
        ("0", "-0"),
        ("0Ki", "0m"),
        ("0e9", "0"),
        ("1000000n", "1m"),
        ("1M", "1e6"),
        ("8Ei", "8192Pi"),
        ("8Ei", "9223372036854775808"),
        ("0.9n", "1n"),
        ("+5", "5.000"),
        (".5Ki", "512"),
        ("1E", "1e18"),
    ]

    @Test("equal values compare and hash equal", arguments: equalPairs)
    func equal(_ pair: (String, String)) throws {
        let lhs = try Quantity(pair.0)
        let rhs = try Quantity(pair.1)
        #expect(lhs == rhs)
        #expect(lhs.hashValue == rhs.hashValue)
        #expect(!(lhs < rhs) && !(rhs < lhs))
        #expect(Set([lhs, rhs]).count == 1)
    }

    static let orderedPairs: [(String, String)] = [
        ("512Mi", "1Gi"),
        ("50m", "100m"),
        ("100Gi", "10000T"),
        ("-1", "0"),
        ("-2Gi", "-1Gi"),
        ("1n", "2n"),
        ("999m", "1"),
        ("1G", "1Gi"),
        ("1E", "1Ei"),
        ("8Ei", "8Ei1"),
        ("9223372036854775807", "8Ei"),
        ("1e20", "1e21"),
        ("-1e21", "-1e20"),
        ("0", "1e-2147483647"),
    ]

    @Test("orders by value", arguments: orderedPairs)
    func ordered(_ pair: (String, String)) {
        let lhs = Quantity(stringLiteral: pair.0)
        let rhs = Quantity(stringLiteral: pair.1)
        if !lhs.isValid || !rhs.isValid {
            // "8Ei1" is not a quantity: invalid values sort last.
            #expect(lhs.isValid && !rhs.isValid)
        }
        #expect(lhs < rhs)
        #expect(rhs > lhs)
        #expect(lhs != rhs)
    }

    @Test func literalComparisons() {
        #expect(("1Gi" as Quantity) > "512Mi")
        #expect(("250m" as Quantity) < 1)
        #expect(("2" as Quantity) == 2)
        let unsorted: [Quantity] = ["2Gi", "1Mi", "3", 0, "1.5Ki"]
        #expect(unsorted.sorted().map(\.description) == ["0", "3", "1.5Ki", "1Mi", "2Gi"])
        #expect((["1Gi", "512Mi", "2Gi"] as [Quantity]).max() == "2Gi")
    }

    @Test func equalityIgnoresTextAndFormat() throws {
        let written = try parsed("1024Mi")
        let other = try parsed("1Gi")
        #expect(written == other)
        #expect(written.description == "1024Mi")
        #expect(other.description == "1Gi")
        #expect(Quantity.bytes(1_073_741_824) == other)
        #expect(try parsed("1073741824") == other)
        #expect(try parsed("1073741824").format == .decimalSI)
    }

    // MARK: - Canonical form

    static let canonicalForms: [(String, String)] = [
        ("1Gi", "1Gi"),
        ("307200Ki", "300Mi"),
        ("1025024Mi", "1001Gi"),
        ("1024Gi", "1Ti"),
        ("5", "5"),
        ("0.5", "500m"),
        ("1000M", "1G"),
        ("0.001T", "1G"),
        ("1000u", "1m"),
        ("1.08", "1080m"),
        ("1080000000n", "1080m"),
        ("0.080", "80m"),
        ("300M", "300M"),
        ("1234567M", "1234567M"),
        ("1025", "1025"),
        ("00", "0"),
        (".001e12", "1e9"),
        ("0.001e0", "1e-3"),
        ("1000e-12", "1e-9"),
        ("80e-3", "80e-3"),
        ("300e6", "300e6"),
        ("3e3", "3e3"),
        ("108e-8", "1080e-9"),
        ("0.00000108", "1080n"),
        ("1080u", "1080u"),
        ("5000E", "5e21"),
        ("1000000E", "1e24"),
        ("1Ei", "1Ei"),
        ("1024Ei", "1180591620717411303424"),
        ("2048Ei", "2361183241434822606848"),
    ]

    @Test("canonical form", arguments: canonicalForms)
    func canonical(_ pair: (String, String)) throws {
        let quantity = try Quantity(pair.0)
        #expect(quantity.canonical == pair.1)
        #expect(try Quantity(pair.1) == quantity)
    }

    // MARK: - Arithmetic

    @Test func addition() {
        #expect(("1Gi" as Quantity) + "512Mi" == "1.5Gi")
        #expect((("1Gi" as Quantity) + "512Mi").description == "1536Mi")
        #expect((("250m" as Quantity) + "750m").description == "1")
        #expect((("0.1" as Quantity) + "0.2") == "0.3", "decimal fractions add exactly")
        #expect((("1" as Quantity) + "1n").description == "1000000001n")
        #expect((("1e3" as Quantity) + "1").description == "1001")
        #expect((("100m" as Quantity) + "1Gi").description == "1073741824100m")
    }

    @Test func subtractionAndNegation() {
        #expect((("100m" as Quantity) - "1").description == "-900m")
        #expect((("1Gi" as Quantity) - "1Gi").description == "0")
        #expect(("1Gi" as Quantity) - "1Gi" == 0)
        #expect((-("1.5Gi" as Quantity)).description == "-1536Mi")
        #expect(-(-("3" as Quantity)) == 3)
        var total: Quantity = 0
        total += "2Gi"
        total -= "512Mi"
        #expect(total == "1.5Gi")
    }

    @Test("sum and difference keep the left format, or the right one when the left is zero")
    func formatsOfResults() {
        #expect((("10" as Quantity) - Quantity.bytes(1)).format == .decimalSI)
        #expect((Quantity.bytes(10) - "1").format == .binarySI)
        #expect((("0" as Quantity) + "1Gi").description == "1Gi")
        #expect((("1Gi" as Quantity) + "0").description == "1Gi")
        #expect((("100m" as Quantity) + "0").description == "100m")
        #expect((("0" as Quantity) - "1Gi").description == "-1Gi")
        #expect((("1Gi" as Quantity) + "1k").description == "1073742824")
        #expect((("1Gi" as Quantity) + "1Ki").description == "1048577Ki")
    }

    @Test func multiplication() {
        #expect((Quantity.mebibytes(512) * 3).description == "1536Mi")
        #expect((4 * ("250m" as Quantity)).description == "1")
        #expect((("1Gi" as Quantity) * -2).description == "-2Gi")
        #expect((("1Gi" as Quantity) * 0).description == "0")
    }

    @Test("values beyond 64 bits stay exact")
    func beyondSixtyFourBits() throws {
        let eight = try parsed("8Ei")
        #expect(eight.canonical == "8Ei")
        #expect(eight.int64Value == nil, "2^63 does not fit in an Int64")
        #expect((eight - "1").int64Value == Int64.max)
        #expect((-eight).int64Value == Int64.min)
        #expect((-eight - "1").int64Value == nil)
        #expect((eight + eight).description == "16Ei")
        #expect((eight + eight) == "16Ei")
        #expect((eight * 1024).canonical == "9444732965739290427392")
        #expect((eight + "1") > eight)
        #expect((eight + "1n").canonical == "9223372036854775808000000001n")
        let huge = try parsed("1e999")
        #expect(huge.value == .infinity)
        #expect((huge + huge).canonical == "2e999")
        #expect((huge - huge).isZero)
        // Arithmetic may go past the parsing limit without trapping.
        let largest = try Quantity(String(repeating: "9", count: Quantity.maximumIntegerDigits))
        #expect((largest + "1").canonical == "10e999")
    }

    // MARK: - Long fractions

    static let longFractions: [(String, String)] = [
        ("0." + String(repeating: "9", count: 100) + "Ei", "1Ei"),
        ("1." + String(repeating: "0", count: 60) + "1", "1000000001n"),
        ("1." + String(repeating: "3", count: 1000) + "Ei", "1537228672809129301333333334n"),
        ("2." + String(repeating: "0", count: 58) + "1Ki", "2048000000001n"),
        ("0." + String(repeating: "0", count: 8) + "1" + String(repeating: "0", count: 200), "1n"),
        ("-0." + String(repeating: "9", count: 80), "-1"),
        ("0." + String(repeating: "0", count: 1_000_000) + "1", "1n"),
        ("1." + String(repeating: "7", count: 1_000_000) + "Mi", "1864135111111112n"),
    ]

    @Test("digits far below a nano-unit only decide the rounding", arguments: longFractions)
    func longFraction(_ item: (String, String)) throws {
        let quantity = try parsed(item.0)
        #expect(quantity == (try parsed(item.1)))
    }

    // MARK: - Accessors

    static let rounding: [(String, Int64?, Int64?)] = [
        ("1500m", 2, 1500),
        ("-1500m", -2, -1500),
        ("0.0005", 1, 1),
        ("-0.0005", -1, -1),
        ("-.484785E-1", -1, -49),
        ("9.5000000001Gi", 10_200_547_329, 10_200_547_328_108),
        ("-9.5000000001Gi", -10_200_547_329, -10_200_547_328_108),
        ("1", 1, 1000),
        ("0", 0, 0),
        ("9223372036854775807", 9_223_372_036_854_775_807, nil),
        ("9223372036854775808", nil, nil),
        ("-9223372036854775808", Int64.min, nil),
        ("9223372036854775807m", 9_223_372_036_854_776, 9_223_372_036_854_775_807),
    ]

    @Test("whole and milli values round away from zero", arguments: rounding)
    func roundedAccessors(_ item: (String, Int64?, Int64?)) throws {
        let quantity = try Quantity(item.0)
        #expect(quantity.int64Value == item.1)
        #expect(quantity.milliValue == item.2)
    }

    @Test func doubleValue() throws {
        #expect(try parsed("1.5Gi").value == 1_610_612_736)
        #expect(try parsed("250m").value == 0.25)
        #expect(try parsed("-1e-3").value == -0.001)
        #expect(try parsed("1n").value == 1e-9)
    }

    @Test func constructors() {
        #expect(Quantity.millicores(250).description == "250m")
        #expect(Quantity.millicores(250) == "0.25")
        #expect(Quantity.millicores(1500).canonical == "1500m")
        #expect(Quantity.millicores(2000).canonical == "2")
        #expect(Quantity.bytes(1_073_741_824).description == "1Gi")
        #expect(Quantity.bytes(1500).description == "1500")
        #expect(Quantity.bytes(512).format == .binarySI)
        #expect(Quantity.kibibytes(64).description == "64Ki")
        #expect(Quantity.mebibytes(512).description == "512Mi")
        #expect(Quantity.mebibytes(1024).description == "1024Mi")
        #expect(Quantity.mebibytes(1024).canonical == "1Gi")
        #expect(Quantity.gibibytes(2) == "2048Mi")
        #expect(Quantity.tebibytes(1) == "1024Gi")
        #expect(Quantity.gibibytes(-1).description == "-1Gi")
        #expect(Quantity(3).description == "3")
        #expect(Quantity(-3) == "-3")
        let literal: Quantity = 4
        #expect(literal.description == "4")
        #expect(literal.format == .decimalSI)
        #expect(Quantity(Int.min).int64Value == Int64.min)
    }

    // MARK: - Codable

    struct Resources: Codable, Equatable {
        var cpu: Quantity
        var memory: Quantity
    }

    @Test func decodesStringsAndKeepsTheirText() throws {
        let json = #"{"cpu":"1000m","memory":"1024Mi"}"#
        let decoded = try JSONDecoder().decode(Resources.self, from: Data(json.utf8))
        #expect(decoded.cpu == 1)
        #expect(decoded.memory == "1Gi")
        #expect(decoded.cpu.description == "1000m")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == json)
    }

    @Test func decodesNumbersAndWritesThemBackAsNumbers() throws {
        let json = #"{"cpu":0.25,"memory":2}"#
        let decoded = try JSONDecoder().decode(Resources.self, from: Data(json.utf8))
        #expect(decoded.cpu == "250m")
        #expect(decoded.cpu.canonical == "250m")
        #expect(decoded.memory == 2)
        #expect(decoded.memory.canonical == "2")
        // Equality and hashing ignore whether a quantity came from a number.
        #expect(decoded == Resources(cpu: "250m", memory: "2"))
        #expect(decoded.cpu.hashValue == ("0.25" as Quantity).hashValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == json)
    }

    static let numbers: [(String, String)] = [
        ("0.1", "100m"),
        ("1.5", "1500m"),
        ("-2", "-2"),
        ("1e-7", "100n"),
        ("1.5e21", "1500e18"),
        ("9223372036854775807", "9223372036854775807"),
    ]

    @Test("decodes JSON numbers by value", arguments: numbers)
    func decodesNumbers(_ item: (String, String)) throws {
        let decoded = try JSONDecoder().decode([Quantity].self, from: Data("[\(item.0)]".utf8))
        #expect(decoded.first?.isValid == true)
        #expect(decoded.first == Quantity(stringLiteral: item.1))
    }

    @Test func decodingIgnoresSurroundingWhiteSpaceAsTheAPIServerDoes() throws {
        let decoded = try JSONDecoder().decode([Quantity].self, from: Data(#"[" 1Gi", "500m\n"]"#.utf8))
        #expect(decoded.map(\.description) == ["1Gi", "500m"])
    }

    static let undecodable: [(String, String)] = [
        (#""10MB""#, "`10MB` is not a valid quantity: unknown suffix `MB`"),
        (#""1 Gi""#, "white space"),
        (#""""#, "it is empty"),
        (#""1e""#, "whole number"),
    ]

    @Test("bad strings fail decoding with the descriptive message", arguments: undecodable)
    func badStrings(_ item: (String, String)) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Quantity].self, from: Data("[\(item.0)]".utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains(item.1))
        #expect(context.underlyingError is QuantityError)
    }

    @Test("other JSON values are a type mismatch", arguments: ["true", "null", "{}", "[1]"])
    func wrongType(_ json: String) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Quantity].self, from: Data("[\(json)]".utf8))
        }
        guard case .typeMismatch(_, let context) = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("a quantity must be a string"))
    }

    @Test func optionalQuantityDecodesNull() throws {
        let decoded = try JSONDecoder().decode([Quantity?].self, from: Data("[null, \"1\"]".utf8))
        #expect(decoded == [nil, 1])
    }
}
