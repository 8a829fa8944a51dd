/// The `alb.ingress.kubernetes.io/*` annotations of an Ingress served by the AWS Load Balancer
/// Controller (v3.5), as typed properties.
///
/// Set the properties you need and write ``annotations`` into the Ingress's metadata; read an
/// existing Ingress back with ``init(annotations:unknownKeys:)``, which reports the first value
/// the controller would reject, naming the annotation:
///
/// ```swift
/// var alb = ALBIngressAnnotations()
/// alb.scheme = .internetFacing
/// alb.targetType = .ip
/// alb.listenPorts = [.http(), .https()]
/// alb.sslRedirect = 443
/// alb.certificateARNs = ["arn:aws:acm:us-west-2:111122223333:certificate/abcd"]
/// alb.groupName = "public"
/// alb.healthCheckPath = "/healthz"
/// ingress.metadata.annotations = alb.annotations
/// // "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\": 80}, {\"HTTPS\": 443}]", …
/// ```
///
/// Unset properties produce no annotation, so the controller's defaults apply. Text encodings
/// are stable: lists keep their order, maps are written in key order, JSON has sorted keys.
public struct ALBIngressAnnotations: Hashable, Sendable {
    // MARK: Load balancer

    /// `load-balancer-name`: the ALB's name, at most 32 characters; only read when the ALB is created.
    public var loadBalancerName: String?
    /// `group.name`: the IngressGroup this Ingress joins; its members share one ALB.
    public var groupName: String?
    /// `group.order`: the evaluation order inside the group, -1000 to 1000 (lower first; default 0).
    public var groupOrder: Int?
    /// `tags`: AWS tags for the load balancer and target groups.
    public var tags: [String: String]?
    /// `ip-address-type`: IPv4 only or dual-stack.
    public var ipAddressType: ALBIPAddressType?
    /// `scheme`: internal or internet-facing (default internal). Changing it replaces the ALB.
    public var scheme: LoadBalancerScheme?
    /// `subnets`: subnet IDs or `Name` tags, at least two zones; omitted means auto-discovery.
    public var subnets: [String]?
    /// `security-groups`: security-group IDs or `Name` tags; omitted means one managed group.
    public var securityGroups: [String]?
    /// `manage-backend-security-group-rules`: let the controller manage backend rules when ``securityGroups`` is set.
    public var manageBackendSecurityGroupRules: Bool?
    /// `customer-owned-ipv4-pool`: a customer-owned IPv4 pool (Outposts).
    public var customerOwnedIPv4Pool: String?
    /// `ipam-ipv4-pool-id`: a VPC IPAM IPv4 pool to take addresses from.
    public var ipamIPv4PoolID: String?
    /// `load-balancer-attributes`: ELBv2 load-balancer attributes, such as `idle_timeout.timeout_seconds`.
    public var loadBalancerAttributes: [String: String]?
    /// `wafv2-acl-arn`: a regional WAFv2 web ACL by ARN, or ``ALBWebACL/detach``.
    public var wafv2ACLARN: ALBWebACL?
    /// `wafv2-acl-name`: a regional WAFv2 web ACL by name, or ``ALBWebACL/detach``.
    public var wafv2ACLName: ALBWebACL?
    /// `waf-acl-id`: a WAF Classic web ACL by ID, or ``ALBWebACL/detach``.
    public var wafACLID: ALBWebACL?
    /// `shield-advanced-protection`: turn AWS Shield Advanced on or off.
    public var shieldAdvancedProtection: Bool?
    /// `minimum-load-balancer-capacity`: reserved load balancer capacity units (`CapacityUnits=<n>`; 0 resets).
    public var minimumCapacityUnits: Int?

    // MARK: Listeners and TLS

