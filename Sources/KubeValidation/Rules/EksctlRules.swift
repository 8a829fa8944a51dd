import KubeAWS
import KubeModels

/// The checks eksctl (v0.230.0) makes on a ClusterConfig before it creates anything
/// (`pkg/apis/eksctl.io/v1alpha5/validation.go` and the defaults it applies first).
enum EksctlRules {
    static func check(_ config: ClusterConfig, in context: ValidationContext) {
        checkName(config.metadata.name, in: context)
        checkSchemaEnums(config, in: context)
        checkEndpoints(config, in: context)
        checkIAM(config, in: context)
        checkPodIdentity(config, in: context)
        checkNodeGroups(config, in: context)
        if let zones = config.availabilityZones, zones.count < 2 {
            context.report(
                .eksctlAvailabilityZones,
                "availabilityZones lists \(zones.count) zone(s); EKS needs subnets in at least two, so list two or more "
                    + "(or omit the field and let eksctl choose)",
                at: ["availabilityZones"])
        }
        if let karpenter = config.karpenter {
            context.field("karpenter") { checkKarpenterVersion(karpenter.version, in: context) }
        }
        if let logging = config.cloudWatch?.clusterLogging {
            context.field("cloudWatch") { context.field("clusterLogging") { checkLogging(logging, in: context) } }
        }
    }

    static let amiFamilies = [
        "AmazonLinux2023", "AmazonLinux2", "UbuntuPro2604", "Ubuntu2604", "UbuntuPro2404", "Ubuntu2404",
        "UbuntuPro2204",
        "Ubuntu2204", "UbuntuPro2004", "Ubuntu2004", "Bottlerocket", "BottlerocketFips",
        "WindowsServer2019CoreContainer",
        "WindowsServer2019FullContainer", "WindowsServer2022CoreContainer", "WindowsServer2022FullContainer",
        "WindowsServer2025CoreContainer", "WindowsServer2025FullContainer",
    ]
    static let volumeTypes = ["gp2", "gp3", "io1", "io2", "sc1", "st1"]

    /// The enumerations of eksctl's schema (NAT gateway, node group AMI family and volume type).
    static func checkSchemaEnums(_ config: ClusterConfig, in context: ValidationContext) {
        enumValue(
            config.vpc?.nat?.gateway?.rawValue, known: ["HighlyAvailable", "Single", "Disable"],
            at: ["vpc", "nat", "gateway"], in: context)
        for (position, group) in (config.managedNodeGroups ?? []).enumerated() {
            let path: [PathComponent] = ["managedNodeGroups", .index(position)]
            enumValue(group.amiFamily?.rawValue, known: amiFamilies, at: path + ["amiFamily"], in: context)
            enumValue(group.volumeType?.rawValue, known: volumeTypes, at: path + ["volumeType"], in: context)
        }
        for (position, group) in (config.nodeGroups ?? []).enumerated() {
            let path: [PathComponent] = ["nodeGroups", .index(position)]
            enumValue(group.amiFamily?.rawValue, known: amiFamilies, at: path + ["amiFamily"], in: context)
            enumValue(group.volumeType?.rawValue, known: volumeTypes, at: path + ["volumeType"], in: context)
        }
    }

    static func enumValue(_ value: String?, known: [String], at path: [PathComponent], in context: ValidationContext) {
        guard let value, !known.contains(value) else { return }
        context.report(
            .eksctlSchema,
            "\"\(value)\" is not one of the values eksctl's schema allows here: \(known.joined(separator: ", "))"
                + APIRules.enumHint(value, known: known),
            at: path)
    }

