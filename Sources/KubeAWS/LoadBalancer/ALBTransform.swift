import KubeSerialization

/// A request rewrite applied before forwarding: one entry of a `transforms.<name>` annotation.
///
/// ```swift
/// annotations.transforms["api"] = [.urlRewrite(regex: "^/api/(.*)$", replace: "/$1")]
/// ```
public struct ALBTransform: Hashable, Sendable, Codable {
    /// The transform as a JSON object.
    public var json: JSONValue

    /// Wraps a transform's JSON object as is; parsing checks it is an object with a string `type`.
    public init(json: JSONValue) { self.json = json }

    /// The `type` member (`url-rewrite`, `host-header-rewrite`), matched ignoring case as the controller does.
    public var type: String? {
        guard case .object(let members) = json else { return nil }
        let value = members["type"] ?? members.first { $0.key.lowercased() == "type" }?.value
        return value?.stringValue
    }

    /// Rewrites the request path and query with a regular expression and a replacement.
    public static func urlRewrite(regex: String, replace: String) -> ALBTransform {
        rewrite("url-rewrite", "urlRewriteConfig", regex: regex, replace: replace)
    }

    /// Rewrites the `Host` header with a regular expression and a replacement.
    public static func hostHeaderRewrite(regex: String, replace: String) -> ALBTransform {
        rewrite("host-header-rewrite", "hostHeaderRewriteConfig", regex: regex, replace: replace)
    }

    private static func rewrite(_ type: String, _ configName: String, regex: String, replace: String) -> ALBTransform {
        let rule = ALBJSON.object([("regex", .string(regex)), ("replace", .string(replace))])
        return ALBTransform(
            json: ALBJSON.object([
                ("type", .string(type)), (configName, ALBJSON.object([("rewrites", .array([rule]))])),
            ]))
    }

    /// Checks the shape the controller needs: an object with a string `type`.
    init(checking json: JSONValue, location: String) throws {
        self.init(json: json)
        guard case .object = json, type != nil else {
            throw ALBValueProblem("\(location) to be a JSON object with a string \"type\"")
        }
    }

    /// Decodes the transform's JSON object.
    public init(from decoder: any Decoder) throws {
        self = try ALBJSON.decode(decoder) { try Self(checking: $0, location: "the transform") }
    }

    /// Encodes the transform's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
