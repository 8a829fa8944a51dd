import KubeKit

/// The Azavea cluster note: one shared EKS cluster, two kinds of nodes.
///
/// - `node-type: core` nodes (a managed node group of low-cost on-demand instances) run the
///   long-lived system services: here the event bus of the middleware namespace.
/// - `node-type: worker` nodes come from Karpenter (spot first, on-demand as fallback) and run
///   the applications, whose pods require them by node affinity.
/// - Each application has its own namespace (for isolation, billing by quota and delegated
///   administration) and is exposed through the AWS Load Balancer Controller: one shared
///   internet-facing ALB (an IngressGroup), one Ingress per application.
public enum CoreWorkerCluster {
    /// What differs between staging and production.
    public struct Settings: Sendable, Hashable {
        /// The public domain of the applications.
        public var domain: String
        /// Web replicas per application.
        public var webReplicas: Int32
        /// CPU limit of the worker pool.
        public var workerCPU: Quantity
        /// The ACM certificate of the domain.
        public var certificateARN: String

        /// Creates settings.
        public init(domain: String, webReplicas: Int32, workerCPU: Quantity, certificateARN: String) {
            self.domain = domain
            self.webReplicas = webReplicas
            self.workerCPU = workerCPU
            self.certificateARN = certificateARN
        }
    }

    /// Staging and production.
    public static let environments: EnvironmentTable<Settings> = [
        .staging: Settings(
            domain: "staging.azavea.example.com", webReplicas: 2, workerCPU: "200",
            certificateARN: "arn:aws:acm:us-east-1:111122223333:certificate/staging-wildcard"),
        .prod: Settings(
            domain: "azavea.example.com", webReplicas: 3, workerCPU: "1000",
            certificateARN: "arn:aws:acm:us-east-1:111122223333:certificate/prod-wildcard"),
    ]

    /// Where system services run: the core node group.
    public static let core = PodPlacement(nodeLabels: ["node-type": "core"])

    /// The Karpenter pool of worker nodes.
    public static func workerPool(cpu: Quantity) -> NodePool {
        Capacity.nodePool(
            "worker", nodeClass: "default", labels: ["node-type": "worker"],
            requirements: [
                Capacity.require("karpenter.sh/capacity-type", in: ["spot", "on-demand"]),
                Capacity.require("karpenter.k8s.aws/instance-category", in: ["c", "m", "r"]),
                Capacity.require("karpenter.k8s.aws/instance-generation", in: ["5", "6", "7"]),
            ],
            cpuLimit: cpu)
    }

    /// The AWS Load Balancer Controller's IngressClass, with every Ingress of the class joining
    /// one internet-facing ALB.
    public struct SharedLoadBalancer: Component {
        /// The ALB's IngressGroup.
        public var group: String

        /// Creates the component.
        public init(group: String) {
            self.group = group
        }

        /// The class parameters and the class.
        public var body: ClusterContent {
            IngressClassParams(
                metadata: ObjectMeta(name: "alb-shared"),
                spec: IngressClassParams.Spec(group: .init(name: group), scheme: "internet-facing"))
            IngressClass(
                name: "alb",
                spec: IngressClassSpec(
                    controller: "ingress.k8s.aws/alb",
                    parameters: IngressClassParametersReference(
                        name: "alb-shared", apiGroup: "elbv2.k8s.aws", kind: "IngressClassParams")))
        }
    }

    /// The middleware every application can use: a NATS event bus on the core nodes.
    public struct Middleware: Component {
        /// Creates the component.
        public init() {}

        /// The event bus's Deployment.
        public var eventBus: Deployment {
            var container = Workloads.container(
                "event-bus", image: "nats:2.10.22-alpine", port: nil, requests: ["cpu": "100m", "memory": "128Mi"],
                limits: ["memory": "512Mi"], probes: nil)
            container.args = ["--jetstream", "--store_dir=/tmp/jetstream", "--http_port=8222"]
            container.ports = [
                ContainerPort(name: "client", containerPort: 4222), ContainerPort(name: "monitor", containerPort: 8222),
            ]
            container.livenessProbe = Workloads.httpProbe("/healthz", port: "monitor", delay: 10)
            container.readinessProbe = Workloads.httpProbe("/healthz?js-enabled-only=true", port: "monitor", delay: 5)
            return Workloads.deployment("event-bus", replicas: 3, pod: Workloads.podSpec([container]))
        }

