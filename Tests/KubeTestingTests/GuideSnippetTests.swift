import Foundation
import KubeKit
import KubeTesting
import Testing

// The main code snippets of the guides in Documentation/, kept compiling and checked. When a
// guide's snippet changes, change it here too (and the other way round).

// MARK: - GettingStarted.md

/// The first component of GettingStarted.md.
private struct Web: Component {
    var replicas: Int32

    var deployment: Deployment {
        let labels = ["app.kubernetes.io/name": "web"]
        let container = Container(
            name: "web", image: "nginx:1.27",
            ports: [ContainerPort(name: "http", containerPort: 8080)],
            resources: ResourceRequirements(limits: ["memory": "256Mi"], requests: ["cpu": "250m", "memory": "128Mi"]))
        return Deployment(
            name: "web", labels: labels,
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))))
    }

    var body: ClusterContent {
        get throws {
            deployment
            try Service.exposing(deployment)
        }
    }
}

/// The cluster of GettingStarted.md.
private let hello = Cluster(
    "hello",
    environments: [
        .dev: EnvironmentSettings(replicas: 1),
        .prod: EnvironmentSettings(replicas: 3),
    ]
) { env in
    Namespace(name: "hello")
    Web(replicas: env.replicas).namespace("hello")
}

/// Thrown by the render-time validator of GettingStarted.md.
private struct ValidationErrors: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A render option that fails the render on any validation error (GettingStarted.md).
private let failOnErrors = RenderOptions(
    validator: ClosureValidator { manifests in
        let errors = Validator().validate(manifests).filter { $0.severity == .error }
        if !errors.isEmpty { throw ValidationErrors(diagnostics: errors) }
    })

// MARK: - Performance.md: components split by what a team owns

/// One service of the team component in Performance.md.
private struct Cart: Component {
    var body: ClusterContent { ConfigMap(name: "cart", data: ["MODE": "cart"]) }
}

/// One service of the team component in Performance.md.
private struct Payments: Component {
    var body: ClusterContent { ConfigMap(name: "payments", data: ["MODE": "payments"]) }
}

/// One service of the team component in Performance.md.
private struct Orders: Component {
    var body: ClusterContent { ConfigMap(name: "orders", data: ["MODE": "orders"]) }
}

/// The team component of Performance.md.
private struct Checkout: Component {
    var body: ClusterContent {
        Cart()
        Payments()
        Orders()
    }
}

