import KubeKit

/// ADR-007's microservices ERP: one namespace per environment (`marimo-erp-dev`,
/// `marimo-erp-staging`, `marimo-erp`), PostgreSQL, Redis, Consul and RabbitMQ as StatefulSets
/// with a volume per pod, an API gateway deployed blue-green behind an NGINX Ingress and scaled
/// by an HPA, auth and users services, a migration Job, backup, report and cleanup CronJobs,
/// and the ADR's security rules: a service account per service with only the permissions it
/// needs, network policies, and pods that run as non-root with read-only root filesystems and
/// every capability dropped.
///
/// The Secret `erp-secrets` (database and broker passwords) is not part of the manifests: it is
/// created from `secrets.example.yml` outside Git, as the ADR says.
public enum ERPSystem {
    /// What differs between the environments.
    public struct Settings: Sendable, Hashable {
        /// The environment's namespace.
        public var namespace: String
        /// The gateway color that receives traffic.
        public var live: DeploymentColor
        /// The gateway image of each color.
        public var gatewayImages: [DeploymentColor: String]
        /// The release of the other services.
        public var release: String
        /// Bounds of the live gateway's autoscaler.
        public var gatewayReplicas: ClosedRange<Int32>
        /// Replicas of the auth and users services.
        public var serviceReplicas: Int32
        /// Consul servers (1 in dev, 3 for a quorum elsewhere).
        public var consulServers: Int32
        /// The public host name.
        public var host: String
        /// Volume sizes of the data stores.
        public var storage: [String: Quantity]
        /// The log level.
        public var logLevel: String

        /// Creates settings.
        public init(
            namespace: String, live: DeploymentColor, gatewayImages: [DeploymentColor: String], release: String,
            gatewayReplicas: ClosedRange<Int32>, serviceReplicas: Int32, consulServers: Int32, host: String,
            storage: [String: Quantity], logLevel: String
        ) {
            self.namespace = namespace
            self.live = live
            self.gatewayImages = gatewayImages
            self.release = release
            self.gatewayReplicas = gatewayReplicas
            self.serviceReplicas = serviceReplicas
            self.consulServers = consulServers
            self.host = host
            self.storage = storage
            self.logLevel = logLevel
        }
    }

    /// Dev, staging and production.
    public static let environments: EnvironmentTable<Settings> = [
        .dev: Settings(
            namespace: "marimo-erp-dev", live: .green,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0-rc.1"],
            release: "2.1.0-rc.1", gatewayReplicas: 1...2, serviceReplicas: 1, consulServers: 1,
            host: "erp.dev.example.com",
            storage: ["postgres": "10Gi", "redis": "2Gi", "consul": "1Gi", "rabbitmq": "5Gi"], logLevel: "debug"),
        .staging: Settings(
            namespace: "marimo-erp-staging", live: .green,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0"],
            release: "2.1.0", gatewayReplicas: 2...4, serviceReplicas: 2, consulServers: 3,
            host: "erp.staging.example.com",
            storage: ["postgres": "50Gi", "redis": "5Gi", "consul": "5Gi", "rabbitmq": "20Gi"], logLevel: "info"),
        .prod: Settings(
            namespace: "marimo-erp", live: .blue,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0"],
            release: "2.0.0", gatewayReplicas: 3...10, serviceReplicas: 3, consulServers: 3, host: "erp.example.com",
            storage: ["postgres": "200Gi", "redis": "20Gi", "consul": "10Gi", "rabbitmq": "50Gi"], logLevel: "info"),
    ]

    /// The Secret with passwords, created outside Git.
    public static let secretName = "erp-secrets"

    /// Loads configuration and passwords into a container's environment.
    public static let configuration: [EnvFromSource] = [
        EnvFromSource(configMapRef: ConfigMapEnvSource(name: "erp-config")),
        EnvFromSource(secretRef: SecretEnvSource(name: secretName)),
    ]

