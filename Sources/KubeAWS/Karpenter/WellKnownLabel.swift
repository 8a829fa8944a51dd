/// A node label key that Karpenter, Kubernetes or the AWS provider gives a meaning to.
///
/// Use the static constants in `NodePool` requirements, in `template.metadata.labels`, or in a
/// pod's node selector and affinity. Any other key is still representable, so a label that a
/// newer Karpenter release adds, or one of your own, works the same way:
///
/// ```swift
/// let key: WellKnownLabel = .instanceCategory        // "karpenter.k8s.aws/instance-category"
/// let custom: WellKnownLabel = "example.com/team"
/// ```
///
/// Whether a key may be used in a NodePool is answered by ``restrictions(in:)``, which follows
/// the admission rules of the Karpenter v1.14 CRDs.
public struct WellKnownLabel: RawRepresentable, Codable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The label key exactly as it appears on a node.
    public var rawValue: String

    /// Wraps any label key.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a label key written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The label key.
    public var description: String { rawValue }

    /// The part before the first `/` (for example `karpenter.k8s.aws`), or `nil` when the key has no prefix.
    public var prefix: String? {
        guard let slash = rawValue.firstIndex(of: "/") else { return nil }
        return String(rawValue[..<slash])
    }

    /// The part after the first `/`, or the whole key when it has no prefix.
    public var name: String {
        guard let slash = rawValue.firstIndex(of: "/") else { return rawValue }
        return String(rawValue[rawValue.index(after: slash)...])
    }

    /// Orders keys by their text, so lists of labels print in a stable order.
    public static func < (lhs: WellKnownLabel, rhs: WellKnownLabel) -> Bool { lhs.rawValue < rhs.rawValue }
}

// MARK: - Karpenter (karpenter.sh)

extension WellKnownLabel {
    /// `karpenter.sh/capacity-type`: how the instance is bought; see ``CapacityType``.
    public static let capacityType = WellKnownLabel(rawValue: "karpenter.sh/capacity-type")
    /// `karpenter.sh/nodepool`: the name of the NodePool that launched the node.
    ///
    /// Karpenter sets it; a NodePool may not set it or require it, but pods may select on it.
    public static let nodePool = WellKnownLabel(rawValue: "karpenter.sh/nodepool")
}

// MARK: - Kubernetes

extension WellKnownLabel {
    /// `kubernetes.io/arch`: the CPU architecture; see ``Architecture``.
    public static let arch = WellKnownLabel(rawValue: "kubernetes.io/arch")
    /// `kubernetes.io/os`: the operating system (`linux` or `windows`).
    public static let os = WellKnownLabel(rawValue: "kubernetes.io/os")
    /// `kubernetes.io/hostname`: the node's host name. Restricted in NodePools and NodeClaims.
    public static let hostname = WellKnownLabel(rawValue: "kubernetes.io/hostname")
    /// `node.kubernetes.io/instance-type`: the EC2 instance type, for example `m5.large`.
    public static let instanceType = WellKnownLabel(rawValue: "node.kubernetes.io/instance-type")
    /// `node.kubernetes.io/windows-build`: the Windows build number; see ``WindowsBuild``.
    public static let windowsBuild = WellKnownLabel(rawValue: "node.kubernetes.io/windows-build")
    /// `topology.kubernetes.io/zone`: the availability zone name, for example `us-west-2a`.
    public static let zone = WellKnownLabel(rawValue: "topology.kubernetes.io/zone")
    /// `topology.kubernetes.io/region`: the AWS region, for example `us-west-2`.
    public static let region = WellKnownLabel(rawValue: "topology.kubernetes.io/region")
    /// `topology.k8s.aws/zone-id`: the account-independent zone ID, for example `usw2-az1`.
    public static let zoneID = WellKnownLabel(rawValue: "topology.k8s.aws/zone-id")
}

// MARK: - AWS provider (karpenter.k8s.aws)

