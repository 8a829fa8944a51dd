/// Whether HTTPS listeners authenticate users first: the `auth-type` annotation.
public enum ALBAuthType: String, CaseIterable, Codable, Hashable, Sendable {
    /// `none`: no authentication. The default. (Named `disabled` so it never reads as `Optional.none`.)
    case disabled = "none"
    /// `oidc`: an OpenID Connect provider, configured with ``ALBOIDCConfig``.
    case oidc
    /// `cognito`: an Amazon Cognito user pool, configured with ``ALBCognitoConfig``.
    case cognito
}
