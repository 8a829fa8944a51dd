import Foundation
import KubeAWS
import Testing

@Suite("AMI aliases")
struct AMIAliasTests {
    @Test("Alias families match the EC2NodeClass CRD rule")
    func familiesMatchCRD() throws {
        let text = try KubeAWSTestPaths.referenceText("karpenter/karpenter.k8s.aws_ec2nodeclasses.yaml")
        let rule = try #require(text.components(separatedBy: "\n").first { $0.contains("self.split('@')[0] in [") })
        let listStart = try #require(rule.range(of: "in ["))
        let families = CRDText.quoted(String(rule[listStart.upperBound...]), prefix: "")
        #expect(families == AMIAlias.Family.allCases.map(\.rawValue))
    }

    struct ValidCase: Sendable, CustomTestStringConvertible {
        var text: String
        var family: AMIAlias.Family
        var version: String
        var testDescription: String { text }
    }

    static let validCases: [ValidCase] = [
        ValidCase(text: "al2023@latest", family: .al2023, version: "latest"),
        ValidCase(text: "al2023@v20240807", family: .al2023, version: "v20240807"),
        ValidCase(text: "al2@v20240625", family: .al2, version: "v20240625"),
        ValidCase(text: "bottlerocket@latest", family: .bottlerocket, version: "latest"),
        ValidCase(text: "bottlerocket@v1.10.0", family: .bottlerocket, version: "v1.10.0"),
        ValidCase(text: "windows2019@latest", family: .windows2019, version: "latest"),
        ValidCase(text: "windows2022@latest", family: .windows2022, version: "latest"),
        ValidCase(text: "windows2025@latest", family: .windows2025, version: "latest"),
        ValidCase(text: "bottlerocket@v1.20.3-abcdef", family: .bottlerocket, version: "v1.20.3-abcdef"),
    ]

    @Test("Valid aliases parse and print back", arguments: validCases)
    func valid(_ testCase: ValidCase) throws {
        let alias = try AMIAlias(testCase.text)
        #expect(alias.family == testCase.family)
        #expect(alias.version.rawValue == testCase.version)
        #expect(alias.description == testCase.text)
        #expect(try AMIAlias(family: testCase.family, version: .init(rawValue: testCase.version)) == alias)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var text: String
        var error: AMIAliasError
        var testDescription: String { text }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(text: "al2023", error: .malformed("al2023")),
        InvalidCase(text: "@latest", error: .malformed("@latest")),
        InvalidCase(text: "al2023@", error: .malformed("al2023@")),
        InvalidCase(text: "al-2023@latest", error: .malformed("al-2023@latest")),
        InvalidCase(text: "al2023@v1\nv2", error: .malformed("al2023@v1\nv2")),
        InvalidCase(text: "AL2023@latest", error: .unsupportedFamily("AL2023")),
        InvalidCase(text: "ubuntu@latest", error: .unsupportedFamily("ubuntu")),
        InvalidCase(text: "windows2022@v20240101", error: .windowsRequiresLatest(.windows2022)),
        InvalidCase(text: "al2023@v1@v2", error: .invalidVersion("v1@v2")),
        InvalidCase(text: "bottlerocket@v1.10.0-0123456789ab", error: .tooLong("bottlerocket@v1.10.0-0123456789ab")),
    ]

    @Test("Invalid aliases are refused with the rule they break", arguments: invalidCases)
    func invalid(_ testCase: InvalidCase) {
        #expect(throws: testCase.error) { try AMIAlias(testCase.text) }
    }

    @Test("Building from parts validates too")
    func parts() throws {
        #expect(throws: AMIAliasError.windowsRequiresLatest(.windows2019)) {
            try AMIAlias(family: .windows2019, version: "v1")
        }
        #expect(throws: AMIAliasError.malformed("al2@")) { try AMIAlias(family: .al2, version: "") }
        #expect(AMIAlias.latest(.windows2025).description == "windows2025@latest")
        #expect(try AMIAlias(family: .al2023).version.isLatest)
    }

    @Test("Error messages say what is expected")
    func messages() {
        #expect(AMIAliasError.unsupportedFamily("ubuntu").description.contains("'al2', 'al2023', 'bottlerocket'"))
        #expect(
            AMIAliasError.windowsRequiresLatest(.windows2022).description.contains("only accepts the version 'latest'"))
        #expect(AMIAliasError.malformed("x").description.contains("'family@version'"))
    }

    @Test("Aliases code as strings; bad strings fail to decode")
    func coding() throws {
        let data = try JSONEncoder().encode([AMIAlias.latest(.al2023)])
        #expect(String(decoding: data, as: UTF8.self) == #"["al2023@latest"]"#)
        #expect(try JSONDecoder().decode([AMIAlias].self, from: data) == [AMIAlias.latest(.al2023)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([AMIAlias].self, from: Data(#"["windows2022@v1"]"#.utf8))
        }
    }

    @Test("amiFamily compatibility with aliases")
    func compatibility() throws {
        let alias = try AMIAlias("bottlerocket@latest")
        #expect(AMIFamily.bottlerocket.isCompatible(with: alias))
        #expect(AMIFamily.custom.isCompatible(with: alias))
        #expect(!AMIFamily.al2023.isCompatible(with: alias))
        #expect(AMIAlias.Family.windows2022.amiFamily == .windows2022)
    }
}