    /// `listen-ports`: the listeners (default HTTP 80, or HTTPS 443 when a certificate is set).
    public var listenPorts: [ALBListenPort]?
    /// `ssl-redirect`: the HTTPS port every HTTP listener redirects to; must be in ``listenPorts``.
    public var sslRedirect: Int?
    /// `inbound-cidrs`: client CIDRs allowed in; ignored when ``securityGroups`` is set.
    public var inboundCIDRs: [String]?
    /// `security-group-prefix-lists`: managed prefix lists allowed in; ignored when ``securityGroups`` is set.
    public var securityGroupPrefixLists: [String]?
    /// `certificate-arn`: ACM certificate ARNs; the first is the default, the rest are SNI certificates.
    public var certificateARNs: [String]?
    /// `ssl-policy`: the ELB TLS security policy name (default `ELBSecurityPolicy-2016-08`).
    public var sslPolicy: String?
    /// `mutual-authentication`: mutual TLS per HTTPS listener.
    public var mutualAuthentication: [ALBMutualAuthentication]?
    /// `create-acm-cert`: ask the controller to create the listener certificate in ACM.
    public var createACMCertificate: Bool?
    /// `acm-pca-arn`: the ACM Private CA that issues the created certificate.
    public var acmPCAARN: String?

    // MARK: Target groups and health checks

    /// `target-type`: route to node ports (`instance`) or to pod IPs (`ip`).
    public var targetType: ALBTargetType?
    /// `target-node-labels`: only register nodes with these labels (instance targets).
    public var targetNodeLabels: [String: String]?
    /// `backend-protocol`: the protocol to the targets (default HTTP).
    public var backendProtocol: ALBProtocol?
    /// `backend-protocol-version`: HTTP/1.1, HTTP/2 or gRPC to the targets.
    public var backendProtocolVersion: ALBBackendProtocolVersion?
    /// `target-group-attributes`: ELBv2 target-group attributes, such as `deregistration_delay.timeout_seconds`.
    public var targetGroupAttributes: [String: String]?
    /// `multi-cluster-target-group`: let other clusters register targets in the same target group.
    public var multiClusterTargetGroup: Bool?
    /// `healthcheck-port`: where health checks connect (default the traffic port).
    public var healthCheckPort: ALBHealthCheckPort?
    /// `healthcheck-protocol`: the health-check protocol (default HTTP).
    public var healthCheckProtocol: ALBProtocol?
    /// `healthcheck-path`: the health-check path (default `/`, or `/AWS.ALB/healthcheck` for gRPC).
    public var healthCheckPath: String?
    /// `healthcheck-interval-seconds`: seconds between checks (default 15).
    public var healthCheckIntervalSeconds: Int?
    /// `healthcheck-timeout-seconds`: seconds before a check fails (default 5).
    public var healthCheckTimeoutSeconds: Int?
    /// `healthy-threshold-count`: passes before a target is healthy (default 2).
    public var healthyThresholdCount: Int?
    /// `unhealthy-threshold-count`: failures before a target is unhealthy (default 2).
    public var unhealthyThresholdCount: Int?
    /// `success-codes`: the codes that count as healthy (default 200, or 12 for gRPC).
    public var successCodes: ALBSuccessCodes?

    // MARK: Authentication

    /// `auth-type`: authenticate users on HTTPS listeners with OIDC or Cognito.
    public var authType: ALBAuthType?
    /// `auth-idp-cognito`: the Cognito user pool for ``ALBAuthType/cognito``.
    public var authIDPCognito: ALBCognitoConfig?
    /// `auth-idp-oidc`: the OIDC provider for ``ALBAuthType/oidc``.
    public var authIDPOIDC: ALBOIDCConfig?
    /// `auth-on-unauthenticated-request`: what to do without a session (default authenticate).
    public var authOnUnauthenticatedRequest: ALBUnauthenticatedRequestAction?
    /// `auth-scope`: the claims to request, written space-separated (default `openid`).
    public var authScope: [String]?
    /// `auth-session-cookie`: the session cookie name (default `AWSELBAuthSessionCookie`).
    public var authSessionCookie: String?
    /// `auth-session-timeout`: the session lifetime in seconds (default 604800, seven days).
    public var authSessionTimeout: Int?
    /// `jwt-validation`: check JSON Web Tokens on HTTPS listeners.
    public var jwtValidation: ALBJWTValidation?

