/// Reads Kubernetes manifest files the way `kubectl apply -f` does: JSON or YAML, decided by content.
///
/// A stream whose first character (after a byte order mark and whitespace) is `{` is read as a
/// stream of JSON values, anything else as YAML, as kubectl does. Unlike kubectl, a `{`-stream that
/// is not valid JSON gets a second chance as YAML (KYAML and other flow-style YAML often start with
/// `{`); if both fail, the error of the reader that got further is thrown, since that is most likely
/// the format that was meant.
///
/// Null documents (empty YAML documents, a JSON `null`) are skipped, as kubectl skips them.
public enum ManifestReader {
    /// Reads every manifest of a JSON or YAML stream, in order.
    /// - Parameters:
    ///   - text: the manifest text.
    ///   - file: the file name to put in locations, or `nil` for in-memory input or standard input.
    ///   - limits: bounds on nesting, alias expansion and document size.
    /// - Returns: the root node of each non-null document.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll(
        _ text: String, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try read(ReaderInput(text, file: file), limits: limits)
    }

    /// Reads every manifest of a JSON or YAML stream given as UTF-8 bytes (a `[UInt8]`, `Data`, ...).
    /// - Parameters:
    ///   - bytes: the UTF-8 encoded manifest text, optionally starting with a byte order mark.
    ///   - file: the file name to put in locations, or `nil` for in-memory input or standard input.
    ///   - limits: bounds on nesting, alias expansion and document size.
    /// - Returns: the root node of each non-null document.
    /// - Throws: ``ReadError`` with the location of the first problem.
    public static func readAll<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, file: String? = nil, limits: ReaderLimits = .default
    ) throws(ReadError) -> [Node] {
        try read(ReaderInput(bytes, file: file), limits: limits)
    }

    /// Whether the input looks like JSON to kubectl: its first non-whitespace character is `{`.
    static func looksLikeJSON(_ input: ReaderInput) -> Bool {
        var index = input.byteOrderMarkLength
        while index < input.count {
            switch input.storage[index] {
            case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn:
                index += 1
            case Byte.leftBrace:
                return true
            default:
                return false
            }
        }
        return false
    }

    static func read(_ input: ReaderInput, limits: ReaderLimits) throws(ReadError) -> [Node] {
        guard looksLikeJSON(input) else { return try YAMLReader.read(input, limits: limits) }
        let jsonError: ReadError
        do {
            return try JSONReader.readStream(input, limits: limits).filter { node in
                if case .null = node.content { return false }
                return true
            }
        } catch {
            jsonError = error
        }
        do {
            return try YAMLReader.read(input, limits: limits)
        } catch {
            let json = (jsonError.location.line, jsonError.location.column)
            let yaml = (error.location.line, error.location.column)
            throw yaml > json ? error : jsonError
        }
    }
}
