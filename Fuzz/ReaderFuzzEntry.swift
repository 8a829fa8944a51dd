// libFuzzer entry point for the YAML and JSON readers of KubeSerialization.
//
// This file is not part of the Swift package: `Scripts/fuzz.sh` compiles it together with the
// sources of `Sources/KubeSerialization` using `-sanitize=fuzzer,address`. Every input is given to
// the YAML reader and to the JSON reader; a thrown `ReadError` is an expected outcome, while a
// crash, a hang or unbounded memory growth is a finding that libFuzzer reports.

/// Hands one fuzzer-generated input to both readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let limits = ReaderLimits(maxAliasExpansions: 10_000, maxDepth: 256, maxDocumentBytes: 1 << 20)
    if let documents = try? YAMLReader.readAll(bytes, limits: limits) {
        checkLocations(documents)
    }
    if let values = try? JSONReader.readAll(bytes, limits: limits) {
        checkLocations(values)
    }
    return 0
}

/// Walks every node without recursion so that deep trees are visited too.
private func checkLocations(_ roots: [Node]) {
    var pending = roots
    var visited = 0
    while let node = pending.popLast() {
        visited += 1
        switch node.content {
        case .sequence(let items): pending.append(contentsOf: items)
        case .mapping(let entries): pending.append(contentsOf: entries.map(\.value))
        case .null, .bool, .int, .double, .string: break
        }
    }
    precondition(visited >= roots.count, "every root node is visited")
}
