import Foundation
import NewsCore

/// Writes an article's heads, body and end matter as CommonMark, escaped so that text never turns
/// into markup: whatever a paragraph holds (`1. `, `# `, `*`, `_`, `` ` ``, `[`, `<`, `&`), a
/// CommonMark parser reads the same literal text back. Tables are GitHub-style pipe tables (an
/// extension CommonMark itself does not have; a plain CommonMark parser shows them as text).
struct MarkdownWriter {
    var diagnostics: [Diagnostic] = []
    let location: SourceLocation
    private var out = ""
    /// The last block written at this level: two lists in a row need different markers, or
    /// CommonMark reads them as one list.
    private var previousList: (ordered: Bool, alternate: Bool)?

    init(location: SourceLocation) { self.location = location }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("markdown.export.\(code)", message, at: location)
    }

    /// `# Headline`, `## ` subheadlines, the body with the dateline leading its first paragraph
    /// in bold, then the sign-off. The trailers (desk initials, `(Reporting by ...)`) are end
    /// matter, not story: the front matter's `trailers` holds them.
    mutating func body(_ article: Article) -> String {
        out = ""
        if let headline = article.headline { block("# " + Self.escapeHeading(headline)) }
        for sub in article.subheadlines { block("## " + Self.escapeHeading(sub)) }
        var blocks = article.body[...]
        if let dateline = article.dateline, !dateline.text.isEmpty {
            var lead = "**" + Self.escape(dateline.text, atLineStart: false) + "**"
            if case .paragraph(let content)? = blocks.first {
                lead += " " + inlines(Self.withoutEdgeBreaks(content))
                blocks = blocks.dropFirst()
            }
            block(lead)
        }
        for item in blocks { write(item, prefix: "") }
        if let signOff = article.signOff { block(Self.escape(signOff)) }
        return out
    }

    /// A line break at the start or end of a paragraph shows nothing, and Markdown cannot write
    /// one there (a final `\` is a literal backslash).
    static func withoutEdgeBreaks(_ content: [Inline]) -> [Inline] {
        var result = content[...]
        while case .lineBreak? = result.first { result = result.dropFirst() }
        while case .lineBreak? = result.last { result = result.dropLast() }
        return Array(result)
    }

    /// Blocks alone (an abstract).
    mutating func blocks(_ blocks: [Block]) -> String {
        out = ""
        for item in blocks { write(item, prefix: "") }
        return out
    }

    /// Appends a block, separated from the previous one by a blank line; `prefix` starts every
    /// line (`> ` inside a quote, indentation inside a list item).
    private mutating func block(_ text: String, prefix: String = "") {
        guard !text.isEmpty else { return }
        if !out.isEmpty { out += prefix.trimmingTrailingSpaces + "\n" }
        // Without a prefix the lines are the text as it is (splitting every paragraph into
        // Characters cost a tenth of the export; `swift package benchmark --target MarkdownBatch`).
        guard !prefix.isEmpty else {
            out += text + "\n"
            return
        }
        out += text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n") + "\n"
    }

    private mutating func write(_ item: Block, prefix: String) {
        let previous = previousList
        previousList = nil
        switch item {
        case .paragraph(let content):
            block(inlines(Self.withoutEdgeBreaks(content)), prefix: prefix)
        case .heading(let level, let content):
            block(String(repeating: "#", count: min(max(level, 1), 6)) + " " + inlines(content, inHeading: true), prefix: prefix)
        case .blockQuote(let inner):
            var nested = MarkdownWriter(location: location)
            for part in inner { nested.write(part, prefix: "") }
            diagnostics += nested.diagnostics
            block(
                nested.out.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.isEmpty ? ">" : "> " + $0
                }.joined(separator: "\n"), prefix: prefix)
        case .list(let ordered, let items):
            let alternate = previous.map { $0.ordered == ordered && !$0.alternate } ?? false
            previousList = (ordered, alternate)
            var lines: [String] = []
            for (index, itemBlocks) in items.enumerated() {
                let marker = ordered ? "\(index + 1)\(alternate ? ")" : ".") " : (alternate ? "* " : "- ")
                var nested = MarkdownWriter(location: location)
                for part in itemBlocks { nested.write(part, prefix: "") }
                diagnostics += nested.diagnostics
                let body = nested.out.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false)
                let indent = String(repeating: " ", count: marker.count)
                for (number, line) in body.enumerated() {
                    lines.append(number == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
                }
                if body.isEmpty { lines.append(marker.trimmingTrailingSpaces) }
            }
            block(lines.joined(separator: "\n"), prefix: prefix)
        case .preformatted(let text):
            let longest = Self.longestRun(of: "`", in: text)
            let fence = String(repeating: "`", count: max(3, longest + 1))
            block(fence + "\n" + text + "\n" + fence, prefix: prefix)
        case .media(let media):
            block(image(media), prefix: prefix)
        case .table(let table):
            block(pipeTable(table), prefix: prefix)
        case .horizontalRule:
            block("* * *", prefix: prefix)
        case .raw(let format, let text):
            if format == "markdown" || format == "html" {
                block(text, prefix: prefix)
            } else {
                warn("dropped-raw", "raw \(format) content has no place in Markdown; dropped")
            }
        }
    }

    /// `![title](href "caption")`, and the credit on the next line as `*Credit: ...*`.
    private mutating func image(_ media: MediaItem) -> String {
        guard let href = media.href else {
            warn("media-without-file", "a media item without a file cannot be an image; its caption is written as a paragraph")
            return Self.escape(media.caption ?? media.title ?? "")
        }
        var text = "![" + Self.escape(media.title ?? "", atLineStart: false) + "](" + Self.destination(href)
        if let caption = media.caption { text += " \"" + Self.escapeTitle(caption) + "\"" }
        text += ")"
        if let credit = media.credit { text += "\n*" + MarkdownVocabulary.creditPrefix + Self.escape(credit, atLineStart: false) + "*" }
        if media.kind != nil && media.kind != .picture && media.kind != .graphic {
            warn("media-kind", "Markdown images are pictures: \(media.kind!.rawValue) is written as an image link")
        }
        if !media.renditions.isEmpty || media.mediaType != nil || media.id != nil {
            warn("media-details", "a body picture's id, media type and renditions have no Markdown form; dropped")
        }
        return text
    }

    private mutating func pipeTable(_ table: Block.Table) -> String {
        let width = table.rows.map(\.cells.count).max() ?? 0
        guard width > 0 else { return "" }
        func row(_ cells: [[Inline]]) -> String {
            let texts = (0..<width).map { $0 < cells.count ? inlines(cells[$0], inTable: true) : "" }
            return "| " + texts.joined(separator: " | ") + " |"
        }
        var rows = table.rows
        var lines: [String] = []
        if let first = rows.first, first.isHeader {
            lines.append(row(first.cells))
            rows.removeFirst()
        } else {
            lines.append(row(Array(repeating: [], count: width)))
        }
        lines.append("|" + String(repeating: " --- |", count: width))
        for body in rows {
            if body.isHeader { warn("table-header-rows", "a pipe table has one header row; later header rows are written as body rows") }
            lines.append(row(body.cells))
        }
        if !table.caption.isEmpty {
            lines.insert("*" + inlines(table.caption) + "*", at: 0)
            lines.insert("", at: 1)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Inlines

    private mutating func inlines(_ content: [Inline], inHeading: Bool = false, inTable: Bool = false, nested: Bool = false) -> String {
        // Code spans side by side would merge (their backtick runs touch): they are one span
        // (empty texts between them are nothing).
        var content = content
        if content.count > 1 {
            var merged: [Inline] = []
            for inline in content {
                if case .text("") = inline { continue }
                if case .code(let next) = inline, case .code(let previous)? = merged.last {
                    merged[merged.count - 1] = .code(previous + next)
                } else {
                    merged.append(inline)
                }
            }
            content = merged
        }
        var text = ""
        // A line starts the paragraph, and after a hard line break (where `# `, `- ` or `> ` would
        // begin a block too). The content of emphasis or a link never does: its delimiter comes first.
        var lineStart = !inHeading && !inTable && !nested
        for inline in content {
            let atStart = lineStart
            lineStart = false
            switch inline {
            case .text(let value):
                text += inHeading ? Self.escapeHeading(value) : Self.escape(value, atLineStart: atStart, inTable: inTable)
            case .emphasis(let inner):
                // Delimiters next to delimiters of the same character would merge (`*a**b*`).
                text += Self.delimited(inlines(inner, inHeading: inHeading, inTable: inTable, nested: true), "*", after: text.last)
            case .strong(let inner):
                text += Self.delimited(inlines(inner, inHeading: inHeading, inTable: inTable, nested: true), "**", after: text.last)
            case .code(let value):
                let ticks = String(repeating: "`", count: Self.longestRun(of: "`", in: value) + 1)
                let padded =
                    value.hasPrefix("`") || value.hasSuffix("`")
                        || (value.hasPrefix(" ") && value.hasSuffix(" ") && !value.allSatisfy { $0 == " " }) ? " \(value) " : value
                text += ticks + (inTable ? padded.replacingOccurrences(of: "|", with: "\\|") : padded) + ticks
            case .link(let href, let title, let inner):
                text += "[" + inlines(inner, inHeading: inHeading, inTable: inTable, nested: true) + "](" + Self.destination(href)
                if let title { text += " \"" + Self.escapeTitle(title) + "\"" }
                text += ")"
            case .lineBreak:
                // A heading or a table cell is one line.
                text += inTable || inHeading ? " " : "\\\n"
                if inTable { warn("table-line-break", "a line break inside a table cell has no pipe-table form; written as a space") }
                if inHeading { warn("heading-line-break", "a line break inside a heading has no Markdown form; written as a space") }
                lineStart = !inTable && !inHeading
            case .quote(let inner):
                text += "\u{201C}" + inlines(inner, inHeading: inHeading, inTable: inTable, nested: true) + "\u{201D}"
                warn("quote-as-text", "inline quotations are written as text between quotation marks (Markdown has no quotation element)")
            case .mention(let mention):
                // Written bare, the mention's text starts where the mention does.
                text += inlines(mention.content, inHeading: inHeading, inTable: inTable, nested: !atStart)
                warn("mention-as-text", "entity mentions (people, organisations, places in the text) are written as plain text")
            case .raw(let format, let value):
                if format == "markdown" || format == "html" {
                    text += value
                } else {
                    warn("dropped-raw", "raw \(format) content has no place in Markdown; dropped")
                }
            }
        }
        return text
    }

    /// Emphasis around content. Delimiters next to whitespace would not be emphasis, so spaces at
    /// the edges are written outside them (no visible change); other whitespace there (a no-break
    /// space) becomes a character reference.
    /// `*` delimiters right after a `*` would merge with it (`*a**b*`): `_` is used there.
    static func delimited(_ content: String, _ mark: String, after previous: Character?) -> String {
        var inner = Substring(content)
        var before = ""
        var after = ""
        while inner.first == " " {
            before += " "
            inner = inner.dropFirst()
        }
        while inner.last == " " {
            after += " "
            inner = inner.dropLast()
        }
        guard !inner.isEmpty else { return before + after }
        let mark = before.isEmpty && previous == "*" ? mark.replacingOccurrences(of: "*", with: "_") : mark
        return before + mark + String(inner).withEscapedEdges + mark + after
    }

    // MARK: Escaping

    /// Escapes text so that it reads back as the same literal text. Backslash-escaped: `\`, `*`,
    /// `` ` ``, `[`, `]`, `~`; `_` unless it stands inside a word (where it cannot be emphasis);
    /// `<` before what could be a tag or autolink; `&` before what could be an entity; `|` in table
    /// cells; and at the start of a line whatever would begin a block (`#`, `>`, `-`, `+`, `=`, `1.`).
    static func escape(_ text: String, atLineStart: Bool = true, inTable: Bool = false, inHeading: Bool = false) -> String {
        // Most text has none of the characters below: it is itself (a per-character walk cost a
        // fifth of the Markdown export; `swift package benchmark --target MarkdownBatch`).
        if !text.utf8.contains(where: { Self.mayNeedEscape($0) || (inHeading && $0 == UInt8(ascii: "#")) }) {
            return atLineStart ? escapeLineStart(text) : text
        }
        // ASCII text without carriage returns is a Character a byte: the same rules, read off the
        // bytes (the Character walk was 14% of a G2 -> Markdown batch; `swift package benchmark
        // --target MarkdownBatch`). `MarkdownEscapeTests` holds the two walks equal.
        let escaped =
            text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
            ? escapeASCII(text, inTable: inTable, inHeading: inHeading)
            : escapeCharacters(text, inTable: inTable, inHeading: inHeading)
        return atLineStart ? escapeLineStart(escaped) : escaped
    }

    /// The escapes of ``escape(_:atLineStart:inTable:inHeading:)`` inside a text, Character by Character.
    static func escapeCharacters(_ text: String, inTable: Bool, inHeading: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            var needsEscape = false
            switch character {
            case "\\", "`", "[", "]": needsEscape = true
            // A `*` between spaces can open or close no emphasis (CommonMark's flanking rules):
            // `5 * 3` stays as it is. At a text's edge the neighbour is unknown: escaped.
            case "*": needsEscape = !(previous?.isWhitespace == true && next?.isWhitespace == true)
            // CommonMark has no strikethrough: a `~` matters only as a code fence opening a line.
            case "~": needsEscape = false
            case "_": needsEscape = !(previous.map(isWordCharacter) == true && next.map(isWordCharacter) == true)
            case "<": needsEscape = next.map { $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
            case "&": needsEscape = startsEntity(characters[(index + 1)...])
            case "|": needsEscape = inTable
            case "#": needsEscape = inHeading
            default: break
            }
            // A control character is written as a character reference, which CommonMark reads
            // back as the same character: raw, a file of them reads as binary.
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, Self.isControl(scalar) {
                result += "&#\(scalar.value);"
                continue
            }
            if needsEscape { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }

    /// ``escapeCharacters(_:inTable:inHeading:)`` for ASCII text without carriage returns, where
    /// each byte is a Character: the same rules on bytes.
    static func escapeASCII(_ text: String, inTable: Bool, inHeading: Bool) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isNumber(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        for index in bytes.indices {
            let byte = bytes[index]
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            var needsEscape = false
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"): needsEscape = true
            case UInt8(ascii: "*"): needsEscape = !(previous.map(isWhitespace) == true && next.map(isWhitespace) == true)
            case UInt8(ascii: "_"):
                needsEscape = !(previous.map { isLetter($0) || isNumber($0) } == true && next.map { isLetter($0) || isNumber($0) } == true)
            case UInt8(ascii: "<"):
                needsEscape =
                    next.map { isLetter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") } ?? false
            case UInt8(ascii: "&"): needsEscape = startsEntity(bytes[(index + 1)...], isLetter: isLetter, isNumber: isNumber)
            case UInt8(ascii: "|"): needsEscape = inTable
            case UInt8(ascii: "#"): needsEscape = inHeading
            default: break
            }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
                result.append(contentsOf: "&#\(byte);".utf8)
                continue
            }
            if needsEscape { result.append(UInt8(ascii: "\\")) }
            result.append(byte == 0x0A ? 0x20 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// ``startsEntity(_:)`` on ASCII bytes.
    private static func startsEntity(_ rest: ArraySlice<UInt8>, isLetter: (UInt8) -> Bool, isNumber: (UInt8) -> Bool) -> Bool {
        var body = rest.prefix { $0 != UInt8(ascii: ";") && $0 != 0x20 }
        guard body.count < rest.count, rest[rest.startIndex + body.count] == UInt8(ascii: ";"), let first = body.first else { return false }
        if first == UInt8(ascii: "#") {
            body = body.dropFirst()
            if body.first == UInt8(ascii: "x") || body.first == UInt8(ascii: "X") {
                return body.dropFirst().allSatisfy { isNumber($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
                    && body.count > 1
            }
            return !body.isEmpty && body.allSatisfy(isNumber)
        }
        return isLetter(first) && body.allSatisfy { isLetter($0) || isNumber($0) }
    }

    /// C0 controls other than tab, line feed and carriage return, and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    /// The bytes `escape` looks at: `\\ * ` [ ] ~ _ < & |`, the line feed and control characters.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        if byte < 0x20 || byte == 0x7F { return byte != 0x09 && byte != 0x0D }
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"),
            UInt8(ascii: "_"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "|"), 0x0A:
            return true
        default:
            return false
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// `&name;`, `&#123;`, `&#x1F;`: what CommonMark reads as a character reference.
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var body = rest.prefix { $0 != ";" && $0 != " " }
        guard body.count < rest.count, rest[rest.startIndex + body.count] == ";", !body.isEmpty else { return false }
        if body.first == "#" {
            body = body.dropFirst()
            if body.first == "x" || body.first == "X" { return body.dropFirst().allSatisfy(\.isHexDigit) && body.count > 1 }
            return !body.isEmpty && body.allSatisfy(\.isNumber)
        }
        return body.first!.isLetter && body.allSatisfy { $0.isLetter || $0.isNumber }
    }

    /// What a paragraph's first characters could start: a heading, list, quote, thematic break,
    /// setext underline, or an indented code block.
    static func escapeLineStart(_ text: String) -> String {
        // Spaces and tabs that open a line are not text in Markdown, and four of them would
        // start a code block (where the escapes below would show): they are left out.
        let text = text.first == " " || text.first == "\t" ? String(text.drop { $0 == " " || $0 == "\t" }) : text
        guard let first = text.first else { return text }
        if "#+-=>*".contains(first) || text.hasPrefix("~~~") { return "\\" + text }
        // `1. ` and `1) `: an ordered list starts with 1-9 digits.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count) {
            let after = text.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")" {
                let rest = after.dropFirst()
                if rest.isEmpty || rest.first == " " || rest.first == "\t" { return digits + "\\" + after }
            }
        }
        return text
    }

    /// Heading text: also every `#` (a closing sequence could eat it).
    static func escapeHeading(_ text: String) -> String {
        // A heading is one line: line ends in the text become spaces.
        let line = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        return escape(line, atLineStart: false, inHeading: true)
    }

    /// A link title in double quotes.
    static func escapeTitle(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
            of: "\n", with: " ")
    }

    /// A link destination: in `<...>` when it has spaces or parentheses.
    static func destination(_ href: String) -> String {
        // A destination is on one line: line ends are percent-encoded, as in a URL.
        let href =
            href.contains(where: \.isNewline)
            ? href.replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A") : href
        if href.isEmpty || href.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) {
            return "<" + href.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
        }
        return href
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var run = 0
        for c in text {
            run = c == character ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    var trimmingTrailingNewlines: String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }

    /// Emphasis must not start or end with whitespace (it would not be emphasis): such a
    /// character is written as a character reference.
    var withEscapedEdges: String {
        func reference(_ character: Character) -> String {
            character.unicodeScalars.map { "&#x\(String($0.value, radix: 16, uppercase: true));" }.joined()
        }
        var copy = self
        if let first = copy.first, first.isWhitespace { copy = reference(first) + copy.dropFirst() }
        if let last = copy.last, last.isWhitespace { copy = copy.dropLast() + reference(last) }
        return copy
    }
}
