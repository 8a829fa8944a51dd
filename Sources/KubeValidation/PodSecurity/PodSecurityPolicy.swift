/// The Pod Security levels a namespace applies, one per mode.
public struct PodSecurityPolicy: Hashable, Sendable {
    /// The level pods must meet to be admitted.
    public var enforce: PodSecurityLevel
    /// The level beyond which users are warned.
    public var warn: PodSecurityLevel
    /// The level beyond which violations are audited.
    public var audit: PodSecurityLevel
    /// The policy version for each mode.
    public var enforceVersion: PodSecurityVersion
    /// The version for the warn mode.
    public var warnVersion: PodSecurityVersion
    /// The version for the audit mode.
    public var auditVersion: PodSecurityVersion

    /// Creates a policy; unspecified modes are `privileged` (no checks) at the latest version.
    public init(
        enforce: PodSecurityLevel = .privileged, warn: PodSecurityLevel = .privileged,
        audit: PodSecurityLevel = .privileged, enforceVersion: PodSecurityVersion = .latest,
        warnVersion: PodSecurityVersion = .latest, auditVersion: PodSecurityVersion = .latest
    ) {
        self.enforce = enforce
        self.warn = warn
        self.audit = audit
        self.enforceVersion = enforceVersion
        self.warnVersion = warnVersion
        self.auditVersion = auditVersion
    }

    /// The level for a mode.
    public func level(for mode: PodSecurityMode) -> PodSecurityLevel {
        switch mode {
        case .enforce: return enforce
        case .warn: return warn
        case .audit: return audit
        }
    }

    /// The version for a mode.
    public func version(for mode: PodSecurityMode) -> PodSecurityVersion {
        switch mode {
        case .enforce: return enforceVersion
        case .warn: return warnVersion
        case .audit: return auditVersion
        }
    }

    /// Reads the `pod-security.kubernetes.io/*` labels of a namespace over `defaults`.
    ///
    /// As in the admission controller, a level label with an unknown value means `restricted`
    /// (fail closed) and an unknown version means `latest`.
    public init(labels: [String: String], defaults: PodSecurityPolicy = PodSecurityPolicy()) {
        self = defaults
        for mode in PodSecurityMode.allCases {
            if let text = labels[mode.levelLabel] {
                let level = PodSecurityLevel(rawValue: text) ?? .restricted
                switch mode {
                case .enforce: enforce = level
                case .warn: warn = level
                case .audit: audit = level
                }
            }
            if let text = labels[mode.versionLabel] {
                let version = PodSecurityVersion(label: text) ?? .latest
                switch mode {
                case .enforce: enforceVersion = version
                case .warn: warnVersion = version
                case .audit: auditVersion = version
                }
            }
        }
    }
}
