import KubeDSL
import KubeModels

/// Small builders for test objects.
enum Fixtures {
    static func httpProbe(_ path: String, delay: Int32, period: Int32? = nil) -> Probe {
        Probe(
            httpGet: HTTPGetAction(path: path, port: .string("http")), initialDelaySeconds: delay, periodSeconds: period
        )
    }

    static func container(
        _ name: String, image: String, port: Int32? = 8080, cpu: Quantity = "250m", memory: Quantity = "256Mi",
        limits: [String: Quantity]? = nil
    ) -> Container {
        Container(
            name: name, image: image,
            livenessProbe: port == nil ? nil : httpProbe("/health", delay: 15),
            ports: port.map { [ContainerPort(name: "http", containerPort: $0)] },
            readinessProbe: port == nil ? nil : httpProbe("/ready", delay: 5),
            resources: ResourceRequirements(
                limits: limits ?? ["memory": memory], requests: ["cpu": cpu, "memory": memory]),
            securityContext: SecurityContext(
                allowPrivilegeEscalation: false, capabilities: Capabilities(drop: ["ALL"]),
                readOnlyRootFilesystem: true, runAsNonRoot: true, seccompProfile: SeccompProfile(type: .runtimeDefault)))
    }

    static func deployment(
        _ name: String, image: String, replicas: Int32? = nil, port: Int32? = 8080, cpu: Quantity = "250m",
        memory: Quantity = "256Mi", labels: [String: String] = [:]
    ) -> Deployment {
        let selector = ["app.kubernetes.io/name": name]
        return Deployment(
            name: name, labels: selector.merging(labels) { $1 },
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: selector),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: selector.merging(labels) { $1 }),
                    spec: PodSpec(containers: [container(name, image: image, port: port, cpu: cpu, memory: memory)]))))
    }
}
