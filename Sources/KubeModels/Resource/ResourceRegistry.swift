import Foundation
import KubeSerialization

/// Maps (apiVersion, kind) to the Swift model type, so a stream of mixed documents decodes each
/// document into its own type.
///
/// ``kubernetes`` knows every built-in kind of KubeModels; other modules (KubeAWS, KubeFlux,
/// models generated from CRDs) add theirs with ``register(_:)`` or ``merging(_:)``.
/// Documents of unknown kinds decode into ``UnstructuredObject``.
public struct ResourceRegistry: Sendable {
    private var types: [TypeMeta: any Resource.Type] = [:]

    /// Creates a registry that knows the given types.
    public init(_ types: [any Resource.Type] = []) {
        for type in types { register(type) }
    }

    /// A registry of every built-in Kubernetes kind.
    public static let kubernetes = ResourceRegistry(kubernetesKinds)

    /// Adds a type (replacing an earlier one with the same apiVersion and kind).
    public mutating func register(_ type: any Resource.Type) {
        types[type.typeMeta] = type
    }

    /// A registry with the types of both.
    public func merging(_ other: ResourceRegistry) -> ResourceRegistry {
        var copy = self
        for (key, value) in other.types { copy.types[key] = value }
        return copy
    }

    /// The model type for an apiVersion and kind, if registered.
    public func type(apiVersion: String, kind: String) -> (any Resource.Type)? {
        types[TypeMeta(apiVersion: apiVersion, kind: kind)]
    }

    /// Every registered type, ordered by apiVersion and kind.
    public var registeredTypes: [any Resource.Type] {
        types.sorted { ($0.key.apiVersion, $0.key.kind) < ($1.key.apiVersion, $1.key.kind) }.map(\.value)
    }

    /// Decodes one JSON document into its registered model, or into an ``UnstructuredObject``.
    ///
    /// - Parameters:
    ///   - data: one JSON object.
    ///   - unknownFields: pass a collector to decode leniently; by default unknown fields throw.
    public func decode(json data: Data, unknownFields: UnknownFieldCollector? = nil) throws -> Manifest {
        let decoder = JSONDecoder()
        if let unknownFields { decoder.userInfo[.unknownFields] = unknownFields }
        let meta: TypeMeta
        do {
            meta = try decoder.decode(TypeMeta.self, from: data)
        } catch {
            throw ManifestError(
                path: "", message: "a manifest needs string fields \"apiVersion\" and \"kind\": \(KubeCoding.describe(error))")
        }
        guard let type = type(apiVersion: meta.apiVersion, kind: meta.kind) else {
            do {
                return Manifest(try decoder.decode(UnstructuredObject.self, from: data))
            } catch {
                throw ManifestError(typeMeta: meta, error: error)
            }
        }
        do {
            return Manifest(any: try Self.decode(type, with: decoder, from: data))
        } catch {
            throw ManifestError(typeMeta: meta, error: error)
        }
    }

