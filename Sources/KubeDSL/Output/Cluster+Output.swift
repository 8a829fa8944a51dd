import Foundation
import KubeModels

extension Cluster {
    /// The files of a layout, as relative path → contents, rendered for the given environments
    /// (all, by default). Nothing is written.
    ///
    /// - Throws: any render error (see ``render(for:options:)``); no partial result is returned.
    public func files(
        _ layout: Layout, environments selected: [Environment]? = nil, options: RenderOptions = RenderOptions(),
        serializer: any ManifestSerializer = FoundationSerializer()
    ) throws -> [String: String] {
        try environments.checkUnique()
        let renders = try (selected ?? environments.environments).map { try render(for: $0, options: options) }
        return try LayoutRenderer.files(layout, renders: renders, clusterName: name, serializer: serializer)
    }

    /// Renders a layout and replaces `directory` with it, atomically (see ``OutputDirectory``).
    ///
    /// Every environment is rendered (and validated, when ``RenderOptions/validator`` is set)
    /// before anything is written; when any step fails the previous output is unchanged.
    public func write(
        _ layout: Layout, to directory: URL, environments selected: [Environment]? = nil,
        options: RenderOptions = RenderOptions(), serializer: any ManifestSerializer = FoundationSerializer()
    ) throws {
        let output = try files(layout, environments: selected, options: options, serializer: serializer)
        try OutputDirectory.write(output, to: directory)
    }
}

extension RenderedCluster {
    /// The objects as one YAML stream, in apply order.
    public func yaml(serializer: any ManifestSerializer = FoundationSerializer()) throws -> String {
        try serializer.yaml(manifests)
    }

    /// The objects as JSON, one object per line, in apply order.
    public func json(serializer: any ManifestSerializer = FoundationSerializer()) throws -> String {
        try serializer.json(manifests)
    }

    /// The files of a layout for this rendering alone.
    public func files(_ layout: Layout, serializer: any ManifestSerializer = FoundationSerializer()) throws -> [String:
        String]
    {
        try LayoutRenderer.files(layout, renders: [self], clusterName: name, serializer: serializer)
    }
}
