extension Quantity {
    /// An unsigned integer of any size, stored as little-endian 64-bit words.
    ///
    /// Only the handful of operations that exact quantity arithmetic needs are provided: comparison,
    /// addition, subtraction of a smaller value, multiplication and division by a word, and decimal
    /// conversion. The words never end in a zero word, so equal numbers have equal storage and the
    /// synthesized `Hashable` conformance is consistent with numeric equality.
    struct BigUnsigned: Hashable, Sendable {
        /// The words, least significant first; empty for zero.
        private(set) var words: [UInt64]

        /// 10^19, the largest power of ten that fits in a word.
        static let wordPowerOfTen: UInt64 = 10_000_000_000_000_000_000
        /// How many decimal digits `wordPowerOfTen` stands for.
        static let digitsPerWord = 19

        /// Zero.
        static let zero = BigUnsigned(words: [])

        private init(words: [UInt64]) {
            self.words = words
            trim()
        }

        /// Creates the number `value`.
        init(_ value: UInt64) {
            words = value == 0 ? [] : [value]
        }

        /// Creates a number from a run of ASCII decimal digits; the caller guarantees every byte is `0`–`9`.
        init<Digits: Collection>(asciiDigits: Digits) where Digits.Element == UInt8 {
            self = .zero
            var chunk: UInt64 = 0
            var chunkLength = 0
            for byte in asciiDigits {
                chunk = chunk * 10 + UInt64(byte &- UInt8(ascii: "0"))
                chunkLength += 1
                if chunkLength == Self.digitsPerWord {
                    multiply(by: Self.wordPowerOfTen, adding: chunk)
                    chunk = 0
                    chunkLength = 0
                }
            }
            if chunkLength > 0 {
                multiply(by: Self.powerOfTen(chunkLength), adding: chunk)
            }
        }

        /// 10^exponent for an exponent in `0...19`.
        static func powerOfTen(_ exponent: Int) -> UInt64 {
            var result: UInt64 = 1
            for _ in 0..<exponent {
                result *= 10
            }
            return result
        }

        /// Whether the number is zero.
        var isZero: Bool { words.isEmpty }

        /// The number, if it fits in a `UInt64`.
        var uint64Value: UInt64? {
            switch words.count {
            case 0: return 0
            case 1: return words[0]
            default: return nil
            }
        }

        /// The nearest `Double` (or infinity when the number is beyond `Double`'s range).
        var doubleValue: Double {
            var result = 0.0
            for word in words.reversed() {
                result = result * 18_446_744_073_709_551_616.0 + Double(word)
            }
            return result
        }

        /// The number in decimal, without leading zeros.
        var decimalString: String {
            guard !isZero else { return "0" }
            var rest = self
            var chunks: [UInt64] = []
            while !rest.isZero {
                chunks.append(rest.divide(by: Self.wordPowerOfTen))
            }
            var result = ""
            for (index, chunk) in chunks.reversed().enumerated() {
                let digits = String(chunk)
                if index > 0 {
                    result += String(repeating: "0", count: Self.digitsPerWord - digits.count)
                }
                result += digits
            }
            return result
        }

        private mutating func trim() {
            while let last = words.last, last == 0 {
                words.removeLast()
            }
        }

        /// Replaces the number with `self * factor + addend`.
        mutating func multiply(by factor: UInt64, adding addend: UInt64 = 0) {
            var carry = addend
            for index in words.indices {
                let (high, low) = words[index].multipliedFullWidth(by: factor)
                let (sum, overflow) = low.addingReportingOverflow(carry)
                words[index] = sum
                // high <= factor - 1 <= UInt64.max - 1, so adding one cannot overflow.
                carry = high + (overflow ? 1 : 0)
            }
            if carry != 0 {
                words.append(carry)
            }
            trim()
        }

        /// Multiplies the number by 10^exponent.
        mutating func multiply(byPowerOfTen exponent: Int) {
            guard !isZero else { return }
            var remaining = exponent
            while remaining >= Self.digitsPerWord {
                multiply(by: Self.wordPowerOfTen)
                remaining -= Self.digitsPerWord
            }
            if remaining > 0 {
                multiply(by: Self.powerOfTen(remaining))
            }
        }

        /// Divides the number by a non-zero `divisor` in place and returns the remainder.
        @discardableResult
        mutating func divide(by divisor: UInt64) -> UInt64 {
            var remainder: UInt64 = 0
            for index in words.indices.reversed() {
                // remainder < divisor, so the quotient fits in one word.
                let (quotient, newRemainder) = divisor.dividingFullWidth((high: remainder, low: words[index]))
                words[index] = quotient
                remainder = newRemainder
            }
            trim()
            return remainder
        }

