import KubeModels

/// What one pod of a template counts against a ResourceQuota: its effective cpu and memory
/// requests and limits, computed as the scheduler and the quota admission plugin do.
///
/// Per resource, the effective amount is the larger of the regular containers plus the sidecars
/// (init containers with `restartPolicy: Always`) and the peak of the init phase (each ordinary
/// init container plus the sidecars started before it), plus the pod's `overhead`. Pod-level
/// `resources` replace the container sum. A container without a request but with a limit requests
/// its limit (API defaulting).
struct PodDemand {
    /// The resources every demand sums; extended resources (`nvidia.com/gpu` …) are added when
    /// the pod names them.
    static let resources = ["cpu", "memory"]

    /// Effective amounts by quota key: `requests.cpu`, `requests.memory`, `limits.cpu`,
    /// `limits.memory`, and `requests.<name>` / `limits.<name>` for extended resources.
    private(set) var amounts: [String: Quantity] = [:]
    /// Quota keys (`limits.cpu`, `limits.memory`) for which some container sets no limit, so the
    /// pod has no bound there.
    private(set) var unbounded: Set<String> = []

    /// The demand of one pod; `includesLimits: false` computes the requests only.
    init(spec: PodSpec, includesLimits: Bool = true) {
        for resource in Self.resources + Self.extendedResources(of: spec) {
            amounts["requests.\(resource)"] = Self.effective(spec, resource: resource, limits: false)
            guard includesLimits else { continue }
            if let limit = Self.effective(spec, resource: resource, limits: true) {
                amounts["limits.\(resource)"] = limit
            } else {
                unbounded.insert("limits.\(resource)")
            }
        }
    }

    /// The extended resources (names with a domain, such as `nvidia.com/gpu`) the pod's
    /// containers or pod-level resources name, sorted.
    static func extendedResources(of spec: PodSpec) -> [String] {
        var names: Set<String> = []
        func collect(_ requirements: ResourceRequirements?) {
            for key in (requirements?.requests ?? [:]).keys where key.contains("/") { names.insert(key) }
            for key in (requirements?.limits ?? [:]).keys where key.contains("/") { names.insert(key) }
        }
        collect(spec.resources)
        for container in spec.initContainers ?? [] { collect(container.resources) }
        for container in spec.containers { collect(container.resources) }
        return names.sorted()
    }

    /// The effective amount of `resource`, or `nil` (limits only) when a container has no limit.
    private static func effective(_ spec: PodSpec, resource: String, limits: Bool) -> Quantity? {
        let overhead = valid(spec.overhead?[resource]) ?? Quantity(0)
        if let podLevel = valid(limits ? spec.resources?.limits?[resource] : podRequest(spec.resources, resource)) {
            return podLevel + overhead
        }
        var sidecars = Quantity(0)
        var initPeak = Quantity(0)
        for container in spec.initContainers ?? [] {
            let isSidecar = container.restartPolicy?.rawValue == "Always"
            guard let amount = amount(of: container.resources, resource: resource, limits: limits) else {
                if limits { return nil }
                continue
            }
            if isSidecar {
                sidecars += amount
                initPeak = max(initPeak, sidecars)
            } else {
                initPeak = max(initPeak, sidecars + amount)
            }
        }
        var regular = sidecars
        for container in spec.containers {
            guard let amount = amount(of: container.resources, resource: resource, limits: limits) else {
                if limits { return nil }
                continue
            }
            regular += amount
        }
        return max(regular, initPeak) + overhead
    }

    private static func amount(of requirements: ResourceRequirements?, resource: String, limits: Bool) -> Quantity? {
        valid(limits ? requirements?.limits?[resource] : podRequest(requirements, resource))
    }

    /// The request, defaulting to the limit as the API server does.
    private static func podRequest(_ requirements: ResourceRequirements?, _ resource: String) -> Quantity? {
        valid(requirements?.requests?[resource]) ?? valid(requirements?.limits?[resource])
    }

    private static func valid(_ quantity: Quantity?) -> Quantity? {
        guard let quantity, quantity.isValid else { return nil }
        return quantity
    }
}

/// The pods of one namespace at maximum scale, summed for the namespace's ResourceQuotas.
struct NamespaceDemand {
    /// One workload's share.
    struct Share {
        let title: String
        let pods: Int
        /// The workload's total by quota key (per-pod amount times pods).
        let amounts: [String: Quantity]
    }

    /// Totals by quota key (`requests.cpu` ...).
    private(set) var totals: [String: Quantity] = [:]
    /// Pods at maximum scale.
    private(set) var pods = 0
    private(set) var shares: [Share] = []
    /// DaemonSets of the namespace, which run one pod per node and are not counted.
    private(set) var daemonSets: [String] = []
    /// Workloads whose pods have no limit for a quota key, by key.
    private(set) var unbounded: [String: [String]] = [:]

    init(workloads: [WorkloadEntry]) {
        for workload in workloads {
            guard let count = workload.maximumPods else {
                daemonSets.append(workload.title)
                continue
            }
            guard count > 0 else { continue }
            let demand = PodDemand(spec: workload.spec)
            var amounts: [String: Quantity] = [:]
            for (key, perPod) in demand.amounts where !perPod.isZero {
                let total = perPod * count
                amounts[key] = total
                totals[key] = (totals[key] ?? Quantity(0)) + total
            }
            for key in demand.unbounded { unbounded[key, default: []].append(workload.title) }
            pods += count
            shares.append(Share(title: workload.title, pods: count, amounts: amounts))
        }
    }

    /// The total for a quota key, zero when nothing requests it.
    func total(_ key: String) -> Quantity {
        totals[key] ?? Quantity(0)
    }

    /// The workloads with the largest share of `key`, largest first.
    func largest(_ key: String, count: Int = 3) -> [Share] {
        shares.filter { $0.amounts[key] != nil }
            .sorted {
                let left = $0.amounts[key] ?? Quantity(0)
                let right = $1.amounts[key] ?? Quantity(0)
                return left != right ? left > right : $0.title < $1.title
            }
            .prefix(count).map { $0 }
    }
}
