import Foundation
import KubeModels
import KubeSerialization
import Testing

@Suite struct ResourceTests {
    @Test func identityLivesOnTheType() {
        #expect(Deployment.apiVersion == "apps/v1")
        #expect(Deployment.group == "apps")
        #expect(Deployment.version == "v1")
        #expect(Service.group == "")
        #expect(Namespace.scope == .cluster)
        #expect(Deployment.scope == .namespaced)
        #expect(ClusterRole.isNamespaced == false)
        #expect(HorizontalPodAutoscaler.apiVersion == "autoscaling/v2")
        #expect(CustomResourceDefinition.apiVersion == "apiextensions.k8s.io/v1")
    }

    @Test func registryKnowsEveryKind() {
        #expect(ResourceRegistry.kubernetesKinds.count == 28)
        #expect(ResourceRegistry.kubernetes.type(apiVersion: "policy/v1", kind: "PodDisruptionBudget") == PodDisruptionBudget.self)
        #expect(ResourceRegistry.kubernetes.type(apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget") == nil)
    }

    @Test func mixedStreamDecodesEachIntoItsOwnType() throws {
        let stream = """
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
            {"apiVersion":"monitoring.coreos.com/v1","kind":"ServiceMonitor","metadata":{"name":"web"},"spec":{"endpoints":[{"port":"http"}]}}
            """
        let manifests = try ResourceRegistry.kubernetes.decodeStream(ndjson: Data(stream.utf8))
        #expect(manifests.count == 3)
        #expect(manifests[0].as(Namespace.self)?.name == "team-a")
        let deployment = try #require(manifests[1].as(Deployment.self))
        #expect(deployment.spec.template.spec?.containers.first?.image == "nginx:1.27")
        guard case .unstructured(let monitor) = manifests[2].content else {
            Issue.record("ServiceMonitor should be unstructured here")
            return
        }
        #expect(monitor.body["spec"]?["endpoints"] == [["port": "http"]])
        // Unstructured objects round-trip too.
        let back = try JSONDecoder().decode(JSONValue.self, from: try encodeJSON(manifests[2]))
        #expect(back == (try JSONDecoder().decode(JSONValue.self, from: Data(stream.split(separator: "\n")[2].utf8))))
    }

    @Test func encodingOmitsNilKeepsEmptyAndOrdersKeys() throws {
        let policy = NetworkPolicy(
            name: "deny-all", namespace: "prod",
            spec: NetworkPolicySpec(ingress: [], podSelector: LabelSelector(), policyTypes: [.ingress]))
        let json = String(decoding: try encodeJSON(policy), as: UTF8.self)
        #expect(json == #"{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-all","namespace":"prod"},"spec":{"ingress":[],"podSelector":{},"policyTypes":["Ingress"]}}"#)
    }

    @Test func convenienceInitializersReadNaturally() throws {
        let container = Container(name: "web", image: "nginx:1.27", ports: [ContainerPort(name: "http", containerPort: 8080)])
        let deployment = Deployment(
            name: "web", namespace: "shop", labels: ["app": "web"],
            spec: DeploymentSpec(
                replicas: 3,
                selector: LabelSelector(matching: ["app": "web"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": "web"]),
                    spec: PodSpec(containers: [container]))))
        #expect(deployment.metadata.namespace == "shop")
        #expect(deployment.spec.selector.matches(deployment.spec.template.metadata?.labels ?? [:]))
        let service = Service(
            name: "web", namespace: "shop",
            spec: ServiceSpec(ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: ["app": "web"], type: .clusterIP))
        let json = String(decoding: try encodeJSON(service), as: UTF8.self)
        #expect(json.contains(#""targetPort":"http""#))
        #expect(json.contains(#""type":"ClusterIP""#))
    }

    @Test func enumsAcceptUnknownValues() throws {
        let json = #"{"name":"c","imagePullPolicy":"Sometimes"}"#
        let container = try JSONDecoder().decode(Container.self, from: Data(json.utf8))
        #expect(container.imagePullPolicy == ImagePullPolicy(rawValue: "Sometimes"))
        #expect(!ImagePullPolicy.knownValues.contains(container.imagePullPolicy ?? .always))
    }

    @Test func secretsHoldBytes() throws {
        let secret = Secret(name: "s", data: ["token": Data("hunter2".utf8)], type: .opaque)
        let json = String(decoding: try encodeJSON(secret), as: UTF8.self)
        #expect(json.contains(#""token":"aHVudGVyMg==""#))
        let back = try JSONDecoder().decode(Secret.self, from: Data(json.utf8))
        #expect(back == secret)
    }

    @Test func manifestMetadataIsWritable() {
        var manifest = Manifest(ConfigMap(name: "a", data: ["k": "v"]))
        manifest.metadata.labels = ["team": "x"]
        #expect(manifest.as(ConfigMap.self)?.metadata.labels == ["team": "x"])
        #expect(manifest == Manifest(ConfigMap(name: "a", labels: ["team": "x"], data: ["k": "v"])))
    }
}
