import Foundation

/// The check Kubernetes applies to `CronJob.spec.timeZone`: not empty, not `Local`, and a name
/// in the IANA time zone database (Go's `time.LoadLocation`).
enum TimeZoneNames {
    /// Why `name` is not accepted, or `nil` when it is.
    static func problem(with name: String) -> String? {
        let example = "use an IANA name such as \"Etc/UTC\", \"Europe/Berlin\" or \"America/New_York\""
        if name.isEmpty {
            return "timeZone is empty; leave it unset for the controller's zone, or \(example)"
        }
        if name.lowercased() == "local" {
            return "timeZone \"\(name)\" is not an explicit time zone; \(example)"
        }
        if name == "UTC" { return nil }
        if name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.containsBytes("\\") {
            return "timeZone \"\(name)\" is not a time zone name; \(example)"
        }
        if TimeZone(identifier: name) == nil {
            return "timeZone \"\(name)\" is not in the IANA time zone database; \(example)"
        }
        return nil
    }
}
