import KubeModels

/// The realistic Deployments every suite measures: two containers with probes, resources,
/// security contexts, env and volume mounts, plus volumes, tolerations and affinity.
enum Workload {
    static func deployment(_ index: Int) -> Deployment {
        let name = "service-\(index)"
        let labels = ["app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "shop", "tier": index % 2 == 0 ? "web" : "api"]
        let security = SecurityContext(
            allowPrivilegeEscalation: false, capabilities: Capabilities(drop: ["ALL"]), readOnlyRootFilesystem: true,
            runAsNonRoot: true, runAsUser: 10001, seccompProfile: SeccompProfile(type: .runtimeDefault))
        let app = Container(
            name: "app",
            env: [
                EnvVar(name: "LOG_LEVEL", value: "info"),
                EnvVar(name: "PORT", value: "8080"),
                EnvVar(name: "DATABASE_URL", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "\(name)-db", key: "url"))),
                EnvVar(name: "POD_NAME", valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.name"))),
            ],
            image: "registry.example.com/shop/\(name):1.\(index % 50).\(index % 7)",
            imagePullPolicy: .ifNotPresent,
            livenessProbe: Probe(httpGet: HTTPGetAction(path: "/health", port: "http"), initialDelaySeconds: 10, periodSeconds: 10),
            ports: [ContainerPort(name: "http", containerPort: 8080, protocol: .tcp), ContainerPort(name: "metrics", containerPort: 9090)],
            readinessProbe: Probe(httpGet: HTTPGetAction(path: "/ready", port: "http"), periodSeconds: 5),
            resources: ResourceRequirements(
                limits: ["cpu": "1", "memory": "512Mi"], requests: ["cpu": "250m", "memory": "256Mi"]),
            securityContext: security,
            volumeMounts: [
                VolumeMount(name: "config", mountPath: "/etc/\(name)", readOnly: true),
                VolumeMount(name: "tmp", mountPath: "/tmp"),
            ])
        let sidecar = Container(
            name: "proxy",
            args: ["--listen=:15001", "--upstream=127.0.0.1:8080", "--log-format=json"],
            image: "registry.example.com/mesh/proxy:2.4.1",
            livenessProbe: Probe(tcpSocket: TCPSocketAction(port: 15001)),
            ports: [ContainerPort(name: "proxy", containerPort: 15001)],
            resources: ResourceRequirements(limits: ["memory": "128Mi"], requests: ["cpu": "50m", "memory": "64Mi"]),
            securityContext: security)
        return Deployment(
            name: name, namespace: "shop", labels: labels,
            spec: DeploymentSpec(
                replicas: Int32(2 + index % 3),
                selector: LabelSelector(matching: ["app.kubernetes.io/name": name]),
                strategy: DeploymentStrategy(rollingUpdate: RollingUpdateDeployment(maxSurge: "25%", maxUnavailable: 0), type: .rollingUpdate),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(annotations: ["prometheus.io/scrape": "true", "prometheus.io/port": "9090"], labels: labels),
                    spec: PodSpec(
                        affinity: Affinity(podAntiAffinity: PodAntiAffinity(preferredDuringSchedulingIgnoredDuringExecution: [
                            WeightedPodAffinityTerm(
                                podAffinityTerm: PodAffinityTerm(
                                    labelSelector: LabelSelector(matching: ["app.kubernetes.io/name": name]),
                                    topologyKey: "kubernetes.io/hostname"),
                                weight: 100)
                        ])),
                        containers: [app, sidecar],
                        securityContext: PodSecurityContext(fsGroup: 10001, runAsNonRoot: true),
                        serviceAccountName: name,
                        tolerations: [Toleration(effect: .noSchedule, key: "workload", operator: .equal, value: "general")],
                        volumes: [
                            Volume(name: "config", configMap: ConfigMapVolumeSource(name: "\(name)-config")),
                            Volume(name: "tmp", emptyDir: EmptyDirVolumeSource(sizeLimit: "64Mi")),
                        ]))))
    }

    static func deployments(_ count: Int) -> [Deployment] {
        (0..<count).map(deployment)
    }
}
