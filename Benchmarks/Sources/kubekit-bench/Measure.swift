import Foundation

/// Timing helpers: wall-clock medians of repeated runs.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try seconds(body)) }
        times.sort()
        return times[times.count / 2]
    }

    static func report(_ suite: String, _ name: String, _ value: Double, _ unit: String) {
        // Three decimals below 10 (seconds of a validation run), one above (rates).
        let text = String(format: abs(value) < 10 ? "%.3f" : "%.1f", value)
        FileHandle.standardOutput.write(Data("BENCH \(suite) \(name) \(text) \(unit)\n".utf8))
    }

    /// Peak resident memory of this process in bytes (Linux `VmHWM`), or nil elsewhere.
    static func peakRSS() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            if let kb = digits.first { return kb * 1024 }
        }
        return nil
    }

    static func currentRSS() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            if let kb = line.split(separator: " ").compactMap({ Int($0) }).first { return kb * 1024 }
        }
        return nil
    }
}
