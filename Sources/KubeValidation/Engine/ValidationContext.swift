import Foundation
import KubeModels
import KubeSerialization

/// The mutable state of one validation run: the current object, the field path being checked
/// and the diagnostics found so far.
///
/// The path is a stack of components that checks push and pop as they descend; nothing is
/// rendered into a string until a rule actually reports, which keeps clean objects cheap.
final class ValidationContext {
    let configuration: ValidationConfiguration
    let index: ClusterIndex
    private(set) var diagnostics: [Diagnostic] = []

    private(set) var resource = ResourceReference(apiVersion: "", kind: "", name: "")
    private var documentIndex: Int?
    private var node: Node?
    private var documentLocation: SourceLocation?
    private var suppressed: Set<RuleID> = []
    private(set) var path: [PathComponent] = []

    init(configuration: ValidationConfiguration, index: ClusterIndex) {
        self.configuration = configuration
        self.index = index
        path.reserveCapacity(24)
    }

    /// Starts checking a new object.
    func begin(_ document: IndexedDocument) {
        resource = document.reference
        documentIndex = document.position
        node = document.node
        documentLocation = document.location
        path.removeAll(keepingCapacity: true)
        suppressed = []
        readSuppressions(document.manifest.metadata.annotations)
    }

    // MARK: Path

    @inline(__always) func push(_ component: PathComponent) {
        path.append(component)
    }

    @inline(__always) func pop() {
        path.removeLast()
    }

    /// Runs `body` with `component` appended to the path.
    @inline(__always) func at<R>(_ component: PathComponent, _ body: () -> R) -> R {
        path.append(component)
        defer { path.removeLast() }
        return body()
    }

    /// Runs `body` with a field name appended to the path.
    @inline(__always) func field<R>(_ name: String, _ body: () -> R) -> R {
        at(.field(name), body)
    }

    /// Runs `body` with a list position appended to the path.
    @inline(__always) func index<R>(_ position: Int, _ body: () -> R) -> R {
        at(.index(position), body)
    }

    /// Runs `body` with a map key appended to the path.
    @inline(__always) func key<R>(_ key: String, _ body: () -> R) -> R {
        at(.key(key), body)
    }

    /// Runs `body` with the path replaced by `components` (for checks that address a field by an
    /// absolute path, such as cross-resource checks).
    func withPath<R>(_ components: [PathComponent], _ body: () -> R) -> R {
        let saved = path
        path = components
        defer { path = saved }
        return body()
    }

    // MARK: Reporting

    /// Whether a rule would report anything for the current object (enabled and not suppressed).
    func isActive(_ rule: Rule) -> Bool {
        configuration.isEnabled(rule.id) && !suppressed.contains(rule.id)
    }

    /// Reports a finding at the current path (plus `extra`).
    ///
    /// - Parameters:
    ///   - rule: the rule.
    ///   - message: what is wrong and what would be right.
    ///   - extra: path components below the current path.
    ///   - severity: the severity the check chose (Pod Security modes); the rule's default otherwise.
    func report(_ rule: Rule, _ message: String, at extra: [PathComponent] = [], severity: Severity? = nil) {
        guard isActive(rule) else { return }
        let proposed = severity ?? rule.defaultSeverity
        let final = rule.category == .api ? proposed : configuration.severity(of: rule, proposed: proposed)
        let components = extra.isEmpty ? path : path + extra
        var location = documentLocation
        if let node { location = PathComponent.locate(components, in: node) }
        diagnostics.append(
            Diagnostic(
                ruleID: rule.id, severity: final, category: rule.category, resource: resource,
                fieldPath: PathComponent.render(components), message: message, location: location,
                documentIndex: documentIndex))
    }

    /// Sorts the findings from `start` on with ``Diagnostic/stableOrder(_:_:)`` and drops exact
    /// repeats (one document's findings, or the items of one `List`; a repeat can only be
    /// about the same document, so nothing outside the range can equal them).
    func sortDiagnostics(from start: Int) {
        guard diagnostics.count - start > 1 else { return }
        diagnostics[start...].sort(by: Diagnostic.stableOrder)
        var kept = start + 1
        for index in (start + 1)..<diagnostics.count where diagnostics[index] != diagnostics[kept - 1] {
            if index != kept { diagnostics.swapAt(index, kept) }
            kept += 1
        }
        diagnostics.removeSubrange(kept...)
    }

    // MARK: Suppressions

    private func readSuppressions(_ annotations: [String: String]?) {
        guard let annotations, let list = annotations[ValidationConfiguration.ignoreAnnotation] else { return }
        let ids = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" })
            .map { RuleID(String($0)) }
        let annotationPath: [PathComponent] = [
            "metadata", "annotations", .key(ValidationConfiguration.ignoreAnnotation),
        ]
        for id in ids where Rule.named(id) == nil {
            withPath(annotationPath) {
                report(
                    .suppressionUnknownID,
                    "\(id) is not a KubeKit rule ID, so it suppresses nothing; see the rule catalog "
                        + "(`kubekit rules`) for valid IDs such as K8S-NAME-DNS1123 or POLICY-RUN-AS-NON-ROOT")
            }
        }
        guard configuration.allowsSuppressions else {
            withPath(annotationPath) {
                report(
                    .suppressionForbidden,
                    "suppressions are not allowed in this run, so \(ValidationConfiguration.ignoreAnnotation) has "
                        + "no effect; fix the findings it names instead")
            }
            return
        }
        let reason =
            annotations[ValidationConfiguration.ignoreReasonAnnotation]?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !reason.isEmpty else {
            withPath(annotationPath) {
                report(
                    .suppressionReason,
                    "\(ValidationConfiguration.ignoreAnnotation) is set without a non-empty "
                        + "\(ValidationConfiguration.ignoreReasonAnnotation) annotation, so nothing is suppressed; "
                        + "add \(ValidationConfiguration.ignoreReasonAnnotation): \"<why this is acceptable>\"")
            }
            return
        }
        // The suppression rules themselves cannot be suppressed.
        suppressed = Set(ids).subtracting([
            Rule.suppressionReason.id, Rule.suppressionForbidden.id, Rule.suppressionUnknownID.id,
        ])
    }
}
