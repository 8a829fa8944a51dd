import KubeModels

extension HorizontalPodAutoscaler {
    /// An `autoscaling/v2` autoscaler for a Deployment, StatefulSet or ReplicaSet that targets
    /// average CPU and/or memory utilization.
    ///
    /// When an autoscaler drives a workload, leave the workload's `spec.replicas` unset (or set
    /// it only in environments without autoscaling): otherwise every apply resets the count the
    /// autoscaler chose.
    ///
    /// - Parameters:
    ///   - workload: the workload to scale.
    ///   - minReplicas: the fewest replicas, at least 1.
    ///   - maxReplicas: the most replicas, at least `minReplicas`.
    ///   - cpuUtilization: target average CPU utilization in percent of requests, or `nil`.
    ///   - memoryUtilization: target average memory utilization in percent of requests, or `nil`.
    ///   - name: the autoscaler's name; the workload's name by default.
    /// - Throws: ``KubeDSLError/invalidArgument(_:)`` for impossible bounds or no metric.
    public static func scaling<W: ScalableWorkload>(
        _ workload: W, minReplicas: Int32, maxReplicas: Int32, cpuUtilization: Int32? = 70,
        memoryUtilization: Int32? = nil, name: String? = nil
    ) throws -> HorizontalPodAutoscaler {
        let subject = "autoscaler for \(W.kind) \"\(workload.name)\""
        guard minReplicas >= 1, minReplicas <= maxReplicas else {
            throw KubeDSLError.invalidArgument(
                "\(subject): need 1 <= minReplicas <= maxReplicas, got \(minReplicas) and \(maxReplicas)")
        }
        var metrics: [MetricSpec] = []
        for (resource, utilization) in [("cpu", cpuUtilization), ("memory", memoryUtilization)] {
            guard let utilization else { continue }
            guard utilization > 0 else {
                throw KubeDSLError.invalidArgument(
                    "\(subject): \(resource) utilization must be positive, got \(utilization)")
            }
            metrics.append(
                MetricSpec(
                    resource: ResourceMetricSource(
                        name: resource, target: MetricTarget(averageUtilization: utilization, type: .utilization)),
                    type: .resource))
        }
        guard !metrics.isEmpty else {
            throw KubeDSLError.invalidArgument("\(subject): give a CPU or memory utilization target")
        }
        return HorizontalPodAutoscaler(
            name: name ?? workload.name, namespace: workload.namespace, labels: workload.metadata.labels,
            spec: HorizontalPodAutoscalerSpec(
                maxReplicas: maxReplicas, metrics: metrics, minReplicas: minReplicas,
                scaleTargetRef: CrossVersionObjectReference(name: workload.name, apiVersion: W.apiVersion, kind: W.kind)
            ))
    }
}
