import KubeAWS
import Testing

@Suite("EC2 instance types")
struct EC2InstanceTypeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var family: String?
        var size: String?
        var category: String?
        var generation: Int?
        var attributes: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "m5.large", family: "m5", size: "large", category: "m", generation: 5, attributes: ""),
        Case(name: "g5.12xlarge", family: "g5", size: "12xlarge", category: "g", generation: 5, attributes: ""),
        Case(name: "c7gn.xlarge", family: "c7gn", size: "xlarge", category: "c", generation: 7, attributes: "gn"),
        Case(name: "m6gd.metal", family: "m6gd", size: "metal", category: "m", generation: 6, attributes: "gd"),
        Case(name: "p4d.24xlarge", family: "p4d", size: "24xlarge", category: "p", generation: 4, attributes: "d"),
        Case(name: "inf2.xlarge", family: "inf2", size: "xlarge", category: "inf", generation: 2, attributes: ""),
        Case(
            name: "trn1n.32xlarge", family: "trn1n", size: "32xlarge", category: "trn", generation: 1, attributes: "n"),
        Case(name: "x2iedn.xlarge", family: "x2iedn", size: "xlarge", category: "x", generation: 2, attributes: "iedn"),
        Case(name: "u-6tb1.metal", family: "u-6tb1", size: "metal", category: "u", generation: 1, attributes: ""),
        Case(
            name: "u7i-12tb.224xlarge", family: "u7i-12tb", size: "224xlarge", category: "u", generation: 7,
            attributes: "i-12tb"),
        Case(
            name: "mac2-m2pro.metal", family: "mac2-m2pro", size: "metal", category: "mac", generation: 2,
            attributes: "-m2pro"),
        Case(name: "c6i.metal-32xl", family: "c6i", size: "metal-32xl", category: "c", generation: 6, attributes: "i"),
        Case(name: "m5", family: nil, size: nil, category: nil, generation: nil, attributes: nil),
        Case(name: "M5.large", family: "M5", size: "large", category: nil, generation: nil, attributes: nil),
        Case(name: "a.b.c", family: nil, size: nil, category: nil, generation: nil, attributes: nil),
        Case(name: "", family: nil, size: nil, category: nil, generation: nil, attributes: nil),
        Case(name: "m99999999999999999999999.large", family: "m99999999999999999999999", size: "large"),
    ]

    @Test("Parts are derived as Karpenter derives its labels", arguments: cases)
    func parts(_ testCase: Case) {
        let type = EC2InstanceType(rawValue: testCase.name)
        #expect(type.family == testCase.family)
        #expect(type.size == testCase.size)
        #expect(type.category == testCase.category)
        #expect(type.generation == testCase.generation)
        #expect(type.attributes == testCase.attributes)
        let complete = testCase.family != nil && testCase.size != nil && testCase.generation != nil
        #expect(type.isWellFormed == complete)
    }

    @Test("Metal sizes and building from parts")
    func helpers() {
        #expect(EC2InstanceType(family: "r7i", size: "2xlarge").rawValue == "r7i.2xlarge")
        #expect(EC2InstanceType(rawValue: "c6i.metal-32xl").isMetal)
        #expect(!EC2InstanceType(rawValue: "c6i.32xlarge").isMetal)
    }
}
