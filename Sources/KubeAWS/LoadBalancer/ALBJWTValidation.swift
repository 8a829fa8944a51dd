import KubeSerialization

/// JSON Web Token checks on HTTPS listeners: the `jwt-validation` annotation.
///
/// The ALB always checks `exp` and `iss`, and `nbf`/`iat` when present; ``additionalClaims``
/// adds more.
public struct ALBJWTValidation: Hashable, Sendable, Codable {
    /// An extra claim the token must carry.
    public struct Claim: Hashable, Sendable, Codable {
        /// How the claim's value is written in the token.
        public enum Format: String, CaseIterable, Codable, Hashable, Sendable {
            /// `single-string`: one string.
            case singleString = "single-string"
            /// `string-array`: a JSON array of strings.
            case stringArray = "string-array"
            /// `space-separated-values`: one string of space-separated values (like `scope`).
            case spaceSeparatedValues = "space-separated-values"
        }

        /// The claim name.
        public var name: String
        /// The claim's format.
        public var format: Format
        /// The accepted values.
        public var values: [String]

        /// Describes a claim.
        public init(name: String, format: Format, values: [String]) {
            self.name = name
            self.format = format
            self.values = values
        }

        init(json: JSONValue, location: String) throws {
            var reader = try JSONObjectReader(json, at: location)
            name = try reader.requiredString("name")
            let formatText = try reader.requiredString("format")
            guard let format = Format(rawValue: formatText) else {
                let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw ALBValueProblem("\"format\" in \(location) to be one of \(known)")
            }
            self.format = format
            values = try reader.strings("values") ?? []
            try reader.finish()
        }

        var json: JSONValue {
            ALBJSON.object([
                ("name", .string(name)), ("format", .string(format.rawValue)), ("values", ALBJSON.strings(values)),
            ])
        }

        /// Decodes one claim (member names match as in Go, ignoring case).
        public init(from decoder: any Decoder) throws {
            self = try ALBJSON.decode(decoder) { try Self(json: $0, location: "the claim") }
        }

        /// Encodes one claim.
        public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
    }

    /// Where the ALB fetches the signing keys (a JWKS URL).
    public var jwksEndpoint: String
    /// The expected `iss` claim.
    public var issuer: String
    /// Further claims to check.
    public var additionalClaims: [Claim]?

    /// Describes the checks.
    public init(jwksEndpoint: String, issuer: String, additionalClaims: [Claim]? = nil) {
        self.jwksEndpoint = jwksEndpoint
        self.issuer = issuer
        self.additionalClaims = additionalClaims
    }

    init(json: JSONValue) throws {
        var reader = try JSONObjectReader(json, at: "the value")
        jwksEndpoint = try reader.requiredString("jwksEndpoint")
        issuer = try reader.requiredString("issuer")
        if let claims = try reader.array("additionalClaims") {
            additionalClaims = try claims.enumerated().map { index, claim in
                try Claim(json: claim, location: "additionalClaims[\(index)]")
            }
        } else {
            additionalClaims = nil
        }
        try reader.finish()
    }

    var json: JSONValue {
        ALBJSON.object([
            ("jwksEndpoint", .string(jwksEndpoint)),
            ("issuer", .string(issuer)),
            ("additionalClaims", additionalClaims.map { JSONValue.array($0.map(\.json)) }),
        ])
    }

    /// Decodes the annotation's JSON object (member names match as in Go, ignoring case).
    public init(from decoder: any Decoder) throws { self = try ALBJSON.decode(decoder, Self.init(json:)) }

    /// Encodes the annotation's JSON object.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
