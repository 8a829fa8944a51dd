/// How an ALB reaches the pods behind a Service: the `target-type` annotation.
public enum ALBTargetType: String, CaseIterable, Codable, Hashable, Sendable {
    /// `instance`: through the Service's node port on every node. The controller's default.
    case instance
    /// `ip`: straight to the pod IPs. Required for sticky sessions and for Fargate pods.
    case ip
}
