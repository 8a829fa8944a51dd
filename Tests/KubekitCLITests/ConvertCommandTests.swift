import Foundation
import KubeSerialization
import Testing

enum CLI {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] { return URL(fileURLWithPath: custom) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let buildFolder: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("kubekit").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()
    static var kubekit: String { buildFolder.appendingPathComponent("kubekit").path }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("kubekit-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("kubekit-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubekit)
        process.arguments = arguments
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try inputPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func lines(_ data: Data) throws -> [JSONValue] {
        try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(JSONValue.self, from: Data($0)) }
    }

    /// Semantic equality as the API server sees it: null members equal absent ones; embedded
    /// objects may gain their apiVersion and kind.
    static func differences(_ a: JSONValue, _ b: JSONValue, path: String = "", embedded: Bool = false) -> [String] {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            var out: [String] = []
            for key in Set(x.keys).union(y.keys).sorted() {
                let l: JSONValue? = x[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
                let r: JSONValue? = y[key].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
                switch (l, r) {
                case (let l?, let r?): out += differences(l, r, path: "\(path).\(key)", embedded: true)
                case (nil, nil): break
                case (nil, _?): if !(embedded && (key == "apiVersion" || key == "kind")) { out.append("\(path).\(key) added") }
                case (_?, nil): out.append("\(path).\(key) dropped")
                }
            }
            return out
        case (.array(let x), .array(let y)) where x.count == y.count:
            return zip(x, y).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]", embedded: embedded) }
        default:
            return a == b ? [] : ["\(path): \(a) became \(b)"]
        }
    }
}

/// `kubekit convert` end to end on the real-world corpus: what it writes is what kubectl sends.
@Suite struct ConvertCommandTests {
    static let corpus = CLI.shared.appendingPathComponent("corpus")
    static let expected: [String] = ((try? FileManager.default.contentsOfDirectory(
        atPath: corpus.appendingPathComponent("kubectl-json").path)) ?? [])
        .filter { $0.hasSuffix(".kubectl.jsonl") }.sorted()
    /// Documents the oracles reject (KubeKit refuses them too, with a located error).
    static let rejectedFiles: Set<String> = {
        let url = CLI.packageRoot.appendingPathComponent("Tests/KubeModelsTests/Fixtures/corpus-oracle-rejections.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap { $0.split(separator: "#").first.map(String.init) })
    }()

    @Test func theToolIsBuilt() {
        #expect(FileManager.default.fileExists(atPath: CLI.kubekit), "no kubekit at \(CLI.kubekit)")
        #expect(Self.expected.count >= 70)
    }

    @Test(arguments: expected)
    func convertWritesWhatKubectlSends(_ name: String) throws {
        let source = String(name.dropLast(".kubectl.jsonl".count))
        let manifest = Self.corpus.appendingPathComponent("manifests").appendingPathComponent(source)
        let result = try CLI.run(["convert", "--to", "json", manifest.path])
        if Self.rejectedFiles.contains(name) {
            #expect(result.status == 1)
            #expect(result.stderr.contains(source + ":"), "error without a location: \(result.stderr)")
            return
        }
        #expect(result.status == 0, "\(source): \(result.stderr)")
        let got = try CLI.lines(result.stdout)
        let want = try CLI.lines(try Data(contentsOf: Self.corpus.appendingPathComponent("kubectl-json").appendingPathComponent(name)))
        #expect(got.count == want.count, "\(source): \(got.count) documents, kubectl sends \(want.count)")
        for (index, pair) in zip(want, got).enumerated() {
            let diff = CLI.differences(pair.0, pair.1)
            #expect(diff.isEmpty, "\(source) document \(index + 1): \(diff.prefix(5))")
        }
    }

    @Test func yamlOutputReadsBackToTheSameObjects() throws {
        let manifest = Self.corpus.appendingPathComponent("manifests/kubernetes__website__content__en__examples__application__zookeeper__zookeeper.yaml")
        let yaml = try CLI.run(["convert", manifest.path])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        let again = try CLI.run(["convert", "--to", "json", "-"], input: yaml.stdout)
        #expect(again.status == 0, "\(again.stderr)")
        let direct = try CLI.run(["convert", "--to", "json", manifest.path])
        #expect(try CLI.lines(again.stdout) == CLI.lines(direct.stdout))
    }

    @Test func badInputIsALocatedErrorAndExitsNonZero() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubekit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("tabs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n", "tabs.yaml:4:"),
            ("unknown.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\nextra: 1\n", "unknown field"),
            ("type.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: three\n  selector: {}\n  template: {}\n", "spec.replicas"),
        ]
        for (file, text, fragment) in cases {
            let url = dir.appendingPathComponent(file)
            try Data(text.utf8).write(to: url)
            let result = try CLI.run(["convert", url.path])
            #expect(result.status == 1, "\(file)")
            #expect(result.stderr.contains(fragment), "\(file): \(result.stderr)")
            #expect(result.stderr.contains(file), "\(file): \(result.stderr)")
        }
        let missing = try CLI.run(["convert", dir.appendingPathComponent("nope.yaml").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.yaml"))
        // --output writes atomically: a failed run leaves an existing file untouched.
        let target = dir.appendingPathComponent("out.json")
        try Data("previous\n".utf8).write(to: target)
        let failed = try CLI.run(["convert", "--to", "json", "--output", target.path, dir.appendingPathComponent("type.yaml").path])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
    }
}
