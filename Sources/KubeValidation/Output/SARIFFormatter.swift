import Foundation

/// Formats diagnostics as a SARIF 2.1.0 log with one run of the `kubekit` tool.
///
/// The run's driver lists every rule of ``rules`` (ID, summary, default level and category);
/// each result points at the file, line and column when known, and always names the resource
/// and field as a logical location (`Kind/namespace/name/fieldPath`).
public struct SARIFFormatter: DiagnosticFormatter {
    /// The tool version written into the log.
    public var toolVersion: String
    /// The rules to publish in the driver (the whole catalog by default).
    public var rules: [Rule]
    /// Whether to indent the output.
    public var prettyPrinted: Bool

    /// Creates a formatter.
    public init(toolVersion: String = "0.1.0", rules: [Rule] = Rule.catalog, prettyPrinted: Bool = false) {
        self.toolVersion = toolVersion
        self.rules = rules
        self.prettyPrinted = prettyPrinted
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name = "kubekit"
        let informationUri = "https://github.com/kubekit/kubekit"
        let version: String
        let rules: [RuleDescriptor]
    }

    struct Text: Encodable {
        let text: String
    }

    struct RuleDescriptor: Encodable {
        let id: String
        let shortDescription: Text
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct RuleProperties: Encodable {
        let category: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Text
        let locations: [Location]
        let properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        let category: String
        let apiVersion: String
        let kind: String
        let namespace: String?
        let name: String
        let fieldPath: String
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    struct LogicalLocation: Encodable {
        let name: String
        let fullyQualifiedName: String
        let kind = "object"
    }

    /// The SARIF log as JSON, followed by a newline.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var indexByID: [RuleID: Int] = [:]
        for (position, rule) in rules.enumerated() { indexByID[rule.id] = position }
        let descriptors = rules.map { rule in
            RuleDescriptor(
                id: rule.id.rawValue, shortDescription: Text(text: rule.summary),
                defaultConfiguration: Configuration(level: Self.level(rule.defaultSeverity)),
                properties: RuleProperties(category: rule.category.rawValue))
        }
        let results = diagnostics.map { diagnostic -> Result in
            let resource = diagnostic.resource
            var qualified = [resource.kind, resource.namespace, resource.name.isEmpty ? nil : resource.name]
                .compactMap { $0 }.joined(separator: "/")
            if !diagnostic.fieldPath.isEmpty { qualified += "/" + diagnostic.fieldPath }
            let logical = LogicalLocation(
                name: resource.name.isEmpty ? resource.kind : resource.name, fullyQualifiedName: qualified)
            var physical: PhysicalLocation?
            if let location = diagnostic.location, let file = location.file {
                physical = PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(for: file)),
                    region: Region(startLine: max(location.line, 1), startColumn: max(location.column, 1)))
            }
            return Result(
                ruleId: diagnostic.ruleID.rawValue, ruleIndex: indexByID[diagnostic.ruleID],
                level: Self.level(diagnostic.severity), message: Text(text: diagnostic.message),
                locations: [Location(physicalLocation: physical, logicalLocations: [logical])],
                properties: ResultProperties(
                    category: diagnostic.category.rawValue, apiVersion: resource.apiVersion, kind: resource.kind,
                    namespace: resource.namespace, name: resource.name, fieldPath: diagnostic.fieldPath))
        }
        let log = Log(runs: [
            Run(tool: Tool(driver: Driver(version: toolVersion, rules: descriptors)), results: results)
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative or absolute file path as a URI reference (percent-encoded where needed).
    static func uri(for file: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = file.addingPercentEncoding(withAllowedCharacters: allowed) ?? file
        return file.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