    // MARK: Routing

    /// `actions.<name>`: custom actions, keyed by the backend service name that refers to them.
    public var actions: [String: ALBAction] = [:]
    /// `conditions.<name>`: extra rule conditions, keyed by backend service name.
    public var conditions: [String: [ALBCondition]] = [:]
    /// `transforms.<name>`: request rewrites, keyed by backend service name.
    public var transforms: [String: [ALBTransform]] = [:]
    /// `use-regex-path-match`: treat `ImplementationSpecific` paths as regular expressions.
    public var useRegexPathMatch: Bool?
    /// `listener-attributes.<Protocol>-<Port>`: listener attributes, keyed by listener.
    public var listenerAttributes: [ALBListenPort: [String: String]] = [:]
    /// `target-control-port.<serviceName>.<servicePort>`: the port of the ALB target-control agent per backend.
    public var targetControlPorts: [ALBServicePort: Int] = [:]

    // MARK: Frontend NLB

    /// `enable-frontend-nlb`: put a Network Load Balancer in front of the ALB.
    public var enableFrontendNLB: Bool?
    /// `frontend-nlb-scheme`: the NLB's scheme (default internal).
    public var frontendNLBScheme: LoadBalancerScheme?
    /// `frontend-nlb-subnets`: the NLB's subnets.
    public var frontendNLBSubnets: [String]?
    /// `frontend-nlb-security-groups`: the NLB's security groups.
    public var frontendNLBSecurityGroups: [String]?
    /// `frontend-nlb-listener-port-mapping`: NLB port to ALB port.
    public var frontendNLBListenerPortMapping: [Int: Int]?
    /// `frontend-nlb-healthcheck-port`: where the NLB's health checks connect.
    public var frontendNLBHealthCheckPort: ALBHealthCheckPort?
    /// `frontend-nlb-healthcheck-protocol`: the NLB's health-check protocol.
    public var frontendNLBHealthCheckProtocol: ALBProtocol?
    /// `frontend-nlb-healthcheck-path`: the NLB's health-check path.
    public var frontendNLBHealthCheckPath: String?
    /// `frontend-nlb-healthcheck-interval-seconds`: seconds between the NLB's checks.
    public var frontendNLBHealthCheckIntervalSeconds: Int?
    /// `frontend-nlb-healthcheck-timeout-seconds`: seconds before an NLB check fails.
    public var frontendNLBHealthCheckTimeoutSeconds: Int?
    /// `frontend-nlb-healthcheck-healthy-threshold-count`: passes before the ALB counts as healthy.
    public var frontendNLBHealthyThresholdCount: Int?
    /// `frontend-nlb-healthcheck-unhealthy-threshold-count`: failures before the ALB counts as unhealthy.
    public var frontendNLBUnhealthyThresholdCount: Int?
    /// `frontend-nlb-healthcheck-success-codes`: the codes the NLB's checks count as healthy.
    public var frontendNLBSuccessCodes: ALBSuccessCodes?
    /// `frontend-nlb-tags`: AWS tags for the NLB (default: the ALB's ``tags``).
    public var frontendNLBTags: [String: String]?
    /// `frontend-nlb-eip-allocations`: Elastic IP allocation IDs, one per NLB subnet.
    public var frontendNLBEIPAllocations: [String]?
    /// `frontend-nlb-attributes`: ELBv2 attributes of the NLB.
    public var frontendNLBAttributes: [String: String]?

    // MARK: Others

    /// `alb.ingress.kubernetes.io/*` annotations this type has no property for (such as the
    /// deprecated `web-acl-id`), keyed by full annotation name and written back unchanged.
    /// A typed property wins over an entry here with the same name.
    public var additionalAnnotations: [String: String] = [:]

    /// Creates a value with every annotation unset.
    public init() {}
}
