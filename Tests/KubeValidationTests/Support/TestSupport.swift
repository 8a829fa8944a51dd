import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// Locations of the shared reference data beside the repository.
enum TestPaths {
    /// The package root (symlinks resolved, so builds from a linked checkout still find `../shared`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared`, or `$KUBEKIT_SHARED` when set.
    static let shared: URL = {
        if let custom = ProcessInfo.processInfo.environment["KUBEKIT_SHARED"] {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let kubectlJSON = shared.appendingPathComponent("corpus/kubectl-json")
    static let sarifSchema = shared.appendingPathComponent("reference/sarif/sarif-schema-2.1.0.json")
    static let oracleRejections = packageRoot.appendingPathComponent(
        "Tests/KubeModelsTests/Fixtures/corpus-oracle-rejections.txt")

    /// The oracle Python interpreter: `$KUBE_ORACLES_VENV/bin/python` or `~/.cache/kube-oracles/bin/python`.
    static var oraclePython: URL? {
        var candidates: [URL] = []
        if let venv = ProcessInfo.processInfo.environment["KUBE_ORACLES_VENV"] {
            candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"))
        }
        let home = FileManager.default.homeDirectoryForCurrentUser
        candidates.append(home.appendingPathComponent(".cache/kube-oracles/bin/python"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A path step for editing JSON test documents: a field name or a list index.
enum Step: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

extension JSONValue {
    /// Parses `spec.template.spec.containers[0].image` into steps.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                if let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                    indexes.insert(index, at: 0)
                }
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps.append(contentsOf: indexes.map { .index($0) })
        }
        return steps
    }

    /// The value at a dotted path (`a.b[0].c`), or `nil`.
    subscript(path path: String) -> JSONValue? {
        get { Self.get(self, Self.steps(path)[...]) }
        set { Self.set(&self, Self.steps(path)[...], newValue) }
    }

    private static func get(_ value: JSONValue, _ steps: ArraySlice<Step>) -> JSONValue? {
        guard let first = steps.first else { return value }
        switch (first, value) {
        case (.key(let key), .object(let object)):
            guard let child = object[key] else { return nil }
            return get(child, steps.dropFirst())
        case (.index(let index), .array(let array)):
            guard index < array.count else { return nil }
            return get(array[index], steps.dropFirst())
        default:
            return nil
        }
    }

    private static func set(_ value: inout JSONValue, _ steps: ArraySlice<Step>, _ newValue: JSONValue?) {
        guard let first = steps.first else {
            value = newValue ?? .null
            return
        }
        switch first {
        case .key(let key):
            var object: [String: JSONValue]
            if case .object(let existing) = value { object = existing } else { object = [:] }
            if steps.count == 1 {
                object[key] = newValue
            } else {
                var child = object[key] ?? .object([:])
                set(&child, steps.dropFirst(), newValue)
                object[key] = child
            }
            value = .object(object)
        case .index(let index):
            var array: [JSONValue]
            if case .array(let existing) = value { array = existing } else { array = [] }
            while array.count <= index { array.append(.object([:])) }
            if steps.count == 1 {
                if let newValue { array[index] = newValue } else { array.remove(at: index) }
            } else {
                set(&array[index], steps.dropFirst(), newValue)
            }
            value = .array(array)
        }
    }

    /// A copy with the given paths set (`nil` removes).
    func with(_ changes: [String: JSONValue?]) -> JSONValue {
        var copy = self
        for (path, value) in changes.sorted(by: { $0.key < $1.key }) {
            copy[path: path] = value
        }
        return copy
    }

    /// Parses a JSON text (test fixtures only).
    static func parse(_ text: String) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            Issue.record("fixture is not JSON: \(error)")
            return .null
        }
    }
}

/// Decodes JSON documents into manifests, recording a test issue for any that do not decode.
func manifests(_ documents: [JSONValue], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Manifest] {
    documents.compactMap { document in
        do {
            return try ResourceRegistry.kubernetes.decode(document)
        } catch {
            Issue.record("fixture does not decode: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

/// Validates JSON documents with the given policy sets.
func validate(
    _ documents: [JSONValue], sets: Set<PolicySet> = PolicySet.defaults,
    configure: (inout ValidationConfiguration) -> Void = { _ in },
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    var configuration = ValidationConfiguration(policySets: sets)
    configure(&configuration)
    return Validator(configuration: configuration).validate(manifests(documents, sourceLocation: sourceLocation))
}

/// A deterministic random number generator (SplitMix64) for property-style tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
