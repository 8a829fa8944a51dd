import Foundation

/// Formats diagnostics as one JSON document with stable key order:
///
/// ```json
/// {"diagnostics":[{"category":"api","fieldPath":"metadata.name","location":{"column":9,"file":"deploy.yaml","line":4},
///   "message":"…","resource":{"apiVersion":"apps/v1","kind":"Deployment","name":"Bad_Name","namespace":"default"},
///   "ruleId":"K8S-NAME-DNS1123","severity":"error"}],"summary":{"errors":1,"infos":0,"warnings":0},"version":1}
/// ```
public struct JSONFormatter: DiagnosticFormatter {
    /// Whether to indent the output.
    public var prettyPrinted: Bool

    /// Creates a formatter.
    public init(prettyPrinted: Bool = false) {
        self.prettyPrinted = prettyPrinted
    }

    struct Document: Encodable {
        let version = 1
        let summary: DiagnosticSummary
        let diagnostics: [Entry]
    }

    struct Location: Encodable {
        let file: String?
        let line: Int
        let column: Int
    }

    struct Entry: Encodable {
        let ruleId: String
        let severity: String
        let category: String
        let resource: ResourceReference
        let fieldPath: String
        let message: String
        let location: Location?
    }

    /// The JSON document, followed by a newline.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        let document = Document(
            summary: DiagnosticSummary(diagnostics),
            diagnostics: diagnostics.map { diagnostic in
                Entry(
                    ruleId: diagnostic.ruleID.rawValue, severity: diagnostic.severity.rawValue,
                    category: diagnostic.category.rawValue, resource: diagnostic.resource,
                    fieldPath: diagnostic.fieldPath, message: diagnostic.message,
                    location: diagnostic.location.map { Location(file: $0.file, line: $0.line, column: $0.column) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
