import Foundation
import KubeModels
import Testing

/// The README's example, verbatim, so the README never shows code that does not compile or work.
@Suite struct ReadmeExampleTests {
    @Test func readmeExampleBuildsValidObjects() throws {
        let web = Deployment(
            name: "web", namespace: "shop", labels: ["app": "web"],
            spec: DeploymentSpec(
                replicas: 3,
                selector: LabelSelector(matching: ["app": "web"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": "web"]),
                    spec: PodSpec(containers: [
                        Container(
                            name: "web", image: "nginx:1.27", imagePullPolicy: .ifNotPresent,
                            ports: [ContainerPort(name: "http", containerPort: 8080)],
                            resources: ResourceRequirements(
                                limits: ["memory": "256Mi"], requests: ["cpu": "250m", "memory": "128Mi"]))
                    ]))))

        let service = Service(
            name: "web", namespace: "shop",
            spec: ServiceSpec(ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: ["app": "web"]))

        #expect(web.spec.selector.matches(web.spec.template.metadata?.labels ?? [:]))
        #expect(service.spec?.selector == web.spec.template.metadata?.labels)
        let requests = try #require(web.spec.template.spec?.containers.first?.resources?.requests)
        #expect(try #require(requests["memory"]) < Quantity("256Mi"))
        let data = try encodeJSON(web)
        try TestPaths.writeOracleFile(data, subdirectory: "models", name: "readme-deployment.json")
        try TestPaths.writeOracleFile(try encodeJSON(service), subdirectory: "models", name: "readme-service.json")
    }
}