    /// A data store: a StatefulSet with a volume per pod, its headless Service, a service
    /// account without API access, a disruption budget when replicated, and a policy that admits
    /// only the ERP's own pods on the store's ports.
    public struct StatefulStore: Component {
        /// The store's name (also its Service's DNS name).
        public var name: String
        /// The image, pinned.
        public var image: String
        /// Named ports; the first is probed.
        public var ports: [ContainerPort]
        /// Replicas.
        public var replicas: Int32
        /// Where the volume is mounted.
        public var dataPath: String
        /// Volume size.
        public var storage: Quantity
        /// The image's non-root user.
        public var user: Int64
        /// Arguments of the container.
        public var args: [String]?
        /// Extra environment variables.
        public var env: [EnvVar]
        /// Writable directories besides `/tmp` and the data path.
        public var scratch: [String]
        /// Requests of each replica.
        public var requests: [String: Quantity]

        /// Creates a store.
        public init(
            name: String, image: String, ports: [ContainerPort], replicas: Int32 = 1, dataPath: String,
            storage: Quantity, user: Int64, args: [String]? = nil, env: [EnvVar] = [], scratch: [String] = [],
            requests: [String: Quantity] = ["cpu": "250m", "memory": "512Mi"]
        ) {
            self.name = name
            self.image = image
            self.ports = ports
            self.replicas = replicas
            self.dataPath = dataPath
            self.storage = storage
            self.user = user
            self.args = args
            self.env = env
            self.scratch = scratch
            self.requests = requests
        }

        /// The StatefulSet.
        public var statefulSet: StatefulSet {
            let labels = [Workloads.nameLabel: name, "app.kubernetes.io/component": "data"]
            let scratchVolumes = scratch.indices.map { "scratch-\($0)" }
            var container = Workloads.container(
                name, image: image, port: nil, requests: requests, limits: ["memory": "1Gi", "cpu": "1000m"],
                probes: nil, env: env.isEmpty ? nil : env, envFrom: ERPSystem.configuration,
                volumeMounts: [VolumeMount(name: "data", mountPath: dataPath)]
                    + zip(scratchVolumes, scratch).map { VolumeMount(name: $0, mountPath: $1) })
            container.args = args
            container.ports = ports
            let probePort = IntOrString.string(ports.first?.name ?? "tcp")
            container.livenessProbe = Probe(
                initialDelaySeconds: 30, periodSeconds: 10, tcpSocket: TCPSocketAction(port: probePort))
            container.readinessProbe = Probe(
                initialDelaySeconds: 5, periodSeconds: 5, tcpSocket: TCPSocketAction(port: probePort))
            var pod = Workloads.podSpec(
                [container], serviceAccount: name, user: user,
                volumes: scratchVolumes.map { Volume(name: $0, emptyDir: EmptyDirVolumeSource()) })
            if replicas > 1 { pod.topologySpreadConstraints = Workloads.spread([Workloads.nameLabel: name]) }
            return StatefulSet(
                name: name, labels: labels,
                spec: StatefulSetSpec(
                    podManagementPolicy: .parallel, replicas: replicas,
                    selector: LabelSelector(matchLabels: [Workloads.nameLabel: name]), serviceName: name,
                    template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: pod),
                    volumeClaimTemplates: [
                        PersistentVolumeClaim(
                            name: "data",
                            spec: PersistentVolumeClaimSpec(
                                accessModes: [.readWriteOnce],
                                resources: VolumeResourceRequirements(requests: ["storage": storage])))
                    ]))
        }

        /// The headless Service that gives each pod a stable DNS name.
        public func headlessService(for statefulSet: StatefulSet) throws -> Service {
            var service = try Service.exposing(statefulSet)
            service.spec?.clusterIP = "None"
            service.spec?.publishNotReadyAddresses = true
            return service
        }

