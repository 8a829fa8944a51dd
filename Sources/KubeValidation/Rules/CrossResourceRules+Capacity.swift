import KubeModels

extension CrossResourceRules {
    /// The ResourceQuota keys the capacity check sums, and the demand total each one counts.
    static let quotaKeys: [String: String] = [
        "requests.cpu": "requests.cpu", "cpu": "requests.cpu", "requests.memory": "requests.memory",
        "memory": "requests.memory", "limits.cpu": "limits.cpu", "limits.memory": "limits.memory", "pods": "pods",
    ]

    /// Compares a ResourceQuota's hard limits with the namespace's pods at maximum scale: an error
    /// for every limit they exceed, an info finding with the headroom for every other one.
    ///
    /// Quotas with `scopes` or a `scopeSelector` count only some pods and are not checked.
    static func checkQuota(
        _ quota: ResourceQuota, namespace: String, index: CrossResourceIndex, in context: ValidationContext
    ) {
        guard let spec = quota.spec, spec.scopes?.isEmpty ?? true, spec.scopeSelector == nil,
            let hard = spec.hard, let demand = index.demand[namespace], index.hasWorkloads(in: namespace)
        else { return }
        for (key, limit) in hard.sorted(by: { $0.key < $1.key }) {
            guard let total = quotaTotal(for: key), limit.isValid else { continue }
            let used = total == "pods" ? Quantity(demand.pods) : demand.total(total)
            let unit = Unit(total)
            let phrase = Self.usagePhrase(total, used: unit.format(used))
            var notes: [String] = []
            if let unbounded = demand.unbounded[total], !unbounded.isEmpty {
                let listed = unbounded.prefix(3).joined(separator: ", ") + (unbounded.count > 3 ? ", …" : "")
                notes.append(
                    "\(unbounded.count) workload(s) set no \(total.dropFirst("limits.".count)) limit (\(listed)), so "
                        + "the quota refuses their pods unless a LimitRange gives a default")
            }
            if !demand.daemonSets.isEmpty {
                notes.append("\(demand.daemonSets.count) DaemonSet(s) not counted (one pod per node)")
            }
            let suffix = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
            context.withPath(["spec", "hard", .key(key)]) {
                if used > limit {
                    let largest = demand.largest(total).map { share in
                        let pods = share.pods == 1 ? "1 pod" : "\(share.pods) pods"
                        return total == "pods"
                            ? "\(share.title) (\(pods))"
                            : "\(share.title) (\(pods), \(unit.format(share.amounts[total] ?? Quantity(0))))"
                    }
                    let largestText = largest.isEmpty ? "" : "; largest: " + largest.joined(separator: ", ")
                    context.report(
                        .crossQuotaExceeded,
                        "at maximum scale \(phrase) but the quota allows \(unit.format(limit)) (\(unit.format(used - limit)) "
                            + "over)\(largestText); once the quota is used up new pods are refused, so the "
                            + "workloads cannot reach their maximum; lower maxReplicas, replicas or the per-pod "
                            + "amounts, or raise spec.hard.\(key)\(suffix)")
                } else {
                    let left = limit - used
                    let percent = limit.value > 0 ? Int((left.value / limit.value * 100).rounded(.down)) : 0
                    context.report(
                        .crossQuotaHeadroom,
                        "at maximum scale \(phrase) of \(unit.format(limit)) (\(percent)% headroom, "
                            + "\(unit.format(left)) left)\(suffix)")
                }
            }
        }
    }

    /// The demand total a quota key counts: the fixed keys above, and `requests.<name>` for
    /// extended resources (quotas only allow those with the `requests.` prefix).
    static func quotaTotal(for key: String) -> String? {
        if let total = quotaKeys[key] { return total }
        return key.hasPrefix("requests.") && key.contains("/") ? key : nil
    }

    private static func usagePhrase(_ total: String, used: String) -> String {
        switch total {
        case "pods": return "the namespace runs \(used)"
        case "limits.cpu", "limits.memory": return "the pods' limits add up to \(used)"
        default: return "the pods request \(used)"
        }
    }

    /// How a quota key's amounts are written in messages.
    struct Unit {
        let key: String

        init(_ key: String) { self.key = key }

        func format(_ quantity: Quantity) -> String {
            let value = quantity.value
            switch key {
            case "requests.cpu", "limits.cpu": return "\(Self.decimal(value, places: 3)) CPU"
            case "requests.memory", "limits.memory": return Self.bytes(value)
            case "pods":
                let count = Self.decimal(value, places: 0)
                return count == "1" ? "1 pod" : "\(count) pods"
            default:
                let resource = key.hasPrefix("requests.") ? String(key.dropFirst("requests.".count)) : key
                return "\(Self.decimal(value, places: 3)) \(resource)"
            }
        }

        static func decimal(_ value: Double, places: Int) -> String {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
            return "\(rounded)"
        }

        static func bytes(_ value: Double) -> String {
            let units: [(String, Double)] = [
                ("Ti", 1_099_511_627_776), ("Gi", 1_073_741_824), ("Mi", 1_048_576), ("Ki", 1024),
            ]
            for (suffix, size) in units where abs(value) >= size {
                return decimal(value / size, places: 2) + suffix
            }
            return decimal(value, places: 0) + " bytes"
        }
    }
}
