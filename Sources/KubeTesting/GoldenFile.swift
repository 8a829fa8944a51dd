import Foundation
import KubeDSL

/// Golden-file assertions: compares rendered output with a file committed next to the tests.
///
/// When the file does not exist, or the environment variable ``recordVariable`` is `1`, the
/// actual text is written (atomically) and the assertion passes with ``Outcome/recorded``.
/// Otherwise a difference throws ``GoldenFileMismatch``, whose description is a unified-style
/// diff, so the assertion works in any test framework: `try GoldenFile.assertMatches(...)`
/// inside a Swift Testing `@Test` records the error as the test's issue.
public enum GoldenFile {
    /// The environment variable that re-records golden files: `KUBEKIT_RECORD_GOLDEN=1`.
    public static let recordVariable = "KUBEKIT_RECORD_GOLDEN"

    /// What an assertion did.
    public enum Outcome: Sendable, Equatable {
        /// The file matched.
        case matched
        /// The file was written (it was missing or recording was requested).
        case recorded
    }

    /// Compares `actual` with the file at `url`, recording it when missing or asked to.
    ///
    /// - Parameters:
    ///   - actual: the text produced by the code under test.
    ///   - url: the golden file.
    ///   - record: whether to overwrite the file; defaults to `KUBEKIT_RECORD_GOLDEN=1`.
    /// - Throws: ``GoldenFileMismatch`` when the texts differ; file-system errors when reading
    ///   or writing fails.
    @discardableResult
    public static func assertMatches(
        _ actual: String, file url: URL,
        record: Bool = ProcessInfo.processInfo.environment[recordVariable] == "1"
    ) throws -> Outcome {
        let manager = FileManager.default
        if record || !manager.fileExists(atPath: url.path) {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return .recorded
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return .matched }
        throw GoldenFileMismatch(file: url, diff: TextDiff(expected: expected, actual: actual))
    }

    /// Renders `cluster` for `environment` as a YAML stream and compares it with `url`.
    @discardableResult
    public static func assertMatches<Settings>(
        _ cluster: Cluster<Settings>, environment: Environment, file url: URL,
        record: Bool = ProcessInfo.processInfo.environment[recordVariable] == "1"
    ) throws -> Outcome {
        try assertMatches(try cluster.render(for: environment).yaml(), file: url, record: record)
    }
}

/// A golden file differs from the actual output.
public struct GoldenFileMismatch: Error, Sendable, CustomStringConvertible {
    /// The golden file.
    public let file: URL
    /// The differences, expected (the file) against actual.
    public let diff: TextDiff

    /// The file, how to re-record it, and the diff.
    public var description: String {
        "golden file \(file.path) differs from the output (- golden, + actual; "
            + "set \(GoldenFile.recordVariable)=1 to re-record):\n\(diff)"
    }
}
