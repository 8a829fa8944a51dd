import Dispatch
import Foundation
import KubeModels
import KubeSerialization

/// Checks a whole set of manifests at once and returns every finding as a ``Diagnostic``.
///
/// ```swift
/// let manifests = try ResourceRegistry.kubernetes.decodeStream(ndjson: data)
/// let diagnostics = Validator().validate(manifests)
/// let failed = diagnostics.contains { $0.severity == .error }
/// print(TextFormatter().format(diagnostics))
/// ```
///
/// All documents are validated together: cross-resource checks (Pod Security levels from
/// Namespace labels, PodDisruptionBudget and NetworkPolicy coverage, HPA targets, and the
/// ``PolicySet/crossResource`` rules: references, selectors, HPA/PDB conflicts, quota capacity)
/// see the whole input. `List` documents are expanded into their items. The result is sorted with
/// ``Diagnostic/stableOrder(_:_:)``, so the same input always produces the same output.
public struct Validator: Sendable {
    /// What to check and how to report it.
    public var configuration: ValidationConfiguration

    /// Creates a validator.
    public init(configuration: ValidationConfiguration = ValidationConfiguration()) {
        self.configuration = configuration
    }

    /// Validates manifests that carry no source locations.
    public func validate(_ manifests: [Manifest]) -> [Diagnostic] {
        validate(manifests.map { ValidationDocument($0) })
    }

    /// Validates documents; findings carry file and line where the documents have nodes.
    public func validate(_ documents: [ValidationDocument]) -> [Diagnostic] {
        validate(documents, workers: min(ProcessInfo.processInfo.activeProcessorCount, 16))
    }

