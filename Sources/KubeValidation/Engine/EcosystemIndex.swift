import KubeAWS
import KubeFlux
import KubeModels
import KubeSerialization

/// A typed Karpenter, Flux or eksctl object of the input.
enum EcosystemObject {
    case nodePool(NodePool)
    case nodeClaim(NodeClaim)
    case nodeClass(EC2NodeClass)
    case nodeOverlay(NodeOverlay)
    case clusterConfig(ClusterConfig)
    case kustomization(Kustomization)
    case helmRelease(HelmRelease)
    case gitRepository(GitRepository)
    case helmRepository(HelmRepository)
    case ociRepository(OCIRepository)
    case source
    /// A document of a known kind that does not decode into its model: the rule and the reason.
    case undecodable(Rule, String)
}

/// A Flux object named by kind, namespace and name.
struct FluxKey: Hashable, Comparable, CustomStringConvertible {
    let kind: String
    let namespace: String
    let name: String

    static func < (lhs: FluxKey, rhs: FluxKey) -> Bool {
        (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
    }

    var description: String { "\(namespace)/\(name)" }
}

/// The typed Karpenter, Flux and eksctl objects of the input and the cross-resource facts about
/// them (node class names, the Flux dependency graph and its cycles), built once per run.
///
/// Objects arrive typed when the caller's registry knows the CRD kinds (the `kubekit` tool's does)
/// and as unstructured objects otherwise; the latter are decoded here, strictly, so both paths see
/// the same models.
struct EcosystemIndex {
    /// The CRD kinds this index decodes.
    static let registry = ResourceRegistry(KarpenterKinds.all + FluxKinds.all)

    /// Typed objects by their offset in the expanded input.
    private(set) var objects: [Int: EcosystemObject] = [:]
    /// Names of the EC2NodeClasses in the input.
    private(set) var nodeClassNames: Set<String> = []
    /// Flux objects in the input (Kustomizations, HelmReleases and sources), by kind, namespace and name.
    private(set) var fluxObjects: Set<FluxKey> = []
    /// For each Kustomization or HelmRelease on a `dependsOn` cycle, the cycle starting at it.
    private(set) var cycles: [FluxKey: [FluxKey]] = [:]

    init() {}

    init(documents: [IndexedDocument]) {
        var edges: [FluxKey: [FluxKey]] = [:]
        for (offset, document) in documents.enumerated() {
            guard let object = Self.typed(document.manifest) else { continue }
            objects[offset] = object
            let namespace = document.namespace ?? "default"
            let key = FluxKey(kind: document.manifest.kind, namespace: namespace, name: document.reference.name)
            switch object {
            case .nodeClass(let nodeClass):
                nodeClassNames.insert(nodeClass.metadata.name ?? "")
            case .kustomization(let value):
                fluxObjects.insert(key)
                edges[key] = (value.spec?.dependsOn ?? []).map {
                    FluxKey(kind: key.kind, namespace: $0.namespace ?? namespace, name: $0.name)
                }
            case .helmRelease(let value):
                fluxObjects.insert(key)
                edges[key] = (value.spec?.dependsOn ?? []).map {
                    FluxKey(kind: key.kind, namespace: $0.namespace ?? namespace, name: $0.name)
                }
            case .gitRepository, .helmRepository, .ociRepository, .source:
                fluxObjects.insert(key)
            default:
                continue
            }
        }
        cycles = Self.findCycles(edges)
    }

    /// The typed object of a manifest of a Karpenter, Flux or eksctl kind, or `nil` for other kinds.
    static func typed(_ manifest: Manifest) -> EcosystemObject? {
        // Most objects are core kinds: one prefix test keeps them off the casts below.
        let group = manifest.apiVersion
        guard group.hasPrefix("karpenter.") || group.hasPrefix("eksctl.io/") || group.contains(".fluxcd.io/") else {
            return nil
        }
        if let resource = manifest.resource, let object = wrap(resource) { return object }
        guard case .unstructured(let object) = manifest.content else { return nil }
        let apiVersion = object.apiVersion
        if apiVersion == ClusterConfig.apiVersion && object.kind == ClusterConfig.kind {
            do {
                return .clusterConfig(try JSONValueEncoding.decode(ClusterConfig.self, from: object.jsonValue))
            } catch {
                return .undecodable(.eksctlSchema, KubeCoding.describe(error))
            }
        }
        guard registry.type(apiVersion: apiVersion, kind: object.kind) != nil else { return nil }
        let rule: Rule = apiVersion.hasPrefix("karpenter.") ? .karpenterSchema : .fluxSchema
        do {
            let decoded = try registry.decode(object.jsonValue)
            guard let resource = decoded.resource else { return nil }
            return wrap(resource)
        } catch {
            return .undecodable(rule, "\(error)")
        }
    }

    private static func wrap(_ resource: any Resource) -> EcosystemObject? {
        switch resource {
        case let value as NodePool: return .nodePool(value)
        case let value as NodeClaim: return .nodeClaim(value)
        case let value as EC2NodeClass: return .nodeClass(value)
        case let value as NodeOverlay: return .nodeOverlay(value)
        case let value as Kustomization: return .kustomization(value)
        case let value as HelmRelease: return .helmRelease(value)
        case let value as GitRepository: return .gitRepository(value)
        case let value as HelmRepository: return .helmRepository(value)
        case let value as OCIRepository: return .ociRepository(value)
        case is Bucket, is HelmChart: return .source
        default: return nil
        }
    }

    /// Every node on a cycle, mapped to the cycle as seen from it (iterative depth-first search;
    /// each node is visited once, so the cost is linear in nodes plus edges).
    static func findCycles(_ edges: [FluxKey: [FluxKey]]) -> [FluxKey: [FluxKey]] {
        var result: [FluxKey: [FluxKey]] = [:]
        var state: [FluxKey: Int] = [:]  // 1 on the stack, 2 done
        for root in edges.keys.sorted() where state[root] == nil {
            var stack: [(node: FluxKey, next: Int)] = [(root, 0)]
            var onStack: [FluxKey] = [root]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                let node = stack[top].node
                let targets = edges[node] ?? []
                if stack[top].next < targets.count {
                    let target = targets[stack[top].next]
                    stack[top].next += 1
                    switch state[target] {
                    case nil:
                        guard edges[target] != nil else { continue }
                        state[target] = 1
                        stack.append((target, 0))
                        onStack.append(target)
                    case 1?:
                        guard let start = onStack.firstIndex(of: target) else { continue }
                        let cycle = Array(onStack[start...])
                        for (position, member) in cycle.enumerated() where result[member] == nil {
                            result[member] = Array(cycle[position...] + cycle[..<position])
                        }
                    default:
                        continue
                    }
                } else {
                    state[node] = 2
                    stack.removeLast()
                    onStack.removeLast()
                }
            }
        }
        return result
    }
}
