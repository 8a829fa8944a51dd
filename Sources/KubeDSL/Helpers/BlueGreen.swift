import KubeModels

/// A blue-green deployment: two copies of a Deployment that differ by a color label, and a
/// Service whose selector picks the live color.
///
/// Switching traffic is a one-word change (`live: .green`) that only touches the Service
/// selector, which is mutable; the Deployments' selectors include the color from the start,
/// so they never change.
///
/// ```swift
/// BlueGreen(apiGateway, live: .blue, images: [.blue: "erp/api-gateway:1.8", .green: "erp/api-gateway:1.9"],
///           serviceName: "api-gateway-service")
/// ```
public struct BlueGreen: Component, Sendable {
    /// The Deployment both tracks are made from.
    public var deployment: Deployment
    /// The color the Service sends traffic to.
    public var live: DeploymentColor
    /// Each track's image for the first container; tracks without one keep the template's.
    public var images: [DeploymentColor: String]
    /// The Service's name (the Deployment's name by default).
    public var serviceName: String?
    /// The label key that carries the color.
    public var colorLabel: String
    /// Replicas of the idle track; `nil` keeps the template's count, ready for an instant switch.
    public var idleReplicas: Int32?

    /// Creates a blue-green pair.
    public init(
        _ deployment: Deployment, live: DeploymentColor, images: [DeploymentColor: String] = [:],
        serviceName: String? = nil, colorLabel: String = "color", idleReplicas: Int32? = nil
    ) {
        self.deployment = deployment
        self.live = live
        self.images = images
        self.serviceName = serviceName
        self.colorLabel = colorLabel
        self.idleReplicas = idleReplicas
    }

    /// The Deployment of one track: named `<name>-<color>`, with the color label on its
    /// metadata, selector and pod template.
    public func track(_ color: DeploymentColor) -> Deployment {
        var copy = deployment
        copy.metadata.name = GeneratedName.make([deployment.name, color.rawValue], limit: .dnsSubdomain)
        copy.metadata.labels = (copy.metadata.labels ?? [:]).merging([colorLabel: color.rawValue]) { _, new in new }
        copy.spec.selector.matchLabels = (copy.spec.selector.matchLabels ?? [:]).merging([colorLabel: color.rawValue]) {
            _, new in new
        }
        var template = copy.spec.template
        var meta = template.metadata ?? ObjectMeta()
        meta.labels = (meta.labels ?? [:]).merging([colorLabel: color.rawValue]) { _, new in new }
        template.metadata = meta
        if let image = images[color], var spec = template.spec, !spec.containers.isEmpty {
            spec.containers[0].image = image
            template.spec = spec
        }
        copy.spec.template = template
        if color != live, let idleReplicas { copy.spec.replicas = idleReplicas }
        return copy
    }

    /// The Service, selecting the live track.
    public func service() throws -> Service {
        var service = try Service.exposing(track(live), name: serviceName ?? deployment.name)
        service.metadata.labels = deployment.metadata.labels
        return service
    }

    /// Both tracks and the Service.
    public var body: ClusterContent {
        get throws {
            track(.blue)
            track(.green)
            try service()
        }
    }
}

extension Service {
    /// The Service with its selector switched to `color`: the blue-green cut-over (and rollback).
    public func switching(to color: DeploymentColor, colorLabel: String = "color") -> Service {
        var copy = self
        var spec = copy.spec ?? ServiceSpec()
        spec.selector = (spec.selector ?? [:]).merging([colorLabel: color.rawValue]) { _, new in new }
        copy.spec = spec
        return copy
    }
}
