import KubeAWS
import KubeDSL
import KubeFlux
import KubeModels
import Testing

/// Every kind with a pod template, for propagation tests.
private enum Workloads {
    static let labels = ["app": "w"]
    static let template = PodTemplateSpec(
        metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [Container(name: "c", image: "busybox")]))
    /// Jobs' pods must not restart `Always`.
    static let jobTemplate = PodTemplateSpec(
        metadata: ObjectMeta(labels: labels),
        spec: PodSpec(containers: [Container(name: "c", image: "busybox")], restartPolicy: .never))

    @ClusterBuilder
    static func all() -> ClusterContent {
        Deployment(name: "d", spec: DeploymentSpec(selector: LabelSelector(matchLabels: labels), template: template))
        StatefulSet(name: "s", spec: StatefulSetSpec(selector: LabelSelector(matchLabels: labels), template: template))
        DaemonSet(name: "ds", spec: DaemonSetSpec(selector: LabelSelector(matchLabels: labels), template: template))
        ReplicaSet(name: "rs", spec: ReplicaSetSpec(selector: LabelSelector(matchLabels: labels), template: template))
        Job(name: "j", spec: JobSpec(template: jobTemplate))
        CronJob(
            name: "cj",
            spec: CronJobSpec(jobTemplate: JobTemplateSpec(spec: JobSpec(template: jobTemplate)), schedule: "@daily"))
        Pod(name: "p", labels: labels, spec: template.spec)
        ConfigMap(name: "cm")
    }
}

@Suite struct NamespaceScopeTests {
    @Test func setsNamespaceOnNamespacedKindsAndNearestWins() throws {
        let manifests = try Group {
            ConfigMap(name: "a")
            ConfigMap(name: "b", namespace: "explicit")
            Group { ConfigMap(name: "c") }.namespace("inner")
            Namespace(name: "outer")
        }
        .namespace("outer")
        .render()
        let namespaces = Dictionary(uniqueKeysWithValues: manifests.map { ($0.name, $0.namespace) })
        #expect(namespaces["a"] == "outer")
        #expect(namespaces["b"] == "explicit")
        #expect(namespaces["c"] == "inner")
        #expect(namespaces["outer"] == .some(nil), "the scope's own Namespace stays cluster-scoped")
    }

    @Test func refusesClusterScopedKindsNamingTheObject() {
        let role = Group { ClusterRole(name: "reader") }.namespace("team-a")
        #expect(
            throws: KubeDSLError.clusterScopedInNamespace(
                object: ResourceIdentity(ClusterRole.self, name: "reader"), namespace: "team-a", scope: "Group")
        ) { try role.render() }
        // CRD models know their scope too: a NodePool is cluster-scoped.
        let pool = Group { Karpenter.nodePool("gpu", nodeClass: "gpu", requirements: []) }.namespace("ml")
        #expect(throws: KubeDSLError.self) { try pool.render() }
        do {
            _ = try pool.render()
        } catch {
            #expect(String(describing: error).contains("NodePool.karpenter.sh gpu is cluster-scoped"))
        }
        let otherNamespace = Group { Namespace(name: "b") }.namespace("a")
        #expect(throws: KubeDSLError.self) { try otherNamespace.render() }
    }

    @Test func unstructuredObjectsNeedAnExplicitNamespace() throws {
        let unknown = UnstructuredObject(apiVersion: "example.com/v1", kind: "Widget", metadata: ObjectMeta(name: "w"))
        #expect(throws: KubeDSLError.self) { try Group { Manifest(unknown) }.namespace("a").render() }
        var placed = unknown
        placed.metadata.namespace = "b"
        #expect(try Group { Manifest(placed) }.namespace("a").render().first?.namespace == "b")
    }
}

@Suite struct LabelPropagationTests {
    @Test func labelsReachMetadataAndEveryPodTemplateButNoSelector() throws {
        let manifests = try Group { Workloads.all() }.labels(["team": "ml", "app": "ignored"]).render()
        for manifest in manifests {
            #expect(manifest.metadata.labels?["team"] == "ml", "\(manifest.kind)")
        }
        let deployment = try #require(manifests.lazy.compactMap { $0.as(Deployment.self) }.first)
        #expect(deployment.spec.template.metadata?.labels == ["app": "w", "team": "ml"], "existing values win")
        #expect(deployment.spec.selector.matchLabels == ["app": "w"], "selectors never change")
        let statefulSet = try #require(manifests.lazy.compactMap { $0.as(StatefulSet.self) }.first)
        #expect(statefulSet.spec.template.metadata?.labels?["team"] == "ml")
        #expect(statefulSet.spec.selector.matchLabels == ["app": "w"])
        let daemonSet = try #require(manifests.lazy.compactMap { $0.as(DaemonSet.self) }.first)
        #expect(daemonSet.spec.template.metadata?.labels?["team"] == "ml")
        let replicaSet = try #require(manifests.lazy.compactMap { $0.as(ReplicaSet.self) }.first)
        #expect(replicaSet.spec.template?.metadata?.labels?["team"] == "ml")
        #expect(replicaSet.spec.selector.matchLabels == ["app": "w"])
        let job = try #require(manifests.lazy.compactMap { $0.as(Job.self) }.first)
        #expect(job.spec?.template.metadata?.labels?["team"] == "ml")
        #expect(job.spec?.selector == nil)
        let cronJob = try #require(manifests.lazy.compactMap { $0.as(CronJob.self) }.first)
        #expect(cronJob.spec.jobTemplate.metadata?.labels?["team"] == "ml")
        #expect(cronJob.spec.jobTemplate.spec?.template.metadata?.labels?["team"] == "ml")
        let pod = try #require(manifests.lazy.compactMap { $0.as(Pod.self) }.first)
        #expect(pod.metadata.labels == ["app": "w", "team": "ml"])
    }

