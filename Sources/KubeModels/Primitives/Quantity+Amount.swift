extension Quantity {
    /// An exact signed count of nano-units (10^-9): the value of every valid quantity.
    ///
    /// Kubernetes keeps a quantity to nine decimal places (finer parts round up, away from zero), so a
    /// whole number of nano-units represents every value the API server can hold, exactly. Zero is
    /// never negative, so equal values have equal storage.
    struct Amount: Hashable, Sendable {
        /// Whether the value is below zero; always `false` for zero.
        private(set) var isNegative: Bool
        /// The absolute value in nano-units.
        private(set) var nanos: BigUnsigned

        /// 10^9: nano-units per unit.
        static let nanosPerUnit: UInt64 = 1_000_000_000

        /// Zero.
        static let zero = Amount(isNegative: false, nanos: .zero)

        init(isNegative: Bool, nanos: BigUnsigned) {
            self.nanos = nanos
            self.isNegative = isNegative && !nanos.isZero
        }

        /// The whole number `value`.
        init<Integer: BinaryInteger>(units value: Integer) {
            self.init(scaled: value, nanosPerStep: Self.nanosPerUnit)
        }

        /// `value` steps of `nanosPerStep` nano-units each.
        init<Integer: BinaryInteger>(scaled value: Integer, nanosPerStep: UInt64) {
            var nanos = BigUnsigned(UInt64(value.magnitude))
            nanos.multiply(by: nanosPerStep)
            self.init(isNegative: value < 0, nanos: nanos)
        }

        var isZero: Bool { nanos.isZero }

        /// The value with the opposite sign.
        var negated: Amount {
            Amount(isNegative: !isNegative, nanos: nanos)
        }

        /// The value as the nearest `Double`.
        var doubleValue: Double {
            let magnitude = nanos.doubleValue / Double(Self.nanosPerUnit)
            return isNegative ? -magnitude : magnitude
        }

        /// The value divided by `nanosPerStep` nano-units, rounded away from zero, if it fits in an `Int64`.
        func roundedAwayFromZero(nanosPerStep: UInt64) -> Int64? {
            var steps = nanos
            if steps.divide(by: nanosPerStep) != 0 {
                steps.multiply(by: 1, adding: 1)
            }
            guard let magnitude = steps.uint64Value else { return nil }
            if isNegative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return Int64(magnitude)
        }

        static func + (lhs: Amount, rhs: Amount) -> Amount {
            if lhs.isNegative == rhs.isNegative {
                return Amount(isNegative: lhs.isNegative, nanos: lhs.nanos + rhs.nanos)
            }
            if BigUnsigned.compare(lhs.nanos, rhs.nanos) >= 0 {
                return Amount(isNegative: lhs.isNegative, nanos: lhs.nanos - rhs.nanos)
            }
            return Amount(isNegative: rhs.isNegative, nanos: rhs.nanos - lhs.nanos)
        }

        static func - (lhs: Amount, rhs: Amount) -> Amount {
            lhs + rhs.negated
        }

        /// The value times a whole number.
        func multiplied(by factor: Int) -> Amount {
            var product = nanos
            product.multiply(by: UInt64(factor.magnitude))
            return Amount(isNegative: isNegative != (factor < 0), nanos: product)
        }

        /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
        static func compare(_ lhs: Amount, _ rhs: Amount) -> Int {
            switch (lhs.isNegative, rhs.isNegative) {
            case (false, true): return 1
            case (true, false): return -1
            case (false, false): return BigUnsigned.compare(lhs.nanos, rhs.nanos)
            case (true, true): return BigUnsigned.compare(rhs.nanos, lhs.nanos)
            }
        }
    }
}
