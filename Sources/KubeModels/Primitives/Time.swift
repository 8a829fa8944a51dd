import Foundation

/// A point in time at whole-second precision, as Kubernetes stores `creationTimestamp`,
/// `lastTransitionTime` and most other timestamps
/// ([meta/v1 Time](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/)).
///
/// It reads any RFC 3339 timestamp (`2024-01-02T03:04:05Z`, `2024-01-02T05:04:05.75+02:00`) and
/// always writes UTC with second precision (`2024-01-02T03:04:05Z`), as the API server does. A
/// fraction of a second is dropped, not rounded, so two values that differ only below the second are
/// equal, hash alike, and encode to the same text.
///
/// Parsing is done by hand with integer arithmetic: no `DateFormatter`, no shared state.
public struct Time: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z; negative for earlier times.
    public let secondsSince1970: Int64

    /// The time `secondsSince1970` seconds after 1970-01-01T00:00:00Z.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The whole second that contains `date` (the fraction is dropped toward the past).
    ///
    /// A date beyond what 64-bit seconds can count is clamped; a NaN date becomes 1970-01-01T00:00:00Z.
    public init(_ date: Date) {
        secondsSince1970 = RFC3339Timestamp.saturatingInt64(date.timeIntervalSince1970.rounded(.down))
    }

    /// Parses an RFC 3339 timestamp such as `2024-01-02T03:04:05Z` or `2024-01-02T03:04:05.5-07:00`.
    ///
    /// - Throws: ``TimeFormatError`` naming the problem, for example a missing time zone, a lower-case
    ///   `t`, a month 13, or February 30.
    public init(_ text: String) throws(TimeFormatError) {
        secondsSince1970 = try RFC3339Timestamp(parsing: text).seconds
    }

    /// The current time, truncated to the second.
    public static func now() -> Time {
        Time(Date())
    }

    /// The time as a `Date`.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(secondsSince1970))
    }

    /// Orders times chronologically.
    public static func < (lhs: Time, rhs: Time) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }
}

extension Time: CustomStringConvertible {
    /// The time as Kubernetes writes it: `2024-01-02T03:04:05Z`.
    public var description: String {
        RFC3339Timestamp(seconds: secondsSince1970, nanoseconds: 0).formatted(fractionDigits: 0)
    }
}

extension Time: Codable {
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

    /// Encodes the time as a UTC string with second precision: `2024-01-02T03:04:05Z`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a year outside 0000–9999, which RFC 3339 cannot write.
    public func encode(to encoder: any Encoder) throws {
        let timestamp = RFC3339Timestamp(seconds: secondsSince1970, nanoseconds: 0)
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
        try container.encode(timestamp.formatted(fractionDigits: 0))
    }
}
