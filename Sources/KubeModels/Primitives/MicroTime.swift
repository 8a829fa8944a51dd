import Foundation

/// A point in time at microsecond precision, as Kubernetes stores `Lease.spec.renewTime` and
/// `Event.eventTime`
/// ([meta/v1 MicroTime](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/)).
///
/// It reads any RFC 3339 timestamp and always writes UTC with exactly six fraction digits
/// (`2024-01-02T03:04:05.000000Z`), as the API server does. Digits beyond the microsecond are
/// dropped, so equality and hashing work at microsecond precision.
///
/// When reading, KubeKit accepts any number of fraction digits (including none); the API server itself
/// insists on exactly six for this type, which is what ``MicroTime`` always writes.
public struct MicroTime: Sendable, Hashable, Comparable {
    /// Microseconds since 1970-01-01T00:00:00Z; negative for earlier times.
    public let microsecondsSince1970: Int64

    /// The time `microsecondsSince1970` microseconds after 1970-01-01T00:00:00Z.
    public init(microsecondsSince1970: Int64) {
        self.microsecondsSince1970 = microsecondsSince1970
    }

    /// The microsecond nearest to `date`.
    ///
    /// A `Date` holds a floating-point number of seconds, which cannot represent most microseconds
    /// exactly, so the value is rounded rather than truncated: a date made from
    /// `…05.123456` comes back as `…05.123456`. A date beyond what 64-bit microseconds can count is
    /// clamped; a NaN date becomes 1970-01-01T00:00:00Z.
    public init(_ date: Date) {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let fraction = date.timeIntervalSince1970 - whole
        let seconds = RFC3339Timestamp.saturatingInt64(whole)
        let micros = RFC3339Timestamp.saturatingInt64((fraction * 1_000_000).rounded())
        let (scaled, overflow1) = seconds.multipliedReportingOverflow(by: 1_000_000)
        let (total, overflow2) = scaled.addingReportingOverflow(micros)
        if overflow1 || overflow2 {
            microsecondsSince1970 = seconds < 0 ? .min : .max
        } else {
            microsecondsSince1970 = total
        }
    }

    /// The time of `time`, at the start of its second.
    public init(_ time: Time) {
        let (scaled, overflow) = time.secondsSince1970.multipliedReportingOverflow(by: 1_000_000)
        microsecondsSince1970 = overflow ? (time.secondsSince1970 < 0 ? .min : .max) : scaled
    }

    /// Parses an RFC 3339 timestamp such as `2024-01-02T03:04:05.123456Z`.
    ///
    /// - Throws: ``TimeFormatError`` naming the problem.
    public init(_ text: String) throws(TimeFormatError) {
        let timestamp = try RFC3339Timestamp(parsing: text)
        // Years 0000–9999 shifted by at most a day keep this far inside Int64.
        microsecondsSince1970 = timestamp.seconds * 1_000_000 + timestamp.nanoseconds / 1000
    }

    /// The current time, to the microsecond.
    public static func now() -> MicroTime {
        MicroTime(Date())
    }

    /// The time as a `Date` (to the precision a `Date` can hold).
    public var date: Date {
        let timestamp = self.timestamp
        return Date(
            timeIntervalSince1970: TimeInterval(timestamp.seconds) + TimeInterval(timestamp.nanoseconds) / 1e9
        )
    }

    /// Orders times chronologically.
    public static func < (lhs: MicroTime, rhs: MicroTime) -> Bool {
        lhs.microsecondsSince1970 < rhs.microsecondsSince1970
    }

    /// The time split into UTC calendar fields (used by the writers).
    var timestamp: RFC3339Timestamp {
        let seconds = RFC3339Timestamp.floorDivide(microsecondsSince1970, 1_000_000)
        let micros = RFC3339Timestamp.floorModulo(microsecondsSince1970, 1_000_000)
        return RFC3339Timestamp(seconds: seconds, nanoseconds: micros * 1000)
    }
}

extension MicroTime: CustomStringConvertible {
    /// The time as Kubernetes writes it: `2024-01-02T03:04:05.123456Z`.
    public var description: String {
        timestamp.formatted(fractionDigits: 6)
    }
}

extension MicroTime: Codable {
    /// Decodes an RFC 3339 string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` carrying the ``TimeFormatError`` description.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: error.description,
                    underlyingError: error
                )
            )
        }
    }

    /// Encodes the time as a UTC string with six fraction digits: `2024-01-02T03:04:05.000000Z`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a year outside 0000–9999, which RFC 3339 cannot write.
    public func encode(to encoder: any Encoder) throws {
        let timestamp = self.timestamp
        guard (0...9999).contains(timestamp.year) else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "\(description) lies outside the years 0000–9999 that RFC 3339 can write"
                )
            )
        }
        var container = encoder.singleValueContainer()
        try container.encode(timestamp.formatted(fractionDigits: 6))
    }
}
