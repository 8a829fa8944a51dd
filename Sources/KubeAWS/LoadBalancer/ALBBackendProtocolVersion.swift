/// The protocol version between the ALB and its targets: the `backend-protocol-version` annotation.
public enum ALBBackendProtocolVersion: String, CaseIterable, Codable, Hashable, Sendable {
    /// `HTTP1`: HTTP/1.1. The default.
    case http1 = "HTTP1"
    /// `HTTP2`: HTTP/2.
    case http2 = "HTTP2"
    /// `GRPC`: gRPC over HTTP/2; health checks then default to the path `/AWS.ALB/healthcheck`.
    case grpc = "GRPC"
}
