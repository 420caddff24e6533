import NewsYAML

/// Deterministic pseudo-random YAML documents as events: mappings of sequences and mappings, a
/// few levels deep, with scalars that make libyaml choose each of its styles and rules.
struct YAMLEventGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// Scalars that meet libyaml's rules: plain, quoted, multi-line, indicators, leading and
    /// trailing space, breaks, characters it escapes, YAML 1.1 lookalikes, keys too long or
    /// multi-line for a simple key.
    static let awkward: [String] = [
        "", " ", "plain", " leading", "trailing ", "two\nlines", "two\n\nparagraphs", "\nleading break", "trailing break\n",
        "space \nbreak", "break\n space", "a: b", "a:b", "ends:", "- item", "-item", "? key", "# hash", "a #b", "a#b", "[flow]",
        "{flow}", "a, b", "&anchor", "*alias", "!tag", "|literal", ">folded", "'single'", "\"double\"", "%directive", "@at",
        "`tick`", "---", "...", "--- x", "yes", "No", "ON", "~", "null", "12:30", "1.5", "-3", "0x1F", "2026-12-07", ".inf",
        "tab\there", "\u{01}control", "nel\u{85}x", "line\u{2028}sep", "bom\u{FEFF}x", "emoji 🗞️", "日本語", "Bogotá",
        "back\\slash", "it's", "\u{7F}del", "\r\nwindows", String(repeating: "long ", count: 40),
        String(repeating: "k", count: 129), "=", "<<",
    ]

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }

    mutating func scalar<Sink: YAMLEvents>(into sink: inout Sink) {
        sink.scalar(Self.awkward[next(Self.awkward.count)], doubleQuoted: next(5) == 0)
    }

    mutating func value<Sink: YAMLEvents>(into sink: inout Sink, depth: Int) {
        switch depth > 2 ? 0 : next(4) {
        case 1:
            sink.beginSequence()
            for _ in 0..<next(4) { value(into: &sink, depth: depth + 1) }
            sink.endSequence()
        case 2:
            mapping(into: &sink, depth: depth + 1)
        default:
            scalar(into: &sink)
        }
    }

    mutating func mapping<Sink: YAMLEvents>(into sink: inout Sink, depth: Int) {
        sink.beginMapping()
        // Distinct keys: a document the composers must read, not refuse for duplicates.
        var used = Set<String>()
        for _ in 0..<next(5) {
            let key = Self.awkward[next(Self.awkward.count)]
            guard used.insert(key).inserted else { continue }
            sink.scalar(key, doubleQuoted: next(5) == 0)
            value(into: &sink, depth: depth)
        }
        sink.endMapping()
    }

    mutating func document<Sink: YAMLEvents>(into sink: inout Sink) { mapping(into: &sink, depth: 0) }
}
