/// Whether a load balancer gets public addresses: the `scheme` and `frontend-nlb-scheme` annotations.
public enum LoadBalancerScheme: String, CaseIterable, Codable, Hashable, Sendable {
    /// `internal`: private addresses only, reachable from the VPC. The controller's default.
    case `internal` = "internal"
    /// `internet-facing`: public addresses, reachable from the internet.
    case internetFacing = "internet-facing"
}
