import KubeModels

/// One node requirement as NodePools, NodeClaims and NodeOverlays write it: a label key, an
/// operator, values, and for `In` an optional minimum number of distinct values.
///
/// The coding keys are those of the CRDs (`key`, `operator`, `values`, `minValues`), so a value
/// encodes to exactly what goes into `requirements[]`. The static builders keep keys and values typed:
///
/// ```swift
/// let requirements: [KarpenterRequirement] = [
///     .capacityType([.spot, .onDemand]),
///     .architecture([.arm64]),
///     .instanceCategory(["c", "m", "r"]),
///     .instanceGeneration(greaterThan: 5),
/// ]
/// ```
public struct KarpenterRequirement: Codable, Hashable, Sendable {
    /// The node label the requirement constrains.
    public var key: WellKnownLabel
    /// How the label is compared with ``values``.
    public var `operator`: RequirementOperator
    /// The values to compare with; omitted for `Exists` and `DoesNotExist`.
    public var values: [String]?
    /// For `In`: how many of ``values`` the candidate instance types must cover at least (1–50).
    public var minValues: Int?

    /// Describes a requirement field by field.
    public init(key: WellKnownLabel, `operator`: RequirementOperator, values: [String]? = nil, minValues: Int? = nil) {
        self.key = key
        self.`operator` = `operator`
        self.values = values
        self.minValues = minValues
    }

    /// Describes a requirement tersely: `KarpenterRequirement(.zone, .in, ["us-west-2a"])`.
    public init(
        _ key: WellKnownLabel, _ `operator`: RequirementOperator, _ values: [String]? = nil, minValues: Int? = nil
    ) {
        self.init(key: key, operator: `operator`, values: values, minValues: minValues)
    }

    enum CodingKeys: String, CodingKey {
        case key
        case `operator`
        case values
        case minValues
    }
}

// MARK: - Builders

extension KarpenterRequirement {
    /// `key Exists`.
    public static func exists(_ key: WellKnownLabel) -> KarpenterRequirement {
        KarpenterRequirement(key, .exists)
    }

    /// `key DoesNotExist`.
    public static func doesNotExist(_ key: WellKnownLabel) -> KarpenterRequirement {
        KarpenterRequirement(key, .doesNotExist)
    }

    /// `karpenter.sh/capacity-type In types`.
    public static func capacityType(_ types: [CapacityType]) -> KarpenterRequirement {
        KarpenterRequirement(.capacityType, .in, types.map(\.rawValue))
    }

    /// `kubernetes.io/arch In architectures`.
    public static func architecture(_ architectures: [Architecture]) -> KarpenterRequirement {
        KarpenterRequirement(.arch, .in, architectures.map(\.rawValue))
    }

    /// `kubernetes.io/os In systems`.
    public static func operatingSystem(_ systems: [OSName]) -> KarpenterRequirement {
        KarpenterRequirement(.os, .in, systems.map(\.rawValue))
    }

    /// `node.kubernetes.io/instance-type In types`.
    public static func instanceType(_ types: [EC2InstanceType], minValues: Int? = nil) -> KarpenterRequirement {
        KarpenterRequirement(.instanceType, .in, types.map(\.rawValue), minValues: minValues)
    }

    /// `karpenter.k8s.aws/instance-category In categories` (for example `["c", "m", "r"]`).
    public static func instanceCategory(_ categories: [String], minValues: Int? = nil) -> KarpenterRequirement {
        KarpenterRequirement(.instanceCategory, .in, categories, minValues: minValues)
    }

    /// `karpenter.k8s.aws/instance-family In families` (for example `["m7g", "c7g"]`).
    public static func instanceFamily(_ families: [String], minValues: Int? = nil) -> KarpenterRequirement {
        KarpenterRequirement(.instanceFamily, .in, families, minValues: minValues)
    }

    /// `karpenter.k8s.aws/instance-generation Gt generation`.
    public static func instanceGeneration(greaterThan generation: Int) -> KarpenterRequirement {
        KarpenterRequirement(.instanceGeneration, .greaterThan, [String(generation)])
    }

    /// `topology.kubernetes.io/zone In zones`.
    public static func zone(_ zones: [String]) -> KarpenterRequirement {
        KarpenterRequirement(.zone, .in, zones)
    }

    /// `key Gt value`, for any integer-valued label.
    public static func key(_ key: WellKnownLabel, greaterThan value: Int) -> KarpenterRequirement {
        KarpenterRequirement(key, .greaterThan, [String(value)])
    }

    /// `key Lt value`, for any integer-valued label.
    public static func key(_ key: WellKnownLabel, lessThan value: Int) -> KarpenterRequirement {
        KarpenterRequirement(key, .lessThan, [String(value)])
    }

    /// `key Gte value`, for any integer-valued label.
    public static func key(_ key: WellKnownLabel, atLeast value: Int) -> KarpenterRequirement {
        KarpenterRequirement(key, .greaterThanOrEqual, [String(value)])
    }

    /// `key Lte value`, for any integer-valued label.
    public static func key(_ key: WellKnownLabel, atMost value: Int) -> KarpenterRequirement {
        KarpenterRequirement(key, .lessThanOrEqual, [String(value)])
    }
}

// MARK: - Conversion and checks

extension KarpenterRequirement {
    /// The same requirement for a pod's node affinity, or `nil` when it uses `Gte`/`Lte` (which
    /// Kubernetes lacks) or another operator Kubernetes does not know. `minValues` is dropped.
    public var nodeSelectorRequirement: NodeSelectorRequirement? {
        guard let op = self.`operator`.nodeSelectorOperator else { return nil }
        return NodeSelectorRequirement(key: key.rawValue, operator: op, values: values)
    }

    /// What the Karpenter v1.14.1 CRDs would reject in this requirement when it appears in `context`.
    ///
    /// Covers the key restrictions (``WellKnownLabel/restrictions(in:)``), the operator rules
    /// (`In` and, for NodeOverlays, `NotIn` need values; numeric operators need exactly one
    /// non-negative integer) and the `minValues` rules. An empty result means admission passes.
    public func problems(in context: KarpenterLabelContext) -> [RequirementProblem] {
        var found = key.restrictions(in: context).map(RequirementProblem.restrictedKey)
        if !RequirementOperator.knownValues.contains(self.`operator`) {
            found.append(.unknownOperator(self.`operator`))
        }
        let valueList = values ?? []
        if self.`operator` == .in && valueList.isEmpty {
            found.append(.missingValues(self.`operator`))
        }
        if context == .nodeOverlay && self.`operator` == .notIn && valueList.isEmpty {
            found.append(.missingValues(self.`operator`))
        }
        if self.`operator`.isNumeric {
            let single = valueList.count == 1 ? valueList[0] : nil
            if single.flatMap({ Int($0) }).map({ $0 < 0 }) ?? true {
                found.append(.notASingleNonNegativeInteger(self.`operator`))
            }
        }
        if let minValues, context != .nodeOverlay {
            if !(1...50).contains(minValues) {
                found.append(.minValuesOutOfRange(minValues))
            } else if self.`operator` == .in && valueList.count < minValues {
                found.append(.fewerValuesThanMinValues(minValues: minValues, values: valueList.count))
            }
        }
        return found
    }
}