    @Test func metadataOnlyAndAnnotations() throws {
        let manifests = try Group { Workloads.all() }
            .labels(["owner": "sre"], propagation: .metadataOnly)
            .annotations(["kubekit.dev/revision": "42"])
            .render()
        let deployment = try #require(manifests.lazy.compactMap { $0.as(Deployment.self) }.first)
        #expect(deployment.metadata.labels?["owner"] == "sre")
        #expect(deployment.spec.template.metadata?.labels?["owner"] == nil)
        #expect(deployment.metadata.annotations?["kubekit.dev/revision"] == "42")
        #expect(deployment.spec.template.metadata?.annotations?["kubekit.dev/revision"] == "42")
    }
}

@Suite struct NameModifierTests {
    @Test func prefixRenamesAndRewritesReferences() throws {
        let web = {
            var deployment = Fixtures.deployment("web", image: "nginx")
            deployment.spec.template.spec?.serviceAccountName = "web"
            deployment.spec.template.spec?.volumes = [
                Volume(name: "config", configMap: ConfigMapVolumeSource(name: "settings")),
                Volume(name: "tls", secret: SecretVolumeSource(secretName: "tls")),
                Volume(name: "outside", configMap: ConfigMapVolumeSource(name: "shared-elsewhere")),
            ]
            deployment.spec.template.spec?.containers[0].env = [
                EnvVar(name: "KEY", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "tls", key: "key")))
            ]
            return deployment
        }()
        let manifests = try Group {
            Namespace(name: "shop")
            ServiceAccount(name: "web")
            ConfigMap(name: "settings")
            Secret(name: "tls", type: .opaque)
            web
            try HorizontalPodAutoscaler.scaling(web, minReplicas: 2, maxReplicas: 4)
            RoleBinding(
                name: "web", roleRef: RoleRef(name: "reader", apiGroup: "rbac.authorization.k8s.io", kind: "Role"),
                subjects: [Subject(name: "web", kind: "ServiceAccount")])
            Role(name: "reader")
        }
        .namePrefix("shop-")
        .nameSuffix("-v2")
        .namespace("shop")
        .render()
        let names = Set(manifests.map(\.name))
        #expect(names == ["shop", "shop-web-v2", "shop-settings-v2", "shop-tls-v2", "shop-reader-v2"])
        let deployment = try #require(manifests.lazy.compactMap { $0.as(Deployment.self) }.first)
        let spec = try #require(deployment.spec.template.spec)
        #expect(spec.serviceAccountName == "shop-web-v2")
        #expect(spec.volumes?[0].configMap?.name == "shop-settings-v2")
        #expect(spec.volumes?[1].secret?.secretName == "shop-tls-v2")
        #expect(spec.volumes?[2].configMap?.name == "shared-elsewhere", "references outside the scope stay")
        #expect(spec.containers[0].env?[0].valueFrom?.secretKeyRef?.name == "shop-tls-v2")
        let hpa = try #require(manifests.lazy.compactMap { $0.as(HorizontalPodAutoscaler.self) }.first)
        #expect(hpa.spec.scaleTargetRef.name == "shop-web-v2")
        let binding = try #require(manifests.lazy.compactMap { $0.as(RoleBinding.self) }.first)
        #expect(binding.roleRef.name == "shop-reader-v2")
        #expect(binding.subjects?.first?.name == "shop-web-v2")
        #expect(binding.subjects?.first?.namespace == "shop")
    }

    @Test func prefixRewritesKarpenterAndFluxReferences() throws {
        let manifests = try Group {
            Karpenter.nodeClass("default", cluster: "c", role: "r")
            Karpenter.nodePool("default", nodeClass: "default", requirements: [])
            Group {
                GitRepository(name: "repo", spec: GitRepository.Spec(interval: "1m", url: "https://example.com/r"))
                Kustomization(
                    name: "apps",
                    spec: Kustomization.Spec(
                        dependsOn: [.init(name: "infra")], interval: "10m", prune: true,
                        sourceRef: .init(name: "repo", kind: .gitRepository)))
                Kustomization(
                    name: "infra",
                    spec: Kustomization.Spec(
                        interval: "10m", prune: true, sourceRef: .init(name: "repo", kind: .gitRepository)))
            }
            .namespace("flux-system")
        }
        .namePrefix("blue-")
        .render()
        let pool = try #require(manifests.lazy.compactMap { $0.as(NodePool.self) }.first)
        #expect(pool.name == "blue-default")
        #expect(pool.spec.template.spec.nodeClassRef.name == "blue-default")
        let apps = try #require(
            manifests.lazy.compactMap { $0.as(Kustomization.self) }.first { $0.name == "blue-apps" })
        #expect(apps.spec?.sourceRef.name == "blue-repo")
        #expect(apps.spec?.dependsOn?.first?.name == "blue-infra")
    }

    @Test func prefixThatExceedsTheKindLimitFails() {
        let cronJob = CronJob(
            name: String(repeating: "c", count: 50),
            spec: CronJobSpec(jobTemplate: JobTemplateSpec(), schedule: "@daily"))
        #expect(throws: KubeDSLError.self) { try Group { cronJob }.namePrefix("abc-").render() }
    }
}

