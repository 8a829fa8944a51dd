import Foundation

// kubekit-bench SUITE: prints `BENCH <suite> <name> <value> <unit>` lines (DESIGN.md §7).
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "serialization":
        try SerializationSuite.run(count: Int(arguments.dropFirst().first ?? "") ?? 10_000)
    case "serialization-write":
        // KubeKit's write figures only, for tuning: COUNT documents, RUNS runs.
        let rest = arguments.dropFirst()
        try SerializationSuite.runWrites(count: Int(rest.first ?? "") ?? 10_000, runs: Int(rest.dropFirst().first ?? "") ?? 5)
    case "serialization-read":
        // KubeKit's read figures only, for tuning: COUNT documents, RUNS runs.
        let rest = arguments.dropFirst()
        try SerializationSuite.runReads(count: Int(rest.first ?? "") ?? 10_000, runs: Int(rest.dropFirst().first ?? "") ?? 5)
    case "validation":
        try ValidationSuite.run()
    case "render":
        try RenderSuite.run(services: Int(arguments.dropFirst().first ?? "") ?? 1_000)
    case "typecheck":
        try TypecheckSuite.run()
    case "stream-rss":
        // Internal: the child process of the memory measurement.
        try SerializationSuite.streamChild(count: Int(arguments[1]) ?? 100_000, path: arguments[2])
    default:
        FileHandle.standardError.write(
            Data("usage: kubekit-bench serialization [COUNT] | serialization-write [COUNT] [RUNS] | serialization-read [COUNT] [RUNS] | validation | render [SERVICES] | typecheck\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kubekit-bench: \(error)\n".utf8))
    exit(1)
}
