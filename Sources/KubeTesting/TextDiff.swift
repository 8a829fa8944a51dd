/// A line-by-line comparison of two texts, printed in the unified style (`-` expected,
/// `+` actual, with a few unchanged lines of context around each change).
public struct TextDiff: Sendable, Equatable, CustomStringConvertible {
    /// One line of the comparison.
    public enum Line: Sendable, Equatable {
        /// A line both texts have.
        case same(String)
        /// A line only the expected text has.
        case removed(String)
        /// A line only the actual text has.
        case added(String)
    }

    /// The lines of both texts, merged in order.
    public let lines: [Line]
    /// The number of unchanged lines shown around each change.
    public let context: Int

    /// Compares `expected` with `actual` line by line (longest common subsequence).
    public init(expected: String, actual: String, context: Int = 3) {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.lines = TextDiff.merge(old, new)
        self.context = max(0, context)
    }

    /// Whether the texts are equal.
    public var isEmpty: Bool {
        lines.allSatisfy { if case .same = $0 { return true } else { return false } }
    }

    /// The changes with their context, hunks headed `@@ -line +line @@` (1-based line numbers).
    public var description: String {
        var keep = [Bool](repeating: false, count: lines.count)
        for (index, line) in lines.enumerated() {
            if case .same = line { continue }
            for nearby in max(0, index - context)...min(lines.count - 1, index + context) { keep[nearby] = true }
        }
        var output: [String] = []
        var oldLine = 1
        var newLine = 1
        var inHunk = false
        for (index, line) in lines.enumerated() {
            if keep[index] {
                if !inHunk { output.append("@@ -\(oldLine) +\(newLine) @@") }
                inHunk = true
                switch line {
                case .same(let text): output.append("  " + text)
                case .removed(let text): output.append("- " + text)
                case .added(let text): output.append("+ " + text)
                }
            } else {
                inHunk = false
            }
            switch line {
            case .same:
                oldLine += 1
                newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        return output.joined(separator: "\n")
    }

    /// Merges two line lists along their longest common subsequence.
    private static func merge(_ old: [String], _ new: [String]) -> [Line] {
        // Trim the common head and tail first: golden files usually differ in a few places.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] {
            tail += 1
        }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var middle: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                middle.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                middle.append(.removed(a[i]))
                i += 1
            } else {
                middle.append(.added(b[j]))
                j += 1
            }
        }
        // Show removals before additions within a change, as unified diffs do.
        return old[0..<head].map(Line.same) + middle + old[(old.count - tail)...].map(Line.same)
    }
}
