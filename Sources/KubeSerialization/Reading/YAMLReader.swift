/// Reads YAML streams into ``Node`` trees, resolving scalars the way Kubernetes does.
///
/// The reader accepts the YAML 1.2 syntax that real manifests use — block and flow collections
/// (KYAML included), every scalar style, multi-document streams with directives, anchors,
/// aliases, merge keys, explicit keys and tags, a byte order mark and CRLF line breaks — and
/// resolves untagged plain scalars with the YAML 1.1 rules of go-yaml v2, which is what kubectl and
/// the API server use: `yes` and `on` are booleans, `0755` is 493, `1e3` is a float, timestamps stay
/// strings. Mapping keys become strings as `sigs.k8s.io/yaml` makes them (`true:` is `"true"`,
/// `010:` is `"8"`); null and collection keys are errors.
///
/// Where kubectl would send something the API server cannot take, the reader fails with a located
/// ``ReadError`` instead: duplicate keys, `.inf`/`.nan` values (JSON has no infinity), aliases to
/// unknown anchors. Two deliberate differences from kubectl:
///
/// - `!!binary` scalars keep their base64 text as a string. `sigs.k8s.io/yaml` decodes them to raw
///   bytes, which turns the base64 `data` of a Secret into garbage; the text is what the API expects.
/// - In a merge (`<<`), keys the mapping defines itself win over merged ones wherever the `<<` is
///   written, as the YAML merge specification says (go-yaml v2 lets a later `<<` overwrite them).
///
/// Syntax follows YAML 1.2 where go-yaml's YAML 1.1 parser is narrower, so some streams kubectl
/// rejects still read: `%YAML 1.2`, JSON's `\/` and `\uD83D\uDE00` escapes, a tab before a comment,
/// a bare document after `...`. A tag that contradicts its node (`!!map` on a scalar, `!!str` on a
/// sequence) is an error rather than silently ignored; unknown tags (`!Ref`) are ignored and keep a
/// scalar a string.
///
/// Numbers above `Int64.max` (up to `UInt64.max`) become ``Node/Content/double(_:)`` values, so
/// they lose precision beyond 2^53.
///
/// ```swift
/// let documents = try YAMLReader.readAll(text, file: "deploy.yaml")
/// for document in documents { print(document["kind"]?.jsonValue ?? "no kind") }
/// ```
public enum YAMLReader {
    /// Reads every document of a YAML stream, in order.
    ///
    /// Empty and comment-only documents, and documents whose root is null, are skipped, as kubectl
    /// skips them.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting, alias expansion and document size.
    /// - Returns: the root node of each non-empty document.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll(
        _ text: String, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try read(ReaderInput(text, file: file), limits: limits)
    }

    /// Reads every document of a YAML stream given as UTF-8 bytes (a `[UInt8]`, `Data`, ...).
    ///
    /// Invalid UTF-8 and control characters YAML does not allow are reported with their location.
    /// - Parameters:
    ///   - bytes: the UTF-8 encoded YAML text, optionally starting with a byte order mark.
    ///   - file: the file name to put in locations, or `nil` for in-memory input.
    ///   - limits: bounds on nesting, alias expansion and document size.
    /// - Returns: the root node of each non-empty document.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try read(ReaderInput(bytes, file: file), limits: limits)
    }

    static func read(_ input: ReaderInput, limits: ReaderLimits) throws(ReadError) -> [Node] {
        try input.validate(yaml: true)
        let start = input.byteOrderMarkLength
        return try input.storage.withUnsafeBufferPointer { (buffer) throws(ReadError) -> [Node] in
            let scanner = YAMLScanner(
                buffer: buffer, count: input.count, start: start, file: input.file, limits: limits)
            var composer = YAMLComposer(scanner: scanner, limits: limits)
            return try composer.readDocuments()
        }
    }
}
