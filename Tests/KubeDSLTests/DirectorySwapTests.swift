import Foundation
import Testing

@testable import KubeDSL

@Test func directoriesAreExchangedInOneStep() throws {
    let root = try Oracles.temporaryDirectory("swap")
    defer { try? FileManager.default.removeItem(at: root) }
    let first = root.appendingPathComponent("first")
    let second = root.appendingPathComponent("second")
    for (directory, text) in [(first, "1"), (second, "2")] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: directory.appendingPathComponent("marker"), atomically: true, encoding: .utf8)
    }
    #expect(DirectorySwap.exchange(first.path, second.path))
    #expect(try String(contentsOf: first.appendingPathComponent("marker"), encoding: .utf8) == "2")
    #expect(try String(contentsOf: second.appendingPathComponent("marker"), encoding: .utf8) == "1")
    #expect(!DirectorySwap.exchange(first.path, root.appendingPathComponent("missing").path))
}
