import Foundation
import KubeModels
import KubeSerialization
import Testing

@Suite struct BadInputTests {
    func decodeError<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
        do {
            _ = try JSONDecoder().decode(type, from: Data(json.utf8))
            return nil
        } catch {
            return KubeCoding.describe(error)
        }
    }

    @Test func wrongKindNamesBoth() throws {
        let message = try #require(decodeError(Deployment.self, #"{"apiVersion":"v1","kind":"Service","spec":{}}"#))
        #expect(message.contains("apps/v1 Deployment"))
        #expect(message.contains("v1 Service"))
    }

    @Test func wrongAPIVersionIsRejected() throws {
        let json = #"{"apiVersion":"extensions/v1beta1","kind":"Deployment","metadata":{"name":"x"},"spec":{"selector":{},"template":{}}}"#
        let message = try #require(decodeError(Deployment.self, json))
        #expect(message.contains("extensions/v1beta1 Deployment"))
    }

    @Test func unknownFieldNamesItsPathAndSuggests() throws {
        let json = #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
                     "template":{"spec":{"containers":[{"name":"web","image":"nginx","imagePullPolicyy":"Always"}]}}}}
            """#
        let message = try #require(decodeError(Deployment.self, json))
        #expect(message.contains("spec.template.spec.containers[0].imagePullPolicyy"))
        #expect(message.contains("did you mean \"imagePullPolicy\""))
    }

    @Test func wrongTypeNamesThePath() throws {
        let json = #"{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":"three","selector":{},"template":{}}}"#
        let message = try #require(decodeError(Deployment.self, json))
        #expect(message.contains("spec.replicas"))
        #expect(message.contains("32-bit integer"))
    }

    @Test func missingRequiredFieldNamesIt() throws {
        let json = #"{"apiVersion":"v1","kind":"Service","spec":{"ports":[{"name":"http"}]}}"#
        let message = try #require(decodeError(Service.self, json))
        #expect(message.contains("spec.ports[0].port"))
        #expect(message.contains("missing"))
    }

    @Test func nullMapValuesDecodeAsEmptyStrings() throws {
        // The API server decodes a null map value into "" (Go's zero value), so this is valid.
        let json = #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":{"app":"web","tier":null}},"spec":{"selector":{"tier":null}}}"#
        let service = try JSONDecoder().decode(Service.self, from: Data(json.utf8))
        #expect(service.metadata.labels == ["app": "web", "tier": ""])
        #expect(service.spec?.selector == ["tier": ""])
        let node = try #require(try ManifestReader.readAll(Array("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  empty:\n".utf8), file: "c.yaml").first)
        let map = try NodeDecoder().decode(ConfigMap.self, from: node)
        #expect(map.data == ["empty": ""])
        // A value of the wrong type is still an error.
        #expect(decodeError(Service.self, #"{"apiVersion":"v1","kind":"Service","metadata":{"labels":{"tier":3}}}"#) != nil)
    }

    @Test func int32OverflowIsRejected() throws {
        // Foundation's JSONDecoder reports range errors without a path; the message only has to exist.
        let json = #"{"apiVersion":"v1","kind":"Service","spec":{"ports":[{"port":2147483648}]}}"#
        #expect(decodeError(Service.self, json) != nil)
    }

    @Test func badBase64NamesTheKeyButNotTheValue() throws {
        let json = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"password":"not base64!!"}}"#
        let message = try #require(decodeError(Secret.self, json))
        #expect(message.contains("data[\"password\"]") || message.contains("data.password"))
        #expect(!message.contains("not base64!!"))
    }

    @Test func lenientModeCollectsUnknownFields() throws {
        let json = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labelz":{}},"data":{"a":"b"},"extra":1}"#
        let collector = UnknownFieldCollector()
        let manifest = try ResourceRegistry.kubernetes.decode(json: Data(json.utf8), unknownFields: collector)
        #expect(manifest.as(ConfigMap.self)?.data == ["a": "b"])
        #expect(Set(collector.fields.map(\.path)) == ["metadata.labelz", "extra"])
        #expect(collector.fields.first { $0.path == "metadata.labelz" }?.suggestion == "labels")
    }

    @Test func registryErrorCarriesKindAndPath() throws {
        let json = #"{"apiVersion":"v1","kind":"Service","spec":{"ports":[{"port":"eighty"}]}}"#
        do {
            _ = try ResourceRegistry.kubernetes.decode(json: Data(json.utf8))
            Issue.record("expected an error")
        } catch let error as ManifestError {
            #expect(error.typeMeta == TypeMeta(apiVersion: "v1", kind: "Service"))
            #expect(error.path == "spec.ports[0].port")
            #expect(error.description.contains("v1 Service: spec.ports[0].port"))
        }
    }

    @Test func documentWithoutKindIsRejected() throws {
        #expect(throws: ManifestError.self) {
            try ResourceRegistry.kubernetes.decode(json: Data(#"{"metadata":{"name":"x"}}"#.utf8))
        }
    }

    @Test func ndjsonErrorsCarryTheLine() throws {
        let stream = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}

            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"},"data":{"x":1}}
            """
        do {
            _ = try ResourceRegistry.kubernetes.decodeStream(ndjson: Data(stream.utf8))
            Issue.record("expected an error")
        } catch let error as ManifestError {
            #expect(error.line == 3)
            #expect(error.path == "data[\"x\"]" || error.path == "data.x")
        }
    }
}
