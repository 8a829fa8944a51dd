import Foundation

@testable import KubeSerialization

/// A small deterministic generator (SplitMix64), so that property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomStrings {
    /// Characters that matter to YAML and JSON writers, plus letters.
    static let alphabet: [Unicode.Scalar] = {
        var scalars = Array(" \t\n\r-?:,[]{}#&*!|>'\"%@`\\/.=<~+_0123456789eExXoObBaTZyYnN".unicodeScalars)
        let special: [UInt32] = [
            0, 1, 7, 8, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x2028, 0x2029, 0xFEFF, 0xFFFE,
            0xFFFF, 0xFFFD, 0x4E2D, 0x1F600, 0x10FFFF, 0x3000, 0x200B,
        ]
        scalars += special.compactMap(Unicode.Scalar.init)
        return scalars
    }()

    /// `count` distinct strings (by UTF-8 bytes) of up to `maximumLength` scalars.
    static func make(count: Int, seed: UInt64, maximumLength: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var seen = Set<[UInt8]>()
        var result: [String] = []
        while result.count < count {
            let length = Int.random(in: 0...maximumLength, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    let letter = UInt32.random(in: 0x61...0x7A, using: &generator)
                    scalars.append(Unicode.Scalar(letter) ?? "a")
                } else {
                    scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
                }
            }
            let string = String(scalars)
            if seen.insert(Array(string.utf8)).inserted { result.append(string) }
        }
        return result
    }
}

/// Writes strings as keys and values in several positions (mapping, sequence, nested, root).
/// With `asArray`, everything goes into one JSON array (the expected result); otherwise into
/// separate documents.
func writeStringDocuments(_ strings: [String], to writer: any StructuredWriter, asArray: Bool) throws {
    func document(_ body: () throws -> Void) throws {
        if !asArray { try writer.beginDocument() }
        try body()
        if !asArray { try writer.endDocument() }
    }
    if asArray { try writer.beginSequence() }
    try document {
        try writer.beginMapping()
        for string in strings {
            try writer.key(string)
            try writer.string(string)
        }
        try writer.endMapping()
    }
    try document {
        try writer.beginSequence()
        for string in strings { try writer.string(string) }
        try writer.endSequence()
    }
    try document {
        try writer.beginSequence()
        for string in strings {
            try writer.beginMapping()
            try writer.key(string)
            try writer.beginMapping()
            try writer.key("\u{1}value")
            try writer.string(string)
            try writer.key(string)
            try writer.beginSequence()
            try writer.string(string)
            try writer.beginSequence()
            try writer.string(string)
            try writer.endSequence()
            try writer.endSequence()
            try writer.endMapping()
            try writer.key("\u{1}list")
            try writer.beginSequence()
            try writer.beginMapping()
            try writer.key(string)
            try writer.string(string)
            try writer.endMapping()
            try writer.endSequence()
            try writer.endMapping()
        }
        try writer.endSequence()
    }
    for string in strings {
        try document { try writer.string(string) }
    }
    if asArray { try writer.endSequence() }
}

/// Runs the oracle environment's Python (PyYAML) on YAML the writer produced.
enum PythonOracle {
    /// The interpreter of the environment `../shared/oracles/setup` creates, or `nil`.
    static var python: URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let venv = environment["KUBE_ORACLES_VENV"] { candidates.append(venv + "/bin/python") }
        if let home = environment["HOME"] { candidates.append(home + "/.cache/kube-oracles/bin/python") }
        candidates.append("/root/.cache/kube-oracles/bin/python")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    static let missingMessage = """
        The oracle Python environment (PyYAML) is missing. CI always has it; create it with \
        `../shared/oracles/setup` from the package root (or set KUBE_ORACLES_VENV).
        """

    /// Loads `yaml` with PyYAML's pure-Python and libyaml safe loaders and compares every
    /// document with the JSON array `expectedJSON`. Returns the script's exit status and output.
    static func compare(yaml: [UInt8], expectedJSON: [UInt8], python: URL) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubekit-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yamlFile = directory.appendingPathComponent("docs.yaml")
        let jsonFile = directory.appendingPathComponent("expected.json")
        let scriptFile = directory.appendingPathComponent("check.py")
        try Data(yaml).write(to: yamlFile)
        try Data(expectedJSON).write(to: jsonFile)
        try Data(script.utf8).write(to: scriptFile)

        let process = Process()
        process.executableURL = python
        process.arguments = [scriptFile.path, yamlFile.path, jsonFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private static let script = #"""
        import json, sys, yaml
        text = open(sys.argv[1], encoding='utf-8').read()
        expected = json.load(open(sys.argv[2], encoding='utf-8'))
        failures = []
        loaders = [('SafeLoader', yaml.SafeLoader)]
        if getattr(yaml, '__with_libyaml__', False):
            loaders.append(('CSafeLoader', yaml.CSafeLoader))
        for name, loader in loaders:
            try:
                docs = list(yaml.load_all(text, Loader=loader))
            except Exception as e:
                failures.append(f'{name}: {e}')
                continue
            if len(docs) != len(expected):
                failures.append(f'{name}: {len(docs)} documents, expected {len(expected)}')
                continue
            for i, (got, want) in enumerate(zip(docs, expected)):
                if got == want:
                    continue
                if isinstance(want, dict) and isinstance(got, dict):
                    bad = [k for k in want if got.get(k, object()) != want[k]] + [k for k in got if k not in want]
                    failures.append(f'{name} document {i}: keys {bad[:5]!r}')
                elif isinstance(want, list) and isinstance(got, list) and len(got) == len(want):
                    bad = [(x, y) for x, y in zip(got, want) if x != y]
                    failures.append(f'{name} document {i}: {bad[:3]!r}')
                else:
                    failures.append(f'{name} document {i}: read {got!r}, expected {want!r}'[:500])
        for n, line in enumerate(text.split('\n')):
            if line.startswith('---') and line != '---':
                failures.append(f'line {n + 1} starts with --- (kubectl would split there): {line[:40]!r}')
        for f in failures[:20]:
            print(f)
        print(f'checked {len(expected)} documents with {", ".join(n for n, _ in loaders)}: {len(failures)} failures')
        sys.exit(1 if failures else 0)
        """#
}

// MARK: - Node builders for decoder tests

/// A location in the test document `test.yaml`.
func location(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "test.yaml", line: line, column: column)
}

func scalar(_ content: Node.Content, _ line: Int, _ column: Int) -> Node {
    Node(content, at: location(line, column))
}

/// A mapping at `line:column` whose entries are given with the line of each key (keys at `column`).
func mapping(_ line: Int, _ column: Int, _ entries: [(String, Int, Node)]) -> Node {
    Node(
        .mapping(entries.map { Node.Entry(key: $0.0, keyLocation: location($0.1, column), value: $0.2) }),
        at: location(line, column))
}

func sequence(_ line: Int, _ column: Int, _ items: [Node]) -> Node {
    Node(.sequence(items), at: location(line, column))
}
