import KubeDSL
import KubeModels
import Testing

@testable import KubeDSL

@Suite struct GeneratedNameTests {
    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func validNamesAreKept() {
        #expect(GeneratedName.make("api", "canary") == "api-canary")
        #expect(GeneratedName.make(["web"], limit: .serviceName) == "web")
    }

    @Test func invalidOrLongNamesGetAStableHash() {
        let name = GeneratedName.make(["ML Platform", "Inference_Service", "prod"])
        #expect(name.hasPrefix("ml-platform-inference-service-prod-"))
        #expect(name.count == "ml-platform-inference-service-prod-".count + 10)
        #expect(name == GeneratedName.make(["ML Platform", "Inference_Service", "prod"]))
        #expect(GeneratedName.make(["a_b"]) != GeneratedName.make(["a.b"]))
        #expect(GeneratedName.make(["9lives"], limit: .serviceName).hasPrefix("x-9lives-"))
        #expect(GeneratedName.make(["---"]).count == 10)
    }

    /// Property: for many random inputs and every limit, the name is valid, fits, is stable,
    /// and different inputs give different names.
    @Test func namesRespectEveryLimitAndDoNotCollide() {
        var generator = SplitMix64(state: 7)
        let alphabet = Array("abcxyzABCXYZ0189-_. /:@ÄéΩ🚀")
        let limits: [NameLimit] = [
            .dnsLabel, .serviceName, .dnsSubdomain, .cronJob, .statefulSet, .forKind(CronJob.self),
            .forKind(Service.self),
            .forKind(Namespace.self), .forKind(Deployment.self), NameLimit(maxLength: 11, allowsDots: false),
        ]
        for limit in limits {
            var seen: [String: String] = [:]
            for _ in 0..<1000 {
                let partCount = Int.random(in: 1...4, using: &generator)
                let parts = (0..<partCount).map { _ in
                    String(
                        (0..<Int.random(in: 0...90, using: &generator)).map { _ in
                            alphabet.randomElement(using: &generator) ?? "a"
                        })
                }
                let input = parts.filter { !$0.isEmpty }.joined(separator: "-")
                let name = GeneratedName.make(parts, limit: limit)
                #expect(limit.accepts(name), "\(name) is not valid for \(limit)")
                #expect(name.utf8.count <= limit.maxLength)
                #expect(name == GeneratedName.make(parts, limit: limit))
                if let earlier = seen[name], earlier != input {
                    Issue.record("\"\(earlier)\" and \"\(input)\" both became \(name)")
                }
                seen[name] = input
            }
        }
    }

    @Test func kindLimits() {
        #expect(NameLimit.forKind(CronJob.self).maxLength == 52)
        #expect(NameLimit.forKind(Service.self) == .serviceName)
        #expect(NameLimit.forKind(Namespace.self).maxLength == 63)
        #expect(NameLimit.forKind(ConfigMap.self).maxLength == 253)
        #expect(NameLimit.forKind("NodePool", group: "karpenter.sh").maxLength == 63)
        #expect(!NameLimit.dnsLabel.accepts("a.b"))
        #expect(NameLimit.dnsSubdomain.accepts("a.b"))
        #expect(!NameLimit.dnsSubdomain.accepts("a..b"))
        #expect(!NameLimit.dnsLabel.accepts("-a"))
    }
}
