/// The name of an `alb.ingress.kubernetes.io/*` annotation of the AWS Load Balancer Controller.
///
/// Constants cover every annotation of controller v3.5; the static functions build the names
/// that carry a parameter (`actions.<name>`, `listener-attributes.HTTPS-443`, …).
public struct ALBAnnotationKey: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The prefix every key of the controller's Ingress annotations starts with.
    public static let prefix = "alb.ingress.kubernetes.io/"

    /// The full annotation name.
    public var rawValue: String

    /// Wraps a full annotation name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a full annotation name written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Makes the key `alb.ingress.kubernetes.io/<suffix>`.
    public init(suffix: String) { self.rawValue = Self.prefix + suffix }

    /// The full annotation name.
    public var description: String { rawValue }

    /// The part after ``prefix``, or `nil` when the key does not start with it.
    public var suffix: String? {
        rawValue.hasPrefix(Self.prefix) ? String(rawValue.dropFirst(Self.prefix.count)) : nil
    }

    /// Orders keys by their text.
    public static func < (lhs: ALBAnnotationKey, rhs: ALBAnnotationKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

// MARK: - Load balancer

extension ALBAnnotationKey {
    /// `load-balancer-name`.
    public static let loadBalancerName = ALBAnnotationKey(suffix: "load-balancer-name")
    /// `group.name`.
    public static let groupName = ALBAnnotationKey(suffix: "group.name")
    /// `group.order`.
    public static let groupOrder = ALBAnnotationKey(suffix: "group.order")
    /// `tags`.
    public static let tags = ALBAnnotationKey(suffix: "tags")
    /// `ip-address-type`.
    public static let ipAddressType = ALBAnnotationKey(suffix: "ip-address-type")
    /// `scheme`.
    public static let scheme = ALBAnnotationKey(suffix: "scheme")
    /// `subnets`.
    public static let subnets = ALBAnnotationKey(suffix: "subnets")
    /// `security-groups`.
    public static let securityGroups = ALBAnnotationKey(suffix: "security-groups")
    /// `manage-backend-security-group-rules`.
    public static let manageBackendSecurityGroupRules = ALBAnnotationKey(
        suffix: "manage-backend-security-group-rules")
    /// `customer-owned-ipv4-pool`.
    public static let customerOwnedIPv4Pool = ALBAnnotationKey(suffix: "customer-owned-ipv4-pool")
    /// `ipam-ipv4-pool-id`.
    public static let ipamIPv4PoolID = ALBAnnotationKey(suffix: "ipam-ipv4-pool-id")
    /// `load-balancer-attributes`.
    public static let loadBalancerAttributes = ALBAnnotationKey(suffix: "load-balancer-attributes")
    /// `wafv2-acl-arn`.
    public static let wafv2ACLARN = ALBAnnotationKey(suffix: "wafv2-acl-arn")
    /// `wafv2-acl-name`.
    public static let wafv2ACLName = ALBAnnotationKey(suffix: "wafv2-acl-name")
    /// `waf-acl-id`.
    public static let wafACLID = ALBAnnotationKey(suffix: "waf-acl-id")
    /// `shield-advanced-protection`.
    public static let shieldAdvancedProtection = ALBAnnotationKey(suffix: "shield-advanced-protection")
    /// `minimum-load-balancer-capacity`.
    public static let minimumLoadBalancerCapacity = ALBAnnotationKey(suffix: "minimum-load-balancer-capacity")
}

// MARK: - Listeners and TLS

extension ALBAnnotationKey {
    /// `listen-ports`.
    public static let listenPorts = ALBAnnotationKey(suffix: "listen-ports")
    /// `ssl-redirect`.
    public static let sslRedirect = ALBAnnotationKey(suffix: "ssl-redirect")
    /// `inbound-cidrs`.
    public static let inboundCIDRs = ALBAnnotationKey(suffix: "inbound-cidrs")
    /// `security-group-prefix-lists`.
    public static let securityGroupPrefixLists = ALBAnnotationKey(suffix: "security-group-prefix-lists")
    /// `certificate-arn`.
    public static let certificateARN = ALBAnnotationKey(suffix: "certificate-arn")
    /// `ssl-policy`.
    public static let sslPolicy = ALBAnnotationKey(suffix: "ssl-policy")
    /// `mutual-authentication`.
    public static let mutualAuthentication = ALBAnnotationKey(suffix: "mutual-authentication")
    /// `create-acm-cert`.
    public static let createACMCert = ALBAnnotationKey(suffix: "create-acm-cert")
    /// `acm-pca-arn`.
    public static let acmPCAARN = ALBAnnotationKey(suffix: "acm-pca-arn")
}

// MARK: - Target groups and health checks

extension ALBAnnotationKey {
    /// `target-type`.
    public static let targetType = ALBAnnotationKey(suffix: "target-type")
    /// `target-node-labels`.
    public static let targetNodeLabels = ALBAnnotationKey(suffix: "target-node-labels")
    /// `backend-protocol`.
    public static let backendProtocol = ALBAnnotationKey(suffix: "backend-protocol")
    /// `backend-protocol-version`.
    public static let backendProtocolVersion = ALBAnnotationKey(suffix: "backend-protocol-version")
    /// `target-group-attributes`.
    public static let targetGroupAttributes = ALBAnnotationKey(suffix: "target-group-attributes")
    /// `multi-cluster-target-group`.
    public static let multiClusterTargetGroup = ALBAnnotationKey(suffix: "multi-cluster-target-group")
    /// `healthcheck-port`.
    public static let healthCheckPort = ALBAnnotationKey(suffix: "healthcheck-port")
    /// `healthcheck-protocol`.
    public static let healthCheckProtocol = ALBAnnotationKey(suffix: "healthcheck-protocol")
    /// `healthcheck-path`.
    public static let healthCheckPath = ALBAnnotationKey(suffix: "healthcheck-path")
    /// `healthcheck-interval-seconds`.
    public static let healthCheckIntervalSeconds = ALBAnnotationKey(suffix: "healthcheck-interval-seconds")
    /// `healthcheck-timeout-seconds`.
    public static let healthCheckTimeoutSeconds = ALBAnnotationKey(suffix: "healthcheck-timeout-seconds")
    /// `healthy-threshold-count`.
    public static let healthyThresholdCount = ALBAnnotationKey(suffix: "healthy-threshold-count")
    /// `unhealthy-threshold-count`.
    public static let unhealthyThresholdCount = ALBAnnotationKey(suffix: "unhealthy-threshold-count")
    /// `success-codes`.
    public static let successCodes = ALBAnnotationKey(suffix: "success-codes")
}

// MARK: - Authentication

extension ALBAnnotationKey {
    /// `auth-type`.
    public static let authType = ALBAnnotationKey(suffix: "auth-type")
    /// `auth-idp-cognito`.
    public static let authIDPCognito = ALBAnnotationKey(suffix: "auth-idp-cognito")
    /// `auth-idp-oidc`.
    public static let authIDPOIDC = ALBAnnotationKey(suffix: "auth-idp-oidc")
    /// `auth-on-unauthenticated-request`.
    public static let authOnUnauthenticatedRequest = ALBAnnotationKey(suffix: "auth-on-unauthenticated-request")
    /// `auth-scope`.
    public static let authScope = ALBAnnotationKey(suffix: "auth-scope")
    /// `auth-session-cookie`.
    public static let authSessionCookie = ALBAnnotationKey(suffix: "auth-session-cookie")
    /// `auth-session-timeout`.
    public static let authSessionTimeout = ALBAnnotationKey(suffix: "auth-session-timeout")
    /// `jwt-validation`.
    public static let jwtValidation = ALBAnnotationKey(suffix: "jwt-validation")
}

// MARK: - Routing

extension ALBAnnotationKey {
    /// `use-regex-path-match`.
    public static let useRegexPathMatch = ALBAnnotationKey(suffix: "use-regex-path-match")

    /// The suffix prefix of ``action(_:)`` keys.
    static let actionsPrefix = "actions."
    /// The suffix prefix of ``conditions(_:)`` keys.
    static let conditionsPrefix = "conditions."
    /// The suffix prefix of ``transforms(_:)`` keys.
    static let transformsPrefix = "transforms."
    /// The suffix prefix of ``listenerAttributes(_:)`` keys.
    static let listenerAttributesPrefix = "listener-attributes."
    /// The suffix prefix of ``targetControlPort(_:)`` keys.
    static let targetControlPortPrefix = "target-control-port."

    /// `actions.<name>`: a custom action for the backend whose service name is `name`.
    public static func action(_ name: String) -> ALBAnnotationKey {
        ALBAnnotationKey(suffix: actionsPrefix + name)
    }

    /// `conditions.<name>`: extra rule conditions for the backend whose service name is `name`.
    public static func conditions(_ name: String) -> ALBAnnotationKey {
        ALBAnnotationKey(suffix: conditionsPrefix + name)
    }

    /// `transforms.<name>`: request rewrites for the backend whose service name is `name`.
    public static func transforms(_ name: String) -> ALBAnnotationKey {
        ALBAnnotationKey(suffix: transformsPrefix + name)
    }

    /// `listener-attributes.<Protocol>-<Port>`, for example `listener-attributes.HTTPS-443`.
    public static func listenerAttributes(_ listener: ALBListenPort) -> ALBAnnotationKey {
        ALBAnnotationKey(suffix: listenerAttributesPrefix + listener.description)
    }

    /// `target-control-port.<serviceName>.<servicePort>`.
    public static func targetControlPort(_ backend: ALBServicePort) -> ALBAnnotationKey {
        ALBAnnotationKey(suffix: targetControlPortPrefix + backend.description)
    }
}

// MARK: - Frontend NLB

extension ALBAnnotationKey {
    /// `enable-frontend-nlb`.
    public static let enableFrontendNLB = ALBAnnotationKey(suffix: "enable-frontend-nlb")
    /// `frontend-nlb-scheme`.
    public static let frontendNLBScheme = ALBAnnotationKey(suffix: "frontend-nlb-scheme")
    /// `frontend-nlb-subnets`.
    public static let frontendNLBSubnets = ALBAnnotationKey(suffix: "frontend-nlb-subnets")
    /// `frontend-nlb-security-groups`.
    public static let frontendNLBSecurityGroups = ALBAnnotationKey(suffix: "frontend-nlb-security-groups")
    /// `frontend-nlb-listener-port-mapping`.
    public static let frontendNLBListenerPortMapping = ALBAnnotationKey(suffix: "frontend-nlb-listener-port-mapping")
    /// `frontend-nlb-healthcheck-port`.
    public static let frontendNLBHealthCheckPort = ALBAnnotationKey(suffix: "frontend-nlb-healthcheck-port")
    /// `frontend-nlb-healthcheck-protocol`.
    public static let frontendNLBHealthCheckProtocol = ALBAnnotationKey(suffix: "frontend-nlb-healthcheck-protocol")
    /// `frontend-nlb-healthcheck-path`.
    public static let frontendNLBHealthCheckPath = ALBAnnotationKey(suffix: "frontend-nlb-healthcheck-path")
    /// `frontend-nlb-healthcheck-interval-seconds`.
    public static let frontendNLBHealthCheckIntervalSeconds = ALBAnnotationKey(
        suffix: "frontend-nlb-healthcheck-interval-seconds")
    /// `frontend-nlb-healthcheck-timeout-seconds`.
    public static let frontendNLBHealthCheckTimeoutSeconds = ALBAnnotationKey(
        suffix: "frontend-nlb-healthcheck-timeout-seconds")
    /// `frontend-nlb-healthcheck-healthy-threshold-count`.
    public static let frontendNLBHealthyThresholdCount = ALBAnnotationKey(
        suffix: "frontend-nlb-healthcheck-healthy-threshold-count")
    /// `frontend-nlb-healthcheck-unhealthy-threshold-count`.
    public static let frontendNLBUnhealthyThresholdCount = ALBAnnotationKey(
        suffix: "frontend-nlb-healthcheck-unhealthy-threshold-count")
    /// `frontend-nlb-healthcheck-success-codes`.
    public static let frontendNLBSuccessCodes = ALBAnnotationKey(suffix: "frontend-nlb-healthcheck-success-codes")
    /// `frontend-nlb-tags`.
    public static let frontendNLBTags = ALBAnnotationKey(suffix: "frontend-nlb-tags")
    /// `frontend-nlb-eip-allocations`.
    public static let frontendNLBEIPAllocations = ALBAnnotationKey(suffix: "frontend-nlb-eip-allocations")
    /// `frontend-nlb-attributes`.
    public static let frontendNLBAttributes = ALBAnnotationKey(suffix: "frontend-nlb-attributes")
}
