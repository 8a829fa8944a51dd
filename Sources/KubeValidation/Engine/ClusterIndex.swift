import KubeModels
import KubeSerialization

/// A key/value pair of labels, the unit the selector index is keyed by.
struct LabelPair: Hashable {
    let key: String
    let value: String
}

/// What an HPA says about the workload it scales.
struct AutoscalerInfo {
    let position: Int
    let name: String
    let minReplicas: Int
    let maxReplicas: Int
}

/// A (namespace, kind, name) triple naming a scale target.
struct TargetKey: Hashable {
    let namespace: String
    let kind: String
    let name: String
}

/// A whole-input index built once before the rules run, so cross-resource checks are lookups
/// instead of pairwise comparisons.
struct ClusterIndex {
    /// Labels of the Namespace objects in the input, by name.
    var namespaceLabels: [String: [String: String]] = [:]
    /// PodDisruptionBudget selectors by namespace.
    var disruptionBudgets: [String: SelectorIndex] = [:]
    /// NetworkPolicy pod selectors by namespace.
    var networkPolicies: [String: SelectorIndex] = [:]
    /// HPAs by the workload they scale.
    var autoscalers: [TargetKey: AutoscalerInfo] = [:]
    /// `automountServiceAccountToken` of the ServiceAccounts in the input, by `namespace/name`.
    var serviceAccountAutomount: [String: Bool?] = [:]

    init() {}

    init(documents: [IndexedDocument]) {
        for document in documents {
            guard let resource = document.manifest.resource else { continue }
            switch resource {
            case let namespace as Namespace:
                namespaceLabels[namespace.name] = namespace.metadata.labels ?? [:]
            case let budget as PodDisruptionBudget:
                guard let ns = document.namespace, let selector = budget.spec?.selector else { continue }
                disruptionBudgets[ns, default: SelectorIndex()].insert(selector, owner: document.position)
            case let policy as NetworkPolicy:
                guard let ns = document.namespace else { continue }
                let selector = policy.spec?.podSelector ?? LabelSelector()
                networkPolicies[ns, default: SelectorIndex()].insert(selector, owner: document.position)
            case let autoscaler as HorizontalPodAutoscaler:
                guard let ns = document.namespace else { continue }
                let target = autoscaler.spec.scaleTargetRef
                let key = TargetKey(namespace: ns, kind: target.kind, name: target.name)
                autoscalers[key] = AutoscalerInfo(
                    position: document.position, name: autoscaler.name,
                    minReplicas: Int(autoscaler.spec.minReplicas ?? 1), maxReplicas: Int(autoscaler.spec.maxReplicas))
            case let account as ServiceAccount:
                guard let ns = document.namespace else { continue }
                serviceAccountAutomount["\(ns)/\(account.name)"] = .some(account.automountServiceAccountToken)
            default:
                continue
            }
        }
    }
}
