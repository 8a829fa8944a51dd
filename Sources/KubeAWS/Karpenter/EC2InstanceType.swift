/// An EC2 instance type name, such as `m5.large`, `g5.12xlarge` or `c7gn.xlarge`, with its parts.
///
/// The parts are derived the way Karpenter's AWS provider derives the node labels, so
/// ``category``, ``generation``, ``family`` and ``size`` are the values a node of this type gets
/// for `instance-category`, `instance-generation`, `instance-family` and `instance-size`:
///
/// | name | category | generation | family | size | attributes |
/// |---|---|---|---|---|---|
/// | `m5.large` | `m` | 5 | `m5` | `large` | `""` |
/// | `c7gn.xlarge` | `c` | 7 | `c7gn` | `xlarge` | `gn` |
/// | `u-6tb1.metal` | `u` | 1 | `u-6tb1` | `metal` | `""` |
///
/// Any text can be wrapped; parts that cannot be derived are `nil`.
public struct EC2InstanceType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The instance type name.
    public var rawValue: String

    /// Wraps an instance type name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an instance type name written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Joins a family and a size, for example `("r7i", "2xlarge")` to `r7i.2xlarge`.
    public init(family: String, size: String) { self.rawValue = "\(family).\(size)" }

    /// The instance type name.
    public var description: String { rawValue }

    /// The part before the dot (`c7gn` in `c7gn.xlarge`), or `nil` unless the name has exactly one dot.
    public var family: String? { dotParts?.family }

    /// The part after the dot (`12xlarge` in `g5.12xlarge`), or `nil` unless the name has exactly one dot.
    public var size: String? { dotParts?.size }

    /// The leading lower-case letters (`c`, `m`, `g`, `inf`, `trn` …), or `nil` when the name does
    /// not have the shape letters–digits–…–dot.
    public var category: String? { scheme?.category }

    /// The generation number that follows the category (`7` in `c7gn.xlarge`, `1` in
    /// `u-6tb1.metal`), or `nil` when the name does not have that shape.
    public var generation: Int? { scheme?.generation }

    /// The capability letters between the generation and the dot (`gn` in `c7gn`, `gd` in `m6gd`,
    /// empty for `m5`): `g` Graviton, `a` AMD, `i` Intel, `d` local NVMe, `n` network optimised,
    /// `e` extra memory or storage, and so on. `nil` when ``family`` or ``generation`` is.
    public var attributes: String? {
        guard let family, let scheme, scheme.familyOffset <= family.utf8.count else { return nil }
        let start = family.utf8.index(family.utf8.startIndex, offsetBy: scheme.familyOffset)
        return String(family[start...])
    }

    /// Whether the size is a bare-metal size (`metal`, `metal-24xl`, …).
    public var isMetal: Bool { size?.hasPrefix("metal") ?? false }

    /// Whether the name has a family, a size, a category and a generation.
    public var isWellFormed: Bool { dotParts != nil && scheme != nil }

    private var dotParts: (family: String, size: String)? {
        let parts = rawValue.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Category and generation as Karpenter's AWS provider reads them: the pattern
    /// `(^[a-z]+)(-[0-9]+tb)?([0-9]+).*\.` (for example `u-6tb1.metal`).
    private var scheme: (category: String, generation: Int, familyOffset: Int)? {
        let bytes = Array(rawValue.utf8)
        func isLower(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x61 && bytes[index] <= 0x7A }
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        var index = 0
        while isLower(index) { index += 1 }
        guard index > 0 else { return nil }
        let category = String(decoding: bytes[0..<index], as: UTF8.self)
        // The optional "-<digits>tb" group is taken only when digits follow it.
        var digitsStart = index
        if index < bytes.count && bytes[index] == 0x2D {
            var cursor = index + 1
            while isDigit(cursor) { cursor += 1 }
            if cursor > index + 1, cursor + 1 < bytes.count, bytes[cursor] == 0x74, bytes[cursor + 1] == 0x62,
                isDigit(cursor + 2)
            {
                digitsStart = cursor + 2
            }
        }
        var digitsEnd = digitsStart
        while isDigit(digitsEnd) { digitsEnd += 1 }
        guard digitsEnd > digitsStart, bytes[digitsEnd...].contains(0x2E),
            let generation = Int(String(decoding: bytes[digitsStart..<digitsEnd], as: UTF8.self))
        else { return nil }
        return (category, generation, digitsEnd)
    }
}
