/// A coding key used in the coding paths that KubeKit's encoder and decoder report.
struct CodingPathKey: CodingKey, Sendable {
    let stringValue: String
    let intValue: Int?
    /// Whether the key is a position in a sequence (formatted as `[i]`).
    let isIndex: Bool

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
        self.isIndex = false
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
        self.isIndex = false
    }

    /// A sequence position.
    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
        self.isIndex = true
    }

    /// The key of `superEncoder()` and `superDecoder()`.
    static let `super` = CodingPathKey(stringValue: "super")
}
