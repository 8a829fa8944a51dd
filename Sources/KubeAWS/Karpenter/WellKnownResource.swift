/// A resource name Karpenter knows how to count: use it in NodePool `spec.limits`, NodeOverlay
/// `spec.capacity`, or container requests.
public struct WellKnownResource: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The resource name.
    public var rawValue: String

    /// Wraps a resource name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a resource name written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The resource name.
    public var description: String { rawValue }

    /// `cpu`.
    public static let cpu = WellKnownResource(rawValue: "cpu")
    /// `memory`.
    public static let memory = WellKnownResource(rawValue: "memory")
    /// `ephemeral-storage`.
    public static let ephemeralStorage = WellKnownResource(rawValue: "ephemeral-storage")
    /// `pods`.
    public static let pods = WellKnownResource(rawValue: "pods")
    /// `nodes`: the only limit a static NodePool (one with `replicas`) may set.
    public static let nodes = WellKnownResource(rawValue: "nodes")
    /// `nvidia.com/gpu`: NVIDIA GPUs, advertised by the NVIDIA device plugin.
    public static let nvidiaGPU = WellKnownResource(rawValue: "nvidia.com/gpu")
    /// `amd.com/gpu`: AMD GPUs.
    public static let amdGPU = WellKnownResource(rawValue: "amd.com/gpu")
    /// `aws.amazon.com/neuron`: Inferentia and Trainium devices.
    public static let awsNeuron = WellKnownResource(rawValue: "aws.amazon.com/neuron")
    /// `aws.amazon.com/neuroncore`: individual Neuron cores.
    public static let awsNeuronCore = WellKnownResource(rawValue: "aws.amazon.com/neuroncore")
    /// `habana.ai/gaudi`: Habana Gaudi accelerators.
    public static let habanaGaudi = WellKnownResource(rawValue: "habana.ai/gaudi")
    /// `vpc.amazonaws.com/pod-eni`: branch network interfaces for security groups per pod.
    public static let podENI = WellKnownResource(rawValue: "vpc.amazonaws.com/pod-eni")
    /// `vpc.amazonaws.com/efa`: Elastic Fabric Adapter interfaces.
    public static let efa = WellKnownResource(rawValue: "vpc.amazonaws.com/efa")

    /// Resources a NodeOverlay may not override (`spec.capacity` rejects them).
    public static let nodeOverlayRestricted: [WellKnownResource] = [cpu, memory, ephemeralStorage, pods]
}
