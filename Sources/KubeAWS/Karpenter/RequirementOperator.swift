import KubeModels

/// The operator of a Karpenter node requirement (`requirements[].operator`).
///
/// Karpenter accepts the six Kubernetes node-selector operators plus ``greaterThanOrEqual`` and
/// ``lessThanOrEqual``. The four numeric operators take exactly one non-negative integer value.
public struct RequirementOperator: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The operator as written in manifests.
    public var rawValue: String

    /// Wraps an operator string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an operator written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The operator string.
    public var description: String { rawValue }

    /// `In`: the label value is one of `values`.
    public static let `in` = RequirementOperator(rawValue: "In")
    /// `NotIn`: the label value is none of `values` (or the label is absent).
    public static let notIn = RequirementOperator(rawValue: "NotIn")
    /// `Exists`: the label is present, whatever its value.
    public static let exists = RequirementOperator(rawValue: "Exists")
    /// `DoesNotExist`: the label is absent.
    public static let doesNotExist = RequirementOperator(rawValue: "DoesNotExist")
    /// `Gt`: the label value, read as an integer, is greater than the single value.
    public static let greaterThan = RequirementOperator(rawValue: "Gt")
    /// `Lt`: the label value, read as an integer, is less than the single value.
    public static let lessThan = RequirementOperator(rawValue: "Lt")
    /// `Gte`: the label value, read as an integer, is at least the single value (Karpenter only).
    public static let greaterThanOrEqual = RequirementOperator(rawValue: "Gte")
    /// `Lte`: the label value, read as an integer, is at most the single value (Karpenter only).
    public static let lessThanOrEqual = RequirementOperator(rawValue: "Lte")

    /// The operators the v1.14 CRDs accept.
    public static let knownValues: [RequirementOperator] = [
        .in, notIn, exists, doesNotExist, greaterThan, lessThan, greaterThanOrEqual, lessThanOrEqual,
    ]

    /// Whether the operator compares integers (`Gt`, `Lt`, `Gte`, `Lte`) and so needs exactly one
    /// non-negative integer value.
    public var isNumeric: Bool {
        self == .greaterThan || self == .lessThan || self == .greaterThanOrEqual || self == .lessThanOrEqual
    }

    /// The same operator for a pod's node affinity, or `nil` for `Gte`/`Lte`, which Kubernetes lacks.
    public var nodeSelectorOperator: NodeSelectorOperator? {
        switch self {
        case .in: return .in
        case .notIn: return .notIn
        case .exists: return .exists
        case .doesNotExist: return .doesNotExist
        case .greaterThan: return .gt
        case .lessThan: return .lt
        default: return nil
        }
    }
}
