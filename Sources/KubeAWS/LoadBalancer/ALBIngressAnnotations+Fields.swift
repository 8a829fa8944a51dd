/// One fixed-name annotation: its key, and how its property is written and read.
struct ALBAnnotationField {
    let key: ALBAnnotationKey
    let write: (ALBIngressAnnotations, inout ALBValueProblem?) -> String?
    let read: (inout ALBIngressAnnotations, String) throws -> Void

    init<Value>(
        _ key: ALBAnnotationKey, _ path: WritableKeyPath<ALBIngressAnnotations, Value?>,
        _ coder: ALBAnnotationCoder<Value>
    ) {
        self.key = key
        self.write = { annotations, problem in annotations[keyPath: path].map { coder.encode($0, &problem) } }
        self.read = { annotations, raw in annotations[keyPath: path] = try coder.decode(raw) }
    }
}

extension ALBIngressAnnotations {
    /// Every annotation with a fixed name, in the order of the controller's documentation.
    static var fields: [ALBAnnotationField] {
        [
            ALBAnnotationField(.loadBalancerName, \.loadBalancerName, .limitedText(maximumLength: 32)),
            ALBAnnotationField(.groupName, \.groupName, .groupName),
            ALBAnnotationField(.groupOrder, \.groupOrder, .integer(-1000...1000)),
            ALBAnnotationField(.tags, \.tags, .map()),
            ALBAnnotationField(.ipAddressType, \.ipAddressType, .oneOf),
            ALBAnnotationField(.scheme, \.scheme, .oneOf),
            ALBAnnotationField(.subnets, \.subnets, .list),
            ALBAnnotationField(.securityGroups, \.securityGroups, .list),
            ALBAnnotationField(.manageBackendSecurityGroupRules, \.manageBackendSecurityGroupRules, .bool),
            ALBAnnotationField(.customerOwnedIPv4Pool, \.customerOwnedIPv4Pool, .text),
            ALBAnnotationField(.ipamIPv4PoolID, \.ipamIPv4PoolID, .text),
            ALBAnnotationField(.loadBalancerAttributes, \.loadBalancerAttributes, .map()),
            ALBAnnotationField(.wafv2ACLARN, \.wafv2ACLARN, .webACL),
            ALBAnnotationField(.wafv2ACLName, \.wafv2ACLName, .webACL),
            ALBAnnotationField(.wafACLID, \.wafACLID, .webACL),
            ALBAnnotationField(.shieldAdvancedProtection, \.shieldAdvancedProtection, .bool),
            ALBAnnotationField(.listenPorts, \.listenPorts, .listenPorts),
            ALBAnnotationField(.sslRedirect, \.sslRedirect, .port),
            ALBAnnotationField(.inboundCIDRs, \.inboundCIDRs, .list),
            ALBAnnotationField(.securityGroupPrefixLists, \.securityGroupPrefixLists, .list),
            ALBAnnotationField(.certificateARN, \.certificateARNs, .list),
            ALBAnnotationField(.sslPolicy, \.sslPolicy, .text),
            ALBAnnotationField(
                .mutualAuthentication, \.mutualAuthentication,
                .jsonArray(\.json, { try ALBMutualAuthentication(json: $0, location: $1) })),
            ALBAnnotationField(.createACMCert, \.createACMCertificate, .bool),
            ALBAnnotationField(.acmPCAARN, \.acmPCAARN, .text),
            ALBAnnotationField(.targetType, \.targetType, .oneOf),
            ALBAnnotationField(.targetNodeLabels, \.targetNodeLabels, .map()),
            ALBAnnotationField(.backendProtocol, \.backendProtocol, .oneOf),
            ALBAnnotationField(.backendProtocolVersion, \.backendProtocolVersion, .oneOf),
            ALBAnnotationField(.targetGroupAttributes, \.targetGroupAttributes, .map()),
            ALBAnnotationField(.multiClusterTargetGroup, \.multiClusterTargetGroup, .bool),
            ALBAnnotationField(.healthCheckPort, \.healthCheckPort, .healthCheckPort),
            ALBAnnotationField(.healthCheckProtocol, \.healthCheckProtocol, .oneOf),
            ALBAnnotationField(.healthCheckPath, \.healthCheckPath, .text),
            ALBAnnotationField(.healthCheckIntervalSeconds, \.healthCheckIntervalSeconds, .integer()),
            ALBAnnotationField(.healthCheckTimeoutSeconds, \.healthCheckTimeoutSeconds, .integer()),
            ALBAnnotationField(.healthyThresholdCount, \.healthyThresholdCount, .integer()),
            ALBAnnotationField(.unhealthyThresholdCount, \.unhealthyThresholdCount, .integer()),
            ALBAnnotationField(.successCodes, \.successCodes, .successCodes),
            ALBAnnotationField(.authType, \.authType, .oneOf),
            ALBAnnotationField(.authIDPCognito, \.authIDPCognito, .json(\.json, ALBCognitoConfig.init(json:))),
            ALBAnnotationField(.authIDPOIDC, \.authIDPOIDC, .json(\.json, ALBOIDCConfig.init(json:))),
            ALBAnnotationField(.authOnUnauthenticatedRequest, \.authOnUnauthenticatedRequest, .oneOf),
            ALBAnnotationField(.authScope, \.authScope, .spaceSeparated),
            ALBAnnotationField(.authSessionCookie, \.authSessionCookie, .text),
            ALBAnnotationField(.authSessionTimeout, \.authSessionTimeout, .integer()),
            ALBAnnotationField(.jwtValidation, \.jwtValidation, .json(\.json, ALBJWTValidation.init(json:))),
            ALBAnnotationField(.useRegexPathMatch, \.useRegexPathMatch, .bool),
            ALBAnnotationField(.minimumLoadBalancerCapacity, \.minimumCapacityUnits, .capacityUnits),
            ALBAnnotationField(.enableFrontendNLB, \.enableFrontendNLB, .bool),
            ALBAnnotationField(.frontendNLBScheme, \.frontendNLBScheme, .oneOf),
            ALBAnnotationField(.frontendNLBSubnets, \.frontendNLBSubnets, .list),
            ALBAnnotationField(.frontendNLBSecurityGroups, \.frontendNLBSecurityGroups, .list),
            ALBAnnotationField(.frontendNLBListenerPortMapping, \.frontendNLBListenerPortMapping, .portMapping),
            ALBAnnotationField(.frontendNLBHealthCheckPort, \.frontendNLBHealthCheckPort, .healthCheckPort),
            ALBAnnotationField(.frontendNLBHealthCheckProtocol, \.frontendNLBHealthCheckProtocol, .oneOf),
            ALBAnnotationField(.frontendNLBHealthCheckPath, \.frontendNLBHealthCheckPath, .text),
            ALBAnnotationField(
                .frontendNLBHealthCheckIntervalSeconds, \.frontendNLBHealthCheckIntervalSeconds, .integer()),
            ALBAnnotationField(
                .frontendNLBHealthCheckTimeoutSeconds, \.frontendNLBHealthCheckTimeoutSeconds, .integer()),
            ALBAnnotationField(.frontendNLBHealthyThresholdCount, \.frontendNLBHealthyThresholdCount, .integer()),
            ALBAnnotationField(.frontendNLBUnhealthyThresholdCount, \.frontendNLBUnhealthyThresholdCount, .integer()),
            ALBAnnotationField(.frontendNLBSuccessCodes, \.frontendNLBSuccessCodes, .successCodes),
            ALBAnnotationField(.frontendNLBTags, \.frontendNLBTags, .map()),
            ALBAnnotationField(.frontendNLBEIPAllocations, \.frontendNLBEIPAllocations, .list),
            ALBAnnotationField(.frontendNLBAttributes, \.frontendNLBAttributes, .map()),
        ]
    }
}

extension ALBAnnotationKey {
    /// Every annotation name without a parameter (65 of them), in documentation order. The five
    /// parameterised families (``action(_:)``, ``conditions(_:)``, ``transforms(_:)``,
    /// ``listenerAttributes(_:)``, ``targetControlPort(_:)``) bring the total to 70.
    public static var allFixed: [ALBAnnotationKey] { ALBIngressAnnotations.fields.map(\.key) }
}
