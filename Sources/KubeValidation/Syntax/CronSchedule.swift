/// The cron syntax of CronJob schedules, checked the way Kubernetes does it: with the standard
/// parser of `github.com/robfig/cron/v3` (five fields: minute, hour, day of month, month, day
/// of week, or an `@` descriptor).
///
/// Details that follow that parser exactly:
/// - fields are separated by any whitespace; leading and trailing whitespace is ignored, except
///   before a descriptor (a descriptor must be the whole string);
/// - a field is a comma-separated list (empty items are skipped) of `*`, `?`, `N`, `N-M`, each
///   optionally followed by `/step`; `N/step` means `N-max/step`;
/// - months may be written `jan`…`dec` and weekdays `sun`…`sat` (any case), also in ranges, but
///   not in steps;
/// - ranges: minute 0–59, hour 0–23, day of month 1–31, month 1–12, day of week 0–6 (7 is
///   rejected, unlike some other crons);
/// - descriptors: `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`,
///   `@hourly`, and `@every <duration>` with a Go duration (`1h30m`, `90s`).
/// - A leading `TZ=` or `CRON_TZ=` is understood by the parser, but Kubernetes rejects any
///   schedule containing `TZ` (that check lives with the CronJob rules).
public enum CronSchedule {
    struct Bounds {
        let name: String
        let minimum: Int
        let maximum: Int
        let names: [String: Int]
    }

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6]

    static let fields: [Bounds] = [
        Bounds(name: "minute", minimum: 0, maximum: 59, names: [:]),
        Bounds(name: "hour", minimum: 0, maximum: 23, names: [:]),
        Bounds(name: "day of month", minimum: 1, maximum: 31, names: [:]),
        Bounds(name: "month", minimum: 1, maximum: 12, names: months),
        Bounds(name: "day of week", minimum: 0, maximum: 6, names: weekdays),
    ]

    static let descriptors: Set<String> = [
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
    ]

    /// Whether `schedule` is accepted.
    public static func isValid(_ schedule: String) -> Bool {
        problem(in: schedule) == nil
    }

    /// Why `schedule` is rejected, or `nil` when it parses.
    public static func problem(in schedule: String) -> String? {
        let hint =
            "write five fields (minute hour day-of-month month day-of-week), such as \"*/15 * * * *\" or "
            + "\"0 3 * * mon-fri\", or a descriptor such as @daily"
        if schedule.isEmpty { return "the schedule is empty; \(hint)" }
        var spec = Substring(schedule)
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            // The parser reads the zone up to the first space; the rest is the schedule.
            guard let space = spec.firstIndex(of: " ") else {
                return "the schedule has a time zone but no fields; \(hint)"
            }
            spec = Substring(String(spec[space...]).trimmingWhitespace())
        }
        if spec.hasPrefix("@") {
            let descriptor = String(spec)
            if descriptors.contains(descriptor) { return nil }
            if descriptor.hasPrefix("@every ") {
                let duration = descriptor.dropFirst("@every ".count)
                if GoDuration.parse(String(duration)) != nil { return nil }
                return "\"\(duration)\" is not a duration; write @every with a duration such as 1h30m, 90s or 5m"
            }
            return
                "unknown descriptor \"\(descriptor)\"; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, "
                + "@hourly or @every <duration>"
        }
        let parts = spec.split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}"
        })
        guard parts.count == 5 else {
            return
                "the schedule has \(parts.count) field\(parts.count == 1 ? "" : "s"), Kubernetes needs exactly 5; \(hint)"
        }
        for (part, bounds) in zip(parts, fields) {
            if let problem = fieldProblem(String(part), bounds: bounds) { return problem }
        }
        return nil
    }

    static func fieldProblem(_ field: String, bounds: Bounds) -> String? {
        for item in field.split(separator: ",") {
            if let problem = rangeProblem(String(item), bounds: bounds) {
                return "\(bounds.name) field \"\(field)\": \(problem)"
            }
        }
        return nil
    }

    static func rangeProblem(_ expression: String, bounds: Bounds) -> String? {
        let rangeAndStep = expression.split(separator: "/", omittingEmptySubsequences: false)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false)
        var start: Int
        var end: Int
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.minimum
            end = bounds.maximum
        } else {
            switch parseIntOrName(String(lowAndHigh[0]), names: bounds.names) {
            case .failure(let problem): return problem
            case .success(let value): start = value
            }
            switch lowAndHigh.count {
            case 1:
                end = start
            case 2:
                switch parseIntOrName(String(lowAndHigh[1]), names: bounds.names) {
                case .failure(let problem): return problem
                case .success(let value): end = value
                }
            default:
                return "too many hyphens in \"\(expression)\""
            }
        }
        var step = 1
        switch rangeAndStep.count {
        case 1:
            break
        case 2:
            switch parseInt(String(rangeAndStep[1])) {
            case .failure(let problem): return problem
            case .success(let value): step = value
            }
            if lowAndHigh.count == 1 && lowAndHigh[0] != "*" && lowAndHigh[0] != "?" {
                end = bounds.maximum
            }
        default:
            return "too many slashes in \"\(expression)\""
        }
        if start < bounds.minimum {
            return "\(start) is below the minimum \(bounds.minimum)"
        }
        if end > bounds.maximum {
            let note = bounds.name == "day of week" && end == 7 ? " (Sunday is 0)" : ""
            return
                "\(end) is above the maximum \(bounds.maximum)\(note); \(bounds.name) values are \(bounds.minimum)-\(bounds.maximum)"
        }
        if start > end {
            return "the range \(start)-\(end) starts after it ends"
        }
        if step == 0 {
            return "the step in \"\(expression)\" must be a positive number"
        }
        return nil
    }

    enum Parsed {
        case success(Int)
        case failure(String)
    }

    static func parseIntOrName(_ text: String, names: [String: Int]) -> Parsed {
        if let value = names[text.lowercased()] { return .success(value) }
        return parseInt(text)
    }

    /// `strconv.Atoi` followed by the parser's sign check: an optional sign and decimal digits.
    static func parseInt(_ text: String) -> Parsed {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy(KubernetesSyntax.isDigit) else {
            return .failure("\"\(text)\" is not a number")
        }
        guard let magnitude = Int64(digits) else { return .failure("\"\(text)\" is out of range") }
        if negative && magnitude != 0 { return .failure("negative number \(text) is not allowed") }
        return .success(Int(clamping: magnitude))
    }
}
