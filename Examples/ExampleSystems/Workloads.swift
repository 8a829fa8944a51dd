import KubeKit

/// Building blocks the example systems share: hardened containers and pod specs, HTTP probes,
/// and Karpenter capacity. A team would keep helpers like these in its own package, next to
/// its components.
public enum Workloads {
    /// The label that names an application's pods and is the selector of its workloads.
    public static let nameLabel = "app.kubernetes.io/name"

    /// An HTTP GET probe on a named container port.
    public static func httpProbe(_ path: String, port: String = "http", delay: Int32, period: Int32 = 10) -> Probe {
        Probe(
            httpGet: HTTPGetAction(path: path, port: .string(port)), initialDelaySeconds: delay,
            periodSeconds: period, timeoutSeconds: 2)
    }

    /// A container that runs as a non-root user with a read-only root filesystem, no privilege
    /// escalation and every capability dropped; it writes only to `/tmp` (see ``podSpec(_:serviceAccount:callsAPI:user:volumes:restartPolicy:)``).
    ///
    /// - Parameters:
    ///   - name: the container's name.
    ///   - image: the image, pinned to a tag.
    ///   - port: the container port named `http`, or `nil` for a container that serves nothing.
    ///   - requests: cpu and memory requested.
    ///   - limits: limits; the memory request by default (cpu is left unlimited).
    ///   - probes: the liveness and readiness paths on the `http` port, when `port` is set.
    public static func container(
        _ name: String, image: String, port: Int32? = 8080, requests: [String: Quantity],
        limits: [String: Quantity]? = nil, probes: (liveness: String, readiness: String)? = ("/health", "/ready"),
        env: [EnvVar]? = nil, envFrom: [EnvFromSource]? = nil, volumeMounts: [VolumeMount] = []
    ) -> Container {
        let serves = port != nil && probes != nil
        return Container(
            name: name, env: env, envFrom: envFrom, image: image, imagePullPolicy: .ifNotPresent,
            livenessProbe: serves ? probes.map { httpProbe($0.liveness, delay: 15) } : nil,
            ports: port.map { [ContainerPort(name: "http", containerPort: $0)] },
            readinessProbe: serves ? probes.map { httpProbe($0.readiness, delay: 5, period: 5) } : nil,
            resources: ResourceRequirements(
                limits: limits ?? requests.filter { $0.key == "memory" }, requests: requests),
            securityContext: SecurityContext(
                allowPrivilegeEscalation: false, capabilities: Capabilities(drop: [.all]), readOnlyRootFilesystem: true,
                runAsNonRoot: true),
            volumeMounts: [VolumeMount(name: "tmp", mountPath: "/tmp")] + volumeMounts)
    }

    /// A pod spec for hardened containers: a numeric non-root user, the RuntimeDefault seccomp
    /// profile, a writable `/tmp`, and a Kubernetes API token only for pods that call the API.
    public static func podSpec(
        _ containers: [Container], serviceAccount: String? = nil, callsAPI: Bool = false, user: Int64 = 10001,
        volumes: [Volume] = [], restartPolicy: RestartPolicy? = nil
    ) -> PodSpec {
        PodSpec(
            automountServiceAccountToken: callsAPI, containers: containers, restartPolicy: restartPolicy,
            securityContext: PodSecurityContext(
                fsGroup: user, runAsGroup: user, runAsNonRoot: true, runAsUser: user,
                seccompProfile: SeccompProfile(type: .runtimeDefault)),
            serviceAccountName: serviceAccount,
            volumes: [Volume(name: "tmp", emptyDir: EmptyDirVolumeSource(sizeLimit: "256Mi"))] + volumes)
    }

    /// Spreads a workload's pods over zones and nodes (best effort), so one failure never takes
    /// every replica.
    public static func spread(_ labels: [String: String]) -> [TopologySpreadConstraint] {
        ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map { key in
            TopologySpreadConstraint(
                labelSelector: LabelSelector(matchLabels: labels), maxSkew: 1, topologyKey: key,
                whenUnsatisfiable: .scheduleAnyway)
        }
    }

    /// A Deployment of one pod spec, selected by ``nameLabel``; multi-replica Deployments spread
    /// their pods.
    public static func deployment(
        _ name: String, replicas: Int32?, labels: [String: String] = [:], pod: PodSpec
    ) -> Deployment {
        let selector = [nameLabel: name]
        var pod = pod
        if (replicas ?? 2) > 1 { pod.topologySpreadConstraints = spread(selector) }
        return Deployment(
            name: name, labels: selector.merging(labels) { $1 },
            spec: DeploymentSpec(
                replicas: replicas, revisionHistoryLimit: 5, selector: LabelSelector(matchLabels: selector),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: selector.merging(labels) { $1 }), spec: pod)))
    }
}
