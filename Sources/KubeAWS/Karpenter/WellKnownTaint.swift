import KubeModels

/// A node taint with a conventional meaning, and the toleration that lets pods past it.
///
/// The shape (`key`, optional `value`, `effect`) is that of a NodePool's `taints[]` and
/// `startupTaints[]` entries and of eksctl node-group taints. GPU pools are the common case:
///
/// ```swift
/// let taint = WellKnownTaint.nvidiaGPU                  // nvidia.com/gpu:NoSchedule
/// let seeded = WellKnownTaint.nvidiaGPU.with(value: "present")
/// podSpec.tolerations = [.nvidiaGPU]                    // tolerates either
/// ```
public struct WellKnownTaint: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The taint key.
    public var key: String
    /// The taint value, or `nil` for a taint without one.
    public var value: String?
    /// What happens to pods that do not tolerate the taint.
    public var effect: TaintEffect

    /// Describes a taint.
    public init(key: String, value: String? = nil, effect: TaintEffect) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// The taint in kubectl's notation, `key=value:Effect` or `key:Effect`.
    public var description: String {
        if let value { return "\(key)=\(value):\(effect.rawValue)" }
        return "\(key):\(effect.rawValue)"
    }

    /// The same taint with `value` set.
    public func with(value: String?) -> WellKnownTaint {
        WellKnownTaint(key: key, value: value, effect: effect)
    }

    /// A toleration for this taint: the key and effect, with operator `Exists`, so any value is tolerated.
    public var toleration: Toleration {
        Toleration(effect: effect, key: key, operator: .exists)
    }

    /// `nvidia.com/gpu:NoSchedule`: keeps pods that do not ask for NVIDIA GPUs off GPU nodes.
    public static let nvidiaGPU = WellKnownTaint(key: WellKnownResource.nvidiaGPU.rawValue, effect: .noSchedule)
    /// `amd.com/gpu:NoSchedule`: the same for AMD GPU nodes.
    public static let amdGPU = WellKnownTaint(key: WellKnownResource.amdGPU.rawValue, effect: .noSchedule)
    /// `aws.amazon.com/neuron:NoSchedule`: the same for Inferentia and Trainium nodes.
    public static let awsNeuron = WellKnownTaint(key: WellKnownResource.awsNeuron.rawValue, effect: .noSchedule)
    /// `CriticalAddonsOnly=true:NoSchedule`: reserves a system node group for cluster add-ons.
    public static let criticalAddonsOnly = WellKnownTaint(
        key: "CriticalAddonsOnly", value: "true", effect: .noSchedule)
    /// `karpenter.sh/disrupted:NoSchedule`: Karpenter puts it on nodes it is about to remove.
    ///
    /// Managed by Karpenter; do not list it in a NodePool.
    public static let karpenterDisrupted = WellKnownTaint(key: "karpenter.sh/disrupted", effect: .noSchedule)
    /// `karpenter.sh/unregistered:NoExecute`: Karpenter keeps it on a node until the node has registered.
    ///
    /// Managed by Karpenter; do not list it in a NodePool.
    public static let karpenterUnregistered = WellKnownTaint(key: "karpenter.sh/unregistered", effect: .noExecute)

    /// The taints Karpenter adds and removes itself.
    public static let karpenterManaged: [WellKnownTaint] = [karpenterDisrupted, karpenterUnregistered]
}

extension Toleration {
    /// Tolerates ``WellKnownTaint/nvidiaGPU`` (with or without a value).
    public static let nvidiaGPU = WellKnownTaint.nvidiaGPU.toleration
    /// Tolerates ``WellKnownTaint/amdGPU`` (with or without a value).
    public static let amdGPU = WellKnownTaint.amdGPU.toleration
    /// Tolerates ``WellKnownTaint/awsNeuron`` (with or without a value).
    public static let awsNeuron = WellKnownTaint.awsNeuron.toleration
    /// Tolerates ``WellKnownTaint/criticalAddonsOnly`` (with or without a value).
    public static let criticalAddonsOnly = WellKnownTaint.criticalAddonsOnly.toleration

    /// A toleration for `taint`: its key and effect, with operator `Exists`.
    public static func tolerating(_ taint: WellKnownTaint) -> Toleration { taint.toleration }
}
