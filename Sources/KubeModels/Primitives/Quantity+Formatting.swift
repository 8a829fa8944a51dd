extension Quantity {
    private static let decimalSuffixes: [Int: String] = [
        -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
    ]

    private static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    /// Writes `amount` the way Kubernetes canonicalizes a quantity of the given format.
    ///
    /// - Binary: a whole number of at least 1024 is written as mantissa × 1024^k with the largest
    ///   k that leaves a whole mantissa (`1536Mi`); below 1024 or with a fraction it is written as
    ///   decimal; beyond `Ei` (more than six factors of 1024) it is written with an exponent.
    /// - Decimal: every factor of ten moves into the exponent, which is then lowered to a multiple
    ///   of three (`1.2345` → `1234500u`); the exponent becomes a suffix (`n` … `E`) or, for the
    ///   exponent format and beyond `E`, an `e` exponent.
    static func canonicalText(of amount: Amount, format: Format) -> String {
        guard !amount.isZero else { return "0" }
        let sign = amount.isNegative ? "-" : ""
        var decimalFormat = format
        if format == .binarySI {
            switch binaryText(ofNanos: amount.nanos) {
            case .text(let text): return sign + text
            case .writeAsDecimal: decimalFormat = .decimalSI
            case .writeWithExponent: decimalFormat = .decimalExponent
            }
        }

        var mantissa = amount.nanos
        var exponent = mantissa.removeFactorsOfTen() - 9
        while exponent % 3 != 0 {
            mantissa.multiply(by: 10)
            exponent -= 1
        }
        let suffix: String
        if decimalFormat == .decimalSI, let known = decimalSuffixes[exponent] {
            suffix = known
        } else {
            suffix = exponent == 0 ? "" : "e\(exponent)"
        }
        return sign + mantissa.decimalString + suffix
    }

    private enum BinaryText {
        case text(String)
        case writeAsDecimal
        case writeWithExponent
    }

    private static func binaryText(ofNanos nanos: BigUnsigned) -> BinaryText {
        var threshold = BigUnsigned(1024)
        threshold.multiply(by: Amount.nanosPerUnit)
        guard BigUnsigned.compare(nanos, threshold) >= 0 else { return .writeAsDecimal }
        var whole = nanos
        guard whole.divide(by: Amount.nanosPerUnit) == 0 else { return .writeAsDecimal }
        let power = whole.removeFactors(of: 1024)
        guard power < binarySuffixes.count else { return .writeWithExponent }
        return .text(whole.decimalString + binarySuffixes[power])
    }
}
