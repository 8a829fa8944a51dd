import Foundation
import KubeAWS
import Testing

@Suite("eksctl value types")
struct EKSValueTests {
    /// The `enum` of a property of a definition in eksctl's JSON schema.
    static func schemaEnum(_ definition: String, _ property: String, items: Bool = false) throws -> [String] {
        let data = try Data(contentsOf: KubeAWSTestPaths.reference.appendingPathComponent("eksctl/schema.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(root["definitions"] as? [String: Any])
        let type = try #require(definitions[definition] as? [String: Any])
        let properties = try #require(type["properties"] as? [String: Any])
        var schema = try #require(properties[property] as? [String: Any])
        if items { schema = try #require(schema["items"] as? [String: Any]) }
        return try #require(schema["enum"] as? [String])
    }

    @Test("Known values match eksctl's schema")
    func matchesSchema() throws {
        #expect(try Self.schemaEnum("ManagedNodeGroup", "amiFamily") == EKSAMIFamily.knownValues.map(\.rawValue))
        #expect(try Self.schemaEnum("NodeGroup", "amiFamily") == EKSAMIFamily.knownValues.map(\.rawValue))
        #expect(
            try Self.schemaEnum("ClusterCloudWatchLogging", "enableTypes", items: true)
                == EKSClusterLogType.knownValues.map(\.rawValue))
        #expect(try Self.schemaEnum("ClusterNAT", "gateway") == EKSNATGatewayMode.knownValues.map(\.rawValue))
        #expect(try Self.schemaEnum("ManagedNodeGroup", "volumeType") == EKSVolumeType.knownValues.map(\.rawValue))
    }

    @Test("Log type shorthands expand")
    func logTypes() {
        #expect(EKSClusterLogType.expand([.all]) == EKSClusterLogType.everyType)
        #expect(EKSClusterLogType.expand([.audit, .wildcard]) == EKSClusterLogType.everyType)
        #expect(EKSClusterLogType.expand([.audit, .api, .audit]) == [.audit, .api])
        #expect(
            EKSClusterLogType.everyType.map(\.rawValue) == [
                "api", "audit", "authenticator", "controllerManager", "scheduler",
            ])
    }

    @Test("Family and mode helpers")
    func helpers() {
        #expect(EKSAMIFamily.windowsServer2022CoreContainer.isWindows)
        #expect(EKSAMIFamily.bottlerocketFIPS.isBottlerocket)
        #expect(EKSAMIFamily.ubuntuPro2404.isUbuntu)
        #expect(!EKSAMIFamily.amazonLinux2023.isWindows)
        #expect(EKSVolumeType.gp3.iopsRange == 3000...16000)
        #expect(EKSVolumeType.gp2.iopsRange == nil)
        #expect(!EKSAuthenticationMode.configMap.supportsAccessEntries)
        #expect(EKSAddonName.defaultNetworking.map(\.rawValue) == ["vpc-cni", "kube-proxy", "coredns"])
    }
}
