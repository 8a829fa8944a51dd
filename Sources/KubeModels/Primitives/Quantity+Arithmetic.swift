extension Quantity {
    /// The exact sum, written in its canonical form.
    ///
    /// The result keeps the left operand's format, or the right one's when the left is zero (as
    /// Kubernetes does), so `"1Gi" + "512Mi"` is `1536Mi`. If either operand is invalid, the result
    /// is that invalid operand, so the original text and error are not lost.
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        combine(lhs, rhs, using: +)
    }

    /// The exact difference, written in its canonical form; formats and invalid operands are
    /// handled as for `+`.
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        combine(lhs, rhs, using: -)
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout Quantity, rhs: Quantity) {
        lhs = lhs + rhs
    }

    /// Subtracts `rhs` from `lhs`.
    public static func -= (lhs: inout Quantity, rhs: Quantity) {
        lhs = lhs - rhs
    }

    /// The quantity with the opposite sign, in its canonical form (an invalid quantity is returned unchanged).
    public static prefix func - (operand: Quantity) -> Quantity {
        guard let amount = operand.amount else { return operand }
        return Quantity(amount: amount.negated, format: operand.format)
    }

    /// The exact product with a whole number, such as a per-pod request times a replica count.
    ///
    /// The result keeps the quantity's format; an invalid quantity is returned unchanged.
    public static func * (lhs: Quantity, rhs: Int) -> Quantity {
        guard let amount = lhs.amount else { return lhs }
        return Quantity(amount: amount.multiplied(by: rhs), format: lhs.format)
    }

    /// The exact product of a whole number and a quantity.
    public static func * (lhs: Int, rhs: Quantity) -> Quantity {
        rhs * lhs
    }

    private static func combine(
        _ lhs: Quantity,
        _ rhs: Quantity,
        using operation: (Amount, Amount) -> Amount
    ) -> Quantity {
        guard let left = lhs.amount else { return lhs }
        guard let right = rhs.amount else { return rhs }
        let format = left.isZero ? rhs.format : lhs.format
        return Quantity(amount: operation(left, right), format: format)
    }
}
