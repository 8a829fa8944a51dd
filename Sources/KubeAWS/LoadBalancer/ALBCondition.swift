import KubeSerialization

/// An extra listener-rule condition: one entry of a `conditions.<name>` annotation.
///
/// Kept as its JSON object so every field survives a round trip; the builders cover each field
/// type the controller supports:
///
/// ```swift
/// annotations.conditions["web"] = [
///     .hostHeader(["anno.example.com"]),
///     .httpHeader(name: "X-Canary", values: ["always"]),
///     .queryString([(key: "version", value: "v2")]),
/// ]
/// ```
public struct ALBCondition: Hashable, Sendable, Codable {
    /// The condition as a JSON object.
    public var json: JSONValue

    /// Wraps a condition's JSON object as is; parsing checks it is an object with a string `field`.
    public init(json: JSONValue) { self.json = json }

    /// The `field` member (`host-header`, `path-pattern` …), matched ignoring case as the controller does.
    public var field: String? {
        guard case .object(let members) = json else { return nil }
        let value = members["field"] ?? members.first { $0.key.lowercased() == "field" }?.value
        return value?.stringValue
    }

    private static func make(_ field: String, _ configName: String, _ config: [(String, JSONValue?)]) -> ALBCondition {
        ALBCondition(json: ALBJSON.object([("field", .string(field)), (configName, ALBJSON.object(config))]))
    }

    /// Matches the `Host` header against wildcard patterns (`*`, `?`).
    public static func hostHeader(_ values: [String]) -> ALBCondition {
        make("host-header", "hostHeaderConfig", [("values", ALBJSON.strings(values))])
    }

    /// Matches the `Host` header against regular expressions.
    public static func hostHeader(regexValues: [String]) -> ALBCondition {
        make("host-header", "hostHeaderConfig", [("regexValues", ALBJSON.strings(regexValues))])
    }

    /// Matches a request header against wildcard patterns.
    public static func httpHeader(name: String, values: [String]) -> ALBCondition {
        make(
            "http-header", "httpHeaderConfig", [("httpHeaderName", .string(name)), ("values", ALBJSON.strings(values))])
    }

    /// Matches a request header against regular expressions.
    public static func httpHeader(name: String, regexValues: [String]) -> ALBCondition {
        make(
            "http-header", "httpHeaderConfig",
            [("httpHeaderName", .string(name)), ("regexValues", ALBJSON.strings(regexValues))])
    }

    /// Matches the request method (`GET`, `POST` …).
    public static func httpRequestMethod(_ methods: [String]) -> ALBCondition {
        make("http-request-method", "httpRequestMethodConfig", [("values", ALBJSON.strings(methods))])
    }

    /// Matches the path against wildcard patterns.
    public static func pathPattern(_ values: [String]) -> ALBCondition {
        make("path-pattern", "pathPatternConfig", [("values", ALBJSON.strings(values))])
    }

    /// Matches the path against regular expressions.
    public static func pathPattern(regexValues: [String]) -> ALBCondition {
        make("path-pattern", "pathPatternConfig", [("regexValues", ALBJSON.strings(regexValues))])
    }

    /// Matches query parameters; a `nil` key matches the value in any parameter.
    public static func queryString(_ pairs: [(key: String?, value: String)]) -> ALBCondition {
        let values = pairs.map { pair in
            ALBJSON.object([("key", pair.key.map(JSONValue.string)), ("value", .string(pair.value))])
        }
        return make("query-string", "queryStringConfig", [("values", .array(values))])
    }

    /// Matches the client address against CIDR blocks.
    public static func sourceIP(_ cidrs: [String]) -> ALBCondition {
        make("source-ip", "sourceIPConfig", [("values", ALBJSON.strings(cidrs))])
    }

    /// Checks the shape the controller needs: an object with a string `field`.
    init(checking json: JSONValue, location: String) throws {
        self.init(json: json)
        guard case .object = json, field != nil else {
            throw ALBValueProblem("\(location) to be a JSON object with a string \"field\"")
        }
    }

    /// Decodes the condition's JSON object.
    public init(from decoder: any Decoder) throws {
        self = try ALBJSON.decode(decoder) { try Self(checking: $0, location: "the condition") }
    }

    /// Encodes the condition's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
