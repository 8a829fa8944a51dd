import KubeModels

/// Reaching into the pod templates of type-erased objects.
enum PodTemplates {
    /// Applies `change` to the pod template of a workload, or to a Pod presented as a template.
    /// Returns whether the object has a pod template.
    static func modify(
        _ manifest: inout Manifest, _ change: (inout PodTemplateSpec) throws -> Void
    ) rethrows -> Bool {
        guard let resource = manifest.resource else { return false }
        if var pod = resource as? Pod {
            var template = PodTemplateSpec(metadata: pod.metadata, spec: pod.spec)
            try change(&template)
            pod.metadata = template.metadata ?? ObjectMeta()
            pod.spec = template.spec
            manifest = Manifest(pod)
            return true
        }
        guard var workload = resource as? any Workload else { return false }
        let changed = try modify(&workload, change)
        if changed { manifest = Manifest(any: workload) }
        return changed
    }

    private static func modify<W: Workload>(
        _ workload: inout W, _ change: (inout PodTemplateSpec) throws -> Void
    ) rethrows -> Bool {
        guard var template = workload.podTemplate else { return false }
        try change(&template)
        workload.podTemplate = template
        return true
    }

    /// Applies `change` to the metadata of every template inside the object: pod templates, and a
    /// CronJob's job template. Returns whether there was any.
    static func modifyTemplateMetadata(_ manifest: inout Manifest, _ change: (inout ObjectMeta) -> Void) -> Bool {
        if var cronJob = manifest.as(CronJob.self) {
            var jobMeta = cronJob.spec.jobTemplate.metadata ?? ObjectMeta()
            change(&jobMeta)
            cronJob.spec.jobTemplate.metadata = jobMeta
            if var template = cronJob.spec.jobTemplate.spec?.template {
                var meta = template.metadata ?? ObjectMeta()
                change(&meta)
                template.metadata = meta
                cronJob.spec.jobTemplate.spec?.template = template
            }
            manifest = Manifest(cronJob)
            return true
        }
        guard manifest.as(Pod.self) == nil else { return false }
        return modify(&manifest) { template in
            var meta = template.metadata ?? ObjectMeta()
            change(&meta)
            template.metadata = meta
        }
    }
}
