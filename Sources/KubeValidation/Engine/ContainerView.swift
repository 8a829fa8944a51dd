import KubeModels

/// The fields that regular, init and ephemeral containers share, seen through one type, with the
/// container's path below the pod spec. A class, so that checks pass it around without copying
/// every field.
final class ContainerView: Sendable {
    let path: [PathComponent]
    let name: String
    let image: String?
    let imagePullPolicy: ImagePullPolicy?
    let securityContext: SecurityContext?
    let ports: [ContainerPort]
    let env: [EnvVar]
    let envFrom: [EnvFromSource]
    let resources: ResourceRequirements?
    let livenessProbe: Probe?
    let readinessProbe: Probe?
    let startupProbe: Probe?
    let lifecycle: Lifecycle?
    let volumeMounts: [VolumeMount]
    let isInit: Bool
    let isSidecar: Bool
    let isEphemeral: Bool

    init(_ container: Container, isInit: Bool, path: [PathComponent]) {
        self.path = path
        name = container.name
        image = container.image
        imagePullPolicy = container.imagePullPolicy
        securityContext = container.securityContext
        ports = container.ports ?? []
        env = container.env ?? []
        envFrom = container.envFrom ?? []
        resources = container.resources
        livenessProbe = container.livenessProbe
        readinessProbe = container.readinessProbe
        startupProbe = container.startupProbe
        lifecycle = container.lifecycle
        volumeMounts = container.volumeMounts ?? []
        self.isInit = isInit
        isSidecar = isInit && container.restartPolicy?.rawValue == "Always"
        isEphemeral = false
    }

    init(_ container: EphemeralContainer, path: [PathComponent]) {
        self.path = path
        name = container.name
        image = container.image
        imagePullPolicy = container.imagePullPolicy
        securityContext = container.securityContext
        ports = container.ports ?? []
        env = container.env ?? []
        envFrom = container.envFrom ?? []
        resources = container.resources
        livenessProbe = container.livenessProbe
        readinessProbe = container.readinessProbe
        startupProbe = container.startupProbe
        lifecycle = container.lifecycle
        volumeMounts = container.volumeMounts ?? []
        isInit = false
        isSidecar = false
        isEphemeral = true
    }
}
