// The rule reported for documents that cannot be decoded into the model of their kind: the
// API server refuses them before any other check runs (strict field validation).

extension Rule {
    /// A document does not match the schema of its kind: an unknown field, a value of the wrong
    /// type, a missing required field or a value outside an enumeration.
    ///
    /// Reported by ``Validator/validate(nodes:)`` (and `kubekit validate`), which decode each
    /// document themselves; ``Validator/validate(_:)-([Manifest])`` receives models that decoded.
    public static let schema = Rule(
        "K8S-SCHEMA", .error, .api,
        "The document must match the schema of its kind: no unknown fields, values of the declared types, required fields present."
    )

    /// The rules about documents as read, before they are models.
    public static let schemaCatalog: [Rule] = [schema]
}
