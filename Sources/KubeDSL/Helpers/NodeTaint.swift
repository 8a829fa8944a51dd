import KubeModels

/// A node taint: nodes with it repel pods that do not tolerate it.
public struct NodeTaint: Hashable, Sendable {
    /// The taint key, such as `nvidia.com/gpu`.
    public var key: String
    /// The value, if any.
    public var value: String?
    /// What the taint does to pods that do not tolerate it.
    public var effect: TaintEffect

    /// Creates a taint.
    public init(key: String, value: String? = nil, effect: TaintEffect) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// The toleration that matches exactly this taint.
    public var toleration: Toleration {
        Toleration(effect: effect, key: key, operator: value == nil ? .exists : .equal, value: value)
    }
}