    /// Decodes one document, given as a JSON value, into its registered model.
    public func decode(_ value: JSONValue, unknownFields: UnknownFieldCollector? = nil) throws -> Manifest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try decode(json: try encoder.encode(value), unknownFields: unknownFields)
    }

    /// Decodes newline-delimited JSON (one object per line, blank lines ignored), in order.
    public func decodeStream(ndjson data: Data, unknownFields: UnknownFieldCollector? = nil) throws -> [Manifest] {
        var manifests: [Manifest] = []
        var line = 0
        for chunk in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            if chunk.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                manifests.append(try decode(json: Data(chunk), unknownFields: unknownFields))
            } catch var error as ManifestError {
                error.line = line
                throw error
            }
        }
        return manifests
    }

    /// Decodes one document read by `YAMLReader`, `JSONReader` or `ManifestReader` into its
    /// registered model, or into an ``UnstructuredObject``. Errors carry the source location.
    public func decode(_ node: Node, unknownFields: UnknownFieldCollector? = nil) throws -> Manifest {
        try decode(node, userInfo: Self.userInfo(unknownFields), direct: true)
    }

    private func decode(_ node: Node, userInfo: [CodingUserInfoKey: any Sendable], direct: Bool) throws -> Manifest {
        let decoder = NodeDecoder(userInfo: userInfo)
        guard case .mapping = node.content else {
            throw ManifestError(path: "", message: "expected a manifest object, found \(node.jsonValue.typeName)", location: node.location)
        }
        guard let apiVersion = node["apiVersion"]?.jsonValue.stringValue, let kind = node["kind"]?.jsonValue.stringValue else {
            throw ManifestError(
                path: "", message: "a manifest needs string fields \"apiVersion\" and \"kind\"", location: node.location)
        }
        let meta = TypeMeta(apiVersion: apiVersion, kind: kind)
        do {
            guard let type = type(apiVersion: apiVersion, kind: kind) else {
                return Manifest(try decoder.decode(UnstructuredObject.self, from: node))
            }
            if direct, let readable = type as? any (Resource & NodeReadable).Type {
                // The direct read path: same values and errors as the Decodable one, many times faster.
                return Manifest(any: try Self.read(readable, from: node, userInfo: userInfo))
            }
            return Manifest(any: try Self.decode(type, with: decoder, from: node))
        } catch let error as NodeDecodingError {
            var message = error.message
            if let underlying = error.underlyingError as? DecodingError {
                let described = KubeCoding.describe(underlying)
                message = described.split(separator: ":", maxSplits: 1).count == 2 && described.hasPrefix(error.path + ": ")
                    ? String(described.dropFirst(error.path.count + 2)) : described
            }
            throw ManifestError(typeMeta: meta, path: error.path, message: message, location: error.location)
        }
    }

    /// Decodes one document like ``decode(_:unknownFields:)``, always through the models'
    /// `Decodable` conformances (the slower path, kept to check that both paths agree).
    public func decodeWithCodable(_ node: Node, unknownFields: UnknownFieldCollector? = nil) throws -> Manifest {
        try decode(node, userInfo: Self.userInfo(unknownFields), direct: false)
    }

    private static func userInfo(_ unknownFields: UnknownFieldCollector?) -> [CodingUserInfoKey: any Sendable] {
        guard let unknownFields else { return [:] }
        return [.unknownFields: unknownFields]
    }

    private static func read<R: Resource & NodeReadable>(
        _ type: R.Type, from node: Node, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> R {
        try NodeReader(userInfo: userInfo).read(R.self, from: node)
    }

    private static func decode<R: Resource>(_ type: R.Type, with decoder: NodeDecoder, from node: Node) throws -> R {
        try decoder.decode(R.self, from: node)
    }

    private static func decode<R: Resource>(_ type: R.Type, with decoder: JSONDecoder, from data: Data) throws -> R {
        try decoder.decode(R.self, from: data)
    }
}

/// A document that could not be decoded into its model.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    /// The document's apiVersion and kind, when they could be read.
    public var typeMeta: TypeMeta?
    /// The field path of the problem, such as `spec.replicas` (empty for the whole document).
    public var path: String
    /// What is wrong and what was expected.
    public var message: String
    /// The line of the document in a newline-delimited stream, when known.
    public var line: Int?
    /// Where in the source the problem is, when the document was read from YAML or JSON text.
    public var location: SourceLocation?

    /// Creates an error.
    public init(typeMeta: TypeMeta? = nil, path: String, message: String, line: Int? = nil, location: SourceLocation? = nil) {
        self.typeMeta = typeMeta
        self.path = path
        self.message = message
        self.line = line
        self.location = location
    }

    init(typeMeta: TypeMeta, error: any Error) {
        self.typeMeta = typeMeta
        if let decoding = error as? DecodingError {
            let (path, message) = ManifestError.split(decoding)
            self.path = path
            self.message = message
        } else {
            self.path = ""
            self.message = String(describing: error)
        }
    }

    private static func split(_ error: DecodingError) -> (String, String) {
        let text = KubeCoding.describe(error)
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = FieldPath.describe(context.codingPath)
            if !path.isEmpty, text.hasPrefix(path + ": ") { return (path, String(text.dropFirst(path.count + 2))) }
            return (path, text)
        case .keyNotFound(let key, let context):
            return (FieldPath.describe(context.codingPath + [key]), "required field \"\(key.stringValue)\" is missing")
        @unknown default:
            return ("", text)
        }
    }

    /// `file:line:column: apiVersion kind: path: message`.
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) } else if let line { parts.append("line \(line)") }
        if let typeMeta { parts.append(typeMeta.description) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
