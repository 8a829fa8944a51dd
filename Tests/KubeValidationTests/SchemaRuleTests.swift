import Foundation
import KubeModels
import KubeSerialization
import Testing

@testable import KubeValidation

/// ``Validator/validate(nodes:)``: documents that do not decode become located K8S-SCHEMA errors.
@Suite struct SchemaRuleTests {
    static func nodes(_ text: String) throws -> [Node] {
        try ManifestReader.readAll(Array(text.utf8), file: "input.yaml")
    }

    @Test func unknownFieldsAndWrongTypesAreLocatedErrors() throws {
        let diagnostics = Validator().validate(
            nodes: try Self.nodes(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: shop
                  lables: {app: web}
                data: {a: b}
                """))
        let schema = diagnostics.filter { $0.ruleID == Rule.schema.id }
        #expect(schema.count == 1, "\(diagnostics)")
        #expect(schema.first?.fieldPath == "metadata.lables")
        #expect(schema.first?.location?.line == 6)
        #expect(schema.first?.resource == ResourceReference(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "settings"))
        #expect(schema.first?.severity == .error)
    }

    @Test func validDocumentsGetNoSchemaFinding() throws {
        let diagnostics = Validator().validate(
            nodes: try Self.nodes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: b}\n"))
        #expect(!diagnostics.contains { $0.ruleID == Rule.schema.id })
    }

    /// Found by Scripts/mutation-agreement.py: `tier:` with no value is null, which the API server
    /// (and the oracle) read as the empty string; it is not a schema error.
    @Test func nullMapValuesAreEmptyStringsNotSchemaErrors() throws {
        let diagnostics = Validator().validate(
            nodes: try Self.nodes(
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                  labels: {app: web, tier:}
                  annotations:
                    note:
                spec:
                  selector: {app: web, tier: }
                  ports: [{name: http, port: 80}]
                """))
        #expect(!diagnostics.contains { $0.ruleID == Rule.schema.id }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    }

    @Test func theRuleCanBeDisabled() throws {
        var configuration = ValidationConfiguration()
        configuration.disable(Rule.schema.id)
        let diagnostics = Validator(configuration: configuration).validate(
            nodes: try Self.nodes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\nbogus: 1\n"))
        #expect(!diagnostics.contains { $0.ruleID == Rule.schema.id })
    }
}