extension WellKnownLabel {
    /// `karpenter.k8s.aws/instance-tenancy`: `default` or `dedicated`.
    public static let instanceTenancy = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-tenancy")
    /// `karpenter.k8s.aws/capacity-reservation-type`: `default` or `capacity-block`; see ``CapacityReservationType``.
    public static let capacityReservationType = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/capacity-reservation-type")
    /// `karpenter.k8s.aws/capacity-reservation-id`: the reservation a reserved node runs in, such as `cr-0123…`.
    public static let capacityReservationID = WellKnownLabel(rawValue: "karpenter.k8s.aws/capacity-reservation-id")
    /// `karpenter.k8s.aws/capacity-reservation-interruptible`: `true` or `false`.
    public static let capacityReservationInterruptible = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/capacity-reservation-interruptible")
    /// `karpenter.k8s.aws/ec2nodeclass`: the name of the EC2NodeClass the node was launched from.
    public static let ec2NodeClass = WellKnownLabel(rawValue: "karpenter.k8s.aws/ec2nodeclass")
    /// `karpenter.k8s.aws/instance-encryption-in-transit-supported`: `true` or `false`.
    public static let instanceEncryptionInTransitSupported = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-encryption-in-transit-supported")
    /// `karpenter.k8s.aws/instance-category`: the letters before the generation, such as `c`, `m`, `r`, `g`.
    public static let instanceCategory = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-category")
    /// `karpenter.k8s.aws/instance-hypervisor`: `nitro`, or `xen` on older families.
    public static let instanceHypervisor = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-hypervisor")
    /// `karpenter.k8s.aws/instance-family`: the part before the dot, such as `m5` or `c7gn`.
    public static let instanceFamily = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-family")
    /// `karpenter.k8s.aws/instance-generation`: the generation number as text, for use with `Gt`/`Lt`.
    public static let instanceGeneration = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-generation")
    /// `karpenter.k8s.aws/instance-local-nvme`: GiB of local NVMe storage.
    public static let instanceLocalNVMe = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-local-nvme")
    /// `karpenter.k8s.aws/instance-size`: the part after the dot, such as `large`, `2xlarge` or `metal`.
    public static let instanceSize = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-size")
    /// `karpenter.k8s.aws/instance-cpu`: the number of vCPUs.
    public static let instanceCPU = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-cpu")
    /// `karpenter.k8s.aws/instance-cpu-manufacturer`: `aws` (Graviton), `intel` or `amd`.
    public static let instanceCPUManufacturer = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-cpu-manufacturer")
    /// `karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz`: the sustained clock speed in MHz.
    public static let instanceCPUSustainedClockSpeedMhz = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz")
    /// `karpenter.k8s.aws/instance-memory`: memory in MiB.
    public static let instanceMemory = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-memory")
    /// `karpenter.k8s.aws/instance-ebs-bandwidth`: EBS bandwidth in Mbps.
    public static let instanceEBSBandwidth = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-ebs-bandwidth")
    /// `karpenter.k8s.aws/instance-network-bandwidth`: network bandwidth in Mbps.
    public static let instanceNetworkBandwidth = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-network-bandwidth")
    /// `karpenter.k8s.aws/instance-gpu-name`: the GPU model, such as `t4` or `a10g`.
    public static let instanceGPUName = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-gpu-name")
    /// `karpenter.k8s.aws/instance-gpu-manufacturer`: the GPU vendor, such as `nvidia`.
    public static let instanceGPUManufacturer = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-gpu-manufacturer")
    /// `karpenter.k8s.aws/instance-gpu-count`: the number of GPUs.
    public static let instanceGPUCount = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-gpu-count")
    /// `karpenter.k8s.aws/instance-gpu-memory`: GPU memory in MiB.
    public static let instanceGPUMemory = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-gpu-memory")
    /// `karpenter.k8s.aws/instance-accelerator-name`: the accelerator model, such as `inferentia`.
    public static let instanceAcceleratorName = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-accelerator-name")
    /// `karpenter.k8s.aws/instance-accelerator-manufacturer`: the accelerator vendor, such as `aws`.
    public static let instanceAcceleratorManufacturer = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-accelerator-manufacturer")
    /// `karpenter.k8s.aws/instance-accelerator-count`: the number of accelerators.
    public static let instanceAcceleratorCount = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/instance-accelerator-count")
    /// `karpenter.k8s.aws/instance-capability-flex`: `true` for the flex instance variants.
    public static let instanceCapabilityFlex = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-capability-flex")
    /// `karpenter.k8s.aws/placement-group-id`: the placement group the node runs in, such as `pg-0123…`.
    public static let placementGroupID = WellKnownLabel(rawValue: "karpenter.k8s.aws/placement-group-id")
    /// `karpenter.k8s.aws/placement-group-partition`: the partition number inside a partition placement group.
    public static let placementGroupPartition = WellKnownLabel(
        rawValue: "karpenter.k8s.aws/placement-group-partition")
    /// `karpenter.k8s.aws/instance-pods`: how many pods the instance type supports.
    ///
    /// Karpenter puts it on nodes, but it is not on the CRD allow-list: a NodePool requirement or
    /// template label with this key is rejected. Select on it from pods only.
    public static let instancePods = WellKnownLabel(rawValue: "karpenter.k8s.aws/instance-pods")
}