    static func checkName(_ name: String, in context: ValidationContext) {
        let valid = name.count <= 100 && name.wholeMatch(of: #/[a-zA-Z][-a-zA-Z0-9]*/#) != nil
        if !valid {
            context.report(
                .eksctlClusterName,
                "cluster name \"\(name)\" is not accepted by eksctl; start with a letter and use only letters, digits "
                    + "and '-', at most 100 characters (for example prod-eu-1)",
                at: ["metadata", "name"])
        }
    }

    static func checkEndpoints(_ config: ClusterConfig, in context: ValidationContext) {
        guard let endpoints = config.vpc?.clusterEndpoints else { return }
        // eksctl fills each unset field on its own: private access off, public access on.
        let privateAccess = endpoints.privateAccess ?? false
        let publicAccess = endpoints.publicAccess ?? true
        let path: [PathComponent] = ["vpc", "clusterEndpoints"]
        if !privateAccess && !publicAccess {
            context.report(
                .eksctlEndpointAccess,
                "both API endpoints are disabled, so nothing could reach the Kubernetes API; enable publicAccess, "
                    + "privateAccess or both",
                at: path)
        } else if privateAccess && !publicAccess && config.privateCluster?.enabled != true {
            context.report(
                .eksctlEndpointPrivateOnly,
                "only the private endpoint is enabled; eksctl and kubectl must then run inside the VPC (or over VPN), "
                    + "otherwise enable publicAccess with publicAccessCIDRs",
                at: path)
        }
    }

    static func checkIAM(_ config: ClusterConfig, in context: ValidationContext) {
        let withOIDC = config.iam?.withOIDC ?? false
        let accounts = config.iam?.serviceAccounts ?? []
        if !withOIDC && !accounts.isEmpty {
            context.report(
                .eksctlOIDCRequired,
                "iam.serviceAccounts use IAM roles for service accounts, which need the cluster's OIDC provider; set "
                    + "iam.withOIDC: true (or use podIdentityAssociations instead)",
                at: ["iam", "serviceAccounts"])
        }
        if !withOIDC && config.karpenter != nil {
            context.report(
                .eksctlOIDCRequired,
                "eksctl installs Karpenter with an IAM role for its service account, which needs OIDC; set iam.withOIDC: true",
                at: ["karpenter"])
        }
        var seen: Set<String> = []
        for (position, account) in accounts.enumerated() {
            let path: [PathComponent] = ["iam", "serviceAccounts", .index(position)]
            guard let name = account.metadata?.name, !name.isEmpty else {
                context.report(
                    .eksctlServiceAccount, "the service account needs metadata.name", at: path + ["metadata"])
                continue
            }
            let namespace = account.metadata?.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
            if !seen.insert("\(namespace)/\(name)").inserted {
                context.report(
                    .eksctlServiceAccount,
                    "service account \(namespace)/\(name) is listed twice; keep one entry", at: path + ["metadata"])
            }
            if account.wellKnownPolicies == nil && account.attachPolicyARNs == nil && account.attachRoleARN == nil
                && account.attachPolicy == nil
            {
                context.report(
                    .eksctlServiceAccount,
                    "service account \(namespace)/\(name) grants nothing; set one of attachPolicyARNs, attachPolicy, "
                        + "attachRoleARN or wellKnownPolicies",
                    at: path)
            }
        }
    }

    static func checkPodIdentity(_ config: ClusterConfig, in context: ValidationContext) {
        let addons = config.addons ?? []
        let clusterAssociations = config.iam?.podIdentityAssociations ?? []
        for (position, association) in clusterAssociations.enumerated() {
            context.withPath(["iam", "podIdentityAssociations", .index(position)]) {
                checkAssociation(association, in: context)
            }
        }
        var users: [String] = []
        if !clusterAssociations.isEmpty { users.append("iam.podIdentityAssociations") }
        for (position, addon) in addons.enumerated() {
            if !(addon.podIdentityAssociations ?? []).isEmpty {
                users.append("addons[\(position)].podIdentityAssociations")
                for (offset, association) in (addon.podIdentityAssociations ?? []).enumerated() {
                    context.withPath(["addons", .index(position), "podIdentityAssociations", .index(offset)]) {
                        checkAssociation(association, in: context)
                    }
                }
            }
            if addon.useDefaultPodIdentityAssociations == true {
                users.append("addons[\(position)].useDefaultPodIdentityAssociations")
            }
        }
        if config.addonsConfig?.autoApplyPodIdentityAssociations == true {
            users.append("addonsConfig.autoApplyPodIdentityAssociations")
        }
        guard !users.isEmpty, config.autoModeConfig?.enabled != true else { return }
        if !addons.contains(where: { $0.name == "eks-pod-identity-agent" }) {
            context.report(
                .eksctlPodIdentityAgent,
                "\(users.joined(separator: ", ")) create pod identity associations, which only work with the EKS Pod "
                    + "Identity Agent; add {name: eks-pod-identity-agent} to addons",
                at: ["addons"])
        }
    }

    static func checkAssociation(_ association: ClusterConfig.PodIdentityAssociation, in context: ValidationContext) {
        if (association.namespace ?? "").isEmpty {
            context.report(
                .eksctlPodIdentityAssociation, "a pod identity association needs namespace", at: ["namespace"])
        }
        if (association.serviceAccountName ?? "").isEmpty {
            context.report(
                .eksctlPodIdentityAssociation, "a pod identity association needs serviceAccountName",
                at: ["serviceAccountName"])
        }
        let hasPolicies =
            association.permissionPolicy != nil || association.permissionPolicyARNs != nil
            || association.wellKnownPolicies != nil
        if association.roleARN != nil && hasPolicies {
            context.report(
                .eksctlPodIdentityAssociation,
                "roleARN names an existing role, so permissionPolicy, permissionPolicyARNs and wellKnownPolicies cannot "
                    + "be set with it; keep roleARN or the policies",
                at: ["roleARN"])
        } else if association.roleARN == nil && !hasPolicies {
            context.report(
                .eksctlPodIdentityAssociation,
                "the association grants nothing; set roleARN, or permissionPolicyARNs, permissionPolicy or wellKnownPolicies"
            )
        }
        if association.permissionPolicyName != nil && association.permissionPolicy == nil {
            context.report(
                .eksctlPodIdentityAssociation,
                "permissionPolicyName names the inline permissionPolicy; set permissionPolicy",
                at: ["permissionPolicyName"])
        }
    }

    /// One node group's facts the checks need, whether managed or self-managed.
    struct NodeGroupFacts {
        let field: String
        let position: Int
        let name: String
        let privateNetworking: Bool?
        let minSize: Int64?
        let maxSize: Int64?
        let desiredCapacity: Int64?
        let availabilityZones: [String]?
        let subnets: [String]?
    }

    static func checkNodeGroups(_ config: ClusterConfig, in context: ValidationContext) {
        var groups: [NodeGroupFacts] = []
        for (position, group) in (config.nodeGroups ?? []).enumerated() {
            groups.append(
                NodeGroupFacts(
                    field: "nodeGroups", position: position, name: group.name,
                    privateNetworking: group.privateNetworking,
                    minSize: group.minSize, maxSize: group.maxSize, desiredCapacity: group.desiredCapacity,
                    availabilityZones: group.availabilityZones, subnets: group.subnets))
        }
        for (position, group) in (config.managedNodeGroups ?? []).enumerated() {
            groups.append(
                NodeGroupFacts(
                    field: "managedNodeGroups", position: position, name: group.name,
                    privateNetworking: group.privateNetworking, minSize: group.minSize, maxSize: group.maxSize,
                    desiredCapacity: group.desiredCapacity, availabilityZones: group.availabilityZones,
                    subnets: group.subnets))
        }
        let isPrivate = config.privateCluster?.enabled == true
        var names: [String: String] = [:]
        for group in groups {
            context.withPath([.field(group.field), .index(group.position)]) {
                if isPrivate && group.privateNetworking != true {
                    context.report(
                        .eksctlPrivateNetworking,
                        "privateCluster.enabled is true, so nodes have no internet route; node group \(group.name) must set "
                            + "privateNetworking: true",
                        at: ["privateNetworking"])
                }
                if let first = names[group.name] {
                    context.report(
                        .eksctlNodeGroup,
                        "node group name \(group.name) is already used by \(first); names must be unique",
                        at: ["name"])
                } else {
                    names[group.name] = "\(group.field)[\(group.position)]"
                }
                checkSizes(group, in: context)
                if !(group.availabilityZones ?? []).isEmpty && !(group.subnets ?? []).isEmpty {
                    context.report(
                        .eksctlNodeGroup,
                        "availabilityZones and subnets both place the nodes; set only one of them", at: ["subnets"])
                }
            }
        }
    }

    static func checkSizes(_ group: NodeGroupFacts, in context: ValidationContext) {
        if let minSize = group.minSize, let maxSize = group.maxSize, maxSize < minSize {
            context.report(
                .eksctlNodeGroup,
                "maxSize (\(maxSize)) is less than minSize (\(minSize)); raise maxSize or lower minSize",
                at: ["maxSize"])
        }
        guard let desired = group.desiredCapacity else { return }
        if let minSize = group.minSize, desired < minSize {
            context.report(
                .eksctlNodeGroup,
                "desiredCapacity (\(desired)) is less than minSize (\(minSize)); it must lie between minSize and maxSize",
                at: ["desiredCapacity"])
        }
        if let maxSize = group.maxSize, desired > maxSize {
            context.report(
                .eksctlNodeGroup,
                "desiredCapacity (\(desired)) is greater than maxSize (\(maxSize)); it must lie between minSize and maxSize",
                at: ["desiredCapacity"])
        }
    }

    static func checkKarpenterVersion(_ version: String, in context: ValidationContext) {
        let text = version.hasPrefix("v") ? String(version.dropFirst()) : version
        let parts = text.split(separator: "-", maxSplits: 1).first.map { $0.split(separator: ".") } ?? []
        let numbers = parts.compactMap { Int($0) }
        guard !parts.isEmpty, parts.count <= 3, numbers.count == parts.count else {
            context.report(
                .eksctlKarpenterVersion, "version \"\(version)\" is not a version number; write for example 1.14.1",
                at: ["version"])
            return
        }
        let padded = numbers + Array(repeating: 0, count: 3 - numbers.count)
        if padded.lexicographicallyPrecedes([0, 20, 0]) {
            context.report(
                .eksctlKarpenterVersion,
                "eksctl installs Karpenter v0.20.0 or later; \(version) is older, so choose a current version such as 1.14.1",
                at: ["version"])
        }
    }

    static let logTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler", "all", "*"]
    static let retentionDays: [Int64] = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653]

    static func checkLogging(_ logging: ClusterConfig.ClusterCloudWatchLogging, in context: ValidationContext) {
        let types = logging.enableTypes ?? []
        for (position, type) in types.enumerated() where !logTypes.contains(type.rawValue) {
            context.report(
                .eksctlLogging,
                "\"\(type.rawValue)\" is not a control plane log type; use api, audit, authenticator, controllerManager, "
                    + "scheduler, or all" + APIRules.enumHint(type.rawValue, known: logTypes),
                at: ["enableTypes", .index(position)])
        }
        guard let days = logging.logRetentionInDays else { return }
        if !retentionDays.contains(days) {
            context.report(
                .eksctlLogging,
                "logRetentionInDays \(days) is not a CloudWatch retention; use one of "
                    + retentionDays.map(String.init).joined(separator: ", "),
                at: ["logRetentionInDays"])
        } else if types.isEmpty {
            context.report(
                .eksctlLogging,
                "logRetentionInDays has no effect without enableTypes; enable some log types or remove it",
                at: ["logRetentionInDays"])
        }
    }
}
