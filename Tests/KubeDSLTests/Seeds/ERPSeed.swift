import Foundation
import KubeDSL
import KubeModels
import Testing

/// ADR-007: a microservices ERP with a namespace per environment, StatefulSets for PostgreSQL
/// and Redis, an API gateway deployed blue-green (the Service selector switches color), an auth
/// service, an HPA, a migration Job, a backup CronJob and an Ingress.
enum ERPSeed {
    struct Settings: Sendable, Hashable {
        var namespace: String
        var live: DeploymentColor
        var gatewayImages: [DeploymentColor: String]
        var minReplicas: Int32
        var maxReplicas: Int32
        var host: String
    }

    static let environments: EnvironmentTable<Settings> = [
        .dev: Settings(
            namespace: "marimo-erp-dev", live: .green,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0-rc.1"],
            minReplicas: 1, maxReplicas: 2, host: "erp.dev.example.com"),
        .staging: Settings(
            namespace: "marimo-erp-staging", live: .green,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0"],
            minReplicas: 2, maxReplicas: 4, host: "erp.staging.example.com"),
        .prod: Settings(
            namespace: "marimo-erp", live: .blue,
            gatewayImages: [.blue: "marimo/api-gateway:2.0.0", .green: "marimo/api-gateway:2.1.0"],
            minReplicas: 3, maxReplicas: 10, host: "erp.example.com"),
    ]

    /// A single-replica StatefulSet with its headless Service and a volume per pod.
    struct StatefulStore: Component {
        var name: String
        var image: String
        var port: Int32
        var storage: Quantity

        var body: ClusterContent {
            let labels = ["app.kubernetes.io/name": name]
            Service(
                name: name, labels: labels,
                spec: ServiceSpec(
                    clusterIP: "None", ports: [ServicePort(name: "tcp", port: port, targetPort: .string("tcp"))],
                    selector: labels))
            StatefulSet(
                name: name, labels: labels,
                spec: StatefulSetSpec(
                    replicas: 1, selector: LabelSelector(matchLabels: labels), serviceName: name,
                    template: PodTemplateSpec(
                        metadata: ObjectMeta(labels: labels),
                        spec: PodSpec(containers: [
                            Container(
                                name: name, envFrom: [EnvFromSource(secretRef: SecretEnvSource(name: "erp-secrets"))],
                                image: image, ports: [ContainerPort(name: "tcp", containerPort: port)],
                                resources: ResourceRequirements(
                                    limits: ["memory": "1Gi", "cpu": "1000m"],
                                    requests: ["memory": "256Mi", "cpu": "250m"]),
                                volumeMounts: [VolumeMount(name: "data", mountPath: "/data")])
                        ])),
                    volumeClaimTemplates: [
                        PersistentVolumeClaim(
                            name: "data",
                            spec: PersistentVolumeClaimSpec(
                                accessModes: [.readWriteOnce],
                                resources: VolumeResourceRequirements(requests: ["storage": storage])))
                    ]))
        }
    }

    static func gateway() -> Deployment {
        var deployment = Fixtures.deployment("api-gateway", image: "marimo/api-gateway:2.0.0", replicas: 3)
        deployment.spec.template.spec?.containers[0].envFrom = [
            EnvFromSource(configMapRef: ConfigMapEnvSource(name: "erp-config"))
        ]
        return deployment
    }

    struct BlueGreenGateway: Component {
        var settings: Settings

