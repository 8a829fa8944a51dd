import Foundation
import KubeModels
import KubeSerialization
import Yams

/// Encodes and decodes the same realistic Deployments with KubeKit, Foundation and Yams.
enum SerializationSuite {
    static let suite = "serialization"

    static func run(count: Int) throws {
        let deployments = Workload.deployments(count)
        let runs = 3
        let mb = 1_000_000.0

        // YAML write.
        let (kubekitYAML, kubekitYAMLWrite) = try kubekitYAMLWrite(deployments, runs: runs)
        report("kubekit.yaml.write", bytes: kubekitYAML.count, seconds: kubekitYAMLWrite, objects: count)
        var yamsYAML = ""
        let yams = YAMLEncoder()
        let yamsYAMLWrite = try Measure.median(runs: runs) {
            var parts: [String] = []
            parts.reserveCapacity(count)
            for deployment in deployments { parts.append(try yams.encode(deployment)) }
            yamsYAML = parts.joined(separator: "---\n")
        }
        report("yams.yaml.write", bytes: yamsYAML.utf8.count, seconds: yamsYAMLWrite, objects: count)
        Measure.report(suite, "ratio.yaml.write.kubekit-over-yams",
                       (Double(kubekitYAML.count) / kubekitYAMLWrite) / (Double(yamsYAML.utf8.count) / yamsYAMLWrite), "x")

        // JSON write (newline-delimited).
        let (kubekitJSON, kubekitJSONWrite) = try kubekitJSONWrite(deployments, runs: runs)
        report("kubekit.json.write", bytes: kubekitJSON.count, seconds: kubekitJSONWrite, objects: count)
        var foundationJSON = Data()
        let foundation = JSONEncoder()
        let foundationJSONWrite = try Measure.median(runs: runs) {
            var out = Data()
            for deployment in deployments {
                out += try foundation.encode(deployment)
                out.append(UInt8(ascii: "\n"))
            }
            foundationJSON = out
        }
        report("foundation.json.write", bytes: foundationJSON.count, seconds: foundationJSONWrite, objects: count)
        Measure.report(suite, "ratio.json.write.kubekit-over-foundation",
                       (Double(kubekitJSON.count) / kubekitJSONWrite) / (Double(foundationJSON.count) / foundationJSONWrite), "x")

        // YAML read into typed models (the same KubeKit-written input for both readers), through the
        // direct read path (NodeReadable) and, for comparison, the models' Decodable conformances.
        let decoder = NodeDecoder()
        let reader = NodeReader()
        var decoded = 0
        let kubekitYAMLRead = try Measure.median(runs: runs) {
            let nodes = try YAMLReader.readAll(kubekitYAML)
            decoded = 0
            for node in nodes {
                _ = try reader.read(Deployment.self, from: node)
                decoded += 1
            }
        }
        precondition(decoded == count, "KubeKit read \(decoded) of \(count) documents")
        report("kubekit.yaml.read", bytes: kubekitYAML.count, seconds: kubekitYAMLRead, objects: count)
        let kubekitYAMLNodes = try Measure.median(runs: runs) { _ = try YAMLReader.readAll(kubekitYAML) }
        report("kubekit.yaml.read.nodes-only", bytes: kubekitYAML.count, seconds: kubekitYAMLNodes, objects: count)
        let kubekitYAMLCodable = try Measure.median(runs: runs) {
            let nodes = try YAMLReader.readAll(kubekitYAML)
            for node in nodes { _ = try decoder.decode(Deployment.self, from: node) }
        }
        report("kubekit.yaml.read.codable", bytes: kubekitYAML.count, seconds: kubekitYAMLCodable, objects: count)
        let yamlText = String(decoding: kubekitYAML, as: UTF8.self)
        let documents = yamlText.components(separatedBy: "\n---\n")
        let yamsDecoder = YAMLDecoder()
        let yamsYAMLRead = try Measure.median(runs: runs) {
            for document in documents { _ = try yamsDecoder.decode(Deployment.self, from: document) }
        }
        report("yams.yaml.read", bytes: kubekitYAML.count, seconds: yamsYAMLRead, objects: count)
        Measure.report(suite, "ratio.yaml.read.kubekit-over-yams", yamsYAMLRead / kubekitYAMLRead, "x")

        // JSON read into typed models.
        let kubekitJSONRead = try Measure.median(runs: runs) {
            let nodes = try JSONReader.readAll(kubekitJSON)
            for node in nodes { _ = try reader.read(Deployment.self, from: node) }
        }
        report("kubekit.json.read", bytes: kubekitJSON.count, seconds: kubekitJSONRead, objects: count)
        let lines = Data(kubekitJSON).split(separator: UInt8(ascii: "\n"))
        let foundationDecoder = JSONDecoder()
        let foundationJSONRead = try Measure.median(runs: runs) {
            for line in lines { _ = try foundationDecoder.decode(Deployment.self, from: Data(line)) }
        }
        report("foundation.json.read", bytes: kubekitJSON.count, seconds: foundationJSONRead, objects: count)
        Measure.report(suite, "ratio.json.read.kubekit-over-foundation", foundationJSONRead / kubekitJSONRead, "x")
        _ = mb

        // Extra memory while streaming 100,000 documents to a file, measured in a fresh process.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-bench-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["stream-rss", "100000", path]
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Only KubeKit's two write figures (a quick check while tuning the writers; no peers).
    static func runWrites(count: Int, runs: Int) throws {
        let deployments = Workload.deployments(count)
        let (yaml, yamlSeconds) = try kubekitYAMLWrite(deployments, runs: runs)
        report("kubekit.yaml.write", bytes: yaml.count, seconds: yamlSeconds, objects: count)
        let (json, jsonSeconds) = try kubekitJSONWrite(deployments, runs: runs)
        report("kubekit.json.write", bytes: json.count, seconds: jsonSeconds, objects: count)
    }

    /// Only KubeKit's read figures (a quick check while tuning the readers; no peers).
    static func runReads(count: Int, runs: Int) throws {
        let deployments = Workload.deployments(count)
        let (yaml, _) = try kubekitYAMLWrite(deployments, runs: 1)
        let (json, _) = try kubekitJSONWrite(deployments, runs: 1)
        let reader = NodeReader()
        let yamlNodes = try Measure.median(runs: runs) { _ = try YAMLReader.readAll(yaml) }
        report("kubekit.yaml.read.nodes-only", bytes: yaml.count, seconds: yamlNodes, objects: count)
        let yamlTyped = try Measure.median(runs: runs) {
            for node in try YAMLReader.readAll(yaml) { _ = try reader.read(Deployment.self, from: node) }
        }
        report("kubekit.yaml.read", bytes: yaml.count, seconds: yamlTyped, objects: count)
        let jsonNodes = try Measure.median(runs: runs) { _ = try JSONReader.readAll(json) }
        report("kubekit.json.read.nodes-only", bytes: json.count, seconds: jsonNodes, objects: count)
        let jsonTyped = try Measure.median(runs: runs) {
            for node in try JSONReader.readAll(json) { _ = try reader.read(Deployment.self, from: node) }
        }
        report("kubekit.json.read", bytes: json.count, seconds: jsonTyped, objects: count)
    }

    /// The YAML stream of `deployments` and the median time to write it.
    static func kubekitYAMLWrite(_ deployments: [Deployment], runs: Int) throws -> ([UInt8], Double) {
        var output: [UInt8] = []
        let encoder = YAMLStreamEncoder()
        let seconds = try Measure.median(runs: runs) {
            let writer = YAMLWriter(sink: ByteBuffer(capacity: 64 << 20))
            try encoder.encode(documents: deployments, to: writer)
            try writer.finish()
            output = writer.sink.bytes
        }
        return (output, seconds)
    }

    /// Newline-delimited JSON of `deployments` and the median time to write it.
    static func kubekitJSONWrite(_ deployments: [Deployment], runs: Int) throws -> ([UInt8], Double) {
        var output: [UInt8] = []
        let encoder = JSONStreamEncoder(options: .newlineDelimited)
        let seconds = try Measure.median(runs: runs) {
            var out: [UInt8] = []
            for deployment in deployments {
                out += try encoder.encode(deployment)
                out.append(UInt8(ascii: "\n"))
            }
            output = out
        }
        return (output, seconds)
    }

    static func report(_ name: String, bytes: Int, seconds: Double, objects: Int) {
        Measure.report(suite, name, Double(bytes) / seconds / 1_000_000, "MB/s")
        Measure.report(suite, name + ".objects", Double(objects) / seconds, "objects/s")
    }

    /// Writes `count` Deployments one at a time to a file through the streaming YAML writer and
    /// reports how much resident memory grew.
    static func streamChild(count: Int, path: String) throws {
        let template = Workload.deployment(0)
        let before = Measure.currentRSS() ?? 0
        let sink = try FileSink(path: path)
        let writer = YAMLWriter(sink: sink)
        let encoder = YAMLStreamEncoder()
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<count {
            var deployment = template
            deployment.metadata.name = "service-\(index)"
            try encoder.encode(documents: [deployment], to: writer)
        }
        try writer.finish()
        try sink.close()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let peak = Measure.peakRSS() ?? 0
        Measure.report(suite, "kubekit.yaml.stream100k.extra-rss", Double(max(0, peak - before)) / 1_048_576, "MiB")
        Measure.report(suite, "kubekit.yaml.stream100k.write", Double(size) / seconds / 1_000_000, "MB/s")
    }
}