        /// The store's objects.
        public var body: ClusterContent {
            get throws {
                let statefulSet = self.statefulSet
                ServiceAccount(metadata: ObjectMeta(name: name), automountServiceAccountToken: false)
                try headlessService(for: statefulSet)
                statefulSet
                if replicas > 1 {
                    try PodDisruptionBudget.protecting(statefulSet, .maxUnavailable(1))
                }
                try NetworkPolicy.allowing(
                    to: statefulSet, from: [.pods(labeled: ["app.kubernetes.io/part-of": "marimo-erp"])],
                    ports: ports.compactMap(\.name).map { .named($0) })
            }
        }
    }

    /// PostgreSQL, Redis, Consul and RabbitMQ.
    @ClusterBuilder
    public static func dataStores(_ settings: Settings) -> ClusterContent {
        StatefulStore(
            name: "postgres", image: "postgres:16.4",
            ports: [ContainerPort(name: "postgres", containerPort: 5432)], dataPath: "/var/lib/postgresql/data",
            storage: settings.storage["postgres"] ?? "10Gi", user: 999,
            env: [EnvVar(name: "PGDATA", value: "/var/lib/postgresql/data/pgdata")], scratch: ["/var/run/postgresql"],
            requests: ["cpu": "500m", "memory": "1Gi"])
        StatefulStore(
            name: "redis", image: "redis:7.4.1", ports: [ContainerPort(name: "redis", containerPort: 6379)],
            dataPath: "/data", storage: settings.storage["redis"] ?? "2Gi", user: 999,
            args: ["--appendonly", "yes"])
        StatefulStore(
            name: "consul", image: "hashicorp/consul:1.20.1",
            ports: [
                ContainerPort(name: "http", containerPort: 8500), ContainerPort(name: "server", containerPort: 8300),
                ContainerPort(name: "serf-lan", containerPort: 8301),
            ],
            replicas: settings.consulServers, dataPath: "/consul/data", storage: settings.storage["consul"] ?? "1Gi",
            user: 100,
            args: [
                "agent", "-server", "-bootstrap-expect=\(settings.consulServers)", "-data-dir=/consul/data",
                "-retry-join=consul", "-client=0.0.0.0", "-ui",
            ])
        StatefulStore(
            name: "rabbitmq", image: "rabbitmq:4.0.4",
            ports: [
                ContainerPort(name: "amqp", containerPort: 5672),
                ContainerPort(name: "management", containerPort: 15672),
            ],
            dataPath: "/var/lib/rabbitmq", storage: settings.storage["rabbitmq"] ?? "5Gi", user: 999,
            scratch: ["/etc/rabbitmq/conf.d"])
    }

    /// A stateless service: its service account (with a Role when it calls the API), a
    /// Deployment with the ADR's resources and probes, a Service, a disruption budget when
    /// replicated, and a policy naming who may connect.
    public struct Microservice: Component {
        /// The service's name.
        public var name: String
        /// The image, pinned.
        public var image: String
        /// Replicas.
        public var replicas: Int32
        /// Who may connect on the `http` port.
        public var clients: [NetworkPolicyPeer]
        /// What the service may do in the API; none when empty.
        public var permissions: [PolicyRule]

        /// Creates a service.
        public init(
            name: String, image: String, replicas: Int32, clients: [NetworkPolicyPeer], permissions: [PolicyRule] = []
        ) {
            self.name = name
            self.image = image
            self.replicas = replicas
            self.clients = clients
            self.permissions = permissions
        }

        /// The service's container, as the ADR sizes and probes it.
        public static func container(_ name: String, image: String) -> Container {
            var container = Workloads.container(
                name, image: image, requests: ["cpu": "250m", "memory": "256Mi"],
                limits: ["cpu": "1000m", "memory": "1Gi"], envFrom: ERPSystem.configuration)
            container.livenessProbe = Workloads.httpProbe("/health", delay: 30, period: 10)
            container.readinessProbe = Workloads.httpProbe("/ready", delay: 5, period: 5)
            return container
        }

        /// The Deployment.
        public var deployment: Deployment {
            Workloads.deployment(
                name, replicas: replicas, labels: ["app.kubernetes.io/component": "service"],
                pod: Workloads.podSpec(
                    [Self.container(name, image: image)], serviceAccount: name, callsAPI: !permissions.isEmpty))
        }

        /// The service's objects.
        public var body: ClusterContent {
            get throws {
                let deployment = self.deployment
                ServiceAccount(metadata: ObjectMeta(name: name), automountServiceAccountToken: !permissions.isEmpty)
                if !permissions.isEmpty {
                    Role(name: name, rules: permissions)
                    RoleBinding(
                        name: name, roleRef: RoleRef(name: name, apiGroup: "rbac.authorization.k8s.io", kind: "Role"),
                        subjects: [Subject(name: name, kind: "ServiceAccount")])
                }
                deployment
                try Service.exposing(deployment)
                if replicas > 1 {
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                }
                try NetworkPolicy.allowing(to: deployment, from: clients, ports: [.named("http")])
            }
        }
    }

    /// The API gateway in blue and green, the Service that picks the live color, the live
    /// color's autoscaler (CPU 70 %), and the NGINX Ingress in front.
    public struct Gateway: Component {
        /// The environment's settings.
        public var settings: Settings

        /// Creates the component.
        public init(settings: Settings) {
            self.settings = settings
        }

        /// The blue-green pair; the idle color keeps the minimum replicas, ready for the switch.
        public var blueGreen: BlueGreen {
            var template = Workloads.deployment(
                "api-gateway", replicas: nil, labels: ["app.kubernetes.io/component": "gateway"],
                pod: Workloads.podSpec(
                    [Microservice.container("api-gateway", image: "marimo/api-gateway:2.0.0")],
                    serviceAccount: "api-gateway", callsAPI: true))
            template.spec.template.spec?.containers[0].env = [
                EnvVar(name: "AUTH_URL", value: "http://auth-service:8080")
            ]
            return BlueGreen(
                template, live: settings.live, images: settings.gatewayImages, serviceName: "api-gateway-service",
                idleReplicas: settings.gatewayReplicas.lowerBound)
        }

        /// The gateway's objects.
        public var body: ClusterContent {
            get throws {
                let blueGreen = self.blueGreen
                let live = blueGreen.track(settings.live)
                ServiceAccount(metadata: ObjectMeta(name: "api-gateway"), automountServiceAccountToken: true)
                // The gateway discovers service endpoints through the API.
                Role(
                    name: "api-gateway",
                    rules: [
                        PolicyRule(apiGroups: [""], resources: ["services"], verbs: ["get", "list", "watch"]),
                        PolicyRule(
                            apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"],
                            verbs: ["get", "list", "watch"]),
                    ])
                RoleBinding(
                    name: "api-gateway",
                    roleRef: RoleRef(name: "api-gateway", apiGroup: "rbac.authorization.k8s.io", kind: "Role"),
                    subjects: [Subject(name: "api-gateway", kind: "ServiceAccount")])
                blueGreen
                try HorizontalPodAutoscaler.scaling(
                    live, minReplicas: settings.gatewayReplicas.lowerBound,
                    maxReplicas: settings.gatewayReplicas.upperBound, cpuUtilization: 70, name: "api-gateway-hpa")
                for color in DeploymentColor.allCases where settings.gatewayReplicas.lowerBound > 1 {
                    try PodDisruptionBudget.protecting(blueGreen.track(color), .minAvailable(1))
                }
                try NetworkPolicy.allowing(
                    to: blueGreen.deployment, from: [.namespace("ingress-nginx")], ports: [.named("http")],
                    name: "allow-to-api-gateway")
                Ingress(
                    metadata: ObjectMeta(
                        name: "erp",
                        annotations: [
                            "cert-manager.io/cluster-issuer": "letsencrypt",
                            "nginx.ingress.kubernetes.io/ssl-redirect": "true",
                        ]),
                    spec: IngressSpec(
                        ingressClassName: "nginx",
                        rules: [
                            IngressRule(
                                host: settings.host,
                                http: HTTPIngressRuleValue(paths: [
                                    HTTPIngressPath(
                                        backend: IngressBackend(
                                            service: IngressServiceBackend(
                                                name: "api-gateway-service", port: ServiceBackendPort(name: "http"))),
                                        path: "/", pathType: .prefix)
                                ]))
                        ],
                        tls: [IngressTLS(hosts: [settings.host], secretName: "erp-tls")]))
            }
        }
    }

    /// A pod spec for a batch container that uses the ERP's configuration.
    public static func batchPod(_ name: String, image: String, args: [String]) -> PodSpec {
        let container = Workloads.container(
            name, image: image, port: nil, requests: ["cpu": "100m", "memory": "256Mi"], limits: ["memory": "512Mi"],
            probes: nil, envFrom: configuration)
        var pod = Workloads.podSpec([container], restartPolicy: .onFailure)
        pod.containers[0].args = args
        return pod
    }

    /// The schema migration, run before the services start.
    public static func migration(release: String) -> Job {
        Job(
            name: "db-migrate",
            spec: JobSpec(
                backoffLimit: 3,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: [Workloads.nameLabel: "db-migrate"]),
                    spec: batchPod("migrate", image: "marimo/migrations:\(release)", args: ["migrate", "up"])),
                ttlSecondsAfterFinished: 3600))
    }

    /// A scheduled job that never overlaps itself and keeps a short history.
    public static func scheduled(_ name: String, schedule: String, image: String, args: [String]) -> CronJob {
        CronJob(
            name: name,
            spec: CronJobSpec(
                concurrencyPolicy: .forbid, failedJobsHistoryLimit: 3,
                jobTemplate: JobTemplateSpec(
                    spec: JobSpec(
                        backoffLimit: 2,
                        template: PodTemplateSpec(
                            metadata: ObjectMeta(labels: [Workloads.nameLabel: name]),
                            spec: batchPod(name, image: image, args: args)))),
                schedule: schedule, successfulJobsHistoryLimit: 3, timeZone: "Etc/UTC"))
    }

    /// The nightly backup, the weekly reports and the daily cleanup.
    @ClusterBuilder
    public static func scheduledJobs(release: String) -> ClusterContent {
        scheduled(
            "postgres-backup", schedule: "0 2 * * *", image: "marimo/pg-backup:1.2.0",
            args: ["backup", "--to", "s3://marimo-erp-backups"])
        scheduled(
            "weekly-reports", schedule: "0 6 * * 1", image: "marimo/reports:\(release)",
            args: ["generate", "--period", "week"])
        scheduled(
            "cleanup", schedule: "30 3 * * *", image: "marimo/maintenance:\(release)",
            args: ["cleanup", "--sessions", "--older-than", "30d"])
    }

    /// The namespace's network rules: nothing in or out unless allowed; DNS, traffic between
    /// ERP pods, and HTTPS out (S3 backups, external APIs) are allowed.
    @ClusterBuilder
    public static func networkRules() -> ClusterContent {
        NetworkPolicy.defaultDeny(directions: [.ingress, .egress])
        NetworkPolicy.allowDNS()
        NetworkPolicy(
            name: "allow-egress-within-namespace",
            spec: NetworkPolicySpec(
                egress: [NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: LabelSelector())])],
                podSelector: LabelSelector(), policyTypes: [.egress]))
        NetworkPolicy(
            name: "allow-https-egress",
            spec: NetworkPolicySpec(
                egress: [NetworkPolicyEgressRule(ports: [.tcp(443)], to: [.cidr("0.0.0.0/0")])],
                podSelector: LabelSelector(), policyTypes: [.egress]))
    }

    /// The ERP in one environment's namespace.
    public static let cluster = Cluster("marimo-erp", environments: environments) { env in
        Namespace(
            metadata: ObjectMeta(
                name: env.namespace,
                // The Secrets are created outside Git (see above); say so, so validation does not
                // report them as missing.
                annotations: [
                    ValidationConfiguration.externalReferencesAnnotation: "secret/\(secretName), secret/erp-tls"
                ],
                labels: [
                    "environment": env.name, "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted",
                ]))
        Group {
            ConfigMap(
                name: "erp-config",
                data: [
                    "LOG_LEVEL": env.logLevel, "DATABASE_HOST": "postgres", "DATABASE_PORT": "5432",
                    "REDIS_URL": "redis://redis:6379/0", "CONSUL_HTTP_ADDR": "http://consul:8500",
                    "RABBITMQ_HOST": "rabbitmq",
                ])
            networkRules()
            dataStores(env.settings)
            Group {
                migration(release: env.release)
            }
            .dependsOn(.component(StatefulStore.self))
            Group {
                Gateway(settings: env.settings)
                Microservice(
                    name: "auth-service", image: "marimo/auth-service:\(env.release)", replicas: env.serviceReplicas,
                    clients: [.pods(labeled: [Workloads.nameLabel: "api-gateway"])],
                    permissions: [
                        PolicyRule(
                            apiGroups: [""], resourceNames: ["auth-signing-keys"], resources: ["secrets"],
                            verbs: ["get"])
                    ])
                Microservice(
                    name: "users-service", image: "marimo/users-service:\(env.release)", replicas: env.serviceReplicas,
                    clients: [.pods(labeled: [Workloads.nameLabel: "api-gateway"])],
                    permissions: [
                        PolicyRule(
                            apiGroups: [""], resourceNames: ["erp-config"], resources: ["configmaps"],
                            verbs: ["get", "watch"])
                    ])
            }
            .dependsOn(.component(StatefulStore.self))
            scheduledJobs(release: env.release)
        }
        .namespace(env.namespace)
        .labels(["app.kubernetes.io/part-of": "marimo-erp"])
    }
}
