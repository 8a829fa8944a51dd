import Foundation
import KubeModels
import KubeSerialization

/// Everything the cross-resource rules look up, built in one pass over the input: pod templates
/// by namespace and label, the names of every namespaced object, Service ports, disruption
/// budgets, namespaces, external-reference declarations and, for namespaces with a
/// ResourceQuota, the pods' demand at maximum scale; and the node pools with where each pod
/// template can run (``SchedulingIndex``).
///
/// Building it is linear in the input; every rule is then a lookup (a selector inspects only the
/// templates filed under its rarest label pair).
struct CrossResourceIndex: Sendable {
    /// The pod template of each document (by offset in the validated input), as
    /// ``PodTemplateSite/extract(from:)`` gives it, so the other rule sets need not extract it again.
    private(set) var sites: [PodTemplateSite?] = []
    /// Pod templates of `ReplicationController`s (which KubeKit does not model), by document offset.
    private(set) var replicationControllers: [Int: PodTemplateSite] = [:]
    /// Pod templates by namespace.
    private(set) var podTemplates: [String: PodTemplateIndex] = [:]
    /// Every namespaced object of the input, as (namespace, kind, name).
    private(set) var objects: Set<TargetKey> = []
    /// The ports of each Service, by (namespace, "Service", name).
    private(set) var servicePorts: [TargetKey: [ServicePort]] = [:]
    /// PodDisruptionBudget selectors by namespace; the owners are slots into ``budgetNames``.
    private(set) var budgets: [String: SelectorIndex] = [:]
    /// PodDisruptionBudget names by namespace, by slot.
    private(set) var budgetNames: [String: [String]] = [:]
    /// The names of the Namespace objects of the input.
    private(set) var namespaces: Set<String> = []
    /// The names of the Namespace objects, sorted (for messages).
    private(set) var sortedNamespaces: [String] = []
    /// External-reference declarations made on Namespace objects, by namespace.
    private(set) var namespaceExternals: [String: ExternalReferences] = [:]
    /// `namespace/template-statefulset` for every StatefulSet volume claim template: its claims are
    /// named `template-statefulset-N`.
    private(set) var claimTemplatePrefixes: Set<String> = []
    /// Demand at maximum scale of the namespaces that have a ResourceQuota.
    private(set) var demand: [String: NamespaceDemand] = [:]
    /// The node pools of the input and where each pod template can run.
    private(set) var scheduling = SchedulingIndex()

    /// Namespaces every cluster has.
    static let builtInNamespaces: Set<String> = ["default", "kube-system", "kube-public", "kube-node-lease"]

    init() {}

    init(
        documents: [IndexedDocument], cluster: ClusterIndex, ecosystem: EcosystemIndex,
        configuration: ValidationConfiguration
    ) {
        sites.reserveCapacity(documents.count)
        var quotaNamespaces: Set<String> = []
        scheduling = SchedulingIndex(ecosystem: ecosystem)
        var candidates: [(offset: Int, namespace: String, site: PodTemplateSite, entry: WorkloadEntry)] = []
        for (offset, document) in documents.enumerated() {
            let manifest = document.manifest
            let site = PodTemplateSite.extract(from: manifest)
            sites.append(site)
            let namespace = document.namespace ?? (manifest.isNamespaced == nil ? configuration.defaultNamespace : nil)
            if let namespace {
                objects.insert(TargetKey(namespace: namespace, kind: manifest.kind, name: document.reference.name))
            }
            var workloadSite = site
            if site == nil, let controller = Self.replicationController(manifest) {
                replicationControllers[offset] = controller
                workloadSite = controller
            }
            if let namespace, let workloadSite {
                let entry = Self.entry(
                    manifest, site: workloadSite, namespace: namespace, name: document.reference.name,
                    cluster: cluster)
                podTemplates[namespace, default: PodTemplateIndex()].insert(entry)
                if scheduling.isActive { candidates.append((offset, namespace, workloadSite, entry)) }
            }
            guard let resource = manifest.resource else { continue }
            switch resource {
            case let namespaceObject as Namespace:
                namespaces.insert(namespaceObject.name)
                if let declared = ExternalReferences.declared(in: namespaceObject.metadata.annotations) {
                    namespaceExternals[namespaceObject.name] = declared
                }
            case let service as Service:
                guard let namespace else { continue }
                servicePorts[TargetKey(namespace: namespace, kind: "Service", name: service.name)] =
                    service.spec?.ports ?? []
            case let budget as PodDisruptionBudget:
                // A budget without a selector selects no pods (policy/v1).
                guard let namespace, let selector = budget.spec?.selector else { continue }
                let slot = budgetNames[namespace]?.count ?? 0
                budgets[namespace, default: SelectorIndex()].insert(selector, owner: slot)
                budgetNames[namespace, default: []].append(budget.name)
            case let statefulSet as StatefulSet:
                guard let namespace else { continue }
                for template in statefulSet.spec.volumeClaimTemplates ?? [] {
                    claimTemplatePrefixes.insert("\(namespace)/\(template.name)-\(statefulSet.name)")
                }
            case is ResourceQuota:
                if let namespace { quotaNamespaces.insert(namespace) }
            default:
                continue
            }
        }
        sortedNamespaces = namespaces.sorted()
        if scheduling.isActive {
            scheduling.evaluate(
                candidates.map { candidate in
                    SchedulingIndex.Candidate(
                        offset: candidate.offset, namespace: candidate.namespace, site: candidate.site,
                        entry: candidate.entry,
                        externals: CrossResourceRules.Externals(
                            own: ExternalReferences.declared(in: documents[candidate.offset].manifest.metadata.annotations),
                            namespace: namespaceExternals[candidate.namespace]))
                })
        }
        for namespace in quotaNamespaces {
            demand[namespace] = NamespaceDemand(workloads: podTemplates[namespace]?.workloads ?? [])
        }
    }

