import Foundation
import KubeSerialization

/// What typed decoding does with a field the model does not know.
///
/// Kubernetes rejects unknown fields when it decodes strictly (`kubectl apply --validate=strict`),
/// and an unknown field is usually a typo that would otherwise be dropped in silence. KubeKit
/// therefore rejects them by default. Pass an ``UnknownFieldCollector`` in the decoder's
/// `userInfo` under `CodingUserInfoKey.unknownFields` to keep going and collect
/// them instead.
public enum UnknownFieldPolicy: Sendable {
    /// Throw a `DecodingError` that names the field path (the default).
    case reject
    /// Record the field in the collector and continue.
    case collect(UnknownFieldCollector)
}

/// Collects the paths of unknown fields met while decoding leniently.
///
/// It is a reference type so that every nested decoder writes into the same list; access is
/// serialized with a lock, so one collector may be shared across threads.
public final class UnknownFieldCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [UnknownField] = []

    /// Creates an empty collector.
    public init() {}

    /// The unknown fields recorded so far, in the order they were met.
    public var fields: [UnknownField] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    func record(_ field: UnknownField) {
        lock.lock()
        storage.append(field)
        lock.unlock()
    }
}

/// A field present in a document but not in the model it was decoded into.
public struct UnknownField: Sendable, Hashable, CustomStringConvertible {
    /// The field path, such as `spec.template.spec.containers[0].imagePullPolicyy`.
    public var path: String
    /// The model type that does not have the field.
    public var typeName: String
    /// The closest known field name, when one is similar enough to be a likely typo.
    public var suggestion: String?

    /// Creates a record.
    public init(path: String, typeName: String, suggestion: String? = nil) {
        self.path = path
        self.typeName = typeName
        self.suggestion = suggestion
    }

    /// A sentence describing the field, with the suggestion if there is one.
    public var description: String {
        var text = "unknown field \"\(path)\": \(typeName) has no such field"
        if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
        return text
    }
}

extension CodingUserInfoKey {
    /// The `userInfo` key under which typed decoding looks for an ``UnknownFieldCollector``.
    /// When absent, unknown fields are errors.
    public static let unknownFields = CodingUserInfoKey(rawValue: "io.kubekit.unknownFields")!
}
