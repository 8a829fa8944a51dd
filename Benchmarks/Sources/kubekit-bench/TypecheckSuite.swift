import Foundation

/// Type-checks generated KubeDSL sources with `swiftc -typecheck` against the modules of this
/// release build and reports wall-clock medians:
/// - `services1000`: 1,000 services (Deployment + Service + HPA + PDB + NetworkPolicy each) as
///   instances of one parameterized service component, grouped into 20 team components of 50
///   and one cluster: the way DESIGN.md §3 recommends writing a large cluster;
/// - `services1000-distinct-types`: the same 1,000 services with every service its own component
///   type and its own Deployment literal, the worst case (1,000 bodies to check);
/// - `body100`: a single builder body of 100 statements;
/// - `import-only`: a file that only imports the modules, the fixed cost inside both figures.
enum TypecheckSuite {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run() throws {
        let modules = try moduleDirectory()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-typecheck-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let cases: [(String, String)] = [
            ("import-only", header), ("services1000", instances(1_000, perTeam: 50)),
            ("services1000-distinct-types", services(1_000, perTeam: 50)), ("body100", body(100)),
        ]
        for (name, source) in cases {
            let file = directory.appendingPathComponent("\(name).swift")
            try Data(source.utf8).write(to: file, options: .atomic)
            try typecheck(file, modules: modules)  // warm the module cache; fails loudly on a compile error
            let seconds = try Measure.median(runs: 3) { try typecheck(file, modules: modules) }
            Measure.report("typecheck", name, seconds, "s")
        }
    }

    /// The directory holding the `.swiftmodule` files of the KubeKit modules this benchmark was
    /// built with (next to the executable).
    static func moduleDirectory() throws -> URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        for candidate in [binDirectory.appendingPathComponent("Modules"), binDirectory]
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("KubeDSL.swiftmodule").path) {
            return candidate
        }
        throw Failure(description: "KubeDSL.swiftmodule not found next to \(executable.path); build with swift build")
    }

    static func typecheck(_ file: URL, modules: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-I", modules.path, file.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "swiftc -typecheck \(file.lastPathComponent) failed:\n"
                    + String(decoding: output.prefix(4_000), as: UTF8.self))
        }
    }

    static let header = """
        import KubeDSL
        import KubeModels

        """

    /// One service as its own component type, written the way a team would.
    static func service(_ index: Int) -> String {
        """
        struct Service\(index): Component {
            var body: ClusterContent {
                get throws {
                    let deployment = Deployment(
                        name: "svc-\(index)",
                        spec: DeploymentSpec(
                            selector: LabelSelector(matchLabels: ["app.kubernetes.io/name": "svc-\(index)"]),
                            template: PodTemplateSpec(
                                metadata: ObjectMeta(labels: ["app.kubernetes.io/name": "svc-\(index)"]),
                                spec: PodSpec(containers: [
                                    Container(
                                        name: "app", image: "registry.example.com/svc-\(index):1.0",
                                        ports: [ContainerPort(name: "http", containerPort: 8080)],
                                        resources: ResourceRequirements(
                                            limits: ["memory": "256Mi"], requests: ["cpu": "100m", "memory": "128Mi"]))
                                ]))))
                    deployment
                    try Service.exposing(deployment)
                    try HorizontalPodAutoscaler.scaling(deployment, minReplicas: 2, maxReplicas: 10, cpuUtilization: 70)
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                    try NetworkPolicy.allowing(to: deployment, from: [.namespace("ingress")], ports: [.named("http")])
                }
            }
        }

        """
    }

    /// The parameterized service component of `services1000`.
    static let webService = """
        struct WebService: Component {
            var name: String
            var image: String
            var cpu: Quantity
            var memory: Quantity
            var minReplicas: Int32
            var maxReplicas: Int32

            var deployment: Deployment {
                let labels = ["app.kubernetes.io/name": name]
                let container = Container(
                    name: "app", image: image, ports: [ContainerPort(name: "http", containerPort: 8080)],
                    resources: ResourceRequirements(limits: ["memory": memory], requests: ["cpu": cpu, "memory": memory]))
                let template = PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))
                return Deployment(
                    name: name, spec: DeploymentSpec(selector: LabelSelector(matchLabels: labels), template: template))
            }

            var body: ClusterContent {
                get throws {
                    let deployment = self.deployment
                    deployment
                    try Service.exposing(deployment)
                    try HorizontalPodAutoscaler.scaling(
                        deployment, minReplicas: minReplicas, maxReplicas: maxReplicas, cpuUtilization: 70)
                    try PodDisruptionBudget.protecting(deployment, .minAvailable(1))
                    try NetworkPolicy.allowing(to: deployment, from: [.namespace("ingress")], ports: [.named("http")])
                }
            }
        }


        """

    static func instances(_ count: Int, perTeam: Int) -> String {
        var source = header + webService
        let teams = stride(from: 0, to: count, by: perTeam).map { start in (start, min(start + perTeam, count)) }
        for (team, range) in teams.enumerated() {
            source += "struct Team\(team): Component {\n    var body: ClusterContent {\n"
            for index in range.0..<range.1 {
                source += """
                            WebService(
                                name: "svc-\(index)", image: "registry.example.com/svc-\(index):1.0", cpu: "100m",
                                memory: "128Mi", minReplicas: 2, maxReplicas: \(10 + index % 5))

                    """
            }
            source += "    }\n}\n\n"
        }
        source += "enum Platform {\n    static let cluster = Cluster(\"platform\") { _ in\n"
        for team in teams.indices { source += "        Team\(team)().namespace(\"team-\(team)\")\n" }
        source += "    }\n}\n"
        return source
    }

    static func services(_ count: Int, perTeam: Int) -> String {
        var source = header
        for index in 0..<count { source += service(index) }
        let teams = stride(from: 0, to: count, by: perTeam).map { start in (start, min(start + perTeam, count)) }
        for (team, range) in teams.enumerated() {
            source += "struct Team\(team): Component {\n    var body: ClusterContent {\n"
            for index in range.0..<range.1 { source += "        Service\(index)()\n" }
            source += "    }\n}\n\n"
        }
        source += "enum Platform {\n    static let cluster = Cluster(\"platform\") { _ in\n"
        for team in teams.indices { source += "        Team\(team)().namespace(\"team-\(team)\")\n" }
        source += "    }\n}\n"
        return source
    }

    /// One component whose body has `statements` statements of mixed kinds.
    static func body(_ statements: Int) -> String {
        var source = header + "struct Configuration: Component {\n    var body: ClusterContent {\n"
        for index in 0..<statements {
            switch index % 4 {
            case 0: source += "        ConfigMap(name: \"config-\(index)\", data: [\"key\": \"value-\(index)\"])\n"
            case 1: source += "        Secret(name: \"secret-\(index)\", stringData: [\"token\": \"t-\(index)\"])\n"
            case 2: source += "        ServiceAccount(name: \"account-\(index)\")\n"
            default: source += "        Namespace(name: \"namespace-\(index)\")\n"
            }
        }
        source += "    }\n}\n"
        return source
    }
}
