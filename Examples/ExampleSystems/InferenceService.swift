import KubeKit

/// ADR-0004's ML inference service: one model server deployed to dev, staging and prod with
/// Kustomize-style differences (1 replica and 500m CPU; 2 replicas and 1 CPU; 3 or more
/// replicas and 2 CPU), CPU autoscaling at 70 %, a disruption budget, `/health` and `/ready`
/// probes on port 8080, network policies and a Prometheus ServiceMonitor.
///
/// `swift run InferenceService --layout kustomize --output DIR` writes the base/overlays tree
/// of the ADR; `kubectl kustomize DIR/overlays/prod` builds production from it.
public enum InferenceService {
    /// What differs between the environments.
    public struct Settings: Sendable, Hashable {
        /// The fewest replicas (the autoscaler's minimum).
        public var minReplicas: Int32
        /// The most replicas the autoscaler may run.
        public var maxReplicas: Int32
        /// CPU requested (and limited) per replica.
        public var cpu: Quantity
        /// Memory requested and limited per replica.
        public var memory: Quantity
        /// The model server's image tag.
        public var imageTag: String
        /// The log level.
        public var logLevel: String

        /// Creates settings.
        public init(
            minReplicas: Int32, maxReplicas: Int32, cpu: Quantity, memory: Quantity, imageTag: String, logLevel: String
        ) {
            self.minReplicas = minReplicas
            self.maxReplicas = maxReplicas
            self.cpu = cpu
            self.memory = memory
            self.imageTag = imageTag
            self.logLevel = logLevel
        }
    }

    /// Dev, staging and production.
    public static let environments: EnvironmentTable<Settings> = [
        .dev: Settings(
            minReplicas: 1, maxReplicas: 2, cpu: "500m", memory: "1Gi", imageTag: "1.4.0-rc.2", logLevel: "debug"),
        .staging: Settings(
            minReplicas: 2, maxReplicas: 10, cpu: "1", memory: "2Gi", imageTag: "1.4.0", logLevel: "info"),
        .prod: Settings(minReplicas: 3, maxReplicas: 50, cpu: "2", memory: "4Gi", imageTag: "1.4.0", logLevel: "info"),
    ]

    /// The namespace.
    public static let namespace = "ml-inference"

    /// The model server: a Deployment scaled by an HPA on CPU (70 %), its Service, a disruption
    /// budget when it runs more than one replica, a policy that admits only the ingress
    /// controller and Prometheus, and a ServiceMonitor for `/metrics`.
    public struct ModelServer: Component {
        /// The server's name.
        public var name: String
        /// The image without its tag.
        public var image: String
        /// The environment's settings.
        public var settings: Settings

        /// Creates the component.
        public init(name: String, image: String, settings: Settings) {
            self.name = name
            self.image = image
            self.settings = settings
        }

        /// The Deployment; its replica count is left to the autoscaler.
        public var deployment: Deployment {
            var container = Workloads.container(
                name, image: "\(image):\(settings.imageTag)", port: 8080,
                requests: ["cpu": settings.cpu, "memory": settings.memory],
                limits: ["cpu": settings.cpu, "memory": settings.memory],
                env: [
                    EnvVar(name: "LOG_LEVEL", value: settings.logLevel),
                    EnvVar(name: "MODEL_URI", value: "s3://ml-models/\(name)/\(settings.imageTag)"),
                ])
            container.livenessProbe = Workloads.httpProbe("/health", delay: 15)
            container.readinessProbe = Workloads.httpProbe("/ready", delay: 10, period: 5)
            var deployment = Workloads.deployment(
                name, replicas: nil, labels: ["app.kubernetes.io/component": "inference"],
                pod: Workloads.podSpec([container], serviceAccount: name))
            deployment.spec.strategy = DeploymentStrategy(
                rollingUpdate: RollingUpdateDeployment(maxSurge: .string("25%"), maxUnavailable: .int(0)),
                type: .rollingUpdate)
            deployment.spec.template.metadata?.annotations = [
                "prometheus.io/scrape": "true", "prometheus.io/port": "8080",
            ]
            return deployment
        }

        /// The server's objects.
        public var body: ClusterContent {
            get throws {
                let deployment = self.deployment
                ServiceAccount(metadata: ObjectMeta(name: name), automountServiceAccountToken: false)
                deployment
                try Service.exposing(deployment)
                try HorizontalPodAutoscaler.scaling(
                    deployment, minReplicas: settings.minReplicas, maxReplicas: settings.maxReplicas, cpuUtilization: 70
                )
                if settings.minReplicas > 1 {
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                }
                try NetworkPolicy.allowing(
                    to: deployment, from: [.namespace("ingress-nginx"), .namespace("monitoring")],
                    ports: [.named("http")])
                ServiceMonitor(
                    name: name,
                    spec: ServiceMonitor.Spec(
                        endpoints: [ServiceMonitor.Spec.Endpoint(interval: "30s", path: "/metrics", port: "http")],
                        selector: ServiceMonitor.Spec.Selector(matchLabels: deployment.podSelectorLabels)))
            }
        }
    }

    /// The service in its namespace, in every environment.
    public static let cluster = Cluster("ml-inference", environments: environments) { env in
        Namespace(
            name: namespace,
            labels: [
                "environment": env.name, "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/warn": "restricted",
            ])
        Group {
            NetworkPolicy.defaultDeny()
            ModelServer(name: "model-server", image: "registry.example.com/ml/model-server", settings: env.settings)
        }
        .namespace(namespace)
        .labels(["app.kubernetes.io/part-of": "ml-platform", "environment": env.name])
    }
}
