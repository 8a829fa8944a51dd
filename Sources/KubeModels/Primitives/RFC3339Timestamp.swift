import Foundation

/// Reads and writes RFC 3339 timestamps (`2024-01-02T03:04:05.5+02:00`) with integer arithmetic,
/// without `DateFormatter` or a calendar.
///
/// The accepted form is the one Kubernetes' Go code accepts: `YYYY-MM-DDTHH:MM:SS`, an optional
/// fraction of any length, then `Z` or `±HH:MM`. Both `T` and `Z` must be upper case, and a leap
/// second (`:60`) is rejected.
struct RFC3339Timestamp: Sendable, Hashable {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    var seconds: Int64
    /// The fraction of the second in nanoseconds, `0..<1_000_000_000`; further digits are dropped.
    var nanoseconds: Int64

    private static let secondsPerDay: Int64 = 86_400

    /// Parses `text`.
    init(parsing text: String) throws(TimeFormatError) {
        var reader = Reader(bytes: Array(text.utf8), text: text)
        guard !reader.bytes.isEmpty else { throw reader.failure("it is empty") }

        let year = try reader.number(digits: 4, naming: "a four-digit year")
        try reader.expect("-", after: "the year")
        let month = try reader.number(digits: 2, naming: "a two-digit month")
        try reader.expect("-", after: "the month")
        let day = try reader.number(digits: 2, naming: "a two-digit day")
        guard let separator = reader.peek(), separator == UInt8(ascii: "T") else {
            throw reader.failure("the date must be followed by an upper-case `T` and the time")
        }
        reader.advance()
        let hour = try reader.number(digits: 2, naming: "a two-digit hour")
        try reader.expect(":", after: "the hour")
        let minute = try reader.number(digits: 2, naming: "a two-digit minute")
        try reader.expect(":", after: "the minutes")
        let second = try reader.number(digits: 2, naming: "two-digit seconds")

        var nanoseconds: Int64 = 0
        if reader.peek() == UInt8(ascii: ".") {
            reader.advance()
            var count = 0
            while let byte = reader.peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if count < 9 {
                    nanoseconds = nanoseconds * 10 + Int64(byte - UInt8(ascii: "0"))
                }
                count += 1
                reader.advance()
            }
            guard count > 0 else { throw reader.failure("the decimal point must be followed by digits") }
            for _ in count..<max(count, 9) {
                nanoseconds *= 10
            }
        }

        var offsetSeconds: Int64 = 0
        switch reader.peek() {
        case UInt8(ascii: "Z"):
            reader.advance()
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let isNegative = reader.peek() == UInt8(ascii: "-")
            reader.advance()
            let offsetHours = try reader.number(digits: 2, naming: "a two-digit offset hour")
            try reader.expect(":", after: "the offset hour")
            let offsetMinutes = try reader.number(digits: 2, naming: "two-digit offset minutes")
            guard offsetHours <= 23 else { throw reader.failure("offset hour \(offsetHours) is outside 00–23") }
            guard offsetMinutes <= 59 else {
                throw reader.failure("offset minutes \(offsetMinutes) are outside 00–59")
            }
            offsetSeconds = Int64(offsetHours * 3600 + offsetMinutes * 60) * (isNegative ? -1 : 1)
        case nil:
            throw reader.failure("the time zone is missing: end with `Z` for UTC or an offset like `+02:00`")
        default:
            throw reader.failure("the time zone must be `Z` (upper case) or an offset like `+02:00` or `-05:30`")
        }
        guard reader.isAtEnd else {
            throw reader.failure("unexpected text `\(reader.remainder)` after the time zone")
        }

        guard (1...12).contains(month) else { throw reader.failure("month \(month) is outside 01–12") }
        let monthLength = Self.daysIn(month: month, year: year)
        guard (1...monthLength).contains(day) else {
            let yearMonth = Self.padded(Int64(year), width: 4) + "-" + Self.padded(Int64(month), width: 2)
            throw reader.failure("day \(day) is outside 01–\(monthLength) for \(yearMonth)")
        }
        guard hour <= 23 else { throw reader.failure("hour \(hour) is outside 00–23") }
        guard minute <= 59 else { throw reader.failure("minute \(minute) is outside 00–59") }
        guard second <= 59 else {
            throw reader.failure("second \(second) is outside 00–59 (Kubernetes does not accept leap seconds)")
        }