        /// The namespace and the bus, reachable from every application namespace.
        public var body: ClusterContent {
            get throws {
                let eventBus = self.eventBus
                Namespace(
                    name: "middleware",
                    labels: [
                        "pod-security.kubernetes.io/enforce": "restricted",
                        "pod-security.kubernetes.io/warn": "restricted",
                    ])
                NetworkPolicy.defaultDeny()
                eventBus
                try Service.exposing(eventBus)
                try PodDisruptionBudget.protecting(eventBus, .maxUnavailable(1))
                try NetworkPolicy.allowing(
                    to: eventBus,
                    from: [
                        NetworkPolicyPeer(
                            namespaceSelector: LabelSelector(
                                matchExpressions: [LabelSelectorRequirement(key: "project", operator: "Exists")]))
                    ], ports: [.named("client")])
            }
        }
    }

    /// An application: its namespace with a quota (for billing) and an admin binding for its
    /// team, a service account, settings, the web Deployment, Service, disruption budget,
    /// network policy and ALB Ingress.
    public struct Project: Component {
        /// The project (and namespace) name.
        public var name: String
        /// The image of the web tier.
        public var image: String
        /// The environment's settings.
        public var settings: Settings

        /// Creates the component.
        public init(name: String, image: String, settings: Settings) {
            self.name = name
            self.image = image
            self.settings = settings
        }

        /// The web Deployment.
        public var web: Deployment {
            let container = Workloads.container(
                "web", image: image, requests: ["cpu": "250m", "memory": "512Mi"],
                envFrom: [EnvFromSource(configMapRef: ConfigMapEnvSource(name: "settings"))])
            return Workloads.deployment(
                "web", replicas: settings.webReplicas, labels: ["app.kubernetes.io/component": "web"],
                pod: Workloads.podSpec([container], serviceAccount: "web"))
        }

        /// The Ingress, one rule on the shared ALB.
        public var ingress: Ingress {
            var alb = ALBIngressAnnotations()
            alb.targetType = .ip
            alb.healthCheckPath = "/health"
            alb.listenPorts = [.http(), .https()]
            alb.sslRedirect = 443
            alb.certificateARNs = [settings.certificateARN]
            alb.tags = ["project": name]
            var ingress = Ingress(
                name: "web",
                spec: IngressSpec(
                    ingressClassName: "alb",
                    rules: [
                        IngressRule(
                            host: "\(name).\(settings.domain)",
                            http: HTTPIngressRuleValue(paths: [
                                HTTPIngressPath(
                                    backend: IngressBackend(
                                        service: IngressServiceBackend(
                                            name: "web", port: ServiceBackendPort(name: "http"))),
                                    path: "/", pathType: .prefix)
                            ]))
                    ]))
            ingress.setALBAnnotations(alb)
            return ingress
        }

        /// The project's objects.
        public var body: ClusterContent {
            get throws {
                let web = self.web
                Namespace(
                    name: name,
                    labels: [
                        "project": name, "pod-security.kubernetes.io/enforce": "restricted",
                        "pod-security.kubernetes.io/warn": "restricted",
                    ])
                ResourceQuota(
                    name: "project",
                    spec: ResourceQuotaSpec(hard: ["requests.cpu": "16", "requests.memory": "64Gi", "pods": 100]))
                RoleBinding(
                    name: "project-admins",
                    roleRef: RoleRef(name: "admin", apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole"),
                    subjects: [Subject(name: "\(name)-admins", apiGroup: "rbac.authorization.k8s.io", kind: "Group")])
                ServiceAccount(metadata: ObjectMeta(name: "web"), automountServiceAccountToken: false)
                ConfigMap(
                    name: "settings",
                    data: ["PROJECT": name, "EVENT_BUS_URL": "nats://event-bus.middleware.svc.cluster.local:4222"])
                NetworkPolicy.defaultDeny()
                web
                try Service.exposing(web)
                try PodDisruptionBudget.protecting(web, .maxUnavailable("50%"))
                // With target type ip the ALB connects to the pods directly from the VPC.
                try NetworkPolicy.allowing(to: web, from: [.cidr("10.0.0.0/16")], ports: [.named("http")])
                ingress
            }
        }
    }

    /// The applications: (name, short prefix of their object names, image).
    public static let projects = [
        ("raster-foundry", "rf-", "azavea/raster-foundry:5.2.1"),
        ("geotrellis-demo", "gt-", "azavea/geotrellis-demo:1.0.3"),
    ]

    /// The shared cluster.
    public static let cluster = Cluster("azavea-shared", environments: environments) { env in
        Capacity.nodeClass("default", cluster: "azavea-\(env.name)", role: "KarpenterNodeRole-azavea-\(env.name)")
        workerPool(cpu: env.workerCPU)
        SharedLoadBalancer(group: "azavea-\(env.name)")
        Middleware()
            .namespace("middleware")
            .scheduled(on: core)
        for (name, prefix, image) in projects {
            Project(name: name, image: image, settings: env.settings)
                .namePrefix(prefix)
                .namespace(name)
                .scheduled(on: .nodePool(workerPool(cpu: env.workerCPU), style: .requiredAffinity))
        }
    }
}
