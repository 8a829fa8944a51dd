import Foundation
import KubeAWS
import KubeModels
import Testing

@Suite("Karpenter value types")
struct KarpenterValueTests {
    static func nodePoolText() throws -> String {
        try KubeAWSTestPaths.referenceText("karpenter/karpenter.sh_nodepools.yaml")
    }

    @Test("Known values match the NodePool CRD enums")
    func enumsMatchCRD() throws {
        let text = try Self.nodePoolText()
        #expect(
            Set(CRDText.enumValues(of: "operator", in: text)) == Set(RequirementOperator.knownValues.map(\.rawValue)))
        #expect(
            CRDText.enumValues(of: "consolidationPolicy", in: text) == ConsolidationPolicy.knownValues.map(\.rawValue))
        #expect(CRDText.enumValues(of: "reasons", in: text) == DisruptionReason.knownValues.map(\.rawValue))
        #expect(CRDText.enumValues(of: "effect", in: text) == TaintEffect.knownValues.map(\.rawValue))
    }

    @Test("AMI families match the EC2NodeClass CRD enum")
    func amiFamiliesMatchCRD() throws {
        let text = try KubeAWSTestPaths.referenceText("karpenter/karpenter.k8s.aws_ec2nodeclasses.yaml")
        #expect(CRDText.enumValues(of: "amiFamily", in: text) == AMIFamily.knownValues.map(\.rawValue))
    }

    @Test("Values encode as their strings and unknown strings still decode")
    func coding() throws {
        let encoded = try JSONEncoder().encode([CapacityType.spot, .onDemand, .reserved])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["spot","on-demand","reserved"]"#)
        let decoded = try JSONDecoder().decode([ConsolidationPolicy].self, from: Data(#"["Balanced","Someday"]"#.utf8))
        #expect(decoded == [.balanced, ConsolidationPolicy(rawValue: "Someday")])
        #expect(Architecture.knownValues.map(\.rawValue) == ["amd64", "arm64"])
        #expect(CapacityType.knownValues.map(\.rawValue) == ["on-demand", "spot", "reserved"])
    }

    @Test("Operators map to node-selector operators where Kubernetes has them")
    func operators() {
        #expect(RequirementOperator.in.nodeSelectorOperator == .in)
        #expect(RequirementOperator.greaterThan.nodeSelectorOperator == .gt)
        #expect(RequirementOperator.greaterThanOrEqual.nodeSelectorOperator == nil)
        #expect(RequirementOperator.knownValues.filter(\.isNumeric).map(\.rawValue) == ["Gt", "Lt", "Gte", "Lte"])
    }

    @Test("GPU taint and toleration")
    func gpuTaint() throws {
        #expect(WellKnownTaint.nvidiaGPU.description == "nvidia.com/gpu:NoSchedule")
        #expect(WellKnownTaint.nvidiaGPU.with(value: "present").description == "nvidia.com/gpu=present:NoSchedule")
        #expect(Toleration.nvidiaGPU == Toleration(effect: .noSchedule, key: "nvidia.com/gpu", operator: .exists))
        #expect(Toleration.tolerating(.criticalAddonsOnly).key == "CriticalAddonsOnly")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(WellKnownTaint.nvidiaGPU), as: UTF8.self)
        #expect(json == #"{"effect":"NoSchedule","key":"nvidia.com\/gpu"}"#)
    }

    @Test("Requirements encode in the CRD shape")
    func requirementCoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let requirement = KarpenterRequirement.capacityType([.spot, .onDemand])
        #expect(
            String(decoding: try encoder.encode(requirement), as: UTF8.self)
                == #"{"key":"karpenter.sh/capacity-type","operator":"In","values":["spot","on-demand"]}"#)
        let exists = KarpenterRequirement.exists(.instanceGPUCount)
        #expect(
            String(decoding: try encoder.encode(exists), as: UTF8.self)
                == #"{"key":"karpenter.k8s.aws/instance-gpu-count","operator":"Exists"}"#)
        let roundTrip = try JSONDecoder().decode(KarpenterRequirement.self, from: try encoder.encode(requirement))
        #expect(roundTrip == requirement)
        #expect(
            KarpenterRequirement.instanceGeneration(greaterThan: 5).nodeSelectorRequirement
                == NodeSelectorRequirement(key: "karpenter.k8s.aws/instance-generation", operator: .gt, values: ["5"]))
        #expect(KarpenterRequirement.key(.instanceCPU, atLeast: 4).nodeSelectorRequirement == nil)
    }

    struct ProblemCase: Sendable, CustomTestStringConvertible {
        var requirement: KarpenterRequirement
        var context: KarpenterLabelContext
        var problems: [String]
        var testDescription: String { "\(requirement.key) \(requirement.`operator`) \(requirement.values ?? [])" }
    }

    static let problemCases: [ProblemCase] = [
        ProblemCase(requirement: .instanceCategory(["c", "m"]), context: .nodePool, problems: []),
        ProblemCase(
            requirement: KarpenterRequirement(.zone, .in, []), context: .nodePool,
            problems: ["requirements with operator 'In' must have a value defined"]),
        ProblemCase(
            requirement: KarpenterRequirement(.instanceCPU, .greaterThan, ["four"]), context: .nodePool,
            problems: ["requirements operator 'Gt' must have a single positive integer value"]),
        ProblemCase(
            requirement: KarpenterRequirement(.instanceCPU, .lessThanOrEqual, ["-1"]), context: .nodePool,
            problems: ["requirements operator 'Lte' must have a single positive integer value"]),
        ProblemCase(requirement: .key(.instanceCPU, atLeast: 0), context: .nodePool, problems: []),
        ProblemCase(
            requirement: .instanceFamily(["m5"], minValues: 2), context: .nodePool,
            problems: [
                "requirements with 'minValues' must have at least that many values specified in the 'values' field "
                    + "(minValues 2, 1 values)"
            ]),
        ProblemCase(
            requirement: .instanceFamily(["m5"], minValues: 51), context: .nodePool,
            problems: ["minValues must be between 1 and 50, got 51"]),
        ProblemCase(
            requirement: KarpenterRequirement(.zone, .notIn, []), context: .nodeOverlay,
            problems: ["requirements with operator 'NotIn' must have a value defined"]),
        ProblemCase(requirement: KarpenterRequirement(.zone, .notIn, []), context: .nodePool, problems: []),
        ProblemCase(
            requirement: .exists(.nodePool), context: .nodePool,
            problems: ["label \"karpenter.sh/nodepool\" is restricted"]),
        ProblemCase(
            requirement: KarpenterRequirement(.zone, "Near", ["a"]), context: .nodePool,
            problems: [
                "operator \"Near\" is not supported: expected one of In, NotIn, Exists, DoesNotExist, Gt, Lt, Gte, Lte"
            ]
        ),
    ]

    @Test("Requirement problems follow the CRD rules", arguments: problemCases)
    func requirementProblems(_ testCase: ProblemCase) {
        #expect(testCase.requirement.problems(in: testCase.context).map(\.description) == testCase.problems)
    }
}
