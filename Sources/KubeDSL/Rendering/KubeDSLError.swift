import KubeModels

/// Why a cluster could not be composed, ordered or written.
///
/// Every case names the object, component or environment involved, so the message alone says
/// where to look. Errors are thrown at render time, never while the builder body runs.
public enum KubeDSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A cluster-scoped object (such as a `ClusterRole`) sits inside a namespace scope.
    case clusterScopedInNamespace(object: ResourceIdentity, namespace: String, scope: String)
    /// An unstructured object without a namespace sits inside a namespace scope; KubeDSL cannot
    /// tell whether its kind is namespaced.
    case unknownScope(object: ResourceIdentity, namespace: String, scope: String)
    /// A patch or pod-template patch changed no object in its scope.
    case patchMatchedNothing(patch: String, scope: String)
    /// Two objects with the same kind, namespace and name.
    case duplicateObject(ResourceIdentity)
    /// An object has no `metadata.name`.
    case missingName(kind: String, scope: String)
    /// A name is longer than its kind allows (after a prefix or suffix, for example).
    case nameTooLong(object: ResourceIdentity, limit: Int)
    /// Explicit or implied dependencies form a cycle; the steps are listed in order, and the
    /// first step is repeated at the end.
    case dependencyCycle([String])
    /// A dependency names a component or object that the cluster does not contain.
    case unknownDependency(from: String, target: String)
    /// `render(for:)` was asked for an environment the cluster does not define.
    case unknownEnvironment(Environment, defined: [Environment])
    /// The same environment was given settings twice.
    case duplicateEnvironment(Environment)
    /// A helper was called with arguments that cannot produce a valid object.
    case invalidArgument(String)
    /// Validation (``RenderOptions/validation`` or ``RenderOptions/validator``) rejected the rendered manifests; the message lists the errors.
    case validationFailed(String)
    /// Writing the output failed; the previous output, if any, is unchanged.
    case writeFailed(path: String, reason: String)

    /// A message that names what is wrong and what would be right.
    public var description: String {
        switch self {
        case .clusterScopedInNamespace(let object, let namespace, let scope):
            return "\(object) is cluster-scoped but sits in the namespace scope \"\(namespace)\" (\(scope)); "
                + "move it out of the scope: cluster-scoped kinds cannot have a namespace"
        case .unknownScope(let object, let namespace, let scope):
            return "\(object) is an unstructured object inside the namespace scope \"\(namespace)\" (\(scope)) "
                + "and KubeDSL cannot tell whether its kind is namespaced; set metadata.namespace on it, "
                + "move it out of the scope, or use a typed model"
        case .patchMatchedNothing(let patch, let scope):
            return "\(patch) in \(scope) matched no object; fix the patch or its scope, or pass allowNoMatch: true"
        case .duplicateObject(let object):
            return "\(object) is defined more than once; every kind, namespace and name must be unique"
        case .missingName(let kind, let scope):
            return "a \(kind) in \(scope) has no metadata.name"
        case .nameTooLong(let object, let limit):
            return
                "the name of \(object) has \(object.name.count) characters; a \(object.kind) name may have at most \(limit)"
        case .dependencyCycle(let steps):
            return "dependency cycle: " + steps.joined(separator: " -> ")
        case .unknownDependency(let from, let target):
            return "\(from) depends on \(target), which is not part of the cluster"
        case .unknownEnvironment(let environment, let defined):
            return "environment \"\(environment.name)\" is not defined; defined: "
                + defined.map { "\"\($0.name)\"" }.joined(separator: ", ")
        case .duplicateEnvironment(let environment):
            return "environment \"\(environment.name)\" is given settings more than once"
        case .invalidArgument(let message):
            return message
        case .validationFailed(let message):
            return "validation failed, nothing was written: \(message)"
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason); the previous output is unchanged"
        }
    }
}
