import KubeSerialization

/// One finding: which rule, how serious, about which object and field, what is wrong and what
/// would be right, and where it was written when the manifest came from a file.
///
/// Validation returns diagnostics as values; it never throws or stops at the first problem.
/// Messages never contain the values of a Secret's `data` or `stringData`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The rule that produced the finding.
    public var ruleID: RuleID
    /// The severity after configuration was applied.
    public var severity: Severity
    /// The rule's family.
    public var category: RuleCategory
    /// The object the finding is about.
    public var resource: ResourceReference
    /// The field, as Kubernetes names it: `spec.template.spec.containers[0].resources.limits.memory`.
    /// Empty when the finding is about the object as a whole.
    public var fieldPath: String
    /// What is wrong and what would be right.
    public var message: String
    /// Where the field (or the nearest enclosing field) was written, when known.
    public var location: SourceLocation?
    /// The position of the object in the validated input (0-based), when it came from one.
    public var documentIndex: Int?

    /// Creates a diagnostic.
    public init(
        ruleID: RuleID, severity: Severity, category: RuleCategory, resource: ResourceReference,
        fieldPath: String, message: String, location: SourceLocation? = nil, documentIndex: Int? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.category = category
        self.resource = resource
        self.fieldPath = fieldPath
        self.message = message
        self.location = location
        self.documentIndex = documentIndex
    }

    /// `location: severity[RULE] Kind ns/name field: message`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity)[\(ruleID)] \(resource)"
        if !fieldPath.isEmpty { text += " \(fieldPath)" }
        return text + ": " + message
    }
}

extension Diagnostic {
    /// The order validators return diagnostics in: by input position, then field path, rule and
    /// message, so the same input always gives the same list.
    public static func stableOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = lhs.documentIndex ?? Int.max
        let right = rhs.documentIndex ?? Int.max
        if left != right { return left < right }
        if lhs.resource != rhs.resource {
            let left = (lhs.resource.kind, lhs.resource.namespace ?? "", lhs.resource.name, lhs.resource.apiVersion)
            let right = (rhs.resource.kind, rhs.resource.namespace ?? "", rhs.resource.name, rhs.resource.apiVersion)
            return left < right
        }
        if lhs.fieldPath != rhs.fieldPath { return lhs.fieldPath < rhs.fieldPath }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}
