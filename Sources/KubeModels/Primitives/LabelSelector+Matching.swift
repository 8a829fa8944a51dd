extension LabelSelector {
    /// Whether a set of labels satisfies the selector.
    ///
    /// Every `matchLabels` pair and every expression must hold (they are ANDed). An empty selector
    /// (`{}`) matches everything, as it does for a NetworkPolicy's `podSelector`. An expression with
    /// an operator KubeKit does not know matches nothing, the safe reading of an invalid selector.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value {
            return false
        }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels) {
            return false
        }
        return true
    }

    /// Whether the selector selects nothing in particular (no labels and no expressions), which
    /// means "everything" for most selectors.
    public var isEmpty: Bool {
        (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty
    }

    /// A selector that matches exactly these labels.
    public init(matching labels: [String: String]) {
        self.init(matchLabels: labels)
    }
}

extension LabelSelectorRequirement {
    /// Whether a set of labels satisfies this requirement.
    ///
    /// `In`: the key is present with one of the values. `NotIn`: the key is absent or has none of
    /// the values. `Exists` / `DoesNotExist`: the key is present / absent.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch self.operator {
        case .in:
            guard let value else { return false }
            return (values ?? []).contains(value)
        case .notIn:
            guard let value else { return true }
            return !(values ?? []).contains(value)
        case .exists:
            return value != nil
        case .doesNotExist:
            return value == nil
        default:
            return false
        }
    }
}
