import Foundation
import KubeModels
import Testing

@Suite("Time and MicroTime")
struct TimeTests {
    /// Input, seconds since 1970, the microseconds within that second, and what `Time` writes.
    struct Parsed: Sendable, CustomTestStringConvertible {
        var text: String
        var seconds: Int64
        var micros: Int64
        var written: String

        init(_ text: String, _ seconds: Int64, micros: Int64 = 0, _ written: String) {
            self.text = text
            self.seconds = seconds
            self.micros = micros
            self.written = written
        }

        var testDescription: String { text }
    }

    static let parsed: [Parsed] = [
        Parsed("2024-01-02T03:04:05Z", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T05:04:05+02:00", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-01T22:04:05-05:00", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05+00:00", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05-00:00", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05.5Z", 1_704_164_645, micros: 500_000, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05.123456Z", 1_704_164_645, micros: 123_456, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05.123456789Z", 1_704_164_645, micros: 123_456, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05.9999999999999Z", 1_704_164_645, micros: 999_999, "2024-01-02T03:04:05Z"),
        Parsed("2024-01-02T03:04:05.000000Z", 1_704_164_645, "2024-01-02T03:04:05Z"),
        Parsed("2024-02-29T23:59:59-05:30", 1_709_270_999, "2024-03-01T05:29:59Z"),
        Parsed("2000-02-29T12:00:00Z", 951_825_600, "2000-02-29T12:00:00Z"),
        Parsed("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
        Parsed("1969-12-31T23:59:59Z", -1, "1969-12-31T23:59:59Z"),
        Parsed("1969-12-31T23:59:59.25Z", -1, micros: 250_000, "1969-12-31T23:59:59Z"),
        Parsed("1900-03-01T00:00:00Z", -2_203_891_200, "1900-03-01T00:00:00Z"),
        Parsed("0001-01-01T00:00:00Z", -62_135_596_800, "0001-01-01T00:00:00Z"),
        Parsed("0000-01-01T00:00:00Z", -62_167_219_200, "0000-01-01T00:00:00Z"),
        Parsed("9999-12-31T23:59:59Z", 253_402_300_799, "9999-12-31T23:59:59Z"),
        Parsed("2024-12-31T23:30:00-23:59", 1_735_774_140, "2025-01-01T23:29:00Z"),
    ]

    @Test("parses RFC 3339", arguments: parsed)
    func parses(_ item: Parsed) throws {
        let time = try Time(item.text)
        #expect(time.secondsSince1970 == item.seconds)
        #expect(time.description == item.written)

        let micro = try MicroTime(item.text)
        #expect(micro.microsecondsSince1970 == item.seconds * 1_000_000 + item.micros)
        let fraction = String(item.micros)
        let expectedMicroText =
            String(item.written.dropLast()) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "Z"
        #expect(micro.description == expectedMicroText)

        // What is written reads back as the same value.
        #expect(try Time(time.description) == time)
        #expect(try MicroTime(micro.description) == micro)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var text: String
        var fragment: String

        init(_ text: String, _ fragment: String) {
            self.text = text
            self.fragment = fragment
        }

        var testDescription: String { text.debugDescription }
    }

    static let malformed: [Malformed] = [
        Malformed("", "it is empty"),
        Malformed("2024-01-02", "upper-case `T`"),
        Malformed("2024-01-02 03:04:05Z", "upper-case `T`"),
        Malformed("2024-01-02t03:04:05Z", "upper-case `T`"),
        Malformed("2024-01-02T03:04:05", "the time zone is missing"),
        Malformed("2024-01-02T03:04:05z", "the time zone must be `Z` (upper case)"),
        Malformed("2024-01-02T03:04:05 Z", "the time zone must be"),
        Malformed("2024-01-02T03:04:05+0200", "expected `:` after the offset hour"),
        Malformed("2024-01-02T03:04:05+2:00", "two-digit offset hour"),
        Malformed("2024-01-02T03:04:05+24:00", "offset hour 24"),
        Malformed("2024-01-02T03:04:05+01:60", "offset minutes 60"),
        Malformed("2024-01-02T03:04:05ZZ", "unexpected text `Z` after the time zone"),
        Malformed("2024-01-02T03:04:05Z ", "unexpected text"),
        Malformed(" 2024-01-02T03:04:05Z", "four-digit year"),
        Malformed("24-01-02T03:04:05Z", "four-digit year"),
        Malformed("12024-01-02T03:04:05Z", "expected `-` after the year"),
        Malformed("2024-1-02T03:04:05Z", "two-digit month"),
        Malformed("2024/01/02T03:04:05Z", "expected `-` after the year"),
        Malformed("2024-13-01T00:00:00Z", "month 13 is outside 01–12"),
        Malformed("2024-00-01T00:00:00Z", "month 0 is outside"),
        Malformed("2024-01-00T00:00:00Z", "day 0 is outside 01–31"),
        Malformed("2023-02-29T00:00:00Z", "day 29 is outside 01–28 for 2023-02"),
        Malformed("1900-02-29T00:00:00Z", "day 29 is outside 01–28"),
        Malformed("2024-04-31T00:00:00Z", "day 31 is outside 01–30"),
        Malformed("2024-01-02T24:00:00Z", "hour 24"),
        Malformed("2024-01-02T03:60:00Z", "minute 60"),
        Malformed("2024-12-31T23:59:60Z", "leap seconds"),
        Malformed("2024-01-02T03:04Z", "expected `:` after the minutes"),
        Malformed("2024-01-02T03:04:05.Z", "decimal point must be followed by digits"),
        Malformed("2024-01-02T03:04:05,5Z", "the time zone must be"),
        Malformed("1704164645", "expected `-` after the year"),
        Malformed("now", "four-digit year"),
    ]

    @Test("rejects malformed text", arguments: malformed)
    func rejects(_ item: Malformed) {
        for parse in [{ _ = try Time(item.text) }, { _ = try MicroTime(item.text) }] as [() throws -> Void] {
            let error = #expect(throws: TimeFormatError.self, performing: parse)
            #expect(error?.text == item.text)
            #expect(error?.description.hasPrefix("`\(item.text)` is not a valid RFC 3339 time: ") == true)
            #expect(error?.description.contains(item.fragment) == true, "\(String(describing: error))")
        }
    }

    @Test func equalityUsesTheModelsPrecision() throws {
        #expect(try Time("2024-01-02T03:04:05.1Z") == Time("2024-01-02T03:04:05.9Z"))
        #expect(try Time("2024-01-02T03:04:05.1Z").hashValue == Time("2024-01-02T03:04:05Z").hashValue)
        #expect(try Time("2024-01-02T03:04:05Z") == Time("2024-01-02T04:04:05+01:00"))
        #expect(try MicroTime("2024-01-02T03:04:05.1234561Z") == MicroTime("2024-01-02T03:04:05.1234569Z"))
        #expect(try MicroTime("2024-01-02T03:04:05.123456Z") != MicroTime("2024-01-02T03:04:05.123457Z"))
    }

    @Test func ordering() throws {
        #expect(try Time("2024-01-02T03:04:05Z") < Time("2024-01-02T03:04:06Z"))
        #expect(try Time("2024-01-02T03:04:05+01:00") < Time("2024-01-02T03:04:05Z"))
        #expect(try Time("1969-12-31T23:59:59Z") < Time("1970-01-01T00:00:00Z"))
        #expect(try MicroTime("2024-01-02T03:04:05.000001Z") > MicroTime("2024-01-02T03:04:05Z"))
    }

    @Test func convertsDates() throws {
        let date = Date(timeIntervalSince1970: 1_704_164_645.75)
        #expect(Time(date).secondsSince1970 == 1_704_164_645)
        #expect(Time(date).date == Date(timeIntervalSince1970: 1_704_164_645))
        #expect(Time(Date(timeIntervalSince1970: -0.5)).description == "1969-12-31T23:59:59Z")
        #expect(MicroTime(date).microsecondsSince1970 == 1_704_164_645_750_000)
        // Microsecond values survive the trip through Date's floating point.
        let micro = try MicroTime("2024-01-02T03:04:05.123456Z")
        #expect(MicroTime(micro.date) == micro)
        let early = try MicroTime("1969-12-31T23:59:59.999999Z")
        #expect(MicroTime(early.date) == early)
        #expect(MicroTime(try Time("2024-01-02T03:04:05Z")).description == "2024-01-02T03:04:05.000000Z")
        // Out-of-range and NaN dates clamp instead of trapping.
        #expect(Time(Date(timeIntervalSince1970: .infinity)).secondsSince1970 == Int64.max)
        #expect(Time(Date(timeIntervalSince1970: .nan)).secondsSince1970 == 0)
        #expect(MicroTime(Date(timeIntervalSince1970: -1e300)).microsecondsSince1970 == Int64.min)
        let now = Time.now()
        #expect(abs(Double(now.secondsSince1970) - Date().timeIntervalSince1970) < 5)
    }

    struct Event: Codable, Equatable {
        var lastTransitionTime: Time
        var renewTime: MicroTime
    }

    @Test func codableRoundTrip() throws {
        let json = #"{"lastTransitionTime":"2024-01-02T05:04:05.9+02:00","renewTime":"2024-01-02T03:04:05.5Z"}"#
        let event = try JSONDecoder().decode(Event.self, from: Data(json.utf8))
        #expect(event.lastTransitionTime.secondsSince1970 == 1_704_164_645)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let written = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(written == #"{"lastTransitionTime":"2024-01-02T03:04:05Z","renewTime":"2024-01-02T03:04:05.500000Z"}"#)
        #expect(try JSONDecoder().decode(Event.self, from: Data(written.utf8)) == event)
    }

    @Test(
        "decoding bad text reports the reason",
        arguments: [#""2024-13-01T00:00:00Z""#, #""yesterday""#, "1704164645"]
    )
    func decodingErrors(_ json: String) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Time].self, from: Data("[\(json)]".utf8))
        }
        switch error {
        case .dataCorrupted(let context):
            #expect(context.debugDescription.contains("is not a valid RFC 3339 time"))
            #expect(context.underlyingError is TimeFormatError)
        case .typeMismatch:
            #expect(json == "1704164645", "a number is not a timestamp")
        default:
            Issue.record("unexpected \(String(describing: error))")
        }
    }

    @Test func encodingRejectsYearsRFC3339CannotWrite() throws {
        let tooLate = Time(secondsSince1970: 253_402_300_800)  // 10000-01-01T00:00:00Z
        #expect(tooLate.description == "+10000-01-01T00:00:00Z")
        #expect(throws: EncodingError.self) { try JSONEncoder().encode([tooLate]) }
        let tooEarly = MicroTime(microsecondsSince1970: -62_167_219_201_000_000)
        #expect(tooEarly.description == "-0001-12-31T23:59:59.000000Z")
        #expect(throws: EncodingError.self) { try JSONEncoder().encode([tooEarly]) }
        // The extremes of the stored integers format without trapping.
        #expect(!Time(secondsSince1970: .max).description.isEmpty)
        #expect(!Time(secondsSince1970: .min).description.isEmpty)
        #expect(!MicroTime(microsecondsSince1970: .min).description.isEmpty)
    }
}
