import KubeModels

/// A pod spec inside a manifest: the bare Pod's spec or a workload's template, with the paths
/// that lead to it and what kind of workload runs it.
struct PodTemplateSite {
    /// The kind that holds the spec (`Pod`, `Deployment`, `CronJob` ...).
    let kind: String
    let spec: PodSpec
    /// The pod's metadata (the template's, for workloads).
    let metadata: ObjectMeta
    /// The path from the document root to the pod spec.
    let specPath: [PathComponent]
    /// The path from the document root to the pod metadata.
    let metadataPath: [PathComponent]
    /// The replica count the workload asks for (`nil` for kinds without one; unset counts as 1).
    let replicas: Int?
    /// Whether the pods are meant to keep running (not Jobs, CronJobs or run-once Pods).
    let isLongRunning: Bool
    /// Every container with its path below the pod spec: init containers, containers, then
    /// ephemeral containers (seen as plain containers), in the order the admission controller
    /// visits them.
    let containers: [ContainerView]

    init(
        kind: String, spec: PodSpec, metadata: ObjectMeta, specPath: [PathComponent], metadataPath: [PathComponent],
        replicas: Int?, isLongRunning: Bool
    ) {
        self.kind = kind
        self.spec = spec
        self.metadata = metadata
        self.specPath = specPath
        self.metadataPath = metadataPath
        self.replicas = replicas
        self.isLongRunning = isLongRunning
        var containers: [ContainerView] = []
        containers.reserveCapacity((spec.initContainers?.count ?? 0) + spec.containers.count)
        for (position, container) in (spec.initContainers ?? []).enumerated() {
            containers.append(ContainerView(container, isInit: true, path: ["initContainers", .index(position)]))
        }
        for (position, container) in spec.containers.enumerated() {
            containers.append(ContainerView(container, isInit: false, path: ["containers", .index(position)]))
        }
        for (position, container) in (spec.ephemeralContainers ?? []).enumerated() {
            containers.append(ContainerView(container, path: ["ephemeralContainers", .index(position)]))
        }
        self.containers = containers
    }

    /// The pod spec of a manifest, if it has one.
    static func extract(from manifest: Manifest) -> PodTemplateSite? {
        guard let resource = manifest.resource else { return nil }
        switch ObjectIdentifier(type(of: resource)) {
        case ObjectIdentifier(Deployment.self):
            guard let deployment = resource as? Deployment else { return nil }
            return template(deployment.spec.template, kind: "Deployment", replicas: Int(deployment.spec.replicas ?? 1))
        case ObjectIdentifier(Pod.self):
            guard let pod = resource as? Pod, let spec = pod.spec else { return nil }
            let restart = spec.restartPolicy?.rawValue ?? "Always"
            return PodTemplateSite(
                kind: "Pod", spec: spec, metadata: pod.metadata, specPath: ["spec"], metadataPath: ["metadata"],
                replicas: nil, isLongRunning: restart == "Always")
        case ObjectIdentifier(StatefulSet.self):
            guard let statefulSet = resource as? StatefulSet else { return nil }
            return template(
                statefulSet.spec.template, kind: "StatefulSet", replicas: Int(statefulSet.spec.replicas ?? 1))
        case ObjectIdentifier(DaemonSet.self):
            guard let daemonSet = resource as? DaemonSet else { return nil }
            return template(daemonSet.spec.template, kind: "DaemonSet", replicas: nil)
        case ObjectIdentifier(ReplicaSet.self):
            guard let replicaSet = resource as? ReplicaSet, let template = replicaSet.spec.template else { return nil }
            return Self.template(template, kind: "ReplicaSet", replicas: Int(replicaSet.spec.replicas ?? 1))
        case ObjectIdentifier(Job.self):
            guard let job = resource as? Job, let spec = job.spec else { return nil }
            return template(spec.template, kind: "Job", replicas: nil, prefix: ["spec"], isLongRunning: false)
        case ObjectIdentifier(CronJob.self):
            guard let cronJob = resource as? CronJob, let spec = cronJob.spec.jobTemplate.spec else { return nil }
            return template(
                spec.template, kind: "CronJob", replicas: nil, prefix: ["spec", "jobTemplate", "spec"],
                isLongRunning: false)
        default:
            return nil
        }
    }

    private static func template(
        _ template: PodTemplateSpec, kind: String, replicas: Int?, prefix: [PathComponent] = ["spec"],
        isLongRunning: Bool = true
    ) -> PodTemplateSite? {
        guard let spec = template.spec else { return nil }
        return PodTemplateSite(
            kind: kind, spec: spec, metadata: template.metadata ?? ObjectMeta(),
            specPath: prefix + ["template", "spec"], metadataPath: prefix + ["template", "metadata"],
            replicas: replicas, isLongRunning: isLongRunning)
    }

    /// The pod's labels.
    var labels: [String: String] { metadata.labels ?? [:] }
}
