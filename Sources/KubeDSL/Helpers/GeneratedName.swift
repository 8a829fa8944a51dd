/// Stable names built from parts, always valid for their kind.
///
/// ```swift
/// GeneratedName.make(["ml-platform", "Inference Service", "prod"], limit: .dnsLabel)
/// // "ml-platform-inference-service-prod-3f9a0c21be"  (hash added: the input was not a valid name)
/// GeneratedName.make(["api", "canary"])  // "api-canary" (already valid: kept as is)
/// ```
///
/// The parts are joined with `-`. When the result is already valid under the limit it is used
/// unchanged; otherwise it is lowercased, every disallowed character becomes `-`, it is cut to
/// fit, and `-` plus the first 10 hexadecimal digits (40 bits) of the SHA-256 of the original
/// text is appended. Different inputs that clean up to the same text still get different names,
/// and the same input always gets the same name.
public enum GeneratedName {
    /// The number of hexadecimal digits of the hash suffix.
    public static let hashLength = 10

    /// A valid name under `limit` for the parts.
    public static func make(_ parts: [String], limit: NameLimit = .dnsLabel) -> String {
        let joined = parts.filter { !$0.isEmpty }.joined(separator: "-")
        if limit.accepts(joined) { return joined }
        let hash = String(SHA256.hex(joined).prefix(hashLength))
        var body = Array(sanitize(joined, allowsDots: limit.allowsDots).utf8)
        let room = max(0, limit.maxLength - hashLength - 1)
        if body.count > room { body = Array(body.prefix(room)) }
        while let last = body.last, !NameLimit.isAlphanumeric(last) { body.removeLast() }
        var name = String(decoding: body, as: UTF8.self)
        if limit.requiresLeadingLetter, !(name.first.map { $0 >= "a" && $0 <= "z" } ?? false) {
            name = "x" + (name.isEmpty ? "" : "-" + name)
            if name.utf8.count > room { name = String(name.prefix(room)) }
            while let last = name.utf8.last, !NameLimit.isAlphanumeric(last) { name.removeLast() }
        }
        return name.isEmpty ? hash : name + "-" + hash
    }

    /// A valid name under `limit` for the parts.
    public static func make(_ parts: String..., limit: NameLimit = .dnsLabel) -> String {
        make(parts, limit: limit)
    }

    /// Lowercase; letters and digits kept; dots kept when allowed (and not doubled or next to
    /// a hyphen); everything else becomes a single hyphen; no leading or trailing separators.
    private static func sanitize(_ text: String, allowsDots: Bool) -> String {
        var output: [UInt8] = []
        for byte in text.lowercased().utf8 {
            if NameLimit.isAlphanumeric(byte) {
                output.append(byte)
                continue
            }
            let separator = allowsDots && byte == UInt8(ascii: ".") ? UInt8(ascii: ".") : UInt8(ascii: "-")
            guard let last = output.last else { continue }
            if last == UInt8(ascii: "-") || last == UInt8(ascii: ".") {
                if separator == UInt8(ascii: ".") { output[output.count - 1] = separator }
                continue
            }
            output.append(separator)
        }
        while let last = output.last, !NameLimit.isAlphanumeric(last) { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }
}
