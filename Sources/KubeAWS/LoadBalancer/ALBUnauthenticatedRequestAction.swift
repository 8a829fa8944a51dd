/// What an authenticating listener does with a request that has no session: the
/// `auth-on-unauthenticated-request` annotation.
public enum ALBUnauthenticatedRequestAction: String, CaseIterable, Codable, Hashable, Sendable {
    /// `authenticate`: send the user to the identity provider. The default.
    case authenticate
    /// `allow`: pass the request on without user claims.
    case allow
    /// `deny`: answer `401 Unauthorized`.
    case deny
}
