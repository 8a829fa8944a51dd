/// A version of the Pod Security Standards: `latest` or `v1.N`.
///
/// KubeKit implements the checks of Kubernetes v1.37; ``latest`` means v1.37. A pinned older
/// version turns off checks added later (probe hosts in 1.34, the user-namespace relaxations in
/// 1.35, …) and uses the sysctl and SELinux lists of that version, as the admission controller does.
public struct PodSecurityVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The minor version (the `N` of `v1.N`).
    public let minor: Int

    /// The newest policy version KubeKit knows.
    public static let latest = PodSecurityVersion(minor: 37)

    /// A version `v1.minor`; values above ``latest`` are treated as ``latest``.
    public init(minor: Int) {
        self.minor = Swift.min(max(minor, 0), 37)
    }

    /// Parses a label value (`latest`, `v1.25`); `nil` when it is neither.
    public init?(label: String) {
        if label == "latest" {
            self = .latest
            return
        }
        guard label.hasPrefix("v1."), let minor = Int(label.dropFirst(3)), minor >= 0,
            label.dropFirst(3).allSatisfy(\.isNumber)
        else { return nil }
        self.init(minor: minor)
    }

    /// Orders by minor version.
    public static func < (lhs: PodSecurityVersion, rhs: PodSecurityVersion) -> Bool {
        lhs.minor < rhs.minor
    }

    /// `v1.N`.
    public var description: String { "v1.\(minor)" }
}
