import KubeAWS
import Testing

@Suite("Well-known labels")
struct WellKnownLabelTests {
    static let awsDomainMessage = "label domain \"karpenter.k8s.aws\" is restricted"

    /// The `karpenter.k8s.aws` allow-lists of every rule in a CRD file.
    static func awsAllowLists(in file: String) throws -> [[String]] {
        let text = try KubeAWSTestPaths.referenceText("karpenter/\(file)")
        return CRDText.rules(after: awsDomainMessage, in: text).map { CRDText.quoted($0, prefix: "karpenter.k8s.aws/") }
    }

    @Test("NodePool labels and requirement rules list exactly the allow-list constants")
    func nodePoolAllowList() throws {
        let lists = try Self.awsAllowLists(in: "karpenter.sh_nodepools.yaml")
        #expect(lists.count == 2)  // template labels and requirement keys
        let expected = WellKnownLabel.awsProviderAllowList.map(\.rawValue)
        for list in lists {
            #expect(Set(list) == Set(expected))
        }
        // The requirement-key rule has no duplicate, so its order can be compared exactly.
        #expect(lists.last == expected)
    }

    @Test("NodeClaim requirement rule uses the same allow-list")
    func nodeClaimAllowList() throws {
        let lists = try Self.awsAllowLists(in: "karpenter.sh_nodeclaims.yaml")
        #expect(!lists.isEmpty)
        for list in lists {
            #expect(list == WellKnownLabel.awsProviderAllowList.map(\.rawValue))
        }
    }

    @Test("NodeOverlay requirement rule has its own, shorter allow-list")
    func nodeOverlayAllowList() throws {
        let lists = try Self.awsAllowLists(in: "karpenter.sh_nodeoverlays.yaml")
        #expect(lists.count == 1)
        #expect(lists.first == WellKnownLabel.nodeOverlayAWSProviderAllowList.map(\.rawValue))
    }

    @Test("karpenter.sh domain rule allows capacity-type and nodepool")
    func karpenterDomainAllowList() throws {
        let text = try KubeAWSTestPaths.referenceText("karpenter/karpenter.sh_nodepools.yaml")
        let rules = CRDText.rules(after: "label domain \"karpenter.sh\" is restricted", in: text)
        #expect(rules.count == 2)
        for rule in rules {
            #expect(
                CRDText.quoted(rule, prefix: "karpenter.sh/") == WellKnownLabel.karpenterDomainAllowList.map(\.rawValue)
            )
        }
    }

    @Test("Every karpenter.k8s.aws constant except instance-pods is allowed")
    func constantsInAllowList() {
        for label in WellKnownLabel.allKnown where label.prefix == "karpenter.k8s.aws" {
            #expect(WellKnownLabel.awsProviderAllowList.contains(label) == (label != .instancePods), "\(label)")
        }
        #expect(Set(WellKnownLabel.allKnown).count == WellKnownLabel.allKnown.count)
    }

    struct RestrictionCase: Sendable, CustomTestStringConvertible {
        var key: String
        var context: KarpenterLabelContext
        var messages: [String]
        var testDescription: String { "\(key) in \(context)" }
    }

    static let restrictionCases: [RestrictionCase] = [
        RestrictionCase(key: "karpenter.sh/capacity-type", context: .nodePool, messages: []),
        RestrictionCase(
            key: "karpenter.sh/nodepool", context: .nodePool,
            messages: ["label \"karpenter.sh/nodepool\" is restricted"]),
        RestrictionCase(key: "karpenter.sh/nodepool", context: .nodeClaim, messages: []),
        RestrictionCase(
            key: "karpenter.sh/initialized", context: .nodePool,
            messages: ["label domain \"karpenter.sh\" is restricted"]),
        RestrictionCase(
            key: "sub.karpenter.sh/x", context: .nodePool, messages: ["label domain \"karpenter.sh\" is restricted"]),
        RestrictionCase(
            key: "karpenter.sh", context: .nodePool, messages: ["label domain \"karpenter.sh\" is restricted"]),
        RestrictionCase(key: "example.com/karpenter.sh", context: .nodePool, messages: []),
        RestrictionCase(key: "karpenter.shx/y", context: .nodePool, messages: []),
        RestrictionCase(
            key: "kubernetes.io/hostname", context: .nodeOverlay,
            messages: ["label \"kubernetes.io/hostname\" is restricted"]),
        RestrictionCase(key: "karpenter.k8s.aws/instance-family", context: .nodePool, messages: []),
        RestrictionCase(
            key: "karpenter.k8s.aws/instance-pods", context: .nodePool,
            messages: ["label domain \"karpenter.k8s.aws\" is restricted"]),
        RestrictionCase(key: "karpenter.k8s.aws/placement-group-id", context: .nodeClaim, messages: []),
        RestrictionCase(
            key: "karpenter.k8s.aws/placement-group-id", context: .nodeOverlay,
            messages: ["label domain \"karpenter.k8s.aws\" is restricted"]),
        RestrictionCase(key: "topology.kubernetes.io/zone", context: .nodeOverlay, messages: []),
        RestrictionCase(key: "example.com/team", context: .nodePool, messages: []),
    ]

    @Test("Restrictions follow the CEL rules", arguments: restrictionCases)
    func restrictions(_ testCase: RestrictionCase) {
        let label = WellKnownLabel(rawValue: testCase.key)
        #expect(label.restrictions(in: testCase.context).map(\.description) == testCase.messages)
        #expect(label.isRestricted(in: testCase.context) == !testCase.messages.isEmpty)
    }

    @Test("Prefix, name and deprecated aliases")
    func parts() {
        #expect(WellKnownLabel.instanceGPUCount.prefix == "karpenter.k8s.aws")
        #expect(WellKnownLabel.instanceGPUCount.name == "instance-gpu-count")
        #expect(WellKnownLabel(rawValue: "plain").prefix == nil)
        #expect(WellKnownLabel(rawValue: "plain").name == "plain")
        #expect(WellKnownLabel.betaZone.normalized == .zone)
        #expect(WellKnownLabel.betaInstanceType.normalized == .instanceType)
        #expect(WellKnownLabel.zone.normalized == .zone)
    }
}
