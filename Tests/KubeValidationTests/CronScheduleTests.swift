import Testing

@testable import KubeValidation

/// The schedule grammar of robfig/cron v3's standard parser, which Kubernetes uses.
@Suite("CronJob schedules")
struct CronScheduleTests {
    @Test(
        "accepted schedules",
        arguments: [
            "* * * * *", "*/5 * * * *", "0 0 * * *", "30 2 * * mon-fri", "0 9-17 * * 1-5", "0 0 1,15 * *",
            "5/15 * * * *", "0 0 ? * *", "0 0 * jan,jul sun", "0 0 * JAN-DEC SUN-SAT", "@daily", "@hourly", "@yearly",
            "@annually", "@monthly", "@weekly", "@midnight", "@every 1h30m", "@every 90s", "@every 1.5h",
            "  0  0  *  *  *  ", "0\t0\t*\t*\t*", "0 0 * * 0", "0 0 * * 6", "59 23 31 12 *", "*-5 * * * *",
            "+5 * * * *",
            "0,,5 * * * *", "0-59/10 * * * *", "TZ=UTC 0 0 * * *", "0 0 * * mon/2",
        ])
    func accepted(_ schedule: String) {
        #expect(CronSchedule.problem(in: schedule) == nil, "\(CronSchedule.problem(in: schedule) ?? "")")
    }

    @Test(
        "rejected schedules",
        arguments: [
            "", "* * * *", "* * * * * *", "0 0 * * 7", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *",
            "* * * 13 *", "* * * 0 *", "5-1 * * * *", "*/0 * * * *", "a * * * *", "-1 * * * *", "1-2-3 * * * *",
            "1/2/3 * * * *", "@every", "@every 5", "@every five minutes", "@reboot", "@daily ", " @daily",
            "0 0 * * monday",
            "0 0 * january *", "99999999999999999999 * * * *",
        ])
    func rejected(_ schedule: String) {
        #expect(CronSchedule.problem(in: schedule) != nil)
    }

    @Test("weekday 7 is explained")
    func sundayHint() {
        #expect(CronSchedule.problem(in: "0 0 * * 7")?.contains("Sunday is 0") == true)
    }

    @Test("TZ prefixes are rejected by the CronJob rule")
    func timeZonePrefix() {
        let documents = [
            Fixtures.cronJob.with(["spec.schedule": "CRON_TZ=Europe/Berlin 0 3 * * *", "spec.timeZone": nil])
        ]
        let diagnostics = validate(documents, sets: [.apiServer])
        #expect(diagnostics.contains { $0.ruleID == Rule.cronSchedule.id && $0.message.contains("timeZone") })
    }

    @Test("time zones")
    func timeZones() {
        #expect(TimeZoneNames.problem(with: "Europe/Berlin") == nil)
        #expect(TimeZoneNames.problem(with: "UTC") == nil)
        #expect(TimeZoneNames.problem(with: "Etc/UTC") == nil)
        #expect(TimeZoneNames.problem(with: "") != nil)
        #expect(TimeZoneNames.problem(with: "Local") != nil)
        #expect(TimeZoneNames.problem(with: "Europe/Atlantis") != nil)
        #expect(TimeZoneNames.problem(with: "../etc/passwd") != nil)
    }
}
