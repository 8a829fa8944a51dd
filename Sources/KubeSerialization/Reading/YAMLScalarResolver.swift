/// What a plain scalar means.
enum ResolvedScalar {
    case null
    case bool(Bool)
    /// An integer that fits in `Int64`.
    case int(Int64)
    /// An integer above `Int64.max` that fits in `UInt64`.
    case uint(UInt64)
    case double(Double)
    /// Not one of the above: the text itself.
    case string
}

/// Implicit typing of plain scalars, the way Kubernetes reads YAML.
///
/// kubectl, client-go and the API server read YAML with `sigs.k8s.io/yaml`, which uses go-yaml v2
/// and therefore YAML 1.1 rules rather than the YAML 1.2 core schema. This resolver reproduces
/// those rules exactly, because they decide what kubectl sends to the API server:
///
/// - Booleans: `y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF`.
/// - Null: the empty scalar, `~`, `null`, `Null`, `NULL`.
/// - Integers: after removing every `_`, an optional sign and then decimal digits, `0x` hex, `0o`
///   octal, `0b` binary or a leading-zero octal (`0755` is 493). Values above `Int64.max` that fit in
///   64 unsigned bits are kept apart (`.uint`).
/// - Floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` after removing `_` (so `1e3`
///   and `08` are floats), a leading-dot form such as `.5`, and `.inf`, `-.Inf`, `.nan` in the
///   three spellings each. A float too large for a `Double` stays a string, as in go-yaml.
/// - Everything else, timestamps included, is a string.
enum YAMLScalarResolver {
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        let count = text.count
        if count == 0 { return .null }
        let first = text[0]
        switch first {
        case Byte.tilde:
            return count == 1 ? .null : .string
        case 0x79, 0x59:  // y Y
            if count == 1 || equals(text, "yes") || equals(text, "Yes") || equals(text, "YES") { return .bool(true) }
            return .string
        case 0x6E, 0x4E:  // n N
            if count == 1 || equals(text, "no") || equals(text, "No") || equals(text, "NO") { return .bool(false) }
            if equals(text, "null") || equals(text, "Null") || equals(text, "NULL") { return .null }
            return .string
        case 0x74, 0x54:  // t T
            if equals(text, "true") || equals(text, "True") || equals(text, "TRUE") { return .bool(true) }
            return .string
        case 0x66, 0x46:  // f F
            if equals(text, "false") || equals(text, "False") || equals(text, "FALSE") { return .bool(false) }
            return .string
        case 0x6F, 0x4F:  // o O
            if equals(text, "on") || equals(text, "On") || equals(text, "ON") { return .bool(true) }
            if equals(text, "off") || equals(text, "Off") || equals(text, "OFF") { return .bool(false) }
            return .string
        case Byte.period:
            if equals(text, ".inf") || equals(text, ".Inf") || equals(text, ".INF") { return .double(.infinity) }
            if equals(text, ".nan") || equals(text, ".NaN") || equals(text, ".NAN") { return .double(.nan) }
            return resolveLeadingDotFloat(text)
        case Byte.plus, Byte.minus:
            if count == 5 && text[1] == Byte.period {
                let rest = UnsafeBufferPointer(rebasing: text[1...])
                if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") {
                    return .double(first == Byte.minus ? -.infinity : .infinity)
                }
            }
            return resolveNumber(text)
        case Byte.zero...Byte.nine:
            return resolveNumber(text)
        default:
            return .string
        }
    }

    /// Whether a plain scalar starting with `byte` can resolve to something other than a string.
    @inline(__always) static func mayResolve(firstByte byte: UInt8) -> Bool {
        switch byte {
        case Byte.tilde, 0x79, 0x59, 0x6E, 0x4E, 0x74, 0x54, 0x66, 0x46, 0x6F, 0x4F, Byte.period, Byte.plus,
            Byte.minus, Byte.zero...Byte.nine:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func equals(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for index in 0..<text.count where text[index] != pointer[index] { return false }
        return true
    }

    // MARK: - Numbers

    /// Integers and floats for text starting with a digit or a sign (underscores are removed first).
    static func resolveNumber(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if text.contains(Byte.underscore) {
            let plain = text.filter { $0 != Byte.underscore }
            return plain.withUnsafeBufferPointer { resolveNumberWithoutUnderscores($0) }
        }
        return resolveNumberWithoutUnderscores(text)
    }

    static func resolveNumberWithoutUnderscores(_ plain: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if let value = parseInteger(plain, allowSign: true) {
            if value.negative {
                if value.magnitude <= UInt64(Int64.max) { return .int(-Int64(value.magnitude)) }
                if value.magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            } else if value.magnitude <= UInt64(Int64.max) {
                return .int(Int64(value.magnitude))
            } else if !value.signed {
                return .uint(value.magnitude)
            }
        }
        if isYAMLFloat(plain), let value = parseDouble(plain), value.isFinite {
            return .double(value)
        }
        return .string
    }

    /// Go's `strconv.ParseInt`/`ParseUint` with base 0: sign, then `0x`/`0o`/`0b`/leading-zero
    /// octal or decimal digits. Returns nil when the text is not such an integer or overflows 64 bits.
    static func parseInteger(
        _ text: UnsafeBufferPointer<UInt8>, allowSign: Bool
    ) -> (negative: Bool, signed: Bool, magnitude: UInt64)? {
        let count = text.count
        var index = 0
        var negative = false
        var signed = false
        if count > 0 && (text[0] == Byte.plus || text[0] == Byte.minus) {
            guard allowSign else { return nil }
            negative = text[0] == Byte.minus
            signed = true
            index = 1
        }
        guard index < count else { return nil }
        var base: UInt64 = 10
        if text[index] == Byte.zero {
            let marker = count - index >= 3 ? text[index + 1] | 0x20 : 0
            switch marker {
            case 0x62:  // b
                base = 2
                index += 2
            case 0x6F:  // o
                base = 8
                index += 2
            case 0x78:  // x
                base = 16
                index += 2
            default:
                base = 8
                index += 1
            }
        }
        var value: UInt64 = 0
        while index < count {
            guard let digit = Byte.hexValue(text[index]), UInt64(digit) < base else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return (negative, signed, value)
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var index = 0
        if index < count && (text[index] == Byte.plus || text[index] == Byte.minus) { index += 1 }
        guard index < count else { return false }
        if text[index] == Byte.period {
            index += 1
            let digitsStart = index
            while index < count && Byte.isDigit(text[index]) { index += 1 }
            if index == digitsStart { return false }
        } else {
            let digitsStart = index
            while index < count && Byte.isDigit(text[index]) { index += 1 }
            if index == digitsStart { return false }
            if index < count && text[index] == Byte.period {
                index += 1
                while index < count && Byte.isDigit(text[index]) { index += 1 }
            }
        }
        if index < count && (text[index] | 0x20) == 0x65 {
            index += 1
            if index < count && (text[index] == Byte.plus || text[index] == Byte.minus) { index += 1 }
            let digitsStart = index
            while index < count && Byte.isDigit(text[index]) { index += 1 }
            if index == digitsStart { return false }
        }
        return index == count
    }

    /// Go's `strconv.ParseFloat` for text that starts with '.': digits with `_` only between
    /// digits, then an optional exponent.
    static func resolveLeadingDotFloat(_ text: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        let count = text.count
        var index = 1
        var digits: [UInt8] = [Byte.period]
        func digitRun(_ index: inout Int) -> Bool {
            let start = index
            while index < count {
                let c = text[index]
                if Byte.isDigit(c) {
                    digits.append(c)
                } else if c == Byte.underscore {
                    guard index > start, Byte.isDigit(text[index - 1]), index + 1 < count, Byte.isDigit(text[index + 1])
                    else { return false }
                } else {
                    break
                }
                index += 1
            }
            return index > start
        }
        guard digitRun(&index) else { return .string }
        if index < count && (text[index] | 0x20) == 0x65 {
            digits.append(0x65)
            index += 1
            if index < count && (text[index] == Byte.plus || text[index] == Byte.minus) {
                digits.append(text[index])
                index += 1
            }
            guard digitRun(&index) else { return .string }
        }
        guard index == count else { return .string }
        let value = digits.withUnsafeBufferPointer { parseDouble($0) }
        if let value, value.isFinite { return .double(value) }
        return .string
    }

    /// A correctly rounded `Double` for decimal text already known to be well formed.
    static func parseDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        // Swift's parser wants a digit before the exponent and no leading '+'; normalize.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.count + 2)
        var index = 0
        if index < text.count && text[index] == Byte.plus { index += 1 }
        if index < text.count && text[index] == Byte.minus {
            normalized.append(Byte.minus)
            index += 1
        }
        if index < text.count && text[index] == Byte.period { normalized.append(Byte.zero) }
        while index < text.count {
            let c = text[index]
            normalized.append(c)
            if c == Byte.period && (index + 1 == text.count || !Byte.isDigit(text[index + 1])) {
                normalized.append(Byte.zero)
            }
            index += 1
        }
        return Double(String(decoding: normalized, as: UTF8.self))
    }

    // MARK: - Keys

    /// The text `sigs.k8s.io/yaml` gives a float used as a mapping key: Go's
    /// `strconv.FormatFloat(value, 'g', -1, 32)`, with `.inf`, `-.inf` and `.nan` for the specials.
    static func goFloat32KeyText(_ value: Double) -> String {
        let single = Float(value)
        if single.isNaN { return ".nan" }
        if single.isInfinite { return single < 0 ? "-.inf" : ".inf" }
        if single == 0 { return single.sign == .minus ? "-0" : "0" }
        // Swift prints the shortest digits that round-trip; take them apart and reformat as Go does.
        let description = single.magnitude.description
        var mantissa = Substring(description)
        var exponent = 0
        if let eIndex = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<eIndex]
            exponent = Int(description[description.index(after: eIndex)...]) ?? 0
        }
        var digits: [Character] = []
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
                continue
            }
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
        while let firstDigit = digits.first, firstDigit == "0", digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let lastDigit = digits.last, lastDigit == "0", digits.count > 1 { digits.removeLast() }
        let decimalPoint = pointPosition + exponent  // value = 0.d1d2... × 10^decimalPoint
        let sign = single < 0 ? "-" : ""
        let exponent10 = decimalPoint - 1
        if exponent10 < -4 || exponent10 >= 6 {
            // %e form: d.ddde±XX
            var text = sign + String(digits[0])
            if digits.count > 1 { text += "." + String(digits[1...]) }
            let magnitude = abs(exponent10)
            text += (exponent10 < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return text
        }
        // %f form with exactly the digits needed.
        if decimalPoint <= 0 {
            return sign + "0." + String(repeating: "0", count: -decimalPoint) + String(digits)
        }
        if decimalPoint >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: decimalPoint - digits.count)
        }
        return sign + String(digits[..<decimalPoint]) + "." + String(digits[decimalPoint...])
    }
}