@Suite struct PatchTests {
    @Test func typedPatchChangesEveryMatch() throws {
        let manifests = try Group {
            Fixtures.deployment("a", image: "a")
            Fixtures.deployment("b", image: "b")
            ConfigMap(name: "c")
        }
        .patch(Deployment.self) { $0.spec.replicas = 3 }
        .patch(Deployment.self, named: "b") { $0.spec.replicas = 5 }
        .render()
        let replicas = manifests.compactMap { $0.as(Deployment.self) }.map { ($0.name, $0.spec.replicas) }
        #expect(replicas.map(\.0) == ["a", "b"])
        #expect(replicas.map(\.1) == [3, 5])
    }

    @Test func patchThatMatchesNothingFails() {
        let group = Group { ConfigMap(name: "c") }.patch(Deployment.self) { $0.spec.replicas = 3 }
        #expect(throws: KubeDSLError.patchMatchedNothing(patch: "patch(Deployment)", scope: "Group")) {
            try group.render()
        }
        let narrowed = Group { Fixtures.deployment("a", image: "a") }
            .patch(Deployment.self, named: "missing") { $0.spec.replicas = 3 }
        #expect(throws: KubeDSLError.self) { try narrowed.render() }
        let allowed = Group { ConfigMap(name: "c") }.patch(Deployment.self, allowNoMatch: true) { $0.spec.replicas = 3 }
        #expect(throws: Never.self) { try allowed.render() }
    }

    @Test func podTemplatePatchReachesEveryTemplate() throws {
        let toleration = Toleration(effect: .noSchedule, key: "nvidia.com/gpu", operator: .exists)
        let manifests = try Group { Workloads.all() }
            .patchPodSpecs { $0.tolerations = ($0.tolerations ?? []) + [toleration] }
            .patchPodTemplates { template in
                var metadata = template.metadata ?? ObjectMeta()
                metadata.annotations = ["patched": "yes"]
                template.metadata = metadata
            }
            .render()
        var patched = 0
        for manifest in manifests where manifest.kind != "ConfigMap" {
            let json = try manifest.jsonValue()
            let spec =
                manifest.kind == "Pod"
                ? json["spec"]
                : manifest.kind == "CronJob"
                    ? json["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
                    : json["spec"]?["template"]?["spec"]
            #expect(spec?["tolerations"]?.arrayValue?.count == 1, "\(manifest.kind)")
            #expect(manifest.kind == "Pod" ? json["metadata"]?["annotations"]?["patched"] == "yes" : true)
            patched += 1
        }
        #expect(patched == 7)
        let none = Group { ConfigMap(name: "c") }.patchPodTemplates { _ in }
        #expect(throws: KubeDSLError.patchMatchedNothing(patch: "patchPodTemplates", scope: "Group")) {
            try none.render()
        }
    }

    @Test func patchesApplyInOrderInsideOut() throws {
        struct App: Component {
            var body: ClusterContent { Fixtures.deployment("a", image: "a", replicas: 1) }
        }
        let manifests = try Group {
            App().patch(Deployment.self) { $0.spec.replicas = ($0.spec.replicas ?? 0) + 10 }
        }
        .patch(Deployment.self) { $0.spec.replicas = ($0.spec.replicas ?? 0) * 2 }
        .render()
        #expect(manifests.first?.as(Deployment.self)?.spec.replicas == 22)
    }
}
