import KubeModels

/// Sorts objects into an order that works on an empty cluster.
///
/// The order follows ``ApplyPhase`` (Namespaces and CRDs, cluster policy, configuration,
/// Services, workloads, autoscaling/disruption/network policy, custom resources) and the
/// relations implied by the objects (a Namespace before what is in it, a CRD before objects of
/// its kind, an EC2NodeClass before the NodePools using it, a Flux source before its
/// consumers), plus any explicit dependencies. Ties break by group, kind, namespace and name,
/// so shuffled input sorts the same.
public enum ApplyOrder {
    /// The objects in apply order.
    ///
    /// - Parameters:
    ///   - manifests: the objects; each identity must be unique.
    ///   - dependencies: for an object, the objects that must come before it.
    /// - Throws: ``KubeDSLError/duplicateObject(_:)``, ``KubeDSLError/unknownDependency(from:target:)``,
    ///   or ``KubeDSLError/dependencyCycle(_:)`` naming the cycle.
    public static func sorted(
        _ manifests: [Manifest], dependencies: [ResourceIdentity: [ResourceIdentity]] = [:]
    ) throws -> [Manifest] {
        let identities = manifests.map(ResourceIdentity.init)
        var graph = DependencyGraph()
        var index: [ResourceIdentity: Int] = [:]
        for identity in identities {
            guard index[identity] == nil else { throw KubeDSLError.duplicateObject(identity) }
            index[identity] = graph.addObject(identity)
        }
        for (from, to) in DependencyGraph.impliedEdges(manifests, identities: identities) {
            graph.addEdge(from: from, to: to)
        }
        for (dependent, targets) in dependencies.sorted(by: { $0.key < $1.key }) {
            guard let dependentIndex = index[dependent] else {
                throw KubeDSLError.unknownDependency(from: "the dependency list", target: dependent.description)
            }
            for target in targets {
                guard let targetIndex = index[target] else {
                    throw KubeDSLError.unknownDependency(from: dependent.description, target: target.description)
                }
                graph.addEdge(from: targetIndex, to: dependentIndex)
            }
        }
        return try graph.sorted().map { manifests[$0] }
    }

    /// The stage of an object.
    public static func phase(of manifest: Manifest) -> ApplyPhase {
        ApplyPhase.of(group: manifest.typeMeta.group, kind: manifest.kind)
    }
}
