import Foundation

/// One line of the source, with its 1-based line number.
struct SourceLine {
    var text: Substring
    var number: Int

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
    var isIndented: Bool { text.first == " " || text.first == "\t" }
    var trimmed: Substring {
        var s = text
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}

/// A paragraph: the source lines it was made from, and its text with hard wraps joined.
struct WireParagraph {
    var lines: [SourceLine]

    var text: String {
        lines.map { String($0.trimmed) }.joined(separator: " ")
    }

    var firstLine: Int { lines.first?.number ?? 1 }
}

/// Splits wire text into paragraphs, the way agencies lay them out:
/// blank-line separated blocks; inside a block, one paragraph per line unless the block is
/// hard-wrapped (short lines that mostly end mid-sentence), and then a new paragraph at each
/// indented line.
enum WireLayout {
    /// A run of blank lines is kept as its first: blank lines only separate blocks, and 21 MB of
    /// them were 21 million entries, 2 GB (issue 21). Each line keeps its number in the file.
    static func lines(of text: String, firstLineNumber: Int = 1) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = firstLineNumber
        var previousBlank = false
        // Line by line (as `split(separator: "\n", omittingEmptySubsequences: false)` gives
        // them), without an array of every line first.
        // The text's line ends are LF by now: found in its UTF-8 bytes, no grapheme breaking.
        let utf8 = text.utf8
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = SourceLine(text: text[start..<end], number: number)
            number += 1
            let blank = line.isBlank
            if !(blank && previousBlank) { result.append(line) }
            previousBlank = blank
            if end == utf8.endIndex { break }
            start = utf8.index(after: end)
        }
        return result
    }

    /// Blank-line separated blocks of non-blank lines.
    static func blocks(_ lines: [SourceLine]) -> [[SourceLine]] {
        var blocks: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// The paragraphs of a block.
    static func paragraphs(of block: [SourceLine]) -> [WireParagraph] {
        guard block.count > 1 else { return block.map { WireParagraph(lines: [$0]) } }
        if isHardWrapped(block) {
            var result: [WireParagraph] = []
            var current: [SourceLine] = []
            let allIndented = block.allSatisfy(\.isIndented)
            for line in block {
                let item = startsListItem(line)
                let inItem = current.first.map(startsListItem) ?? false
                if !current.isEmpty, item || (line.isIndented && !allIndented && !inItem) {
                    result.append(WireParagraph(lines: current))
                    current = []
                }
                current.append(line)
            }
            if !current.isEmpty { result.append(WireParagraph(lines: current)) }
            return result
        }
        return block.map { WireParagraph(lines: [$0]) }
    }

    /// A line that opens a list item (`- `, `* `, `• `).
    static func startsListItem(_ line: SourceLine) -> Bool {
        let text = line.trimmed
        return text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ")
    }

    /// Whether a line ends a sentence: with `.`, `!`, `?`, `:` or `;`, before any closing quotes
    /// and brackets. A quote that closes mid-sentence (`tonight,"`, `"not ready"`) does not.
    static func endsSentence(_ line: SourceLine) -> Bool {
        let text = line.trimmed
        guard let last = text.last(where: { !"\"”»)'’".contains($0) }) else { return false }
        return ".!?:;".contains(last)
    }

    /// Hard-wrapped text has lines of at most about 100 characters, most of which end mid-sentence.
    static func isHardWrapped(_ block: [SourceLine]) -> Bool {
        let body = block.dropLast()
        guard !body.isEmpty, block.allSatisfy({ $0.trimmed.count <= 100 }) else { return false }
        let ending = body.filter(endsSentence).count
        return Double(ending) < Double(body.count) * 0.5
    }
}
