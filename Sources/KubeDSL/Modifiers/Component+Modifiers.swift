import KubeModels

extension Component {
    /// This component's group with one change made to it.
    func modified(_ change: (inout GroupNode) -> Void) -> Group {
        let node = self.node
        var group: GroupNode
        if case .group(let existing) = node.storage {
            group = existing
        } else {
            group = GroupNode(label: "Group", children: [node])
        }
        change(&group)
        return Group(node: group)
    }

    /// Puts every namespaced object inside into `namespace`.
    ///
    /// The nearest namespace wins: an object that already has a namespace (set on the object or by
    /// an inner scope) keeps it. Rendering fails with ``KubeDSLError/clusterScopedInNamespace(object:namespace:scope:)``
    /// when a cluster-scoped object is inside, except the `Namespace` object of the same name,
    /// which may live in its own scope. Unstructured objects without a namespace make rendering
    /// fail with ``KubeDSLError/unknownScope(object:namespace:scope:)``, because their scope is
    /// unknown: give them a namespace, move them out, or use a typed model (CRD models know
    /// their scope). ServiceAccount subjects of RoleBindings without a namespace get the
    /// binding's, which the API server requires.
    public func namespace(_ namespace: String) -> Group {
        modified { $0.modifiers.append(.namespace(namespace)) }
    }

    /// Adds labels to every object inside and, by default, to every pod template.
    ///
    /// Existing values win: a label the object (or an inner scope) already set is kept.
    /// Selectors are never changed; see ``MetadataPropagation``.
    public func labels(_ labels: [String: String], propagation: MetadataPropagation = .metadataAndPodTemplates) -> Group
    {
        modified { $0.modifiers.append(.labels(labels, propagation)) }
    }

    /// Adds annotations to every object inside and, by default, to every pod template.
    ///
    /// Existing values win. Annotating pod templates starts a rollout of the workloads when the
    /// value changes, which is usually what a changed annotation is for.
    public func annotations(
        _ annotations: [String: String], propagation: MetadataPropagation = .metadataAndPodTemplates
    ) -> Group {
        modified { $0.modifiers.append(.annotations(annotations, propagation)) }
    }

    /// Puts `prefix` before the name of every object inside, except Namespaces and
    /// CustomResourceDefinitions, and rewrites the references between those objects.
    ///
    /// References rewritten when both ends are inside the scope: a pod's `serviceAccountName`,
    /// ConfigMap, Secret and PersistentVolumeClaim volumes, `envFrom`, `env[].valueFrom`,
    /// `imagePullSecrets`; a StatefulSet's `serviceName`; an HPA's `scaleTargetRef`; Ingress
    /// backends; RoleBinding and ClusterRoleBinding `roleRef` and ServiceAccount subjects;
    /// a NodePool's `nodeClassRef`; Flux `sourceRef`s and `dependsOn`. Not rewritten:
    /// references from unstructured objects, from annotations and from free-form values (Helm
    /// values), and references to objects outside the scope. Labels and selectors are not
    /// names and do not change.
    ///
    /// Rendering fails with ``KubeDSLError/nameTooLong(object:limit:)`` when a new name exceeds
    /// its kind's limit (see ``NameLimit``).
    public func namePrefix(_ prefix: String) -> Group {
        modified { $0.modifiers.append(.namePrefix(prefix)) }
    }

    /// Puts `suffix` after the name of every object inside; see ``namePrefix(_:)``.
    public func nameSuffix(_ suffix: String) -> Group {
        modified { $0.modifiers.append(.nameSuffix(suffix)) }
    }

