import KubeModels

/// A kind that runs pods from a template: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job
/// and CronJob.
///
/// The helpers (`Service.exposing(_:name:type:ports:)`, PodDisruptionBudgets,
/// NetworkPolicies, ``PodPlacement``) accept any workload.
public protocol Workload: Resource {
    /// The pod template, or `nil` when the object has none (a CronJob without a job spec).
    /// Setting `nil` leaves the object unchanged.
    var podTemplate: PodTemplateSpec? { get set }

    /// The labels that select this workload's pods: the workload's `matchLabels` selector when it
    /// has one, otherwise its pod template's labels.
    var podSelectorLabels: [String: String] { get }
}

/// A workload with a replica count that a HorizontalPodAutoscaler can drive: Deployment,
/// StatefulSet and ReplicaSet.
public protocol ScalableWorkload: Workload {}

extension Workload {
    /// The labels that select this workload's pods: its pod template's labels.
    public var podSelectorLabels: [String: String] {
        podTemplate?.metadata?.labels ?? [:]
    }
}

extension Deployment: ScalableWorkload {
    /// `spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec.template }
        set { if let newValue { spec.template = newValue } }
    }

    /// `spec.selector.matchLabels`, or the template's labels when the selector has none.
    public var podSelectorLabels: [String: String] {
        spec.selector.matchLabels ?? spec.template.metadata?.labels ?? [:]
    }
}

extension StatefulSet: ScalableWorkload {
    /// `spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec.template }
        set { if let newValue { spec.template = newValue } }
    }

    /// `spec.selector.matchLabels`, or the template's labels when the selector has none.
    public var podSelectorLabels: [String: String] {
        spec.selector.matchLabels ?? spec.template.metadata?.labels ?? [:]
    }
}

extension ReplicaSet: ScalableWorkload {
    /// `spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec.template }
        set { if let newValue { spec.template = newValue } }
    }

    /// `spec.selector.matchLabels`, or the template's labels when the selector has none.
    public var podSelectorLabels: [String: String] {
        spec.selector.matchLabels ?? spec.template?.metadata?.labels ?? [:]
    }
}

extension DaemonSet: Workload {
    /// `spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec.template }
        set { if let newValue { spec.template = newValue } }
    }

    /// `spec.selector.matchLabels`, or the template's labels when the selector has none.
    public var podSelectorLabels: [String: String] {
        spec.selector.matchLabels ?? spec.template.metadata?.labels ?? [:]
    }
}

extension Job: Workload {
    /// `spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec?.template }
        set { if let newValue { spec?.template = newValue } }
    }
}

extension CronJob: Workload {
    /// `spec.jobTemplate.spec.template`.
    public var podTemplate: PodTemplateSpec? {
        get { spec.jobTemplate.spec?.template }
        set { if let newValue { spec.jobTemplate.spec?.template = newValue } }
    }
}
