import KubeModels

/// Label selectors of one namespace, indexed so that finding the selectors that match a set of
/// labels does not compare against every selector.
///
/// A selector with `matchLabels` is filed under one of its pairs; a set of labels can only match
/// it if it contains that pair, so a lookup inspects only the selectors filed under the labels'
/// own pairs, plus the few selectors without `matchLabels` (expression-only or empty ones).
struct SelectorIndex {
    private(set) var selectors: [LabelSelector] = []
    private(set) var owners: [Int] = []
    private var byPair: [LabelPair: [Int]] = [:]
    private var unkeyed: [Int] = []

    mutating func insert(_ selector: LabelSelector, owner: Int) {
        let slot = selectors.count
        selectors.append(selector)
        owners.append(owner)
        if let pair = (selector.matchLabels ?? [:]).min(by: { $0.key < $1.key }) {
            byPair[LabelPair(key: pair.key, value: pair.value), default: []].append(slot)
        } else {
            unkeyed.append(slot)
        }
    }

    /// The owners (document positions) of the selectors that match `labels`.
    func matchingOwners(_ labels: [String: String]) -> [Int] {
        var result: [Int] = []
        for slot in unkeyed where selectors[slot].matches(labels) {
            result.append(owners[slot])
        }
        for (key, value) in labels {
            guard let slots = byPair[LabelPair(key: key, value: value)] else { continue }
            for slot in slots where selectors[slot].matches(labels) {
                result.append(owners[slot])
            }
        }
        return result
    }

    /// Whether any selector matches `labels`.
    func anyMatches(_ labels: [String: String]) -> Bool {
        for slot in unkeyed where selectors[slot].matches(labels) { return true }
        for (key, value) in labels {
            guard let slots = byPair[LabelPair(key: key, value: value)] else { continue }
            for slot in slots where selectors[slot].matches(labels) { return true }
        }
        return false
    }

    var isEmpty: Bool { selectors.isEmpty }
}
