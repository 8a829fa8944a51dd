import KubeModels
import KubeSerialization

/// A custom listener-rule action: the value of an `actions.<name>` annotation.
///
/// The action is kept as its JSON object, so any field the controller understands survives a
/// round trip; the builders cover the common shapes:
///
/// ```swift
/// annotations.actions["ssl-redirect"] = .redirectToHTTPS
/// annotations.actions["maintenance"] = .fixedResponse(statusCode: 503, contentType: "text/plain",
///                                                     messageBody: "back soon")
/// annotations.actions["canary"] = .forward([
///     .service("web-stable", port: 80, weight: 90),
///     .service("web-canary", port: 80, weight: 10),
/// ])
/// ```
///
/// The annotation name (after `actions.`) must equal the backend service name in the Ingress
/// rule, whose port is then `name: use-annotation`.
public struct ALBAction: Hashable, Sendable, Codable {
    /// The action as a JSON object.
    public var json: JSONValue

    /// Wraps an action's JSON object as is; ``ALBIngressAnnotations/init(annotations:unknownKeys:)``
    /// checks that it is an object with a string `type`.
    public init(json: JSONValue) { self.json = json }

    /// The `type` member (`fixed-response`, `forward`, `redirect`), matched ignoring case as the controller does.
    public var type: ALBActionType? {
        guard case .object(let members) = json else { return nil }
        let value = members["type"] ?? members.first { $0.key.lowercased() == "type" }?.value
        return value?.stringValue.map(ALBActionType.init(rawValue:))
    }

    /// The status code of a redirect.
    public enum RedirectStatusCode: String, CaseIterable, Codable, Hashable, Sendable {
        /// `HTTP_301`: moved permanently.
        case permanent = "HTTP_301"
        /// `HTTP_302`: found (temporary).
        case temporary = "HTTP_302"
    }

    /// One target of a weighted forward action.
    public struct ForwardTarget: Hashable, Sendable {
        /// The JSON object of the target.
        var json: JSONValue

        /// A Service backend, by name and port (number or name).
        public static func service(_ name: String, port: IntOrString, weight: Int? = nil) -> ForwardTarget {
            let portValue: JSONValue
            switch port {
            case .int(let number): portValue = .int(Int64(number))
            case .string(let text): portValue = .string(text)
            }
            return ForwardTarget(
                json: ALBJSON.object([
                    ("serviceName", .string(name)), ("servicePort", portValue),
                    ("weight", weight.map { JSONValue.int(Int64($0)) }),
                ]))
        }

        /// An existing target group, by ARN.
        public static func targetGroupARN(_ arn: String, weight: Int? = nil) -> ForwardTarget {
            ForwardTarget(
                json: ALBJSON.object([
                    ("targetGroupARN", .string(arn)), ("weight", weight.map { JSONValue.int(Int64($0)) }),
                ]))
        }

        /// An existing target group, by name.
        public static func targetGroupName(_ name: String, weight: Int? = nil) -> ForwardTarget {
            ForwardTarget(
                json: ALBJSON.object([
                    ("targetGroupName", .string(name)), ("weight", weight.map { JSONValue.int(Int64($0)) }),
                ]))
        }
    }

    /// Answers every request with a fixed response.
    public static func fixedResponse(statusCode: Int, contentType: String? = nil, messageBody: String? = nil)
        -> ALBAction
    {
        ALBAction(
            json: ALBJSON.object([
                ("type", .string(ALBActionType.fixedResponse.rawValue)),
                (
                    "fixedResponseConfig",
                    ALBJSON.object([
                        ("contentType", contentType.map(JSONValue.string)),
                        ("messageBody", messageBody.map(JSONValue.string)),
                        ("statusCode", .string(String(statusCode))),
                    ])
                ),
            ]))
    }

    /// Redirects requests. Omitted parts keep the request's own (`#{host}`, `#{path}` … in ALB terms).
    public static func redirect(
        protocol: String? = nil, host: String? = nil, port: String? = nil, path: String? = nil, query: String? = nil,
        statusCode: RedirectStatusCode = .permanent
    ) -> ALBAction {
        ALBAction(
            json: ALBJSON.object([
                ("type", .string(ALBActionType.redirect.rawValue)),
                (
                    "redirectConfig",
                    ALBJSON.object([
                        ("host", host.map(JSONValue.string)),
                        ("path", path.map(JSONValue.string)),
                        ("port", port.map(JSONValue.string)),
                        ("protocol", `protocol`.map(JSONValue.string)),
                        ("query", query.map(JSONValue.string)),
                        ("statusCode", .string(statusCode.rawValue)),
                    ])
                ),
            ]))
    }

    /// A permanent redirect to HTTPS on port 443.
    public static let redirectToHTTPS = redirect(protocol: "HTTPS", port: "443", statusCode: .permanent)

    /// Forwards to one existing target group, by ARN.
    public static func forward(targetGroupARN: String) -> ALBAction {
        ALBAction(
            json: ALBJSON.object([
                ("type", .string(ALBActionType.forward.rawValue)), ("targetGroupARN", .string(targetGroupARN)),
            ]))
    }

    /// Forwards to one existing target group, by name.
    public static func forward(targetGroupName: String) -> ALBAction {
        ALBAction(
            json: ALBJSON.object([
                ("type", .string(ALBActionType.forward.rawValue)), ("targetGroupName", .string(targetGroupName)),
            ]))
    }

    /// Splits traffic between targets by weight (every target needs a weight when there are
    /// several), optionally keeping a client on one target group for `stickinessDurationSeconds`.
    public static func forward(_ targets: [ForwardTarget], stickinessDurationSeconds: Int? = nil) -> ALBAction {
        let stickiness = stickinessDurationSeconds.map { seconds in
            ALBJSON.object([("enabled", .bool(true)), ("durationSeconds", .int(Int64(seconds)))])
        }
        return ALBAction(
            json: ALBJSON.object([
                ("type", .string(ALBActionType.forward.rawValue)),
                (
                    "forwardConfig",
                    ALBJSON.object([
                        ("targetGroups", .array(targets.map(\.json))),
                        ("targetGroupStickinessConfig", stickiness),
                    ])
                ),
            ]))
    }

    /// Checks the shape the controller needs: an object with a string `type`.
    init(checking json: JSONValue) throws {
        guard case .object = json else {
            throw ALBValueProblem("a JSON object with a \"type\" (fixed-response, forward or redirect)")
        }
        self.init(json: json)
        guard type != nil else {
            throw ALBValueProblem("a JSON object with a \"type\" (fixed-response, forward or redirect)")
        }
    }

    /// Decodes the action's JSON object.
    public init(from decoder: any Decoder) throws { self = try ALBJSON.decode(decoder, Self.init(checking:)) }

    /// Encodes the action's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
