import KubeAWS
import KubeFlux
import KubeModels

/// Rewrites the names an object uses to refer to other objects, after a name prefix or suffix
/// renamed them. Only the reference fields listed in ``Component/namePrefix(_:)`` are known.
struct ReferenceRewriter {
    /// Old identity to new name.
    var renames: [ResourceIdentity: String]

    private func renamed(_ group: String, _ kind: String, _ namespace: String?, _ name: String) -> String {
        renames[ResourceIdentity(group: group, kind: kind, namespace: namespace, name: name)] ?? name
    }

    private func renamed(_ group: String, _ kind: String, _ namespace: String?, _ name: String?) -> String? {
        name.map { renamed(group, kind, namespace, $0) }
    }

    private static func group(ofAPIVersion apiVersion: String?) -> String? {
        guard let apiVersion else { return nil }
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    func rewrite(_ manifest: inout Manifest) {
        guard !renames.isEmpty, let resource = manifest.resource else { return }
        let namespace = manifest.namespace
        switch resource {
        case var pod as Pod:
            if var spec = pod.spec {
                rewrite(&spec, namespace: namespace)
                pod.spec = spec
            }
            manifest = Manifest(pod)
        case var statefulSet as StatefulSet:
            statefulSet.spec.serviceName = renamed("", "Service", namespace, statefulSet.spec.serviceName)
            rewriteTemplate(&statefulSet, namespace: namespace)
            manifest = Manifest(statefulSet)
        case var workload as any Workload:
            rewriteTemplate(&workload, namespace: namespace)
            manifest = Manifest(any: workload)
        case var hpa as HorizontalPodAutoscaler:
            let target = hpa.spec.scaleTargetRef
            let group = Self.group(ofAPIVersion: target.apiVersion) ?? "apps"
            hpa.spec.scaleTargetRef.name = renamed(group, target.kind, namespace, target.name)
            manifest = Manifest(hpa)
        case var ingress as Ingress:
            rewrite(&ingress, namespace: namespace)
            manifest = Manifest(ingress)
        case var binding as RoleBinding:
            let roleNamespace = binding.roleRef.kind == "Role" ? namespace : nil
            binding.roleRef.name = renamed(
                "rbac.authorization.k8s.io", binding.roleRef.kind, roleNamespace, binding.roleRef.name)
            binding.subjects = binding.subjects?.map { rewrite($0, defaultNamespace: namespace) }
            manifest = Manifest(binding)
        case var binding as ClusterRoleBinding:
            binding.roleRef.name = renamed("rbac.authorization.k8s.io", binding.roleRef.kind, nil, binding.roleRef.name)
            binding.subjects = binding.subjects?.map { rewrite($0, defaultNamespace: nil) }
            manifest = Manifest(binding)
        case var nodePool as NodePool:
            let ref = nodePool.spec.template.spec.nodeClassRef
            nodePool.spec.template.spec.nodeClassRef.name = renamed(ref.group, ref.kind, nil, ref.name)
            manifest = Manifest(nodePool)
        case var kustomization as Kustomization:
            rewrite(&kustomization, namespace: namespace)
            manifest = Manifest(kustomization)
        case var release as HelmRelease:
            rewrite(&release, namespace: namespace)
            manifest = Manifest(release)
        default:
            return
        }
    }

    private func rewriteTemplate<W: Workload>(_ workload: inout W, namespace: String?) {
        guard var template = workload.podTemplate, var spec = template.spec else { return }
        rewrite(&spec, namespace: namespace)
        template.spec = spec
        workload.podTemplate = template
    }

    private func rewrite(_ subject: Subject, defaultNamespace: String?) -> Subject {
        guard subject.kind == "ServiceAccount" else { return subject }
        var copy = subject
        copy.name = renamed("", "ServiceAccount", subject.namespace ?? defaultNamespace, subject.name)
        return copy
    }

    private func rewrite(_ spec: inout PodSpec, namespace: String?) {
        spec.serviceAccountName = renamed("", "ServiceAccount", namespace, spec.serviceAccountName)
        spec.serviceAccount = renamed("", "ServiceAccount", namespace, spec.serviceAccount)
        spec.imagePullSecrets = spec.imagePullSecrets?.map { reference in
            var copy = reference
            copy.name = renamed("", "Secret", namespace, reference.name)
            return copy
        }
        spec.volumes = spec.volumes?.map { rewrite($0, namespace: namespace) }
        spec.containers = spec.containers.map { rewrite($0, namespace: namespace) }
        spec.initContainers = spec.initContainers?.map { rewrite($0, namespace: namespace) }
    }

    private func rewrite(_ volume: Volume, namespace: String?) -> Volume {
        var volume = volume
        if var source = volume.configMap {
            source.name = renamed("", "ConfigMap", namespace, source.name)
            volume.configMap = source
        }
        if var source = volume.secret {
            source.secretName = renamed("", "Secret", namespace, source.secretName)
            volume.secret = source
        }
        if var source = volume.persistentVolumeClaim {
            source.claimName = renamed("", "PersistentVolumeClaim", namespace, source.claimName)
            volume.persistentVolumeClaim = source
        }
        if var projected = volume.projected {
            projected.sources = projected.sources?.map { projection in
                var projection = projection
                if var source = projection.configMap {
                    source.name = renamed("", "ConfigMap", namespace, source.name)
                    projection.configMap = source
                }
                if var source = projection.secret {
                    source.name = renamed("", "Secret", namespace, source.name)
                    projection.secret = source
                }
                return projection
            }
            volume.projected = projected
        }
        return volume
    }

    private func rewrite(_ container: Container, namespace: String?) -> Container {
        var container = container
        container.env = container.env?.map { variable in
            guard var source = variable.valueFrom else { return variable }
            var variable = variable
            if var selector = source.configMapKeyRef {
                selector.name = renamed("", "ConfigMap", namespace, selector.name)
                source.configMapKeyRef = selector
            }
            if var selector = source.secretKeyRef {
                selector.name = renamed("", "Secret", namespace, selector.name)
                source.secretKeyRef = selector
            }
            variable.valueFrom = source
            return variable
        }
        container.envFrom = container.envFrom?.map { source in
            var source = source
            if var reference = source.configMapRef {
                reference.name = renamed("", "ConfigMap", namespace, reference.name)
                source.configMapRef = reference
            }
            if var reference = source.secretRef {
                reference.name = renamed("", "Secret", namespace, reference.name)
                source.secretRef = reference
            }
            return source
        }
        return container
    }

    private func rewrite(_ backend: IngressBackend, namespace: String?) -> IngressBackend {
        guard var service = backend.service else { return backend }
        var backend = backend
        service.name = renamed("", "Service", namespace, service.name)
        backend.service = service
        return backend
    }

    private func rewrite(_ ingress: inout Ingress, namespace: String?) {
        guard var spec = ingress.spec else { return }
        spec.defaultBackend = spec.defaultBackend.map { rewrite($0, namespace: namespace) }
        spec.rules = spec.rules?.map { rule in
            guard var http = rule.http else { return rule }
            var rule = rule
            http.paths = http.paths.map { path in
                var path = path
                path.backend = rewrite(path.backend, namespace: namespace)
                return path
            }
            rule.http = http
            return rule
        }
        spec.tls = spec.tls?.map { tls in
            var tls = tls
            tls.secretName = renamed("", "Secret", namespace, tls.secretName)
            return tls
        }
        ingress.spec = spec
    }

    private func rewrite(_ kustomization: inout Kustomization, namespace: String?) {
        guard var spec = kustomization.spec else { return }
        let source = spec.sourceRef
        spec.sourceRef.name = renamed(
            "source.toolkit.fluxcd.io", source.kind.rawValue, source.namespace ?? namespace, source.name)
        spec.dependsOn = spec.dependsOn?.map { item in
            var item = item
            item.name = renamed(Kustomization.group, Kustomization.kind, item.namespace ?? namespace, item.name)
            return item
        }
        kustomization.spec = spec
    }

    private func rewrite(_ release: inout HelmRelease, namespace: String?) {
        guard var spec = release.spec else { return }
        if let source = spec.chart?.spec.sourceRef {
            spec.chart?.spec.sourceRef.name = renamed(
                "source.toolkit.fluxcd.io", source.kind.rawValue, source.namespace ?? namespace, source.name)
        }
        if let chartRef = spec.chartRef {
            spec.chartRef?.name = renamed(
                "source.toolkit.fluxcd.io", chartRef.kind.rawValue, chartRef.namespace ?? namespace, chartRef.name)
        }
        spec.dependsOn = spec.dependsOn?.map { item in
            var item = item
            item.name = renamed(HelmRelease.group, HelmRelease.kind, item.namespace ?? namespace, item.name)
            return item
        }
        release.spec = spec
    }
}