        /// Divides by 10^exponent in place, discarding the fraction, and returns the remainder.
        mutating func divide(byPowerOfTen exponent: Int) -> BigUnsigned {
            var chunks: [(value: UInt64, width: Int)] = []
            var remaining = exponent
            while remaining > 0, !isZero {
                let width = min(remaining, Self.digitsPerWord)
                chunks.append((divide(by: Self.powerOfTen(width)), width))
                remaining -= width
            }
            var remainder = BigUnsigned.zero
            for chunk in chunks.reversed() {
                remainder.multiply(by: Self.powerOfTen(chunk.width), adding: chunk.value)
            }
            return remainder
        }

        /// The remainder of dividing by a non-zero `divisor`, leaving the number unchanged.
        func remainder(dividingBy divisor: UInt64) -> UInt64 {
            var remainder: UInt64 = 0
            for word in words.reversed() {
                remainder = divisor.dividingFullWidth((high: remainder, low: word)).remainder
            }
            return remainder
        }

        /// Divides by 10^exponent, rounding any discarded non-zero part up (away from zero).
        mutating func divideRoundingUp(byPowerOfTen exponent: Int) {
            guard !isZero, exponent > 0 else { return }
            // A number with n words is below 10^(20n), so dividing by a larger power leaves a fraction only.
            if exponent > words.count * (Self.digitsPerWord + 1) {
                self = BigUnsigned(1)
                return
            }
            var remaining = exponent
            var discardedNonZero = false
            while remaining >= Self.digitsPerWord {
                if divide(by: Self.wordPowerOfTen) != 0 {
                    discardedNonZero = true
                }
                remaining -= Self.digitsPerWord
            }
            if remaining > 0, divide(by: Self.powerOfTen(remaining)) != 0 {
                discardedNonZero = true
            }
            if discardedNonZero {
                multiply(by: 1, adding: 1)
            }
        }

        /// Removes every factor `base` (> 1) and returns how many were removed, up to `limit`.
        mutating func removeFactors(of base: UInt64, limit: Int = .max) -> Int {
            var count = 0
            while count < limit, !isZero, remainder(dividingBy: base) == 0 {
                divide(by: base)
                count += 1
            }
            return count
        }

        /// Removes every factor of ten and returns how many were removed.
        mutating func removeFactorsOfTen() -> Int {
            guard !isZero else { return 0 }
            var count = 0
            while remainder(dividingBy: Self.wordPowerOfTen) == 0 {
                divide(by: Self.wordPowerOfTen)
                count += Self.digitsPerWord
            }
            return count + removeFactors(of: 10)
        }

        /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
        static func compare(_ lhs: BigUnsigned, _ rhs: BigUnsigned) -> Int {
            if lhs.words.count != rhs.words.count {
                return lhs.words.count < rhs.words.count ? -1 : 1
            }
            for index in lhs.words.indices.reversed() where lhs.words[index] != rhs.words[index] {
                return lhs.words[index] < rhs.words[index] ? -1 : 1
            }
            return 0
        }

        static func + (lhs: BigUnsigned, rhs: BigUnsigned) -> BigUnsigned {
            let count = max(lhs.words.count, rhs.words.count)
            var result: [UInt64] = []
            result.reserveCapacity(count + 1)
            var carry: UInt64 = 0
            for index in 0..<count {
                let left = index < lhs.words.count ? lhs.words[index] : 0
                let right = index < rhs.words.count ? rhs.words[index] : 0
                let (partial, overflow1) = left.addingReportingOverflow(right)
                let (sum, overflow2) = partial.addingReportingOverflow(carry)
                result.append(sum)
                carry = (overflow1 || overflow2) ? 1 : 0
            }
            if carry != 0 {
                result.append(carry)
            }
            return BigUnsigned(words: result)
        }

        /// `lhs - rhs`; the caller guarantees `lhs >= rhs`.
        static func - (lhs: BigUnsigned, rhs: BigUnsigned) -> BigUnsigned {
            var result: [UInt64] = []
            result.reserveCapacity(lhs.words.count)
            var borrow: UInt64 = 0
            for index in lhs.words.indices {
                let right = index < rhs.words.count ? rhs.words[index] : 0
                let (partial, overflow1) = lhs.words[index].subtractingReportingOverflow(right)
                let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
                result.append(difference)
                borrow = (overflow1 || overflow2) ? 1 : 0
            }
            return BigUnsigned(words: result)
        }
    }
}
