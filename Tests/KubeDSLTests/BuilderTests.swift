import KubeDSL
import KubeModels
import KubeSerialization
import Testing

private func configMap(_ name: String) -> ConfigMap {
    ConfigMap(name: name, namespace: "app", data: ["key": name])
}

private enum Size { case small, large }

private struct Inner: Component {
    var name: String
    var body: ClusterContent { configMap(name) }
}

private struct Outer: Component {
    var count: Int
    var size: Size
    var extra: ConfigMap?

    var body: ClusterContent {
        Inner(name: "inner")
        for index in 0..<count {
            configMap("loop-\(index)")
        }
        if let extra {
            extra
        }
        switch size {
        case .small: configMap("small")
        case .large:
            configMap("large")
            Inner(name: "large-inner")
        }
        if count > 1 {
            configMap("many")
        } else {
            configMap("few")
        }
        helpers(prefix: "fn")
        [configMap("array-a"), configMap("array-b")] as [any Resource]
        Manifest(configMap("manifest"))
        Manifest(
            UnstructuredObject(
                apiVersion: "example.com/v1", kind: "Widget", metadata: ObjectMeta(name: "w", namespace: "app"),
                body: ["spec": ["size": 3]]))
    }
}

@ClusterBuilder
private func helpers(prefix: String) -> ClusterContent {
    configMap("\(prefix)-one")
    if #available(macOS 13, *) {
        configMap("\(prefix)-two")
    }
}

private struct Failing: Component {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom" }
    }

    var body: ClusterContent {
        get throws {
            configMap("before")
            throw Boom()
        }
    }
}

@Suite struct BuilderTests {
    @Test func controlFlowComponentsAndFunctions() throws {
        let names = try Outer(count: 2, size: .large, extra: configMap("extra")).render().map(\.name)
        #expect(
            Set(names) == [
                "inner", "loop-0", "loop-1", "extra", "large", "large-inner", "many", "fn-one", "fn-two", "array-a",
                "array-b", "manifest", "w",
            ])
        let small = try Outer(count: 0, size: .small, extra: nil).render().map(\.name)
        #expect(Set(small) == ["inner", "small", "few", "fn-one", "fn-two", "array-a", "array-b", "manifest", "w"])
    }

    @Test func componentErrorsSurfaceAtRender() {
        let group = Group { Failing() }
        #expect(throws: Failing.Boom.self) { try group.render() }
        let throwing = Group {
            configMap("a")
            try Service.exposing(Fixtures.deployment("web", image: "nginx", port: nil))
        }
        #expect(throws: KubeDSLError.self) { try throwing.render() }
    }

    @Test func duplicateObjectsAreRejected() {
        let group = Group {
            configMap("same")
            Inner(name: "same")
        }
        #expect(throws: KubeDSLError.duplicateObject(ResourceIdentity(ConfigMap.self, namespace: "app", name: "same")))
        {
            try group.render()
        }
    }

    @Test func missingNamesAreRejected() {
        let group = Group { ConfigMap(metadata: ObjectMeta(namespace: "app")) }.id("config")
        #expect(throws: KubeDSLError.missingName(kind: "ConfigMap", scope: "Group")) { try group.render() }
    }

    @Test func componentsRecordWhereObjectsCameFrom() throws {
        let cluster = Cluster("c") { _ in Outer(count: 0, size: .large, extra: nil) }
        let render = try cluster.render(for: .default)
        let largeInner = try #require(render.objects.first { $0.identity.name == "large-inner" })
        #expect(largeInner.components == ["Outer", "Inner"])
    }
}