    /// Changes every object of type `type` inside, such as "every Deployment gets 3 replicas".
    ///
    /// ```swift
    /// .patch(Deployment.self) { $0.spec.replicas = 3 }
    /// .patch(Deployment.self, named: "api") { $0.spec.revisionHistoryLimit = 5 }
    /// ```
    ///
    /// - Parameters:
    ///   - type: the model type to change.
    ///   - name: when given, only the object with this name (before any name prefix or suffix
    ///     of an enclosing scope) is changed.
    ///   - allowNoMatch: when `false` (the default), rendering fails with
    ///     ``KubeDSLError/patchMatchedNothing(patch:scope:)`` if no object matches, so a patch
    ///     never vanishes silently.
    ///   - predicate: further narrows the objects.
    ///   - change: the change, which may throw.
    public func patch<R: Resource>(
        _ type: R.Type, named name: String? = nil, allowNoMatch: Bool = false,
        where predicate: (@Sendable (R) -> Bool)? = nil, _ change: @escaping @Sendable (inout R) throws -> Void
    ) -> Group {
        let description = name.map { "patch(\(R.kind) \"\($0)\")" } ?? "patch(\(R.kind))"
        let patch = Patch(description: description, allowNoMatch: allowNoMatch) { manifest in
            guard var resource = manifest.as(R.self) else { return false }
            if let name, resource.name != name { return false }
            if let predicate, !predicate(resource) { return false }
            try change(&resource)
            manifest = Manifest(resource)
            return true
        }
        return modified { $0.modifiers.append(.patch(patch)) }
    }

    /// Changes every pod template inside: those of Deployments, StatefulSets, DaemonSets,
    /// ReplicaSets, Jobs and CronJobs, and bare Pods (whose metadata and spec are presented as a
    /// template).
    ///
    /// ```swift
    /// .patchPodTemplates { template in
    ///     template.metadata?.annotations?["prometheus.io/scrape"] = "true"
    /// }
    /// ```
    ///
    /// To change only pod specs, ``patchPodSpecs(allowNoMatch:_:)`` is shorter.
    ///
    /// - Parameters:
    ///   - allowNoMatch: when `false` (the default), rendering fails if there is no pod template.
    ///   - change: the change, which may throw.
    public func patchPodTemplates(
        allowNoMatch: Bool = false, _ change: @escaping @Sendable (inout PodTemplateSpec) throws -> Void
    ) -> Group {
        let patch = Patch(description: "patchPodTemplates", allowNoMatch: allowNoMatch) { manifest in
            try PodTemplates.modify(&manifest, change)
        }
        return modified { $0.modifiers.append(.patch(patch)) }
    }

    /// Changes the pod spec of every pod template inside (see ``patchPodTemplates(allowNoMatch:_:)``
    /// for which objects have one).
    ///
    /// ```swift
    /// .patchPodSpecs { $0.tolerations = ($0.tolerations ?? []) + [gpuToleration] }
    /// ```
    public func patchPodSpecs(
        allowNoMatch: Bool = false, _ change: @escaping @Sendable (inout PodSpec) throws -> Void
    ) -> Group {
        let patch = Patch(description: "patchPodSpecs", allowNoMatch: allowNoMatch) { manifest in
            var matched = false
            let changed = try PodTemplates.modify(&manifest) { template in
                guard var spec = template.spec else { return }
                try change(&spec)
                template.spec = spec
                matched = true
            }
            return changed && matched
        }
        return modified { $0.modifiers.append(.patch(patch)) }
    }

    /// Changes every object inside through its type-erased form; the closure returns whether it
    /// changed (matched) the object.
    public func patchManifests(
        _ description: String = "patchManifests", allowNoMatch: Bool = false,
        _ change: @escaping @Sendable (inout Manifest) throws -> Bool
    ) -> Group {
        modified {
            $0.modifiers.append(.patch(Patch(description: description, allowNoMatch: allowNoMatch, apply: change)))
        }
    }

    /// Gives the component an identifier that other content can depend on.
    public func id(_ id: ComponentID) -> Group {
        modified { $0.ids.append(id) }
    }

    /// Makes every object inside follow every object of the targets in apply order.
    ///
    /// Rendering fails with ``KubeDSLError/unknownDependency(from:target:)`` when a target is
    /// not in the cluster, and with ``KubeDSLError/dependencyCycle(_:)`` naming the cycle when
    /// dependencies contradict each other.
    public func dependsOn(_ targets: DependencyTarget...) -> Group {
        modified { $0.dependencies.append(contentsOf: targets) }
    }

    /// Makes every object inside follow every object of the components with these identifiers.
    public func dependsOn(_ ids: ComponentID...) -> Group {
        modified { $0.dependencies.append(contentsOf: ids.map(DependencyTarget.component)) }
    }

    /// Puts every object inside into a stage of the Flux repository layout; an inner stage wins.
    /// Without one, objects are placed by kind (see ``Layout/flux(_:)``).
    public func fluxLayer(_ layer: FluxLayer) -> Group {
        modified { $0.layer = $0.layer ?? layer }
    }
}
