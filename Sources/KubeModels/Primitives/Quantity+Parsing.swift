extension Quantity {
    /// A suffix's meaning: a power of ten or of 1024, and the format it implies.
    private struct Suffix {
        var decimalExponent: Int
        var binaryPower: Int
        var format: Format
    }

    private static let knownSuffixes: [String: Suffix] = [
        "": Suffix(decimalExponent: 0, binaryPower: 0, format: .decimalSI),
        "n": Suffix(decimalExponent: -9, binaryPower: 0, format: .decimalSI),
        "u": Suffix(decimalExponent: -6, binaryPower: 0, format: .decimalSI),
        "m": Suffix(decimalExponent: -3, binaryPower: 0, format: .decimalSI),
        "k": Suffix(decimalExponent: 3, binaryPower: 0, format: .decimalSI),
        "M": Suffix(decimalExponent: 6, binaryPower: 0, format: .decimalSI),
        "G": Suffix(decimalExponent: 9, binaryPower: 0, format: .decimalSI),
        "T": Suffix(decimalExponent: 12, binaryPower: 0, format: .decimalSI),
        "P": Suffix(decimalExponent: 15, binaryPower: 0, format: .decimalSI),
        "E": Suffix(decimalExponent: 18, binaryPower: 0, format: .decimalSI),
        "Ki": Suffix(decimalExponent: 0, binaryPower: 1, format: .binarySI),
        "Mi": Suffix(decimalExponent: 0, binaryPower: 2, format: .binarySI),
        "Gi": Suffix(decimalExponent: 0, binaryPower: 3, format: .binarySI),
        "Ti": Suffix(decimalExponent: 0, binaryPower: 4, format: .binarySI),
        "Pi": Suffix(decimalExponent: 0, binaryPower: 5, format: .binarySI),
        "Ei": Suffix(decimalExponent: 0, binaryPower: 6, format: .binarySI),
    ]

    /// The largest exponent magnitude Kubernetes stores (its scale is a 32-bit integer that gets negated).
    private static let maximumExponentMagnitude = Int(Int32.max)

    /// Parses `text` by the grammar of Kubernetes quantities:
    ///
    ///     quantity ::= sign? number suffix
    ///     number   ::= digits | digits "." digits | digits "." | "." digits
    ///     suffix   ::= "" | Ki Mi Gi Ti Pi Ei | n u m k M G T P E | ("e" | "E") sign? digits
    ///
    /// The exponent is a whole number, as the Kubernetes parser requires (its published grammar
    /// would also allow a fraction there, which the parser itself rejects).
    static func parse(_ text: String) throws(QuantityError) -> (Amount, Format) {
        func fail(_ reason: QuantityError.Reason) -> QuantityError {
            QuantityError(text: text, reason: reason)
        }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw fail(.empty) }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            throw fail(.whitespace)
        }

        var index = 0
        var isNegative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            isNegative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        let integerDigits = scanDigits(bytes, from: &index)
        var fractionDigits: ArraySlice<UInt8> = []
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = scanDigits(bytes, from: &index)
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            let next = index < bytes.count ? bytes[index] : nil
            let isSign = next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
            throw fail(isSign ? .misplacedSign : .missingNumber)
        }

        let suffixBytes = bytes[index...]
        if suffixBytes.first == UInt8(ascii: ".") {
            throw fail(.extraDecimalPoint)
        }
        if suffixBytes.first == UInt8(ascii: "+") || suffixBytes.first == UInt8(ascii: "-") {
            throw fail(.misplacedSign)
        }
        let suffixText = String(decoding: suffixBytes, as: UTF8.self)
        let suffix = try interpret(suffix: suffixText, of: text)

        // The value is digits × 10^scale × 1024^binaryPower, where digits joins both parts of the number.
        let allDigits = (integerDigits + fractionDigits).drop(while: { $0 == UInt8(ascii: "0") })
        let scale = suffix.decimalExponent - fractionDigits.count
        if !allDigits.isEmpty, allDigits.count + scale > maximumIntegerDigits {
            throw fail(.tooLarge)
        }
        let binaryFactor = UInt64(1) << UInt64(10 * suffix.binaryPower)
        let nanos = nanoCount(digits: allDigits, factor: binaryFactor, nanoScale: scale + 9)

        var format = suffix.format
        if format == .binarySI, !nanos.isZero, BigUnsigned.compare(nanos, BigUnsigned(Amount.nanosPerUnit)) < 0 {
            // A non-zero binary quantity below one has no binary spelling; Kubernetes switches it to decimal.
            format = .decimalSI
        }
        return (Amount(isNegative: isNegative, nanos: nanos), format)
    }

    /// How many digits below the nano position are converted exactly; digits further down are only
    /// checked for whether, and by how much, they push the value up to the next nano-unit.
    private static let guardDigits = 40

    /// digits × factor × 10^nanoScale, rounded up to a whole number; `factor` is at most 2^60.
    ///
    /// When the digits reach far below the nano position, only the leading ones are converted; the rest
    /// decide the rounding, read one at a time. This keeps a long fraction from costing quadratic time.
    private static func nanoCount(digits: ArraySlice<UInt8>, factor: UInt64, nanoScale: Int) -> BigUnsigned {
        if nanoScale >= 0 {
            var exact = BigUnsigned(asciiDigits: digits)
            exact.multiply(by: factor)
            exact.multiply(byPowerOfTen: nanoScale)
            return exact
        }
        let divisorExponent = -nanoScale
        let dropped = min(digits.count, divisorExponent - guardDigits)
        guard dropped > 0 else {
            var quotient = BigUnsigned(asciiDigits: digits)
            quotient.multiply(by: factor)
            quotient.divideRoundingUp(byPowerOfTen: divisorExponent)
            return quotient
        }
        // value = (head × factor + tail × factor / 10^dropped) / 10^guardDigits, where head is the digits
        // kept and tail the ones dropped (tail / 10^dropped < 1, so its share is below `factor`).
        let head = digits.dropLast(dropped)
        let tail = digits.suffix(dropped)
        var quotient = BigUnsigned(asciiDigits: head)
        quotient.multiply(by: factor)
        let remainder = quotient.divide(byPowerOfTen: guardDigits)
        let tailIsZero = tail.allSatisfy { $0 == UInt8(ascii: "0") }
        if remainder.isZero && tailIsZero {
            return quotient
        }
        // remainder + tail share lies in (0, 2 × 10^guardDigits): the quotient grows by one, or by two
        // when the sum passes 10^guardDigits, which needs the tail's share to exceed the gap left.
        var ceiling = BigUnsigned(1)
        ceiling.multiply(byPowerOfTen: guardDigits)
        let gap = ceiling - remainder
        var increment: UInt64 = 1
        if !tailIsZero, let smallGap = gap.uint64Value, smallGap < factor,
            fraction(tail, exceeds: smallGap, over: factor)
        {
            increment = 2
        }
        quotient.multiply(by: 1, adding: increment)
        return quotient
    }

    /// Whether 0.`digits` (a decimal fraction) is greater than numerator / denominator, for a
    /// numerator below the denominator; compares digit by digit, as long division produces them.
    private static func fraction(
        _ digits: ArraySlice<UInt8>,
        exceeds numerator: UInt64,
        over denominator: UInt64
    ) -> Bool {
        var remainder = numerator
        for byte in digits {
            // remainder < denominator <= 2^60, so ten times it still fits.
            remainder *= 10
            let expected = remainder / denominator
            remainder %= denominator
            let digit = UInt64(byte - UInt8(ascii: "0"))
            if digit != expected {
                return digit > expected
            }
        }
        // Every digit matched; the quotient has more non-zero digits only if a remainder is left.
        return false
    }

    private static func scanDigits(_ bytes: [UInt8], from index: inout Int) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return bytes[start..<index]
    }

    private static func interpret(suffix: String, of text: String) throws(QuantityError) -> Suffix {
        if let known = knownSuffixes[suffix] {
            return known
        }
        guard let marker = suffix.utf8.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else {
            throw QuantityError(text: text, reason: .unknownSuffix(suffix))
        }
        var exponentBytes = suffix.utf8.dropFirst()
        var isNegative = false
        if let sign = exponentBytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            isNegative = sign == UInt8(ascii: "-")
            exponentBytes = exponentBytes.dropFirst()
        }
        guard !exponentBytes.isEmpty else {
            throw QuantityError(text: text, reason: .malformedExponent(suffix))
        }
        var magnitude = 0
        for byte in exponentBytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw QuantityError(text: text, reason: .malformedExponent(suffix))
            }
            // Keep scanning after the limit so that a stray letter is still reported as malformed.
            if magnitude <= maximumExponentMagnitude {
                magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        guard magnitude <= maximumExponentMagnitude else {
            throw QuantityError(text: text, reason: .exponentOutOfRange(suffix))
        }
        return Suffix(decimalExponent: isNegative ? -magnitude : magnitude, binaryPower: 0, format: .decimalExponent)
    }
}
