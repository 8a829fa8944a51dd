import Foundation
import KubeAWS
import KubeModels
import KubeSerialization
import Testing

/// Fields a CRD marks required but also gives a default may be left out: the API server applies
/// the default before it checks `required`, so the generated models must accept their absence.
@Suite struct SchemaDefaultTests {
    @Test func nodePoolBudgetWithoutNodesDecodes() throws {
        let text = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: default}
            spec:
              disruption:
                consolidateAfter: 30s
                budgets:
                  - schedule: "0 9 * * mon-fri"
                    duration: 8h
              template:
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                  requirements:
                    - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
            """
        let nodes = try ManifestReader.readAll(text, file: "nodepool.yaml")
        let manifest = try Kinds.registry.decode(try #require(nodes.first))
        let pool = try #require(manifest.as(NodePool.self))
        let budget = try #require(pool.spec.disruption?.budgets?.first)
        #expect(budget.nodes == nil)
        #expect(budget.duration == "8h")
    }
}
