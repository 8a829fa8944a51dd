import KubeModels
import KubeValidation

/// Walks content, applies modifiers, orders the objects and runs the validator.
enum Renderer {
    struct Item {
        var manifest: Manifest
        var layer: FluxLayer?
        var components: [String]
    }

    struct GroupRecord {
        var label: String
        var ids: [ComponentID]
        var dependencies: [DependencyTarget]
        var range: Range<Int>
        var scope: String

        /// The name used for the group in messages: its most specific identifier.
        var displayName: String {
            ids.last?.description ?? "component \"\(label)\""
        }
    }

    struct Collector {
        var items: [Item] = []
        var groups: [GroupRecord] = []

        mutating func visit(_ nodes: ClusterContent, path: [String]) throws {
            for node in nodes {
                switch node.storage {
                case .manifest(let manifest):
                    items.append(Item(manifest: manifest, layer: nil, components: path))
                case .failure(let error):
                    throw error
                case .group(let group):
                    let start = items.count
                    let groupPath = path + [group.label]
                    try visit(group.children, path: groupPath)
                    let range = start..<items.count
                    let scope = groupPath.joined(separator: " > ")
                    for modifier in group.modifiers {
                        try apply(modifier, to: range, scope: scope)
                    }
                    if let layer = group.layer {
                        for index in range where items[index].layer == nil { items[index].layer = layer }
                    }
                    groups.append(
                        GroupRecord(
                            label: group.label, ids: group.ids, dependencies: group.dependencies, range: range,
                            scope: scope))
                }
            }
        }

        private mutating func apply(_ modifier: Modifier, to range: Range<Int>, scope: String) throws {
            switch modifier {
            case .namespace(let namespace):
                for index in range {
                    try Scoping.setNamespace(namespace, on: &items[index].manifest, scope: scope)
                }
            case .labels(let labels, let propagation):
                for index in range {
                    Scoping.addLabels(labels, to: &items[index].manifest, propagation: propagation)
                }
            case .annotations(let annotations, let propagation):
                for index in range {
                    Scoping.addAnnotations(annotations, to: &items[index].manifest, propagation: propagation)
                }
            case .namePrefix(let prefix):
                try rename(range) { prefix + $0 }
            case .nameSuffix(let suffix):
                try rename(range) { $0 + suffix }
            case .patch(let patch):
                var matched = 0
                for index in range where try patch.apply(&items[index].manifest) {
                    matched += 1
                }
                if matched == 0, !patch.allowNoMatch {
                    throw KubeDSLError.patchMatchedNothing(patch: patch.description, scope: scope)
                }
            }
        }

        private mutating func rename(_ range: Range<Int>, _ newName: (String) -> String) throws {
            var renames: [ResourceIdentity: String] = [:]
            for index in range {
                let manifest = items[index].manifest
                let identity = ResourceIdentity(manifest)
                guard Scoping.isRenamable(identity), !identity.name.isEmpty else { continue }
                let name = newName(identity.name)
                var renamed = identity
                renamed.name = name
                let limit = NameLimit.forKind(identity.kind, group: identity.group)
                guard name.utf8.count <= limit.maxLength else {
                    throw KubeDSLError.nameTooLong(object: renamed, limit: limit.maxLength)
                }
                items[index].manifest.metadata.name = name
                renames[identity] = name
            }
            let rewriter = ReferenceRewriter(renames: renames)
            for index in range { rewriter.rewrite(&items[index].manifest) }
        }
    }