        let days = Self.daysSince1970(year: Int64(year), month: Int64(month), day: Int64(day))
        let local = days * Self.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        self.seconds = local - offsetSeconds
        self.nanoseconds = nanoseconds
    }

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The calendar year (UTC) the instant falls in.
    var year: Int64 {
        Self.civilDate(daysSince1970: Self.floorDivide(seconds, Self.secondsPerDay)).year
    }

    /// Writes the instant in UTC as `YYYY-MM-DDTHH:MM:SS`, then `fractionDigits` digits of the fraction
    /// (none when zero), then `Z`. A year outside 0000–9999 is written with as many digits and a sign
    /// as it needs, which is not valid RFC 3339; callers that produce documents check ``year`` first.
    func formatted(fractionDigits: Int) -> String {
        let days = Self.floorDivide(seconds, Self.secondsPerDay)
        let secondOfDay = Self.floorModulo(seconds, Self.secondsPerDay)
        let date = Self.civilDate(daysSince1970: days)
        let yearText: String
        if (0...9999).contains(date.year) {
            yearText = Self.padded(date.year, width: 4)
        } else {
            yearText = (date.year < 0 ? "-" : "+") + Self.padded(date.year.magnitude, width: 4)
        }
        var result = yearText + "-" + Self.padded(date.month, width: 2) + "-" + Self.padded(date.day, width: 2)
        result += "T" + Self.padded(secondOfDay / 3600, width: 2)
        result += ":" + Self.padded(secondOfDay / 60 % 60, width: 2)
        result += ":" + Self.padded(secondOfDay % 60, width: 2)
        if fractionDigits > 0 {
            var fraction = nanoseconds
            for _ in fractionDigits..<max(fractionDigits, 9) {
                fraction /= 10
            }
            result += "." + Self.padded(fraction, width: fractionDigits)
        }
        return result + "Z"
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, UTC)

    /// The quotient rounded toward negative infinity, for a positive divisor.
    static func floorDivide(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        let quotient = dividend / divisor
        return (dividend % divisor < 0) ? quotient - 1 : quotient
    }

    /// The remainder that goes with `floorDivide`, in `0..<divisor`; it never overflows.
    static func floorModulo(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        let remainder = dividend % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given date. Counting years from March puts the leap day last, so
    /// each 400-year cycle (146 097 days) has the same shape.
    private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let cycle = floorDivide(marchYear, 400)
        let yearOfCycle = marchYear - cycle * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        // 719 468 days separate 0000-03-01 from 1970-01-01.
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The inverse of `daysSince1970`.
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let cycle = floorDivide(shifted, 146_097)
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func padded<Value: BinaryInteger>(_ value: Value, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Converts a finite or infinite `Double` to `Int64`, saturating at the ends and mapping NaN to zero.
    static func saturatingInt64(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        // 2^63 is exactly representable; anything at or above it does not fit.
        if value >= 9_223_372_036_854_775_808.0 { return .max }
        if value < -9_223_372_036_854_775_808.0 { return .min }
        return Int64(value)
    }

    /// A cursor over the UTF-8 bytes being parsed.
    private struct Reader {
        let bytes: [UInt8]
        let text: String
        var position = 0

        init(bytes: [UInt8], text: String) {
            self.bytes = bytes
            self.text = text
        }

        var isAtEnd: Bool { position >= bytes.count }

        var remainder: String {
            String(decoding: bytes[min(position, bytes.count)...], as: UTF8.self)
        }

        func peek() -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        mutating func advance() {
            position += 1
        }

        func failure(_ reason: String) -> TimeFormatError {
            TimeFormatError(text: text, reason: reason)
        }

        mutating func number(digits count: Int, naming what: String) throws(TimeFormatError) -> Int {
            var value = 0
            for offset in 0..<count {
                guard let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    throw failure("expected \(what) at character \(position - offset + 1)")
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                advance()
            }
            return value
        }

        mutating func expect(_ character: Unicode.Scalar, after what: String) throws(TimeFormatError) {
            guard peek() == UInt8(ascii: character) else {
                throw failure("expected `\(character)` after \(what) at character \(position + 1)")
            }
            advance()
        }
    }
}
