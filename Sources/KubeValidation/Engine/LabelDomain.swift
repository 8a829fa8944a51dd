import KubeModels

/// The values one node label key can have on the nodes of a pool: whether nodes may lack the
/// label, may carry it, and which values they may carry it with.
///
/// A node group's own labels are fixed values; a Karpenter NodePool's requirements are sets
/// (`In`), exclusions (`NotIn`), integer bounds (`Gt`, `Lt`) or presence (`Exists`,
/// `DoesNotExist`), and the labels Karpenter derives from instance types may take any value. A
/// pod's node selector or affinity is then satisfiable by the pool when each of its requirements
/// can hold for some node of the domain. The answer errs on the side of "satisfiable": two
/// requirements on the same key are checked one at a time.
struct LabelDomain: Sendable, Equatable {
    /// Whether some node of the pool may lack the label.
    var mayBeAbsent: Bool
    /// Whether some node of the pool may carry the label.
    var mayBePresent: Bool
    /// The values a node may carry, or `nil` for any value.
    var allowed: Set<String>?
    /// Values no node carries.
    var excluded: Set<String> = []
    /// Values must be integers greater than this.
    var greaterThan: Int?
    /// Values must be integers less than this.
    var lessThan: Int?

    /// No node carries the label.
    static let absent = LabelDomain(mayBeAbsent: true, mayBePresent: false, allowed: [])
    /// Every node carries the label, with a value the input does not fix.
    static let anyValue = LabelDomain(mayBeAbsent: false, mayBePresent: true, allowed: nil)
    /// Nodes may or may not carry the label, with any value (a key a NodePool requirement names
    /// before the requirement narrows it).
    static let unconstrained = LabelDomain(mayBeAbsent: true, mayBePresent: true, allowed: nil)

    /// Every node carries the label with exactly `value`.
    static func fixed(_ value: String) -> LabelDomain {
        LabelDomain(mayBeAbsent: false, mayBePresent: true, allowed: [value])
    }

    /// Every node carries the label with one of `values`.
    static func oneOf(_ values: Set<String>) -> LabelDomain {
        LabelDomain(mayBeAbsent: false, mayBePresent: values.isEmpty == false, allowed: values)
    }

    /// Narrows the domain by one requirement of the pool (`In`, `NotIn`, `Exists`,
    /// `DoesNotExist`, `Gt`, `Lt`); an operator it does not know leaves the domain as it is.
    mutating func narrow(operator name: String, values: [String]) {
        switch name {
        case "In":
            mayBeAbsent = false
            allowed = allowed.map { $0.intersection(values) } ?? Set(values)
        case "NotIn":
            excluded.formUnion(values)
        case "Exists":
            mayBeAbsent = false
        case "DoesNotExist":
            mayBePresent = false
        case "Gt":
            guard let bound = values.first.flatMap({ Int($0) }) else { return }
            mayBeAbsent = false
            greaterThan = max(greaterThan ?? bound, bound)
        case "Lt":
            guard let bound = values.first.flatMap({ Int($0) }) else { return }
            mayBeAbsent = false
            lessThan = min(lessThan ?? bound, bound)
        default:
            return
        }
    }

    /// Whether a node of the domain may carry the label with `value`.
    func admits(_ value: String) -> Bool {
        guard mayBePresent, !excluded.contains(value) else { return false }
        if let allowed, !allowed.contains(value) { return false }
        if greaterThan != nil || lessThan != nil {
            guard let number = Int(value) else { return false }
            if let greaterThan, number <= greaterThan { return false }
            if let lessThan, number >= lessThan { return false }
        }
        return true
    }

    /// Whether the label may carry some value other than `values` (for a pod's `NotIn`).
    func admitsOther(than values: Set<String>) -> Bool {
        guard mayBePresent else { return false }
        guard let allowed else { return true }
        return allowed.contains { !values.contains($0) && admits($0) }
    }

    /// Whether some node may carry an integer value above (`above: true`) or below `bound`.
    func admitsInteger(beyond bound: Int, above: Bool) -> Bool {
        guard mayBePresent else { return false }
        if let allowed {
            return allowed.contains { value in
                guard let number = Int(value), admits(value) else { return false }
                return above ? number > bound : number < bound
            }
        }
        if above, let lessThan { return lessThan > bound + 1 }
        if !above, let greaterThan { return greaterThan < bound - 1 }
        return true
    }

    /// Whether some node of the domain satisfies the pod requirement `key operator values`.
    func satisfies(operator name: String, values: [String]) -> Bool {
        switch name {
        case "In": return values.contains { admits($0) }
        case "NotIn": return mayBeAbsent || admitsOther(than: Set(values))
        case "Exists": return mayBePresent
        case "DoesNotExist": return mayBeAbsent
        case "Gt":
            guard let bound = values.first.flatMap({ Int($0) }) else { return true }
            return admitsInteger(beyond: bound, above: true)
        case "Lt":
            guard let bound = values.first.flatMap({ Int($0) }) else { return true }
            return admitsInteger(beyond: bound, above: false)
        default:
            return true
        }
    }

    /// How the pool's nodes carry the label, for messages: `no label "role"`, `role=platform`,
    /// `role in {a, b}`.
    func describe(key: String) -> String {
        if !mayBePresent { return "no label \(key)" }
        if let allowed {
            let values = allowed.subtracting(excluded).filter { admits($0) }.sorted()
            if values.count == 1, !mayBeAbsent { return "\(key)=\(values[0])" }
            let listed = values.prefix(5).joined(separator: ", ") + (values.count > 5 ? ", …" : "")
            return "\(key) in {\(listed)}" + (mayBeAbsent ? " or no label \(key)" : "")
        }
        if !excluded.isEmpty { return "\(key) not in {\(excluded.sorted().joined(separator: ", "))}" }
        if let greaterThan, let lessThan { return "\(key) between \(greaterThan) and \(lessThan) (exclusive)" }
        if let greaterThan { return "\(key) > \(greaterThan)" }
        if let lessThan { return "\(key) < \(lessThan)" }
        return "any \(key)"
    }
}