        var body: ClusterContent {
            get throws {
                let blueGreen = BlueGreen(
                    gateway(), live: settings.live, images: settings.gatewayImages, serviceName: "api-gateway-service")
                blueGreen
                try HorizontalPodAutoscaler.scaling(
                    blueGreen.track(settings.live), minReplicas: settings.minReplicas,
                    maxReplicas: settings.maxReplicas,
                    name: "api-gateway-hpa")
                Ingress(
                    name: "erp",
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
                        ]))
            }
        }
    }

    static func migration() -> Job {
        Job(
            name: "db-migrate",
            spec: JobSpec(
                backoffLimit: 3,
                template: PodTemplateSpec(
                    spec: PodSpec(
                        containers: [
                            Container(
                                name: "migrate", args: ["migrate", "up"],
                                envFrom: [EnvFromSource(secretRef: SecretEnvSource(name: "erp-secrets"))],
                                image: "marimo/migrations:2.0.0")
                        ], restartPolicy: .onFailure))))
    }

    static func backup() -> CronJob {
        CronJob(
            name: GeneratedName.make(["postgres", "nightly", "backup", "to", "s3"], limit: .cronJob),
            spec: CronJobSpec(
                jobTemplate: JobTemplateSpec(
                    spec: JobSpec(
                        template: PodTemplateSpec(
                            spec: PodSpec(
                                containers: [
                                    Container(
                                        name: "backup", args: ["backup", "--to", "s3://erp-backups"],
                                        envFrom: [EnvFromSource(secretRef: SecretEnvSource(name: "erp-secrets"))],
                                        image: "marimo/pg-backup:1.2")
                                ], restartPolicy: .onFailure)))),
                schedule: "0 2 * * *"))
    }

    static let cluster = Cluster("marimo-erp", environments: environments) { env in
        Namespace(name: env.namespace, labels: ["environment": env.name])
        Group {
            ConfigMap(name: "erp-config", data: ["LOG_LEVEL": env.environment == .prod ? "info" : "debug"])
            Secret(name: "erp-secrets", stringData: ["POSTGRES_PASSWORD": "change-me"], type: .opaque)
            StatefulStore(name: "postgres", image: "postgres:16", port: 5432, storage: "20Gi")
            StatefulStore(name: "redis", image: "redis:7.4", port: 6379, storage: "5Gi")
            BlueGreenGateway(settings: env.settings).dependsOn(.component(StatefulStore.self))
            Group {
                Fixtures.deployment("auth-service", image: "marimo/auth:2.0.0", replicas: 2)
                try Service.exposing(Fixtures.deployment("auth-service", image: "marimo/auth:2.0.0"))
            }
            migration()
            backup()
        }
        .namespace(env.namespace)
        .labels(["app.kubernetes.io/part-of": "marimo-erp"])
    }
}

@Suite struct ERPSeedTests {
    @Test func rendersPassesOraclesAndKustomizeMatches() throws {
        let renders = try ScenarioCheck.verify(ERPSeed.cluster, name: "erp")
        try ScenarioCheck.verify(ERPSeed.cluster, name: "erp-streaming", serializer: StreamingSerializer())
        let prod = try #require(renders.first { $0.environment == .prod })
        let staging = try #require(renders.first { $0.environment == .staging })

        // Blue-green: both tracks exist; the Service selector picks the live color.
        let prodService = try #require(prod.first(Service.self, named: "api-gateway-service", namespace: "marimo-erp"))
        #expect(prodService.spec?.selector == ["app.kubernetes.io/name": "api-gateway", "color": "blue"])
        let stagingService = try #require(staging.first(Service.self, named: "api-gateway-service"))
        #expect(stagingService.spec?.selector?["color"] == "green")
        let green = try #require(prod.first(Deployment.self, named: "api-gateway-green"))
        #expect(green.spec.selector.matchLabels?["color"] == "green")
        #expect(green.spec.template.metadata?.labels?["color"] == "green")
        #expect(green.spec.template.spec?.containers[0].image == "marimo/api-gateway:2.1.0")
        #expect(
            prod.first(HorizontalPodAutoscaler.self, named: "api-gateway-hpa")?.spec.scaleTargetRef.name
                == "api-gateway-blue")

        // Switching is a selector change only.
        let switched = prodService.switching(to: .green)
        #expect(switched.spec?.selector?["color"] == "green")
        #expect(switched.spec?.ports == prodService.spec?.ports)

        // A namespace per environment.
        #expect(
            renders.map { $0.all(Namespace.self).map(\.name) } == [
                ["marimo-erp-dev"], ["marimo-erp-staging"], ["marimo-erp"],
            ])
        // The gateway follows the data stores it depends on, even the later-sorting Redis.
        let names = prod.objects.map(\.identity.name)
        let lastStore = try #require(names.lastIndex { $0 == "postgres" || $0 == "redis" })
        let firstGateway = try #require(names.firstIndex { $0.hasPrefix("api-gateway") || $0 == "erp" })
        #expect(lastStore < firstGateway)
        let cronJob = try #require(prod.all(CronJob.self).first)
        #expect(cronJob.name.count <= 52)
    }
}
