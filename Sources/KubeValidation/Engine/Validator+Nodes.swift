import KubeModels
import KubeSerialization

extension Validator {
    /// Decodes documents as read from YAML or JSON with ``ValidationConfiguration/registry`` and
    /// validates them together.
    ///
    /// A document that does not decode (an unknown field, a wrong type, a missing required field)
    /// is reported as ``Rule/schema`` with the field path and the file, line and column of the
    /// offending value, and the other documents are still validated; so one bad document never
    /// hides the findings of the rest.
    ///
    /// ```swift
    /// let nodes = try ManifestReader.readAll(bytes, file: "deploy.yaml")
    /// let diagnostics = Validator().validate(nodes: nodes)
    /// ```
    ///
    /// - Parameter nodes: documents, such as those `ManifestReader.readAll(_:file:)` returns.
    /// - Returns: schema findings first, in input order, then the findings of ``validate(_:)-([ValidationDocument])``.
    public func validate(nodes: [Node]) -> [Diagnostic] {
        var documents: [ValidationDocument] = []
        var schemaFindings: [Diagnostic] = []
        documents.reserveCapacity(nodes.count)
        for node in nodes {
            do {
                documents.append(ValidationDocument(try configuration.registry.decode(node), node: node))
            } catch {
                guard configuration.isEnabled(Rule.schema.id) else { continue }
                schemaFindings.append(Self.schemaDiagnostic(for: error, node: node, configuration: configuration))
            }
        }
        return schemaFindings + validate(documents)
    }

    static func schemaDiagnostic(for error: any Error, node: Node, configuration: ValidationConfiguration)
        -> Diagnostic
    {
        let apiVersion = node["apiVersion"]?.jsonValue.stringValue ?? ""
        let kind = node["kind"]?.jsonValue.stringValue ?? ""
        let metadata = node["metadata"]
        let name = metadata?["name"]?.jsonValue.stringValue ?? metadata?["generateName"]?.jsonValue.stringValue ?? ""
        let namespace = metadata?["namespace"]?.jsonValue.stringValue
        let resource = ResourceReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
        let path: String
        let message: String
        let location: SourceLocation
        if let error = error as? ManifestError {
            path = error.path
            message = error.message
            location = error.location ?? node.location
        } else {
            path = ""
            message = String(describing: error)
            location = node.location
        }
        return Diagnostic(
            ruleID: Rule.schema.id, severity: .error, category: .api, resource: resource, fieldPath: path,
            message: message, location: location)
    }
}