    /// Validates documents with at most `workers` threads (the result does not depend on it).
    func validate(_ documents: [ValidationDocument], workers: Int) -> [Diagnostic] {
        let sets = configuration.policySets
        var expansionDiagnostics: [Diagnostic] = []
        let indexed = expand(documents, diagnostics: &expansionDiagnostics)
        let index = ClusterIndex(documents: indexed)
        let ecosystem =
            sets.contains(.apiServer) || sets.contains(.crossResource)
            ? EcosystemIndex(documents: indexed) : EcosystemIndex()
        let crossResource =
            sets.contains(.crossResource)
            ? CrossResourceIndex(documents: indexed, cluster: index, ecosystem: ecosystem, configuration: configuration)
            : nil
        let shared = SharedIndexes(cluster: index, ecosystem: ecosystem, crossResource: crossResource)
        // The indexes are complete and read-only from here on, so documents are checked in
        // parallel: contiguous chunks, each with its own context, joined in input order.
        let chunks = Self.chunks(of: indexed, workers: workers)
        var results = [[Diagnostic]](repeating: [], count: chunks.count)
        if chunks.count == 1 {
            results[0] = check(indexed, in: chunks[0], shared: shared)
        } else {
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = ResultSlots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
                    slots.store(check(indexed, in: chunks[chunk], shared: shared), at: chunk)
                }
            }
        }
        // Each chunk's findings are sorted (and free of repeats) per document already; only
        // findings about List expansion need a merge.
        if expansionDiagnostics.isEmpty && results.count == 1 { return results[0] }
        var all: [Diagnostic] = []
        all.reserveCapacity(results.reduce(expansionDiagnostics.count) { $0 + $1.count })
        for result in results { all.append(contentsOf: result) }
        guard !expansionDiagnostics.isEmpty else { return all }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(all.count)
        for diagnostic in Self.sorted(expansionDiagnostics + all) where unique.last != diagnostic {
            unique.append(diagnostic)
        }
        return unique
    }

    /// The whole-input indexes every document's checks read.
    private struct SharedIndexes: Sendable {
        let cluster: ClusterIndex
        let ecosystem: EcosystemIndex
        let crossResource: CrossResourceIndex?
    }

    /// One result slot per chunk, each written by exactly one worker of `concurrentPerform`
    /// before the buffer is read again, so no two threads ever touch the same element.
    private struct ResultSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<[Diagnostic]>

        func store(_ diagnostics: [Diagnostic], at chunk: Int) {
            buffer[chunk] = diagnostics
        }
    }

    /// Inputs smaller than this are checked on the calling thread.
    static let parallelThreshold = 2_000

    /// Splits the documents into contiguous ranges for parallel checking, never separating the
    /// items of one `List` (they share a position and are sorted together).
    static func chunks(of documents: [IndexedDocument], workers: Int) -> [Range<Int>] {
        guard documents.count >= parallelThreshold, workers > 1 else { return [0..<documents.count] }
        let target = max(250, documents.count / (workers * 4))
        var chunks: [Range<Int>] = []
        var start = 0
        while start < documents.count {
            var end = min(documents.count, start + target)
            while end < documents.count && documents[end].position == documents[end - 1].position { end += 1 }
            chunks.append(start..<end)
            start = end
        }
        return chunks
    }

    /// Checks `documents[range]` with a context of its own; the findings come back sorted with
    /// ``Diagnostic/stableOrder(_:_:)`` (documents are in position order, each sorted on its own).
    private func check(_ documents: [IndexedDocument], in range: Range<Int>, shared: SharedIndexes) -> [Diagnostic] {
        let sets = configuration.policySets
        let context = ValidationContext(configuration: configuration, index: shared.cluster)
        let podSecurity = PodSecurityEvaluator(configuration: configuration)
        let runsPodSecurity =
            sets.contains(.podSecurityAdmission) || sets.contains(.podSecurityBaseline)
            || sets.contains(.podSecurityRestricted)
        let needsSite = runsPodSecurity || sets.contains(.bestPractice)
        var groupStart = 0
        for offset in range {
            let document = documents[offset]
            if offset > range.lowerBound && document.position != documents[offset - 1].position {
                context.sortDiagnostics(from: groupStart)
                groupStart = context.diagnostics.count
            }
            context.begin(document)
            if sets.contains(.apiServer) {
                APIRules.check(document, in: context)
                if let object = shared.ecosystem.objects[offset] {
                    EcosystemRules.check(object, document: document, index: shared.ecosystem, in: context)
                }
            }
            let site =
                shared.crossResource.map { $0.sites[offset] }
                ?? (needsSite ? PodTemplateSite.extract(from: document.manifest) : nil)
            if let crossResource = shared.crossResource {
                CrossResourceRules.check(document, offset: offset, site: site, index: crossResource, in: context)
            }
            if runsPodSecurity, let site {
                podSecurity.check(document, site: site, in: context)
            }
            if sets.contains(.bestPractice) {
                BestPracticeRules.check(document, site: site, in: context)
            }
        }
        context.sortDiagnostics(from: groupStart)
        return context.diagnostics
    }

    /// Sorts with ``Diagnostic/stableOrder(_:_:)``. Findings arrive grouped by document, so each
    /// group is sorted on its own and the groups merged by position: no full sort of large inputs.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var groups: [Int: [Diagnostic]] = [:]
        var unplaced: [Diagnostic] = []
        for diagnostic in diagnostics {
            if let position = diagnostic.documentIndex {
                groups[position, default: []].append(diagnostic)
            } else {
                unplaced.append(diagnostic)
            }
        }
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        for position in groups.keys.sorted() {
            guard let group = groups[position] else { continue }
            result.append(contentsOf: group.count > 1 ? group.sorted(by: Diagnostic.stableOrder) : group)
        }
        result.append(contentsOf: unplaced.sorted(by: Diagnostic.stableOrder))
        return result
    }

    /// Flattens `List` documents and works out each object's reference and namespace.
    private func expand(_ documents: [ValidationDocument], diagnostics: inout [Diagnostic]) -> [IndexedDocument] {
        var result: [IndexedDocument] = []
        result.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() {
            append(document, position: position, depth: 0, to: &result, diagnostics: &diagnostics)
        }
        return result
    }

    /// Appends a document, or the items of a `List` (recursively; a List without items adds nothing).
    private func append(
        _ document: ValidationDocument, position: Int, depth: Int, to result: inout [IndexedDocument],
        diagnostics: inout [Diagnostic]
    ) {
        guard case .unstructured(let object) = document.manifest.content, object.kind.hasSuffix("List"), depth < 16,
            object.kind == "List" || object.body["items"]?.arrayValue != nil
        else {
            result.append(indexed(document, position: position))
            return
        }
        let items = object.body["items"]?.arrayValue ?? []
        var itemNodes: [Node]?
        if case .sequence(let nodes)? = document.node?["items"]?.content { itemNodes = nodes }
        for (offset, item) in items.enumerated() {
            let itemNode = itemNodes.flatMap { offset < $0.count ? $0[offset] : nil }
            let location = itemNode?.location ?? document.location
            do {
                let manifest = try configuration.registry.decode(item)
                append(
                    ValidationDocument(manifest, node: itemNode, location: location), position: position,
                    depth: depth + 1,
                    to: &result, diagnostics: &diagnostics)
            } catch {
                guard configuration.isEnabled(Rule.listItem.id) else { continue }
                let reference = ResourceReference(
                    apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace,
                    name: object.metadata.name ?? "")
                diagnostics.append(
                    Diagnostic(
                        ruleID: Rule.listItem.id, severity: .error, category: .api, resource: reference,
                        fieldPath: "items[\(offset)]",
                        message: "this List item cannot be decoded, so it was not validated: \(error)",
                        location: location, documentIndex: position))
            }
        }
    }

    private func indexed(_ document: ValidationDocument, position: Int) -> IndexedDocument {
        let manifest = document.manifest
        let metadata = manifest.metadata
        var namespace: String?
        switch manifest.isNamespaced {
        case true?:
            namespace = metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? configuration.defaultNamespace
        case false?:
            namespace = nil
        case nil:
            namespace = metadata.namespace
        }
        let name = metadata.name.flatMap { $0.isEmpty ? nil : $0 } ?? metadata.generateName ?? ""
        let reference = ResourceReference(
            apiVersion: manifest.apiVersion, kind: manifest.kind, namespace: namespace, name: name)
        return IndexedDocument(
            position: position, manifest: manifest, node: document.node, location: document.location,
            reference: reference, namespace: namespace)
    }
}
