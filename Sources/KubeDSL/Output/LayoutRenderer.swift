import KubeFlux
import KubeModels
import KubeSerialization

/// Produces the files of a layout in memory (relative path → contents), so that nothing touches
/// the disk until everything has rendered.
enum LayoutRenderer {
    static func files(
        _ layout: Layout, renders: [RenderedCluster], clusterName: String, serializer: any ManifestSerializer
    ) throws -> [String: String] {
        var files: [String: String] = [:]
        switch layout {
        case .stream:
            for render in renders {
                files[environmentName(render) + ".yaml"] = try serializer.yaml(render.manifests)
            }
        case .json:
            for render in renders {
                files[environmentName(render) + ".json"] = try serializer.json(render.manifests)
            }
        case .files:
            for render in renders {
                let width = max(3, String(render.objects.count).count)
                for (offset, object) in render.objects.enumerated() {
                    let number = String(offset + 1)
                    let prefix = String(repeating: "0", count: width - number.count) + number
                    files[environmentName(render) + "/" + prefix + "_" + fileStem(object.identity) + ".yaml"] =
                        try serializer.yaml([object.manifest])
                }
            }
        case .kustomize:
            files = try kustomizeTree(
                renders, baseDirectory: "base", overlayDirectory: { "overlays/\($0)" }, serializer: serializer)
        case .flux(let options):
            files = try fluxRepository(renders, clusterName: clusterName, options: options, serializer: serializer)
        }
        return files
    }

    static func environmentName(_ render: RenderedCluster) -> String {
        render.environment?.name ?? Environment.default.name
    }

    /// `deployment_ml_api`, `nodepool.karpenter.sh_gpu`: unique per identity, because names and
    /// namespaces never contain `_`.
    static func fileStem(_ identity: ResourceIdentity) -> String {
        let kind =
            ResourceIdentity.builtInGroups.contains(identity.group)
            ? identity.kind : identity.kind + "." + identity.group
        return ([kind.lowercased()] + (identity.namespace.map { [$0] } ?? []) + [identity.name]).joined(separator: "_")
    }

    // MARK: - Kustomize

    private static let kustomizeAPIVersion: JSONValue = "kustomize.config.k8s.io/v1beta1"

    /// A base with what all renders share and one overlay per render with the rest.
    static func kustomizeTree(
        _ renders: [RenderedCluster], baseDirectory: String, overlayDirectory: (String) -> String,
        serializer: any ManifestSerializer
    ) throws -> [String: String] {
        var files: [String: String] = [:]
        var values: [[ResourceIdentity: JSONValue]] = []
        var order: [ResourceIdentity] = []
        var seen: Set<ResourceIdentity> = []
        for render in renders {
            var map: [ResourceIdentity: JSONValue] = [:]
            for object in render.objects {
                map[object.identity] = try object.manifest.jsonTree()
                if seen.insert(object.identity).inserted { order.append(object.identity) }
            }
            values.append(map)
        }

        var shared: [ResourceIdentity: JSONValue] = [:]
        for identity in order {
            let all = values.compactMap { $0[identity] }
            guard all.count == renders.count, let common = JSONPatch.common(all), isUsableBase(common) else { continue }
            shared[identity] = common
        }

        var baseResources: [JSONValue] = []
        for identity in order {
            guard let value = shared[identity] else { continue }
            let file = fileStem(identity) + ".yaml"
            files[baseDirectory + "/" + file] = try JSONStyleYAML.document(value)
            baseResources.append(.string(file))
        }
        files[baseDirectory + "/kustomization.yaml"] = try JSONStyleYAML.document([
            "apiVersion": kustomizeAPIVersion, "kind": "Kustomization", "resources": .array(baseResources),
        ])

        for (offset, render) in renders.enumerated() {
            let directory = overlayDirectory(environmentName(render))
            var resources: [JSONValue] = [.string(relativePath(from: directory, to: baseDirectory))]
            var patches: [JSONValue] = []
            for object in render.objects {
                let identity = object.identity
                let stem = fileStem(identity)
                guard let value = values[offset][identity] else { continue }
                if let base = shared[identity] {
                    let operations = JSONPatch.operations(from: base, to: value)
                    guard !operations.isEmpty else { continue }
                    let path = "patches/" + stem + ".yaml"
                    files[directory + "/" + path] = try JSONStyleYAML.document(.array(operations))
                    patches.append(["path": .string(path), "target": target(identity, value)])
                } else {
                    files[directory + "/" + stem + ".yaml"] = try serializer.yaml([object.manifest])
                    resources.append(.string(stem + ".yaml"))
                }
            }
            var kustomization: [String: JSONValue] = [
                "apiVersion": kustomizeAPIVersion, "kind": "Kustomization", "resources": .array(resources),
            ]
            if !patches.isEmpty { kustomization["patches"] = .array(patches) }
            files[directory + "/kustomization.yaml"] = try JSONStyleYAML.document(.object(kustomization))
        }
        return files
    }

