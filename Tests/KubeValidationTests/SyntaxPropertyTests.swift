import Foundation
import Testing

@testable import KubeValidation

/// Compares the hand-written matchers with the regular expressions and length limits of
/// `k8s.io/apimachinery/pkg/util/validation` on seeded random strings.
@Suite("Name and label syntax")
struct SyntaxPropertyTests {
    static let dns1123Label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123Subdomain = dns1123Label + "(\\." + dns1123Label + ")*"
    static let dns1035Label = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let qualifiedNamePart = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValue = "(" + qualifiedNamePart + ")?"
    static let dataKey = "[-._a-zA-Z0-9]+"

    static func fullMatch(_ pattern: String, _ value: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return regex.firstMatch(in: value, options: [], range: range) != nil
    }

    // Reference implementations built from the regular expressions.
    static func referenceLabel(_ value: String) -> Bool {
        value.utf8.count <= 63 && fullMatch(dns1123Label, value)
    }

    static func referenceSubdomain(_ value: String) -> Bool {
        value.utf8.count <= 253 && fullMatch(dns1123Subdomain, value)
    }

    static func referenceDNS1035(_ value: String) -> Bool {
        value.utf8.count <= 63 && fullMatch(dns1035Label, value)
    }

    static func referenceQualifiedName(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            if parts[0].isEmpty || !referenceSubdomain(parts[0]) { return false }
            name = parts[1]
        default:
            return false
        }
        return !name.isEmpty && name.utf8.count <= 63 && fullMatch(qualifiedNamePart, name)
    }

    static func referenceLabelValue(_ value: String) -> Bool {
        value.utf8.count <= 63 && fullMatch(labelValue, value)
    }

    static func referencePortName(_ value: String) -> Bool {
        value.utf8.count <= 15 && fullMatch("[-a-z0-9]+", value) && value.contains(where: { $0.isLetter })
            && !value.contains("--") && !value.hasPrefix("-") && !value.hasSuffix("-")
    }

    static func referenceDataKey(_ value: String) -> Bool {
        value.utf8.count <= 253 && fullMatch(dataKey, value) && value != "." && value != ".." && !value.hasPrefix("..")
    }

    /// Random strings biased towards the characters and lengths that matter: near-valid names,
    /// boundary lengths (62–64, 252–254), separators at the edges and a little noise.
    static func samples(seed: UInt64, count: Int, alphabet: [Character], lengths: [Int]) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var out: [String] = []
        for _ in 0..<count {
            let length = lengths.randomElement(using: &generator) ?? 1
            var text = ""
            for _ in 0..<length {
                text.append(alphabet.randomElement(using: &generator) ?? "a")
            }
            out.append(text)
        }
        return out
    }

    static let nameAlphabet: [Character] = Array("abcxyz0129-.-.ABZ_ /") + ["é"]
    static let lengths = [0, 1, 2, 3, 5, 8, 15, 16, 30, 62, 63, 64, 100, 252, 253, 254]

    static let names: [String] =
        samples(seed: 0xC0FFEE, count: 6000, alphabet: nameAlphabet, lengths: lengths)
        + samples(seed: 42, count: 3000, alphabet: Array("ab0-."), lengths: lengths)
        + ["", "a", "-", ".", "a.", ".a", "a-b", "a..b", "a.-b", "a-.b", "1a", "a1", "A", "web-01", "ns.example.com"]
        + [
            String(repeating: "a", count: 63), String(repeating: "a", count: 64), String(repeating: "a", count: 253),
            String(repeating: "a", count: 254),
            String(repeating: "a", count: 200) + "." + String(repeating: "b", count: 52),
        ]

    static let keyAlphabet: [Character] = Array("aZ09-_./.x") + [" ", "é", ":"]
    static let keys: [String] =
        samples(seed: 7, count: 6000, alphabet: keyAlphabet, lengths: lengths)
        + [
            "app", "app.kubernetes.io/name", "/name", "example.com/", "a/b/c", "Example.com/name", "example.com/Name_1",
            "example.com/" + String(repeating: "n", count: 63), "example.com/" + String(repeating: "n", count: 64),
            "-x", "x-", "x_", "_x", "a.b", "..", ".",
        ]

    @Test("DNS-1123 labels match the regex and the 63-character limit")
    func dns1123Labels() {
        for value in Self.names {
            #expect(KubernetesSyntax.isDNS1123Label(value) == Self.referenceLabel(value), "\(value.debugDescription)")
            #expect((KubernetesSyntax.dns1123LabelProblem(value) == nil) == Self.referenceLabel(value))
        }
    }

    @Test("DNS-1123 subdomains match the regex and the 253-character limit")
    func dns1123Subdomains() {
        for value in Self.names {
            #expect(
                KubernetesSyntax.isDNS1123Subdomain(value) == Self.referenceSubdomain(value),
                "\(value.debugDescription)")
        }
    }

    @Test("DNS-1035 labels match the regex and the 63-character limit")
    func dns1035Labels() {
        for value in Self.names {
            #expect(KubernetesSyntax.isDNS1035Label(value) == Self.referenceDNS1035(value), "\(value.debugDescription)")
        }
    }

    @Test("qualified names (label keys) match prefix and name rules")
    func qualifiedNames() {
        for value in Self.keys + Self.names {
            #expect(
                KubernetesSyntax.isQualifiedName(value) == Self.referenceQualifiedName(value),
                "\(value.debugDescription)")
            #expect((KubernetesSyntax.qualifiedNameProblem(value) == nil) == Self.referenceQualifiedName(value))
        }
    }

    @Test("label values match the regex and the 63-character limit")
    func labelValues() {
        for value in Self.keys + Self.names {
            #expect(
                KubernetesSyntax.isLabelValue(value) == Self.referenceLabelValue(value), "\(value.debugDescription)")
        }
    }

    @Test("port names follow IANA_SVC_NAME")
    func portNames() {
        let candidates =
            Self.samples(seed: 99, count: 6000, alphabet: Array("az09--A_"), lengths: [0, 1, 2, 3, 5, 14, 15, 16, 20])
            + ["http", "h2c", "8080", "-http", "http-", "ht--tp", "metrics-9090", "a", "1"]
        for value in candidates {
            #expect(KubernetesSyntax.isPortName(value) == Self.referencePortName(value), "\(value.debugDescription)")
        }
    }

    @Test("ConfigMap and Secret keys")
    func dataKeys() {
        for value in Self.keys + Self.names {
            #expect(KubernetesSyntax.isDataKey(value) == Self.referenceDataKey(value), "\(value.debugDescription)")
        }
    }

    @Test("environment variable names: printable ASCII except '='")
    func environmentVariableNames() {
        #expect(KubernetesSyntax.isEnvironmentVariableName("MY_VAR"))
        #expect(KubernetesSyntax.isEnvironmentVariableName("my.var-1"))
        #expect(KubernetesSyntax.isEnvironmentVariableName("1ST VAR~"))
        #expect(!KubernetesSyntax.isEnvironmentVariableName(""))
        #expect(!KubernetesSyntax.isEnvironmentVariableName("A=B"))
        #expect(!KubernetesSyntax.isEnvironmentVariableName("TAB\tHERE"))
        #expect(!KubernetesSyntax.isEnvironmentVariableName("ÜBER"))
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let scalar = UInt8.random(in: 0...127, using: &generator)
            let value = "A" + String(UnicodeScalar(scalar))
            let expected = scalar >= 0x20 && scalar <= 0x7E && scalar != UInt8(ascii: "=")
            #expect(KubernetesSyntax.isEnvironmentVariableName(value) == expected)
        }
    }

    @Test("path segment names")
    func pathSegments() {
        #expect(KubernetesSyntax.isPathSegmentName("system:controller:web"))
        #expect(!KubernetesSyntax.isPathSegmentName("."))
        #expect(!KubernetesSyntax.isPathSegmentName(".."))
        #expect(!KubernetesSyntax.isPathSegmentName("a/b"))
        #expect(!KubernetesSyntax.isPathSegmentName("100%"))
    }

    @Test("messages suggest a valid name")
    func suggestions() {
        let message = KubernetesSyntax.dns1123SubdomainProblem("Bad_Name") ?? ""
        #expect(message.contains("\"bad-name\""))
        #expect(message.contains("uppercase"))
        #expect(KubernetesSyntax.dns1035LabelProblem("1web")?.contains("does not start with a letter") == true)
    }

    @Test("IP addresses and CIDRs")
    func addresses() throws {
        for valid in [
            "10.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "fd00::10", "2001:db8::ff00:42:8329",
            "::ffff:10.0.0.1",
        ] {
            #expect(IPAddress(valid) != nil, "\(valid)")
        }
        for invalid in [
            "10.0.0.256", "10.0.0", "1.2.3.4.5", "::g", "1:2:3:4:5:6:7:8:9", "a", "", "10.0.0.1/8", "1::2::3",
        ] {
            #expect(IPAddress(invalid) == nil, "\(invalid)")
        }
        let network = try #require(IPNetwork("10.0.0.0/8"))
        #expect(network.strictlyContains(try #require(IPNetwork("10.1.0.0/16"))))
        #expect(!network.strictlyContains(try #require(IPNetwork("10.0.0.0/8"))))
        #expect(!network.strictlyContains(try #require(IPNetwork("192.168.0.0/16"))))
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("fd00::/129") == nil)
        let v6 = try #require(IPNetwork("fd00::/64"))
        #expect(v6.contains(try #require(IPAddress("fd00::1"))))
        #expect(!v6.contains(try #require(IPAddress("fd01::1"))))
    }
}