    /// Renders content into ordered, checked objects.
    static func render(
        _ content: ClusterContent, clusterName: String = "", environment: Environment?, options: RenderOptions
    ) throws -> RenderedCluster {
        var collector = Collector()
        try collector.visit(content, path: [])
        let items = collector.items
        let groups = collector.groups

        var identities: [ResourceIdentity] = []
        var index: [ResourceIdentity: Int] = [:]
        var graph = DependencyGraph()
        for item in items {
            let identity = ResourceIdentity(item.manifest)
            guard !identity.name.isEmpty else {
                let scope = item.components.isEmpty ? "the cluster" : item.components.joined(separator: " > ")
                throw KubeDSLError.missingName(kind: item.manifest.kind, scope: scope)
            }
            guard index[identity] == nil else { throw KubeDSLError.duplicateObject(identity) }
            index[identity] = graph.addObject(identity)
            identities.append(identity)
        }
        for (from, to) in DependencyGraph.impliedEdges(items.map(\.manifest), identities: identities) {
            graph.addEdge(from: from, to: to)
        }
        try addExplicitDependencies(groups, index: index, graph: &graph)

        let order = try graph.sorted()
        let layers = fluxLayers(items: items, identities: identities, graph: graph, order: order)
        let objects = order.filter { $0 < items.count }.map { offset in
            RenderedObject(
                manifest: items[offset].manifest, identity: identities[offset],
                phase: ApplyPhase.of(group: identities[offset].group, kind: identities[offset].kind),
                fluxLayer: layers[offset], components: items[offset].components)
        }
        var rendered = RenderedCluster(name: clusterName, environment: environment, objects: objects)
        if let configuration = options.validation {
            let diagnostics = Validator(configuration: configuration).validate(rendered.manifests)
            rendered.diagnostics = diagnostics
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                let report = TextFormatter(minimumSeverity: .error).format(errors)
                guard options.keepInvalidOutput else { throw KubeDSLError.validationFailed(report) }
                rendered.validationErrors.append(report)
            }
        }
        if let validator = options.validator {
            do {
                try validator.validate(rendered.manifests)
            } catch {
                guard options.keepInvalidOutput else { throw KubeDSLError.validationFailed(String(describing: error)) }
                rendered.validationErrors.append(String(describing: error))
            }
        }
        return rendered
    }

    private static func addExplicitDependencies(
        _ groups: [GroupRecord], index: [ResourceIdentity: Int], graph: inout DependencyGraph
    ) throws {
        var groupsByID: [ComponentID: [Int]] = [:]
        for (offset, group) in groups.enumerated() {
            for id in Set(group.ids) { groupsByID[id, default: []].append(offset) }
        }
        var barriers: [Int: Int] = [:]
        for group in groups {
            for target in group.dependencies {
                switch target {
                case .component(let id):
                    guard let targets = groupsByID[id], !targets.isEmpty else {
                        throw KubeDSLError.unknownDependency(from: group.displayName, target: id.description)
                    }
                    for targetGroup in targets {
                        let barrier: Int
                        if let existing = barriers[targetGroup] {
                            barrier = existing
                        } else {
                            barrier = graph.addBarrier(name: groups[targetGroup].displayName)
                            barriers[targetGroup] = barrier
                            for member in groups[targetGroup].range { graph.addEdge(from: member, to: barrier) }
                        }
                        for member in group.range { graph.addEdge(from: barrier, to: member) }
                    }
                case .object(let identity):
                    guard let source = index[identity] else {
                        throw KubeDSLError.unknownDependency(from: group.displayName, target: identity.description)
                    }
                    for member in group.range { graph.addEdge(from: source, to: member) }
                }
            }
        }
    }

    /// Each object's Flux stage: the one set on it, or the default of its kind; then every
    /// object moves to the earliest stage of anything that depends on it, so nothing waits for
    /// a later stage.
    private static func fluxLayers(
        items: [Item], identities: [ResourceIdentity], graph: DependencyGraph, order: [Int]
    ) -> [FluxLayer] {
        var layers = [FluxLayer](repeating: .apps, count: graph.count)
        for offset in items.indices {
            layers[offset] = items[offset].layer ?? defaultLayer(identities[offset])
        }
        for node in order.reversed() {
            for next in graph.successors(of: node) where layers[next] < layers[node] {
                layers[node] = layers[next]
            }
        }
        return Array(layers.prefix(items.count))
    }

    /// CRDs are controllers' business; Karpenter and load-balancer settings are infrastructure
    /// configuration; everything else is an app (Namespaces move to the earliest stage using them).
    static func defaultLayer(_ identity: ResourceIdentity) -> FluxLayer {
        switch (identity.group, identity.kind) {
        case ("apiextensions.k8s.io", _): return .infrastructureControllers
        case ("karpenter.sh", _), ("karpenter.k8s.aws", _), ("elbv2.k8s.aws", "IngressClassParams"):
            return .infrastructureConfigs
        default: return .apps
        }
    }
}