    /// Whether the claim name is one a StatefulSet's volume claim template creates
    /// (`template-statefulset-ordinal`).
    func isClaimTemplateClaim(_ claimName: String, namespace: String) -> Bool {
        guard let dash = claimName.lastIndex(of: "-") else { return false }
        let ordinal = claimName[claimName.index(after: dash)...]
        guard !ordinal.isEmpty, ordinal.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return claimTemplatePrefixes.contains("\(namespace)/\(claimName[..<dash])")
    }

    /// Whether the namespace has at least one workload in the input.
    func hasWorkloads(in namespace: String) -> Bool {
        !(podTemplates[namespace]?.workloads.isEmpty ?? true)
    }

    // MARK: Workloads

    /// The workload entry of a pod template, with its scale.
    private static func entry(
        _ manifest: Manifest, site: PodTemplateSite, namespace: String, name: String, cluster: ClusterIndex
    ) -> WorkloadEntry {
        var minimum: Int?
        var maximum: Int?
        switch site.kind {
        case "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController":
            let replicas = site.replicas ?? 1
            if let autoscaler = cluster.autoscalers[TargetKey(namespace: namespace, kind: site.kind, name: name)] {
                minimum = autoscaler.minReplicas
                maximum = max(autoscaler.maxReplicas, autoscaler.minReplicas)
            } else {
                minimum = replicas
                maximum = replicas
            }
        case "Job":
            let pods = jobPods(manifest.as(Job.self)?.spec)
            minimum = pods
            maximum = pods
        case "CronJob":
            let pods = jobPods(manifest.as(CronJob.self)?.spec.jobTemplate.spec)
            minimum = pods
            maximum = pods
        case "Pod":
            minimum = 1
            maximum = 1
        default:
            break
        }
        return WorkloadEntry(
            kind: site.kind, name: name, labels: site.labels, spec: site.spec, minimumPods: minimum,
            maximumPods: maximum)
    }

    /// The pods a Job runs at once: parallelism (1 when unset), at most the completions.
    private static func jobPods(_ spec: JobSpec?) -> Int {
        let parallelism = Int(spec?.parallelism ?? 1)
        guard let completions = spec?.completions else { return parallelism }
        return min(parallelism, Int(completions))
    }

    /// The pod template of a `v1` `ReplicationController`, decoded from its unstructured body.
    private static func replicationController(_ manifest: Manifest) -> PodTemplateSite? {
        guard case .unstructured(let object) = manifest.content, object.kind == "ReplicationController",
            object.apiVersion == "v1", let spec = object.body["spec"], let templateValue = spec["template"]
        else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[.unknownFields] = UnknownFieldCollector()
        guard let data = try? JSONEncoder().encode(templateValue),
            let template = try? decoder.decode(PodTemplateSpec.self, from: data), let podSpec = template.spec
        else { return nil }
        let replicas = spec["replicas"]?.intValue.map { Int($0) } ?? 1
        return PodTemplateSite(
            kind: "ReplicationController", spec: podSpec, metadata: template.metadata ?? ObjectMeta(),
            specPath: ["spec", "template", "spec"], metadataPath: ["spec", "template", "metadata"],
            replicas: replicas, isLongRunning: true)
    }
}
