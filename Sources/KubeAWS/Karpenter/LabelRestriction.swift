/// A reason the Karpenter CRDs refuse a label key, worded as the API server words it.
///
/// Returned by ``WellKnownLabel/restrictions(in:)``. The ``description`` is the message of the
/// matching admission rule, so a validator can report the same text `kubectl apply` would.
public enum LabelRestriction: Hashable, Sendable, CustomStringConvertible {
    /// The key itself is reserved (`karpenter.sh/nodepool`, `kubernetes.io/hostname`).
    case restrictedLabel(WellKnownLabel)
    /// The key's prefix belongs to a reserved domain (`karpenter.sh`, `karpenter.k8s.aws`)
    /// and the key is not on that domain's allow-list.
    case restrictedDomain(String)

    /// The admission message, for example `label domain "karpenter.k8s.aws" is restricted`.
    public var description: String {
        switch self {
        case .restrictedLabel(let label): return "label \"\(label.rawValue)\" is restricted"
        case .restrictedDomain(let domain): return "label domain \"\(domain)\" is restricted"
        }
    }
}

/// Where a label key is used, which decides the admission rules that apply to it.
public enum KarpenterLabelContext: Hashable, Sendable, CaseIterable {
    /// A NodePool's `spec.template.metadata.labels` keys or `spec.template.spec.requirements[].key`.
    case nodePool
    /// A NodeClaim's `spec.requirements[].key` (`karpenter.sh/nodepool` is allowed here).
    case nodeClaim
    /// A NodeOverlay's `spec.requirements[].key` (a shorter `karpenter.k8s.aws` allow-list).
    case nodeOverlay
}

extension WellKnownLabel {
    /// The first path segment of the key, as the CRD rules compute it: the text before the
    /// first `/`, or the whole key when there is none.
    var ruleDomain: String {
        guard let slash = rawValue.firstIndex(of: "/") else { return rawValue }
        return String(rawValue[..<slash])
    }

    /// Every admission rule of the Karpenter v1.14.1 CRDs that this key breaks in `context`, in rule order.
    ///
    /// The rules compare the key's first path segment with `hasSuffix`, exactly as the CEL
    /// expressions do, so `sub.karpenter.sh/x` and the bare key `karpenter.sh` are refused while
    /// `example.com/karpenter.sh` is allowed. An empty result means the API server accepts the key.
    public func restrictions(in context: KarpenterLabelContext) -> [LabelRestriction] {
        var found: [LabelRestriction] = []
        let domain = ruleDomain
        if domain.hasSuffix("karpenter.sh") && !Self.karpenterDomainAllowList.contains(self) {
            found.append(.restrictedDomain("karpenter.sh"))
        }
        if context == .nodePool && self == .nodePool {
            found.append(.restrictedLabel(.nodePool))
        }
        if self == .hostname {
            found.append(.restrictedLabel(.hostname))
        }
        let allowList = context == .nodeOverlay ? Self.nodeOverlayAWSProviderAllowList : Self.awsProviderAllowList
        if domain.hasSuffix("karpenter.k8s.aws") && !allowList.contains(self) {
            found.append(.restrictedDomain("karpenter.k8s.aws"))
        }
        return found
    }

    /// Whether the API server refuses this key in `context` (see ``restrictions(in:)``).
    public func isRestricted(in context: KarpenterLabelContext) -> Bool {
        !restrictions(in: context).isEmpty
    }
}
