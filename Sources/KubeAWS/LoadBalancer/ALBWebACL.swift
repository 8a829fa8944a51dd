/// A web ACL setting: the `wafv2-acl-arn`, `wafv2-acl-name` and `waf-acl-id` annotations.
///
/// Leaving the annotation off leaves the load balancer's WAF association as it is; ``detach``
/// removes it.
public enum ALBWebACL: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Associate the web ACL with this ARN, name or ID.
    case attach(String)
    /// `none`: remove any association.
    case detach

    /// The annotation text.
    public var description: String {
        switch self {
        case .attach(let identifier): return identifier
        case .detach: return "none"
        }
    }

    /// Reads annotation text: `none` is ``detach``, anything else an identifier.
    public init(_ text: String) {
        self = text == "none" ? .detach : .attach(text)
    }

    /// Decodes from the annotation text.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes as the annotation text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
