// Rules for eksctl's ClusterConfig (eksctl.io/v1alpha5). The schema rule restates eksctl's JSON
// schema (v0.230.0); the others restate the checks in eksctl's Go validation, which refuses the
// config before it creates anything.

extension Rule {
    /// The config does not match eksctl's schema.
    public static let eksctlSchema = Rule(
        "EKSCTL-SCHEMA", .error, .api,
        "A ClusterConfig must match eksctl's schema: metadata.name and region set, known fields only, right types.")
    /// The cluster name eksctl accepts.
    public static let eksctlClusterName = Rule(
        "EKSCTL-CLUSTER-NAME", .error, .policy,
        "Cluster names start with a letter and use only letters, digits and '-' (at most 100 characters).")
    /// At least one API endpoint.
    public static let eksctlEndpointAccess = Rule(
        "EKSCTL-ENDPOINT-ACCESS", .error, .policy,
        "vpc.clusterEndpoints must enable public or private access (or both).")
    /// Private-only endpoint.
    public static let eksctlEndpointPrivateOnly = Rule(
        "EKSCTL-ENDPOINT-PRIVATE-ONLY", .warning, .policy,
        "With only private endpoint access, eksctl itself must run where it can reach the VPC.")
    /// OIDC for IRSA and Karpenter.
    public static let eksctlOIDCRequired = Rule(
        "EKSCTL-OIDC-REQUIRED", .error, .policy,
        "iam.withOIDC must be true when iam.serviceAccounts or karpenter is set.")
    /// Pod identity needs its agent.
    public static let eksctlPodIdentityAgent = Rule(
        "EKSCTL-POD-IDENTITY-AGENT", .error, .policy,
        "Pod identity associations need the eks-pod-identity-agent add-on in addons (unless Auto Mode is enabled).")
    /// Pod identity association fields.
    public static let eksctlPodIdentityAssociation = Rule(
        "EKSCTL-POD-IDENTITY-ASSOCIATION", .error, .policy,
        "A pod identity association names namespace and serviceAccountName and either roleARN or policies, not both.")
    /// IAM service account fields.
    public static let eksctlServiceAccount = Rule(
        "EKSCTL-IAM-SERVICE-ACCOUNT", .error, .policy,
        "An IAM service account has metadata.name, a unique namespace/name and at least one policy or role.")
    /// Private clusters need private node networking.
    public static let eksctlPrivateNetworking = Rule(
        "EKSCTL-PRIVATE-NETWORKING", .error, .policy,
        "With privateCluster.enabled every node group must set privateNetworking: true.")
    /// Node group sizes and names.
    public static let eksctlNodeGroup = Rule(
        "EKSCTL-NODEGROUP", .error, .policy,
        "Node groups have unique names, minSize <= desiredCapacity <= maxSize, and availabilityZones or subnets, not both."
    )
    /// At least two availability zones.
    public static let eksctlAvailabilityZones = Rule(
        "EKSCTL-AVAILABILITY-ZONES", .error, .policy, "availabilityZones, when given, lists at least two zones.")
    /// Karpenter version.
    public static let eksctlKarpenterVersion = Rule(
        "EKSCTL-KARPENTER-VERSION", .error, .policy, "karpenter.version is a version of at least v0.20.0.")
    /// CloudWatch logging.
    public static let eksctlLogging = Rule(
        "EKSCTL-LOGGING", .error, .policy,
        "cloudWatch.clusterLogging names known log types and a retention CloudWatch supports, only with types enabled."
    )

    /// The eksctl rules, in catalog order.
    public static let eksctlCatalog: [Rule] = [
        eksctlSchema, eksctlClusterName, eksctlEndpointAccess, eksctlEndpointPrivateOnly, eksctlOIDCRequired,
        eksctlPodIdentityAgent, eksctlPodIdentityAssociation, eksctlServiceAccount, eksctlPrivateNetworking,
        eksctlNodeGroup, eksctlAvailabilityZones, eksctlKarpenterVersion, eksctlLogging,
    ]
}
