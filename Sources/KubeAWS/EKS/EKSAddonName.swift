/// The name of an EKS add-on, as in eksctl's `addons[].name`.
///
/// Any add-on name EKS offers is allowed; the constants cover the common ones.
public struct EKSAddonName: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The add-on name.
    public var rawValue: String

    /// Wraps an add-on name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an add-on name written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The add-on name.
    public var description: String { rawValue }

    /// `vpc-cni`: the Amazon VPC CNI plugin (pod networking).
    public static let vpcCNI = EKSAddonName(rawValue: "vpc-cni")
    /// `kube-proxy`: Service networking on every node.
    public static let kubeProxy = EKSAddonName(rawValue: "kube-proxy")
    /// `coredns`: cluster DNS.
    public static let coreDNS = EKSAddonName(rawValue: "coredns")
    /// `eks-pod-identity-agent`: needed by every pod identity association.
    public static let podIdentityAgent = EKSAddonName(rawValue: "eks-pod-identity-agent")
    /// `metrics-server`: resource metrics for autoscalers and `kubectl top`.
    public static let metricsServer = EKSAddonName(rawValue: "metrics-server")
    /// `aws-ebs-csi-driver`: EBS volumes as persistent volumes.
    public static let ebsCSIDriver = EKSAddonName(rawValue: "aws-ebs-csi-driver")
    /// `aws-efs-csi-driver`: EFS file systems as persistent volumes.
    public static let efsCSIDriver = EKSAddonName(rawValue: "aws-efs-csi-driver")

    /// The add-ons eksctl's reference names.
    public static let knownValues: [EKSAddonName] = [
        vpcCNI, kubeProxy, coreDNS, podIdentityAgent, metricsServer, ebsCSIDriver, efsCSIDriver,
    ]

    /// The networking add-ons eksctl installs by default (unless `addonsConfig.disableDefaultAddons`).
    public static let defaultNetworking: [EKSAddonName] = [vpcCNI, kubeProxy, coreDNS]
}
