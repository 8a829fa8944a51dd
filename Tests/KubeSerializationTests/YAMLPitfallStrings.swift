/// Strings that trip YAML writers (from `../shared/corpus/YAML_PITFALLS.md` and the YAML 1.1/1.2
/// specifications), used as keys and values in the round-trip tests.
enum YAMLPitfallStrings {
    static let booleansAndNulls: [String] = [
        "y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "nO",
        "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "fAlSe",
        "on", "On", "ON", "oN", "off", "Off", "OFF", "oFf",
        "~", "null", "Null", "NULL", "nULL", "",
    ]

    static let numbers: [String] = [
        "0", "-0", "+0", "1", "-1", "+1", "0755", "0o17", "0o755", "0O17", "0x1F", "0X1F", "-0x1F", "0b101",
        "0B101", "-0b101", "1e3", "1E3", "1.0e3", "1.0e+3", "1e+3", "-1e-3", "6e2", "1e-7", "1.0e-07",
        ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "+.inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", ".iNf",
        "1_000", "1__0", "1_", "08", "09", "010", "0.5", "00", "12:30", "1:20:00", "-1:20", "190:20:30.15",
        "1:2", "1.10", ".5", "5.", "-.5", "+.5", "1.", ".", "..", "-.", "+", "+-1", "3.14", "1.14.2",
        "10.0.0.1", "1e", "0x", "0o", "0b", "0xdead_beef", "1a2b3c", "0e0", "1d", "1_2.3_4",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
        "1,000", "0.", "1e1_0",
    ]

    static let timestamps: [String] = [
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2024-01-02T03:04:05Z",
        "2001-12-15T02:59:43.1Z", "2001-1-1", "2002-12-14", "2024-01-02 03:04:05",
    ]

    static let spaces: [String] = [" leading", "trailing ", " ", "  ", "a  b", " both ", "a b"]

    static let indicators: [String] = [
        "-", "- a", "-a", "--flag", "--", "-c", "?", "? a", "?a", ":", ": a", ":a", "::1", ",", ",a", "[", "[a]",
        "]", "{", "{a}", "}", "#", "#a", "&", "&a", "*", "*a", "*.example.com", "!", "!a", "!!str", "|", "|a",
        ">", ">a", "'", "'a", "\"", "\"a", "%", "%a", "%YAML 1.2", "@", "@a", "`", "`a",
    ]

    static let insides: [String] = [
        "a: b", "a:b", "a:", "a :b", "a #b", "a#b", "a# b", "a ,b", "a,b", "a]", "a[0]", "a{b}", "a'b", "a\"b",
        "a\\b", "http://x:80/y?z=1#frag", "key: value: x", "a - b", "a | b", "a > b", "it's", "say \"hi\"",
        "nginx:1.14.2", "app.kubernetes.io/name", ".secret-file", "~/x", "${VAR}", "$(VAR)", "@{x}",
        "--port=8080", "100m", "1Gi", "1.5Gi", "10.0.0.0/16", "a=b", "<<a", "<", "==", "=a",
    ]

    static let documentMarkers: [String] = ["---", "...", "--- x", "... x", "---x", "...x", "----", "....", "--- "]

    static let special: [String] = ["<<", "=", "!!binary", "&anchor", "*alias"]

    static let controls: [String] = [
        "tab\tinside", "\t", "\tlead", "trail\t", "ctrl\u{07}bell", "\u{00}", "a\u{00}b", "\u{1B}esc", "\u{7F}",
        "del\u{7F}", "\u{80}", "\u{85}nel", "a\u{85}b", "\u{9F}", "\u{A0}nbsp", "nbsp\u{A0}", "a\u{2028}b",
        "a\u{2029}b", "\u{2028}", "\u{FEFF}bom", "x\u{FEFF}", scalar(0xFFFE), scalar(0xFFFF), "\r", "a\rb", "a\r\nb",
        "\u{0B}", "\u{0C}", "\u{08}", "\u{01}\u{02}\u{03}", "\u{1F}",
    ]

    static let unicode: [String] = [
        "é ü 中文", "😀", "a😀b", scalar(0x10FFFF), "\u{E000}", scalar(0xFDD0), "Ω", "ß", "\u{301}combining",
        "e\u{301}", "\u{3000}ideographic space", "zero\u{200B}width", "\u{FFFD}",
    ]

    static let multiline: [String] = [
        "a\nb", "a\nb\n", "a\nb\n\n", "a\n\nb", "\n", "\na", "\n\n", "a\n", " indented first\nsecond\n",
        "  two\nlines", "trailing space \nline2", "a\tb\nc\n", "x\r\ny\n", "a\n  \nb\n", "a\n---\nb", "a\n...\nb",
        "---\na", "# not comment\nb", "line\\\nnext", "\tleading tab\nsecond", "a\n\tb", "a\n b\n  c",
        "a\n\n\n", "x\n- y", "key: v\nother: w", "trail tab\t\nx", "a\n ", "a\n\t", " \na", "a\u{85}\nb",
        "'quoted'\nline", "\"dq\"\nline", "|\n>", "%YAML\nx", "null\n", "true\n", "0755\n", "é\n中文\n",
        "😀\nx", "a\n\n b", "  \n", "x\n\n\n\ny", "#!/bin/sh\nset -e\necho \"hi\" | tr a b\n",
    ]

    static let backslashes: [String] = ["\\", "\\n", "C:\\path\\to", "\\\"", "a\\", "\\/"]

    static let long: [String] = [
        String(repeating: "k", count: 129), String(repeating: "k", count: 998), String(repeating: "k", count: 1000),
        String(repeating: "k", count: 1001), String(repeating: "k", count: 2000), String(repeating: "é", count: 600),
        String(repeating: "word ", count: 300) + "end", String(repeating: "a: ", count: 400) + "b",
        String(repeating: "\u{01}", count: 300), String(repeating: "'", count: 600),
        String(repeating: "line of text\n", count: 200),
    ]

    /// The one-character string of `value` (literals cannot spell some non-characters).
    static func scalar(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    /// Every string above, without duplicates, in a stable order.
    static let all: [String] = {
        var seen = Set<String>()
        var result: [String] = []
        for group in [
            booleansAndNulls, numbers, timestamps, spaces, indicators, insides, documentMarkers, special,
            controls, unicode, multiline, backslashes, long,
        ] {
            for string in group where seen.insert(string).inserted {
                result.append(string)
            }
        }
        return result
    }()
}
