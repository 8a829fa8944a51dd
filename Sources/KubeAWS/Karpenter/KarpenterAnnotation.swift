/// An annotation key Karpenter reads or writes on pods, nodes and its own resources.
public struct KarpenterAnnotation: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The annotation key.
    public var rawValue: String

    /// Wraps an annotation key.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an annotation key written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The annotation key.
    public var description: String { rawValue }

    /// `karpenter.sh/do-not-disrupt`: set to `"true"` on a pod or node to keep Karpenter from
    /// voluntarily disrupting it.
    public static let doNotDisrupt = KarpenterAnnotation(rawValue: "karpenter.sh/do-not-disrupt")
    /// `karpenter.sh/nodepool-hash`: written by Karpenter for drift detection; do not set it.
    public static let nodePoolHash = KarpenterAnnotation(rawValue: "karpenter.sh/nodepool-hash")
    /// `karpenter.k8s.aws/ec2nodeclass-hash`: written by Karpenter for drift detection; do not set it.
    public static let ec2NodeClassHash = KarpenterAnnotation(rawValue: "karpenter.k8s.aws/ec2nodeclass-hash")
}
