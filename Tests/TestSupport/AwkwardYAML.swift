/// Scalars that make libyaml choose each of its styles and rules when it writes them: plain,
/// single- and double-quoted, multi-line, indicators, leading and trailing space, breaks,
/// characters it escapes, YAML 1.1 lookalikes, keys too long or multi-line for a simple key. The
/// YAML emitter's and the Markdown front matter's tests write each.
public enum AwkwardYAML {
    public static let scalars: [String] = [
        "", " ", "plain", " leading", "trailing ", "two\nlines", "two\n\nparagraphs", "\nleading break", "trailing break\n",
        "space \nbreak", "break\n space", "a: b", "a:b", "ends:", "- item", "-item", "? key", "# hash", "a #b", "a#b", "[flow]",
        "{flow}", "a, b", "&anchor", "*alias", "!tag", "|literal", ">folded", "'single'", "\"double\"", "%directive", "@at",
        "`tick`", "---", "...", "--- x", "yes", "No", "ON", "~", "null", "12:30", "1.5", "-3", "0x1F", "2026-12-07", ".inf",
        "tab\there", "\u{01}control", "nel\u{85}x", "line\u{2028}sep", "bom\u{FEFF}x", "emoji 🗞️", "日本語", "Bogotá",
        "back\\slash", "it's", "\u{7F}del", "\r\nwindows", String(repeating: "long ", count: 40),
        String(repeating: "k", count: 129), "=", "<<",
    ]
}