@Suite("Guide snippets")
struct GuideSnippetTests {
    private func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubekit-guide-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("GettingStarted: render, validate, write, test")
    func gettingStarted() throws {
        let prod = try hello.render(for: .prod)
        let yaml = try prod.yaml()
        #expect(prod.manifests.map(\.kind) == ["Namespace", "Service", "Deployment"])
        #expect(yaml.contains("replicas: 3"))

        let diagnostics = Validator().validate(prod.manifests)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(!TextFormatter().format(diagnostics).isEmpty)
        let warned = Set(diagnostics.filter { $0.severity == .warning }.map(\.ruleID))
        #expect(warned.isSuperset(of: ["POLICY-RUN-AS-NON-ROOT", "POLICY-NETWORK-POLICY-MISSING"]), "\(warned)")

        let root = try temporaryDirectory("start")
        defer { try? FileManager.default.removeItem(at: root) }
        try hello.write(.files, to: root.appendingPathComponent("manifests"), options: failOnErrors)
        let prodFiles = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("manifests/prod").path
        ).sorted()
        #expect(
            prodFiles == ["001_namespace_hello.yaml", "002_service_hello_web.yaml", "003_deployment_hello_web.yaml"])

        // A render that fails validation writes nothing.
        let broken = Cluster("broken") { _ in
            Deployment(
                name: "Not_A_Name",
                spec: DeploymentSpec(
                    selector: LabelSelector(matchLabels: ["app": "x"]),
                    template: PodTemplateSpec(
                        metadata: ObjectMeta(labels: ["app": "x"]),
                        spec: PodSpec(containers: [Container(name: "x", image: "x:1")]))))
        }
        #expect(throws: KubeDSLError.self) {
            try broken.write(.stream, to: root.appendingPathComponent("broken"), options: failOnErrors)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("broken").path))

        // KubeTesting: queries, golden file, semantic diff.
        #expect(prod.first(Deployment.self, named: "web", namespace: "hello")?.spec.replicas == 3)
        let golden = root.appendingPathComponent("golden/prod.yaml")
        #expect(try GoldenFile.assertMatches(hello, environment: .prod, file: golden, record: false) == .recorded)
        #expect(try GoldenFile.assertMatches(hello, environment: .prod, file: golden, record: false) == .matched)
        #expect(throws: GoldenFileMismatch.self) {
            try GoldenFile.assertMatches(hello, environment: .dev, file: golden, record: false)
        }
        let diff = try ManifestDiff(from: try hello.render(for: .dev), to: prod)
        #expect(diff.changed.flatMap(\.changes).map(\.path) == ["spec.replicas"])
    }

    // MARK: - Links between the guides

    @Test("every link between guides resolves, and the DocC landing page names every guide")
    func guideLinksResolve() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let documentation = root.appendingPathComponent("Documentation")
        let guides = try FileManager.default.contentsOfDirectory(atPath: documentation.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(guides.count >= 12, "\(guides)")
        let landing = try String(
            contentsOf: root.appendingPathComponent("Sources/KubeKit/KubeKit.docc/KubeKit.md"), encoding: .utf8)
        for guide in guides {
            #expect(landing.contains("**\(guide)**"), "KubeKit.md does not mention \(guide)")
            let text = try String(contentsOf: documentation.appendingPathComponent(guide), encoding: .utf8)
            var rest = text[...]
            while let open = rest.range(of: "](") {
                rest = rest[open.upperBound...]
                guard let close = rest.firstIndex(of: ")") else { break }
                let target = String(rest[..<close])
                rest = rest[close...]
                if target.hasPrefix("http") { continue }
                let file = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                #expect(
                    FileManager.default.fileExists(atPath: documentation.appendingPathComponent(file).path),
                    "\(guide) links to \(target), which does not exist")
            }
        }
    }

    // MARK: - Sources/KubeKit/KubeKit.docc/KubeKit.md

    @Test("DocC landing page: the first cluster")
    func landingPage() throws {
        let labels = ["app.kubernetes.io/name": "web"]
        let web = Deployment(
            name: "web", labels: labels,
            spec: DeploymentSpec(
                replicas: 2, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(containers: [Container(name: "web", image: "nginx:1.27")]))))
        let cluster = Cluster("hello") { _ in
            Namespace(name: "hello")
            Group { web }.namespace("hello")
        }
        let rendered = try cluster.render(for: .default)
        #expect(rendered.manifests.last?.namespace == "hello")
        #expect(TextFormatter().format(Validator().validate(rendered.manifests)).contains("\n0 errors, "))
    }

    // MARK: - ModellingWorkloads.md

    @Test("ModellingWorkloads: deployments, stateful sets, jobs, probes, security")
    func modellingWorkloads() throws {
        let labels = ["app.kubernetes.io/name": "api"]
        var api = Container(
            name: "api", image: "registry.example.com/api:2.3.1",
            ports: [ContainerPort(name: "http", containerPort: 8080)],
            readinessProbe: Probe(httpGet: HTTPGetAction(path: "/ready", port: "http"), periodSeconds: 5),
            resources: ResourceRequirements(
                limits: ["memory": "512Mi"],
                requests: ["cpu": "500m", "memory": .mebibytes(256)]),
            securityContext: SecurityContext(
                allowPrivilegeEscalation: false, capabilities: Capabilities(drop: ["ALL"]),
                readOnlyRootFilesystem: true, runAsNonRoot: true))
        api.livenessProbe = Probe(
            failureThreshold: 3, httpGet: HTTPGetAction(path: "/health", port: 8080), initialDelaySeconds: 10)
        let deployment = Deployment(
            name: "api", labels: labels,
            spec: DeploymentSpec(
                replicas: 3, selector: LabelSelector(matchLabels: labels),
                strategy: DeploymentStrategy(
                    rollingUpdate: RollingUpdateDeployment(maxSurge: "25%", maxUnavailable: 0), type: .rollingUpdate),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(
                        containers: [api],
                        securityContext: PodSecurityContext(
                            runAsNonRoot: true, runAsUser: 10001,
                            seccompProfile: SeccompProfile(type: .runtimeDefault))))))

        let dbLabels = ["app.kubernetes.io/name": "postgres"]
        let postgres = StatefulSet(
            name: "postgres", labels: dbLabels,
            spec: StatefulSetSpec(
                replicas: 1, selector: LabelSelector(matchLabels: dbLabels), serviceName: "postgres",
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: dbLabels),
                    spec: PodSpec(containers: [
                        Container(
                            name: "postgres", image: "postgres:16.4",
                            ports: [ContainerPort(name: "tcp", containerPort: 5432)],
                            volumeMounts: [VolumeMount(name: "data", mountPath: "/var/lib/postgresql/data")])
                    ])),
                volumeClaimTemplates: [
                    PersistentVolumeClaim(
                        name: "data",
                        spec: PersistentVolumeClaimSpec(
                            accessModes: [.readWriteOnce], resources: VolumeResourceRequirements(requests: ["storage": "20Gi"]),
                            storageClassName: "gp3"))
                ]))
        let headless = Service(
            name: "postgres", labels: dbLabels,
            spec: ServiceSpec(
                clusterIP: "None", ports: [ServicePort(name: "tcp", port: 5432, targetPort: "tcp")], selector: dbLabels))

        let migrate = Job(
            name: "db-migrate",
            spec: JobSpec(
                backoffLimit: 3, template: PodTemplateSpec(
                    spec: PodSpec(
                        containers: [Container(name: "migrate", args: ["migrate", "up"], image: "registry.example.com/migrate:2.3.1")],
                        restartPolicy: .onFailure)),
                ttlSecondsAfterFinished: 3600))
        let backup = CronJob(
            name: "nightly-backup",
            spec: CronJobSpec(
                concurrencyPolicy: .forbid,
                jobTemplate: JobTemplateSpec(
                    spec: JobSpec(
                        template: PodTemplateSpec(
                            spec: PodSpec(
                                containers: [Container(name: "backup", image: "registry.example.com/pg-backup:1.2")],
                                restartPolicy: .never)))),
                schedule: "0 2 * * *", timeZone: "Europe/Berlin"))

        // Quantity and IntOrString.
        let memory: Quantity = "1.5Gi"
        #expect(memory > "512Mi")
        #expect(memory.canonical == "1536Mi")
        #expect(("250m" as Quantity) + "750m" == 1)
        #expect(throws: QuantityError.self) { try Quantity(String("10MB")) }
        let typo: Quantity = "10MB"
        #expect(!typo.isValid)
        let port: IntOrString = 8080
        let named: IntOrString = "http"
        let surge: IntOrString = "25%"
        #expect(port == .int(8080) && named == .string("http") && surge.percentage == 25)
        #expect(IntOrString.string("80") != .int(80))

        // JSONValue for free-form fields.
        let values: JSONValue = ["replicaCount": 2, "image": ["tag": "1.4.0"], "debug": false]
        #expect(values["image"]?["tag"] == "1.4.0")
        let widget = UnstructuredObject(
            apiVersion: "example.com/v1", kind: "Widget", metadata: ObjectMeta(name: "blue", namespace: "shop"),
            body: ["spec": ["size": 3, "colors": ["blue", "navy"]]])

        let cluster = Cluster("workloads") { _ in
            Namespace(name: "shop")
            Group {
                deployment
                headless
                postgres
                migrate
                backup
                Manifest(widget)
            }
            .namespace("shop")
        }
        let rendered = try cluster.render(for: .default)
        let yaml = try rendered.yaml()
        #expect(yaml.contains("maxUnavailable: 0"))
        #expect(yaml.contains("\"25%\""))
        let written = try #require(rendered.first(StatefulSet.self, named: "postgres", namespace: "shop"))
        #expect(written.spec.volumeClaimTemplates?.first?.spec?.resources?.requests?["storage"] == "20Gi")
        let errors = Validator().validate(rendered.manifests).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    // MARK: - GitOpsWithFlux.md

    @Test("GitOpsWithFlux: stages, options and Flux models")
    func gitOpsWithFlux() throws {
        let platform = Cluster("platform", environments: [.staging, .prod]) { _ in
            Group {
                HelmRepository(
                    name: "karpenter", namespace: "flux-system",
                    spec: HelmRepository.Spec(interval: "1h", type: "oci", url: "oci://public.ecr.aws/karpenter"))
                HelmRelease(
                    name: "karpenter", namespace: "kube-system",
                    spec: HelmRelease.Spec(
                        chart: .init(
                            spec: .init(
                                chart: "karpenter",
                                sourceRef: .init(name: "karpenter", namespace: "flux-system", kind: .helmRepository),
                                version: "1.14.1")),
                        install: .init(crds: .createReplace), interval: "30m",
                        values: ["settings": ["clusterName": "platform"]]))
            }
            .fluxLayer(.infrastructureControllers)

            EC2NodeClass(
                metadata: ObjectMeta(name: "default"),
                spec: EC2NodeClass.Spec(
                    amiSelectorTerms: [.init(alias: "al2023@latest")], role: "KarpenterNodeRole-platform",
                    securityGroupSelectorTerms: [.init(tags: ["karpenter.sh/discovery": "platform"])],
                    subnetSelectorTerms: [.init(tags: ["karpenter.sh/discovery": "platform"])]))
            NodePool(
                name: "spot-arm",
                spec: .init(
                    template: .init(
                        spec: .init(
                            nodeClassRef: .init(name: "default", group: "karpenter.k8s.aws", kind: "EC2NodeClass"),
                            requirements: [
                                .init(key: "kubernetes.io/arch", operator: .in, values: ["arm64"]),
                                .init(key: "karpenter.sh/capacity-type", operator: .in, values: ["spot"]),
                            ]))))

            Namespace(name: "sample")
            Web(replicas: 2).namespace("sample")
        }

        let render = try platform.render(for: .prod)
        let stages = Dictionary(render.objects.map { ($0.identity.kind, $0.fluxLayer) }, uniquingKeysWith: { a, _ in a })
        #expect(stages["HelmRelease"] == .infrastructureControllers)
        #expect(stages["NodePool"] == .infrastructureConfigs)
        #expect(stages["EC2NodeClass"] == .infrastructureConfigs)
        #expect(stages["Deployment"] == .apps)
        #expect(stages["HelmRepository"] == .infrastructureControllers)
        #expect(stages["Namespace"] == .apps)

        let options = FluxOptions(interval: "5m", timeout: "10m", rootPath: "./fleet")
        let files = try platform.files(.flux(options))
        for stage in ["infra-controllers", "infra-configs", "apps"] {
            #expect(files["clusters/prod/\(stage).yaml"] != nil, "\(stage)")
        }
        #expect(files["infrastructure/controllers/base/kustomization.yaml"] != nil)
        #expect(files["apps/prod/kustomization.yaml"] != nil)

        let nodes = try YAMLReader.readAll(try #require(files["clusters/prod/apps.yaml"]))
        let appsNode = try #require(nodes.first)
        let apps = try #require(try ResourceRegistry(FluxKinds.all).decode(appsNode).as(Kustomization.self))
        #expect(apps.spec?.dependsOn?.map(\.name) == ["infra-configs"])
        #expect(apps.spec?.path == "./fleet/apps/prod")
        #expect(apps.spec?.interval == "5m")
        #expect(apps.spec?.wait == true)

        // A Kustomization written by hand.
        let tenants = Kustomization(
            name: "tenants", namespace: "flux-system",
            spec: Kustomization.Spec(
                dependsOn: [.init(name: "apps")], interval: "10m", path: "./tenants", prune: true,
                sourceRef: .init(name: "flux-system", kind: .gitRepository)))
        #expect(try Manifest(tenants).jsonValue()["spec"]?["dependsOn"] == [["name": "apps"]])
    }

    // MARK: - Validating.md

    @Test("Validating: configuration, suppressions, formats")
    func validating() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              namespace: shop
              annotations:
                kubekit.io/ignore: POLICY-REPLICAS
                kubekit.io/ignore-reason: "a singleton by design: it holds a lease"
            spec:
              replicas: 1
              selector:
                matchLabels: {app: api}
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                  - name: api
                    image: registry.example.com/api:latest
                    resources:
                      requests: {cpu: 500m, memory: 1Gi}
                      limits: {memory: 512Mi}
            """
        let documents = try ManifestReader.readAll(text, file: "api.yaml").map { node in
            ValidationDocument(try ResourceRegistry.kubernetes.decode(node), node: node)
        }
        var configuration = ValidationConfiguration()
        configuration.policySets.insert(.podSecurityRestricted)
        configuration.disable("POLICY-CPU-LIMIT")
        configuration.setSeverity(.error, for: "POLICY-IMAGE-TAG")
        let changedAPIRule = configuration.setSeverity(.info, for: "K8S-RESOURCES-REQUEST-LIMIT")
        #expect(!changedAPIRule)
        let diagnostics = Validator(configuration: configuration).validate(documents)
        let ids = Set(diagnostics.map(\.ruleID))

        let overLimit = try #require(diagnostics.first { $0.ruleID == "K8S-RESOURCES-REQUEST-LIMIT" })
        #expect(overLimit.severity == .error)
        #expect(overLimit.fieldPath.hasPrefix("spec.template.spec.containers[0].resources"))
        #expect(overLimit.location?.file == "api.yaml")
        #expect((overLimit.location?.line ?? 0) > 1)
        #expect(diagnostics.first { $0.ruleID == "POLICY-IMAGE-TAG" }?.severity == .error)
        #expect(ids.contains("PSS-RESTRICTED-RUN-AS-NON-ROOT"))
        #expect(!ids.contains("POLICY-CPU-LIMIT"))
        #expect(!ids.contains("POLICY-REPLICAS"))

        var strict = configuration
        strict.allowsSuppressions = false
        let strictIDs = Set(Validator(configuration: strict).validate(documents).map(\.ruleID))
        #expect(strictIDs.contains("POLICY-REPLICAS") && strictIDs.contains("KUBEKIT-SUPPRESSION-FORBIDDEN"))

        let summary = DiagnosticSummary(diagnostics)
        #expect(summary.errors > 0)
        for format in DiagnosticFormat.allCases {
            #expect(!format.formatter.format(diagnostics).isEmpty, "\(format)")
        }
        let sarif = SARIFFormatter(prettyPrinted: true).format(diagnostics)
        #expect(sarif.contains("\"version\""))

        // Pod Security levels from namespace labels.
        let policy = PodSecurityPolicy(labels: [
            "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted",
        ])
        #expect(policy.level(for: .enforce) == .baseline && policy.level(for: .warn) == .restricted)
        #expect(PodSecurityLevel.baseline < .restricted)
    }

    // MARK: - ReadingYAML.md

    @Test("ReadingYAML: readers, registry, strict fields, limits")
    func readingYAML() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data:
              enabled: "on"
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: blue}
            spec: {size: 3}
            """
        let nodes = try ManifestReader.readAll(text, file: "mixed.yaml")
        let registry = ResourceRegistry.kubernetes.merging(ResourceRegistry(KarpenterKinds.all + FluxKinds.all))
        let manifests = try nodes.map { try registry.decode($0) }
        #expect(manifests.map(\.kind) == ["ConfigMap", "Widget"])
        #expect(manifests[0].as(ConfigMap.self)?.data?["enabled"] == "on")
        guard case .unstructured(let widget) = manifests[1].content else {
            Issue.record("an unknown kind should decode into an UnstructuredObject")
            return
        }
        #expect(widget.body["spec"]?["size"] == 3)

        let plain = try YAMLReader.readAll("replicas: 0755\nenabled: on\nport: \"80\"\n")
        #expect(plain[0]["replicas"]?.jsonValue == 493)
        #expect(plain[0]["enabled"]?.jsonValue == true)
        #expect(plain[0]["port"]?.jsonValue == "80")
        #expect(try JSONReader.readAll("{\"a\": 1}\n{\"a\": 2}\n").count == 2)

        let typo = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicyy: Always
            """
        let node = try #require(try YAMLReader.readAll(typo, file: "web.yaml").first)
        do {
            _ = try ResourceRegistry.kubernetes.decode(node)
            Issue.record("an unknown field must fail strict decoding")
        } catch let error as ManifestError {
            #expect(error.path == "spec.template.spec.containers[0].imagePullPolicyy")
            #expect(error.location?.line == 12)
            #expect(error.message.contains("did you mean"))
            #expect(
                "\(error)"
                    == "web.yaml:12:27: apps/v1 Deployment: spec.template.spec.containers[0].imagePullPolicyy: unknown "
                    + "field \"imagePullPolicyy\": Container has no such field; did you mean \"imagePullPolicy\"?")
        }
        let collector = UnknownFieldCollector()
        _ = try ResourceRegistry.kubernetes.decode(node, unknownFields: collector)
        #expect(collector.fields.map(\.path) == ["spec.template.spec.containers[0].imagePullPolicyy"])

        do {
            _ = try YAMLReader.readAll("a:\n\tb: 1\n", file: "tabs.yaml")
            Issue.record("a tab in indentation must be an error")
        } catch {
            #expect(error.location.line == 2 && error.location.file == "tabs.yaml")
            #expect("\(error)" == "tabs.yaml:2:1: found a tab character in indentation; YAML indents with spaces only")
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: ReadError.self) {
            try YAMLReader.readAll(deep, limits: ReaderLimits(maxDepth: 64))
        }
        #expect(try YAMLReader.readAll(deep).count == 1)
    }

    // MARK: - Performance.md

    @Test("Performance: streaming writers and encoders")
    func performance() throws {
        let writer = YAMLWriter(sink: ByteBuffer())
        try writer.value(["apiVersion": "v1", "kind": "ConfigMap", "data": ["on": "yes"]])
        try writer.finish()
        #expect(writer.sink.string == "apiVersion: v1\ndata:\n  \"on\": \"yes\"\nkind: ConfigMap\n")

        let deployment = try #require(try hello.render(for: .prod).first(Deployment.self, named: "web"))
        let yaml = try YAMLStreamEncoder().encode(deployment)
        #expect(yaml.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
        let json = try JSONStreamEncoder().encodeToString(deployment)
        #expect(json.hasPrefix("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\""))

        let lines = JSONWriter(sink: ByteBuffer(), options: .newlineDelimited)
        for replicas in 1...3 {
            try lines.value(["replicas": .int(Int64(replicas))])
            try lines.endDocument()
        }
        try lines.finish()
        #expect(lines.sink.string.split(separator: "\n").count == 3)

        let manifests = try hello.render(for: .prod).manifests
        let stream = JSONWriter(sink: ByteBuffer(), options: .newlineDelimited)
        for manifest in manifests {
            try stream.value(try manifest.jsonValue())
            try stream.endDocument()
        }
        try stream.finish()
        #expect(stream.sink.string.split(separator: "\n").count == manifests.count)

        let team = Cluster("checkout") { _ in Checkout().namespace("checkout") }
        #expect(try team.render(for: .default).manifests.map(\.name).sorted() == ["cart", "orders", "payments"])

        let streamed = try hello.render(for: .prod).yaml(serializer: StreamingSerializer())
        #expect(streamed.contains("kind: Deployment"))
    }
}
