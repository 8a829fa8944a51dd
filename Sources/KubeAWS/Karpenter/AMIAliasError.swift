/// Why text or parts do not make a valid ``AMIAlias``.
public enum AMIAliasError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not `family@version` with an alphanumeric family and a non-empty, single-line version.
    case malformed(String)
    /// The family is not one of ``AMIAlias/Family``'s cases (families are lower-case).
    case unsupportedFamily(String)
    /// The version contains a second `@`.
    case invalidVersion(String)
    /// A Windows family was pinned to a version other than `latest`.
    case windowsRequiresLatest(AMIAlias.Family)
    /// The alias is longer than ``AMIAlias/maximumLength`` characters.
    case tooLong(String)

    /// What is wrong and what would be right.
    public var description: String {
        switch self {
        case .malformed(let text):
            return "AMI alias \"\(text)\" is improperly formatted: expected 'family@version', such as 'al2023@latest'"
        case .unsupportedFamily(let family):
            let known = AMIAlias.Family.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return "AMI alias family \"\(family)\" is not supported: expected one of \(known)"
        case .invalidVersion(let version):
            return "AMI alias version \"\(version)\" must not contain '@'"
        case .windowsRequiresLatest(let family):
            return "AMI alias family '\(family.rawValue)' only accepts the version 'latest'"
        case .tooLong(let text):
            return "AMI alias \"\(text)\" has \(text.count) characters: at most \(AMIAlias.maximumLength) are allowed"
        }
    }
}
