import KubeSerialization

/// The Amazon Cognito user pool an authenticating listener uses: the `auth-idp-cognito` annotation.
public struct ALBCognitoConfig: Hashable, Sendable, Codable {
    /// The user pool ARN.
    public var userPoolARN: String
    /// The app client ID.
    public var userPoolClientID: String
    /// The user pool's domain prefix (not the full URL).
    public var userPoolDomain: String
    /// Up to ten query parameters added to the redirect to the authorization endpoint.
    public var authenticationRequestExtraParams: [String: String]?

    /// Describes a Cognito configuration.
    public init(
        userPoolARN: String, userPoolClientID: String, userPoolDomain: String,
        authenticationRequestExtraParams: [String: String]? = nil
    ) {
        self.userPoolARN = userPoolARN
        self.userPoolClientID = userPoolClientID
        self.userPoolDomain = userPoolDomain
        self.authenticationRequestExtraParams = authenticationRequestExtraParams
    }

    init(json: JSONValue) throws {
        var reader = try JSONObjectReader(json, at: "the value")
        userPoolARN = try reader.requiredString("userPoolARN")
        userPoolClientID = try reader.requiredString("userPoolClientID")
        userPoolDomain = try reader.requiredString("userPoolDomain")
        authenticationRequestExtraParams = try reader.stringMap("authenticationRequestExtraParams")
        try reader.finish()
    }

    var json: JSONValue {
        ALBJSON.object([
            ("userPoolARN", .string(userPoolARN)),
            ("userPoolClientID", .string(userPoolClientID)),
            ("userPoolDomain", .string(userPoolDomain)),
            ("authenticationRequestExtraParams", authenticationRequestExtraParams.map(ALBJSON.stringMap)),
        ])
    }

    /// Decodes the annotation's JSON object (member names match as in Go, ignoring case).
    public init(from decoder: any Decoder) throws { self = try ALBJSON.decode(decoder, Self.init(json:)) }

    /// Encodes the annotation's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
