import Testing

@testable import Markdown

/// The exporter escapes ASCII text byte by byte (``MarkdownWriter/escapeASCII(_:inTable:inHeading:)``)
/// and other text Character by Character; the two walks must escape every ASCII text alike.
@Suite struct MarkdownEscapeTests {
    static let pieces = [
        "\\", "`", "[", "]", "*", " ", "\t", "\n", "\u{0B}", "\u{0C}", "_", "a", "Z", "0", "9", "<", "/", "!", "?", "&", "#", "x",
        "X", "F", "g", ";", "|", "~", "\u{01}", "\u{7F}", "amp", "#65", "#x1F", "-", ".",
    ]

    @Test func sameEscapesAsTheCharacterWalk() {
        var texts: [String] = []
        for a in Self.pieces { for b in Self.pieces { for c in Self.pieces { texts.append(a + b + c) } } }
        // Longer texts, deterministic.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += Self.pieces[Int(state >> 33) % Self.pieces.count]
            }
            texts.append(text)
        }
        var escaped = 0
        for text in texts {
            for (inTable, inHeading) in [(false, false), (true, false), (false, true)] {
                let bytes = MarkdownWriter.escapeASCII(text, inTable: inTable, inHeading: inHeading)
                let characters = MarkdownWriter.escapeCharacters(text, inTable: inTable, inHeading: inHeading)
                #expect(bytes == characters, "\(text.debugDescription) table \(inTable) heading \(inHeading)")
                if characters != text { escaped += 1 }
            }
        }
        // Not a test that cannot fail: most texts have something escaped.
        #expect(escaped > texts.count)
    }
}
