import KubeAWS
import KubeFlux
import KubeModels

/// Objects (nodes `0..<objectCount`) and component barriers (the rest), with "must come
/// before" edges; sorted by Kahn's algorithm, always taking the ready node with the smallest
/// key, so the order depends only on the graph and the keys.
struct DependencyGraph {
    private(set) var names: [String] = []
    private var keys: [ObjectKey?] = []
    private var successors: [[Int]] = []
    private var predecessors: [[Int]] = []
    private var edgeSet: Set<Edge> = []

    private struct Edge: Hashable {
        var from: Int
        var to: Int
    }

    /// How objects order when nothing else decides: stage, rank among custom resources, identity.
    struct ObjectKey: Comparable {
        var phase: ApplyPhase
        var customRank: Int
        var identity: ResourceIdentity

        static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
            if lhs.phase != rhs.phase { return lhs.phase < rhs.phase }
            if lhs.customRank != rhs.customRank { return lhs.customRank < rhs.customRank }
            return lhs.identity < rhs.identity
        }

        init(_ identity: ResourceIdentity) {
            self.identity = identity
            phase = ApplyPhase.of(group: identity.group, kind: identity.kind)
            customRank =
                phase == .customResources ? ApplyPhase.customRank(group: identity.group, kind: identity.kind) : 0
        }
    }

    var count: Int { names.count }

    /// The nodes that must come before `node`.
    func predecessors(of node: Int) -> [Int] { predecessors[node] }

    /// The nodes that must come after `node`.
    func successors(of node: Int) -> [Int] { successors[node] }

    /// Adds an object node and returns its index.
    @discardableResult
    mutating func addObject(_ identity: ResourceIdentity) -> Int {
        append(name: identity.description, key: ObjectKey(identity))
    }

    /// Adds a barrier node (for a component) and returns its index.
    mutating func addBarrier(name: String) -> Int {
        append(name: name, key: nil)
    }

    private mutating func append(name: String, key: ObjectKey?) -> Int {
        names.append(name)
        keys.append(key)
        successors.append([])
        predecessors.append([])
        return names.count - 1
    }

    /// `from` must come before `to`.
    mutating func addEdge(from: Int, to: Int) {
        guard edgeSet.insert(Edge(from: from, to: to)).inserted else { return }
        successors[from].append(to)
        predecessors[to].append(from)
    }

    /// Whether `a` sorts before `b` when both are ready: barriers first, then by key.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        switch (keys[a], keys[b]) {
        case (nil, nil): return (names[a], a) < (names[b], b)
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }

    /// Every node, dependencies first.
    ///
    /// - Throws: ``KubeDSLError/dependencyCycle(_:)`` naming one cycle.
    func sorted() throws -> [Int] {
        var inDegree = predecessors.map(\.count)
        var heap = PriorityHeap(less: precedes)
        for node in 0..<count where inDegree[node] == 0 { heap.push(node) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while let node = heap.pop() {
            order.append(node)
            for next in successors[node] {
                inDegree[next] -= 1
                if inDegree[next] == 0 { heap.push(next) }
            }
        }
        if order.count < count {
            throw KubeDSLError.dependencyCycle(cycle(remaining: inDegree))
        }
        return order
    }

    /// One cycle among the nodes that could not be sorted, as names, first repeated at the end.
    private func cycle(remaining inDegree: [Int]) -> [String] {
        let stuck = (0..<count).filter { inDegree[$0] > 0 }
        guard var current = stuck.min(by: precedes) else { return [] }
        var path: [Int] = []
        var position: [Int: Int] = [:]
        while position[current] == nil {
            position[current] = path.count
            path.append(current)
            let candidates = predecessors[current].filter { inDegree[$0] > 0 }
            guard let next = candidates.min(by: precedes) else { break }
            current = next
        }
        guard let start = position[current] else { return path.map { names[$0] } }
        var loop = Array(path[start...].reversed())
        // Start the cycle at its smallest node, so the message does not depend on where the
        // search began.
        if let smallest = loop.indices.min(by: { precedes(loop[$0], loop[$1]) }) {
            loop = Array(loop[smallest...] + loop[..<smallest])
        }
        return (loop + [loop[0]]).map { names[$0] }
    }

    /// The "must exist first" relations that follow from the objects themselves: a Namespace
    /// before the objects in it, a CRD before objects of its kind, an EC2NodeClass before the
    /// NodePools and NodeClaims that use it, a Flux source before what reads from it.
    static func impliedEdges(_ manifests: [Manifest], identities: [ResourceIdentity]) -> [(Int, Int)] {
        var index: [ResourceIdentity: Int] = [:]
        for (offset, identity) in identities.enumerated() { index[identity] = offset }
        var definitions: [String: Int] = [:]
        for (offset, manifest) in manifests.enumerated() {
            if let crd = manifest.as(CustomResourceDefinition.self) {
                definitions[crd.spec.group + "/" + crd.spec.names.kind] = offset
            }
        }
        var edges: [(Int, Int)] = []
        func link(_ target: ResourceIdentity, to dependent: Int) {
            if let source = index[target], source != dependent { edges.append((source, dependent)) }
        }
        for (offset, manifest) in manifests.enumerated() {
            let identity = identities[offset]
            if let namespace = identity.namespace {
                link(ResourceIdentity(group: "", kind: "Namespace", name: namespace), to: offset)
            }
            if let definition = definitions[identity.group + "/" + identity.kind], definition != offset {
                edges.append((definition, offset))
            }
            for reference in references(of: manifest) { link(reference, to: offset) }
        }
        return edges
    }

    /// Objects that `manifest` cannot work without, from its typed reference fields.
    private static func references(of manifest: Manifest) -> [ResourceIdentity] {
        guard let resource = manifest.resource else { return [] }
        let namespace = manifest.namespace
        switch resource {
        case let pool as NodePool:
            let ref = pool.spec.template.spec.nodeClassRef
            return [ResourceIdentity(group: ref.group, kind: ref.kind, name: ref.name)]
        case let claim as NodeClaim:
            let ref = claim.spec.nodeClassRef
            return [ResourceIdentity(group: ref.group, kind: ref.kind, name: ref.name)]
        case let kustomization as Kustomization:
            guard let source = kustomization.spec?.sourceRef else { return [] }
            return [
                ResourceIdentity(
                    group: "source.toolkit.fluxcd.io", kind: source.kind.rawValue,
                    namespace: source.namespace ?? namespace, name: source.name)
            ]
        case let release as HelmRelease:
            var found: [ResourceIdentity] = []
            if let source = release.spec?.chart?.spec.sourceRef {
                found.append(
                    ResourceIdentity(
                        group: "source.toolkit.fluxcd.io", kind: source.kind.rawValue,
                        namespace: source.namespace ?? namespace, name: source.name))
            }
            if let ref = release.spec?.chartRef {
                found.append(
                    ResourceIdentity(
                        group: "source.toolkit.fluxcd.io", kind: ref.kind.rawValue,
                        namespace: ref.namespace ?? namespace, name: ref.name))
            }
            return found
        default:
            return []
        }
    }
}
