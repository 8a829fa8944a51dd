/// One of the two tracks of a blue-green deployment.
public enum DeploymentColor: String, Hashable, Sendable, CaseIterable {
    /// The blue track.
    case blue
    /// The green track.
    case green

    /// The other track.
    public var other: DeploymentColor { self == .blue ? .green : .blue }
}
