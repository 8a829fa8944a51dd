import KubeSerialization

/// The OpenID Connect provider an authenticating listener uses: the `auth-idp-oidc` annotation.
///
/// The client ID and secret are not here: they live in the Secret named by ``secretName``
/// (keys `clientID` and `clientSecret`) in the Ingress's namespace.
public struct ALBOIDCConfig: Hashable, Sendable, Codable {
    /// The issuer identifier.
    public var issuer: String
    /// The authorization endpoint URL.
    public var authorizationEndpoint: String
    /// The token endpoint URL.
    public var tokenEndpoint: String
    /// The user-info endpoint URL.
    public var userInfoEndpoint: String
    /// The Secret holding `clientID` and `clientSecret`.
    public var secretName: String
    /// Up to ten query parameters added to the redirect to the authorization endpoint.
    public var authenticationRequestExtraParams: [String: String]?

    /// Describes an OIDC configuration.
    public init(
        issuer: String, authorizationEndpoint: String, tokenEndpoint: String, userInfoEndpoint: String,
        secretName: String, authenticationRequestExtraParams: [String: String]? = nil
    ) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.userInfoEndpoint = userInfoEndpoint
        self.secretName = secretName
        self.authenticationRequestExtraParams = authenticationRequestExtraParams
    }

    init(json: JSONValue) throws {
        var reader = try JSONObjectReader(json, at: "the value")
        issuer = try reader.requiredString("issuer")
        authorizationEndpoint = try reader.requiredString("authorizationEndpoint")
        tokenEndpoint = try reader.requiredString("tokenEndpoint")
        userInfoEndpoint = try reader.requiredString("userInfoEndpoint")
        secretName = try reader.requiredString("secretName")
        authenticationRequestExtraParams = try reader.stringMap("authenticationRequestExtraParams")
        try reader.finish()
    }

    var json: JSONValue {
        ALBJSON.object([
            ("issuer", .string(issuer)),
            ("authorizationEndpoint", .string(authorizationEndpoint)),
            ("tokenEndpoint", .string(tokenEndpoint)),
            ("userInfoEndpoint", .string(userInfoEndpoint)),
            ("secretName", .string(secretName)),
            ("authenticationRequestExtraParams", authenticationRequestExtraParams.map(ALBJSON.stringMap)),
        ])
    }

    /// Decodes the annotation's JSON object (member names match as in Go, ignoring case).
    public init(from decoder: any Decoder) throws { self = try ALBJSON.decode(decoder, Self.init(json:)) }

    /// Encodes the annotation's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
