import KubeSerialization

/// Mutual TLS for one HTTPS listener: an entry of the `mutual-authentication` annotation.
///
/// ```swift
/// let mtls: [ALBMutualAuthentication] = [
///     .verify(port: 443, trustStore: "arn:aws:elasticloadbalancing:…:truststore/ts/0123"),
///     .passthrough(port: 8443),
/// ]
/// ```
public struct ALBMutualAuthentication: Hashable, Sendable, Codable {
    /// How the listener treats client certificates.
    public enum Mode: String, CaseIterable, Codable, Hashable, Sendable {
        /// `off`: no client certificates. The default.
        case off
        /// `passthrough`: the certificate chain is forwarded to the target in headers, unchecked.
        case passthrough
        /// `verify`: the ALB checks client certificates against a trust store.
        case verify
    }

    /// Whether the ALB advertises the trust store's CA names to clients.
    public enum AdvertiseTrustStoreCaNames: String, CaseIterable, Codable, Hashable, Sendable {
        /// `on`.
        case on
        /// `off`. The default.
        case off
    }

    /// The HTTPS listen port this entry configures.
    public var port: Int
    /// The mode.
    public var mode: Mode
    /// The trust store ARN or name; required for ``Mode/verify``, not allowed otherwise.
    public var trustStore: String?
    /// Accept expired client certificates (``Mode/verify`` only).
    public var ignoreClientCertificateExpiry: Bool?
    /// Whether to advertise the trust store's CA names.
    public var advertiseTrustStoreCaNames: AdvertiseTrustStoreCaNames?

    /// Describes one listener's mutual TLS setting.
    public init(
        port: Int, mode: Mode, trustStore: String? = nil, ignoreClientCertificateExpiry: Bool? = nil,
        advertiseTrustStoreCaNames: AdvertiseTrustStoreCaNames? = nil
    ) {
        self.port = port
        self.mode = mode
        self.trustStore = trustStore
        self.ignoreClientCertificateExpiry = ignoreClientCertificateExpiry
        self.advertiseTrustStoreCaNames = advertiseTrustStoreCaNames
    }

    /// Verifies client certificates on `port` against `trustStore`.
    public static func verify(
        port: Int = 443, trustStore: String, ignoreClientCertificateExpiry: Bool? = nil,
        advertiseTrustStoreCaNames: AdvertiseTrustStoreCaNames? = nil
    ) -> ALBMutualAuthentication {
        ALBMutualAuthentication(
            port: port, mode: .verify, trustStore: trustStore,
            ignoreClientCertificateExpiry: ignoreClientCertificateExpiry,
            advertiseTrustStoreCaNames: advertiseTrustStoreCaNames)
    }

    /// Forwards client certificates on `port` to the targets unchecked.
    public static func passthrough(port: Int = 443) -> ALBMutualAuthentication {
        ALBMutualAuthentication(port: port, mode: .passthrough)
    }

    /// Turns mutual TLS off on `port`.
    public static func off(port: Int = 443) -> ALBMutualAuthentication {
        ALBMutualAuthentication(port: port, mode: .off)
    }

    init(json: JSONValue, location: String) throws {
        var reader = try JSONObjectReader(json, at: location)
        guard let port = try reader.int("port") else {
            throw ALBValueProblem("\(location) to have the integer field \"port\"")
        }
        guard (1...65535).contains(port) else {
            throw ALBValueProblem("\"port\" in \(location) to be within 1-65535")
        }
        let modeText = try reader.requiredString("mode")
        guard let mode = Mode(rawValue: modeText) else {
            throw ALBValueProblem("\"mode\" in \(location) to be one of off, passthrough, verify")
        }
        self.port = port
        self.mode = mode
        trustStore = try reader.string("trustStore")
        ignoreClientCertificateExpiry = try reader.bool("ignoreClientCertificateExpiry")
        if let advertise = try reader.string("advertiseTrustStoreCaNames") {
            guard let value = AdvertiseTrustStoreCaNames(rawValue: advertise) else {
                throw ALBValueProblem("\"advertiseTrustStoreCaNames\" in \(location) to be on or off")
            }
            advertiseTrustStoreCaNames = value
        } else {
            advertiseTrustStoreCaNames = nil
        }
        try reader.finish()
        let hasTrustStore = !(trustStore ?? "").isEmpty
        if mode == .verify && !hasTrustStore {
            throw ALBValueProblem("\"trustStore\" in \(location), which mode verify requires")
        }
        if mode != .verify && hasTrustStore {
            throw ALBValueProblem("no \"trustStore\" in \(location): only mode verify uses one")
        }
        if mode != .verify && ignoreClientCertificateExpiry != nil {
            throw ALBValueProblem("no \"ignoreClientCertificateExpiry\" in \(location): only mode verify uses it")
        }
    }

    var json: JSONValue {
        ALBJSON.object([
            ("port", .int(Int64(port))),
            ("mode", .string(mode.rawValue)),
            ("trustStore", trustStore.map(JSONValue.string)),
            ("ignoreClientCertificateExpiry", ignoreClientCertificateExpiry.map(JSONValue.bool)),
            ("advertiseTrustStoreCaNames", advertiseTrustStoreCaNames.map { JSONValue.string($0.rawValue) }),
        ])
    }

    /// Decodes one JSON entry (member names match as in Go, ignoring case).
    public init(from decoder: any Decoder) throws {
        self = try ALBJSON.decode(decoder) { try Self(json: $0, location: "the entry") }
    }

    /// Encodes one JSON entry.
    public func encode(to encoder: any Encoder) throws { try ALBJSON.encode(json, to: encoder) }
}
