import Foundation
import KubeDSL
import KubeModels

/// Renders 1,000 services (Deployment + Service + HPA + PDB + NetworkPolicy each) to one YAML
/// stream with KubeDSL, and the same objects with cdk8s (`Peers/cdk8s_services.py`, run with the
/// oracle environment's Python), in one run. Reports wall-clock medians, the CPU seconds of the
/// cdk8s process tree, and the ratio.
enum RenderSuite {
    /// One service, the way a team would write it: a component with parameters.
    struct BenchService: Component {
        var index: Int

        var body: ClusterContent {
            get throws {
                let name = "svc-\(index)"
                let deployment = Deployment(
                    name: name,
                    spec: DeploymentSpec(
                        selector: LabelSelector(matchLabels: ["app.kubernetes.io/name": name]),
                        template: PodTemplateSpec(
                            metadata: ObjectMeta(labels: ["app.kubernetes.io/name": name]),
                            spec: PodSpec(containers: [
                                Container(
                                    name: "app", image: "registry.example.com/\(name):1.0",
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

    static func cluster(services: Int) -> Cluster<EnvironmentSettings> {
        Cluster("platform") { _ in
            Namespace(name: "shop")
            Group {
                for index in 0..<services { BenchService(index: index) }
            }
            .namespace("shop")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(services: Int = 1_000) throws {
        let cluster = cluster(services: services)
        var bytes = 0
        let unvalidated = try Measure.median(runs: 5) {
            bytes = try cluster.render(for: .default, options: .unvalidated).yaml(serializer: StreamingSerializer())
                .utf8.count
        }
        Measure.report("render", "kubekit.services\(services).yaml", unvalidated, "s")
        Measure.report("render", "kubekit.services\(services).yaml.bytes", Double(bytes), "bytes")
        let validated = try Measure.median(runs: 5) {
            _ = try cluster.render(for: .default).yaml(serializer: StreamingSerializer())
        }
        Measure.report("render", "kubekit.services\(services).yaml.validated", validated, "s")

        guard let python = oraclePython() else {
            FileHandle.standardError.write(
                Data("render: cdk8s skipped: run ../shared/oracles/setup --peers (no oracle Python found)\n".utf8))
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Peers/cdk8s_services.py")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-cdk8s-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        var walls: [Double] = []
        var cpus: [Double] = []
        for _ in 0..<3 {
            let before = childCPUSeconds()
            walls.append(try Measure.seconds { try runPeer(python, script, services, output) })
            cpus.append(childCPUSeconds() - before)
        }
        let wall = walls.sorted()[1]
        let cpu = cpus.sorted()[1]
        Measure.report("render", "cdk8s.services\(services).yaml", wall, "s")
        Measure.report("render", "cdk8s.services\(services).yaml.cpu", cpu, "CPU-s")
        let peerBytes = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        Measure.report("render", "cdk8s.services\(services).yaml.bytes", Double(peerBytes), "bytes")
        Measure.report("render", "ratio.cdk8s-over-kubekit", wall / unvalidated, "x")
        Measure.report("render", "ratio.cdk8s-over-kubekit-validated", wall / validated, "x")
    }

    static func runPeer(_ python: URL, _ script: URL, _ services: Int, _ output: URL) throws {
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, String(services), output.path]
        var environment = ProcessInfo.processInfo.environment
        environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "cdk8s failed: " + String(decoding: message.suffix(2_000), as: UTF8.self))
        }
    }

    /// `$KUBE_ORACLES_VENV/bin/python` or `~/.cache/kube-oracles/bin/python`, when cdk8s is installed there.
    static func oraclePython() -> URL? {
        var candidates: [URL] = []
        if let venv = ProcessInfo.processInfo.environment["KUBE_ORACLES_VENV"] {
            candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"))
        }
        candidates.append(
            FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kube-oracles/bin/python"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// User + system CPU seconds of every terminated and waited-for child (and their children).
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