    /// A shared part can stand alone as a base resource only if Kustomize can identify it.
    private static func isUsableBase(_ value: JSONValue) -> Bool {
        value["apiVersion"]?.stringValue != nil && value["kind"]?.stringValue != nil
            && value["metadata"]?["name"]?.stringValue != nil
    }

    /// A Kustomize patch target that selects exactly one object.
    private static func target(_ identity: ResourceIdentity, _ value: JSONValue) -> JSONValue {
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
        var target: [String: JSONValue] = [
            "group": .string(identity.group), "version": .string(version), "kind": .string(identity.kind),
            "name": .string(identity.name),
        ]
        if let namespace = identity.namespace { target["namespace"] = .string(namespace) }
        return .object(target)
    }

    /// The relative path from one directory of the tree to another.
    static func relativePath(from directory: String, to other: String) -> String {
        let from = directory.split(separator: "/")
        let to = other.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to[common...].map(String.init)).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    // MARK: - Flux

    static func fluxDirectory(_ layer: FluxLayer) -> String {
        switch layer {
        case .infrastructureControllers: return "infrastructure/controllers"
        case .infrastructureConfigs: return "infrastructure/configs"
        case .apps: return "apps"
        }
    }

    /// A cluster's directory name: the environment's, or the cluster's own for the `default`
    /// environment of a cluster that declares none.
    static func fluxClusterDirectory(environment: String, clusterName: String) -> String {
        environment == Environment.default.name ? clusterName : environment
    }

    static func fluxRepository(
        _ renders: [RenderedCluster], clusterName: String, options: FluxOptions, serializer: any ManifestSerializer
    ) throws -> [String: String] {
        var files: [String: String] = [:]
        let layers = FluxLayer.allCases.filter { layer in
            renders.contains { $0.objects.contains { $0.fluxLayer == layer } }
        }
        for layer in layers {
            let subset = renders.map { render in
                RenderedCluster(
                    name: render.name, environment: render.environment,
                    objects: render.objects.filter { $0.fluxLayer == layer })
            }
            let directory = fluxDirectory(layer)
            let tree = try kustomizeTree(
                subset, baseDirectory: directory + "/base",
                overlayDirectory: { directory + "/" + fluxClusterDirectory(environment: $0, clusterName: clusterName) },
                serializer: serializer)
            files.merge(tree) { _, new in new }
        }
        for render in renders {
            let clusterDirectory = fluxClusterDirectory(environment: environmentName(render), clusterName: clusterName)
            var previous: FluxLayer?
            for layer in layers {
                var spec = Kustomization.Spec(
                    interval: options.interval,
                    path: options.rootPath + "/" + fluxDirectory(layer) + "/" + clusterDirectory,
                    prune: options.prune, sourceRef: .init(name: options.sourceName, kind: .gitRepository))
                spec.retryInterval = options.retryInterval
                spec.timeout = options.timeout
                spec.wait = true
                if let previous { spec.dependsOn = [.init(name: previous.rawValue)] }
                let kustomization = Kustomization(name: layer.rawValue, namespace: options.namespace, spec: spec)
                files["clusters/" + clusterDirectory + "/" + layer.rawValue + ".yaml"] =
                    try serializer.yaml([Manifest(kustomization)])
                previous = layer
            }
        }
        return files
    }
}
