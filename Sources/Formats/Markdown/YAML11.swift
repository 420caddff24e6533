import Foundation

/// What YAML 1.1 readers (PyYAML, Jekyll) take for another type than a string when it is written
/// plain, though YAML 1.2 and libyaml's emitter do not: `yes`, `off`, `y`, `12:30`.
enum YAML11 {
    /// Words YAML 1.1 reads as booleans, null or special floats.
    private static let yaml11Words: Set<String> = [
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", "", ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// YAML 1.1's numbers, sexagesimals and timestamps, compiled once.
    private static let yaml11Patterns: [NSRegularExpression] = [
        #"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"#,  // sexagesimal (`12:30`)
        #"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"#,  // integers and floats, any size
        #"^[-+]?0[xXoObB][0-9a-fA-F_]+$"#,  // hexadecimal, octal, binary
        #"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$"#,  // dates and timestamps
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Whether a plain scalar would read as something other than a string in YAML 1.1 (PyYAML).
    static func ambiguous(_ text: String) -> Bool {
        // The words are at most five characters, of at most three UTF-8 bytes each in any case.
        if text.utf8.count <= 15, yaml11Words.contains(text.lowercased()) { return true }
        // Every pattern starts with a sign, a dot or a digit: other text needs no regex (the
        // regex cost most of the Markdown export; `swift package benchmark --target MarkdownBatch`).
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return yaml11Patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }
}