// MARK: - Deprecated aliases

extension WellKnownLabel {
    /// `failure-domain.beta.kubernetes.io/zone`, the deprecated spelling of ``zone``.
    public static let betaZone = WellKnownLabel(rawValue: "failure-domain.beta.kubernetes.io/zone")
    /// `failure-domain.beta.kubernetes.io/region`, the deprecated spelling of ``region``.
    public static let betaRegion = WellKnownLabel(rawValue: "failure-domain.beta.kubernetes.io/region")
    /// `beta.kubernetes.io/arch`, the deprecated spelling of ``arch``.
    public static let betaArch = WellKnownLabel(rawValue: "beta.kubernetes.io/arch")
    /// `beta.kubernetes.io/os`, the deprecated spelling of ``os``.
    public static let betaOS = WellKnownLabel(rawValue: "beta.kubernetes.io/os")
    /// `beta.kubernetes.io/instance-type`, the deprecated spelling of ``instanceType``.
    public static let betaInstanceType = WellKnownLabel(rawValue: "beta.kubernetes.io/instance-type")

    /// The stable key Karpenter translates this key to in pod requirements (itself when it is not a deprecated alias).
    public var normalized: WellKnownLabel {
        switch self {
        case .betaZone: return .zone
        case .betaRegion: return .region
        case .betaArch: return .arch
        case .betaOS: return .os
        case .betaInstanceType: return .instanceType
        default: return self
        }
    }
}

// MARK: - Lists

extension WellKnownLabel {
    /// The `karpenter.k8s.aws` keys a NodePool (labels and requirements) or a NodeClaim may use,
    /// in the order of the v1.14.1 CRD rule. Every other key in that domain is rejected.
    public static let awsProviderAllowList: [WellKnownLabel] = [
        .instanceTenancy, .capacityReservationType, .capacityReservationID, .capacityReservationInterruptible,
        .ec2NodeClass, .instanceEncryptionInTransitSupported, .instanceCategory, .instanceHypervisor,
        .instanceFamily, .instanceGeneration, .instanceLocalNVMe, .instanceSize, .instanceCPU,
        .instanceCPUManufacturer, .instanceCPUSustainedClockSpeedMhz, .instanceMemory, .instanceEBSBandwidth,
        .instanceNetworkBandwidth, .instanceGPUName, .instanceGPUManufacturer, .instanceGPUCount,
        .instanceGPUMemory, .instanceAcceleratorName, .instanceAcceleratorManufacturer,
        .instanceAcceleratorCount, .instanceCapabilityFlex, .placementGroupID, .placementGroupPartition,
    ]

    /// The `karpenter.k8s.aws` keys a NodeOverlay requirement may use (v1alpha1, v1.14.1 CRD).
    ///
    /// Shorter than ``awsProviderAllowList``: tenancy, capacity-reservation and placement-group keys are absent.
    public static let nodeOverlayAWSProviderAllowList: [WellKnownLabel] = [
        .ec2NodeClass, .instanceEncryptionInTransitSupported, .instanceCategory, .instanceHypervisor,
        .instanceFamily, .instanceGeneration, .instanceLocalNVMe, .instanceSize, .instanceCPU,
        .instanceCPUManufacturer, .instanceCPUSustainedClockSpeedMhz, .instanceMemory, .instanceEBSBandwidth,
        .instanceNetworkBandwidth, .instanceGPUName, .instanceGPUManufacturer, .instanceGPUCount,
        .instanceGPUMemory, .instanceAcceleratorName, .instanceAcceleratorManufacturer,
        .instanceAcceleratorCount, .instanceCapabilityFlex,
    ]

    /// The `karpenter.sh` keys the CRD's domain rule lets through (`karpenter.sh/nodepool` is then
    /// caught by its own rule in NodePools).
    public static let karpenterDomainAllowList: [WellKnownLabel] = [.capacityType, .nodePool]

    /// Every stable key this type has a constant for (deprecated aliases excluded).
    public static let allKnown: [WellKnownLabel] =
        [.capacityType, .nodePool, .arch, .os, .hostname, .instanceType, .windowsBuild, .zone, .region, .zoneID]
        + awsProviderAllowList + [.instancePods]
}
