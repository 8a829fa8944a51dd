/// A rule of the Karpenter CRDs that a ``KarpenterRequirement`` breaks.
public enum RequirementProblem: Hashable, Sendable, CustomStringConvertible {
    /// The key is reserved in this context.
    case restrictedKey(LabelRestriction)
    /// The operator is not one of ``RequirementOperator/knownValues``.
    case unknownOperator(RequirementOperator)
    /// The operator needs at least one value.
    case missingValues(RequirementOperator)
    /// A numeric operator without exactly one non-negative integer value.
    case notASingleNonNegativeInteger(RequirementOperator)
    /// `minValues` is outside 1–50.
    case minValuesOutOfRange(Int)
    /// `minValues` is larger than the number of values given.
    case fewerValuesThanMinValues(minValues: Int, values: Int)

    /// What is wrong, close to the API server's wording.
    public var description: String {
        switch self {
        case .restrictedKey(let restriction):
            return restriction.description
        case .unknownOperator(let op):
            let known = RequirementOperator.knownValues.map(\.rawValue).joined(separator: ", ")
            return "operator \"\(op.rawValue)\" is not supported: expected one of \(known)"
        case .missingValues(let op):
            return "requirements with operator '\(op.rawValue)' must have a value defined"
        case .notASingleNonNegativeInteger(let op):
            return "requirements operator '\(op.rawValue)' must have a single positive integer value"
        case .minValuesOutOfRange(let value):
            return "minValues must be between 1 and 50, got \(value)"
        case .fewerValuesThanMinValues(let minValues, let count):
            return "requirements with 'minValues' must have at least that many values specified in the 'values' "
                + "field (minValues \(minValues), \(count) values)"
        }
    }
}
