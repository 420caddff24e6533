import ByteLevel
import Datelines
import Foundation
import NewsCore

/// Reads Markdown: YAML front matter (between `---` lines) for the metadata, and a CommonMark
/// body, parsed by libcmark. The body's `# ` heading, `## ` subheadlines, the bold dateline that
/// leads the first paragraph and the closing sign-off and trailer paragraphs are recognised when
/// the front matter names them (newsconv writes both); a draft's first `# ` heading is its headline.
public struct MarkdownImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        let text = sample.text
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return 0.7 }
        if text.hasPrefix("# ") { return 0.6 }
        return 0
    }

    /// True when a heading shows a head the front matter names: the same words, whatever the
    /// spacing, line ends or control characters (which a heading cannot hold).
    static func sameHead(_ named: String, _ heading: String) -> Bool {
        // Most often they are the same text, which needs no split into words.
        if named == heading { return true }
        func words(_ text: String) -> [Substring] {
            text.split { $0.isWhitespace || ($0.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false) }
        }
        return words(named) == words(heading)
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        // Nothing, or bytes that are no text (NULs, controls), is no draft: said, not read as one.
        if input.data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ConversionError(
                "markdown.input.empty", "the document is empty; expected Markdown text",
                at: SourceLocation(path: input.path, line: 1, column: 1))
        }
        if let position = TextDecoding.binaryPosition(in: input.data, allowing: [0x09, 0x0A, 0x0B, 0x0C, 0x0D]) {
            throw ConversionError(
                "markdown.input.binary", "the input looks binary (a NUL or other control byte here); expected Markdown text",
                at: SourceLocation(path: input.path, line: position.line, column: position.column))
        }
        let decoded = TextDecoding.decode(input.data)
        var diagnostics: [Diagnostic] = []
        if decoded.usedFallback {
            let position = decoded.firstInvalidByte ?? (1, 1)
            diagnostics.append(
                .warning(
                    "markdown.encoding.fallback", "the text is not UTF-8; read as \(decoded.encoding)",
                    at: SourceLocation(path: input.path, line: position.line, column: position.column)))
        }
        // Foundation's replacement walks the whole text even when there is nothing to replace
        // (a fifth of the Markdown import; `swift package benchmark --target MarkdownBatch`).
        let text =
            ByteSearch.firstOffset(of: 0x0D, in: decoded.text) != nil
            ? decoded.text.replacingOccurrences(of: "\r\n", with: "\n") : decoded.text
        let (yaml, body, bodyLine) = try Self.split(text, path: input.path)
        var contents = FrontMatter.Contents()
        if let yaml {
            contents = try FrontMatter.read(yaml, path: input.path, line: 2, reportsNotes: options.reportsNotes, limits: options.limits)
        }
        diagnostics += contents.diagnostics
        var article = contents.article
        article.origin = Origin(format: FormatModule.markdown.name, path: input.path, encoding: decoded.encoding, line: 1, column: 1)

        var reader = CommonMarkReader(path: input.path, firstLine: bodyLine, nestingDepth: options.limits.nestingDepth)
        var blocks = try reader.read(body)[...]
        if let summary = contents.summary {
            var summaryReader = CommonMarkReader(path: input.path, firstLine: 2, nestingDepth: options.limits.nestingDepth)
            article.abstract = try summaryReader.read(summary)
            diagnostics += summaryReader.diagnostics
        }
        diagnostics += reader.diagnostics

        // The heads: `# Headline`, then `## ` subheadlines, as the front matter names them.
        if case .heading(1, let content)? = blocks.first {
            let title = CommonMarkReader.plainText(content)
            // The front matter's text wins: the heading has it on one line, without controls.
            if article.headline == nil || Self.sameHead(article.headline!, title) {
                if article.headline == nil { article.headline = title }
                blocks = blocks.dropFirst()
                var remaining = article.subheadlines[...]
                while let sub = remaining.first, case .heading(2, let inner)? = blocks.first,
                    Self.sameHead(sub, CommonMarkReader.plainText(inner))
                {
                    blocks = blocks.dropFirst()
                    remaining = remaining.dropFirst()
                }
            }
        }
        // The dateline leads the first paragraph, in bold (as newsconv writes it) or plain (as a
        // draft has it). In a draft (a file whose front matter gives no `id`: newsconv writes the
        // id of every article that has one) a lead-in printed as agencies print datelines is one
        // when the front matter names none; a converted story's first paragraph stays as it was.
        if case .paragraph(var content)? = blocks.first,
            let dateline = Self.takeDateline(from: &content, known: article.dateline, parsing: article.id == nil)
        {
            article.dateline = dateline
            if case .text(let rest)? = content.first {
                let trimmed = String(rest.drop { $0 == " " })
                if trimmed.isEmpty { content.removeFirst() } else { content[0] = .text(trimmed) }
            }
            blocks = blocks.dropFirst()
            if !content.isEmpty { blocks.insert(.paragraph(content), at: blocks.startIndex) }
        }
        // The end matter: the sign-off closes the body; the trailers are the front matter's
        // (files newsconv wrote before 2026-12 also print them after the sign-off: taken out).
        var end = blocks.endIndex
        var probe = end
        var trailersPrinted = true
        for trailer in article.trailers.reversed() {
            guard probe > blocks.startIndex, Self.isPlainParagraph(blocks[probe - 1], trailer) else {
                trailersPrinted = false
                break
            }
            probe -= 1
        }
        if trailersPrinted { end = probe }
        if let signOff = article.signOff, end > blocks.startIndex, Self.isPlainParagraph(blocks[end - 1], signOff) {
            end -= 1
        }
        blocks = blocks[..<end]
        article.body = Array(blocks)
        return ImportResult(articles: [article], diagnostics: diagnostics)
    }

    /// The dateline that opens a paragraph, taken out of it: the front matter's (`known`) where
    /// the paragraph begins with its text, else (when `parsing`) one that ``DatelineParser`` recognises.
    static func takeDateline(from content: inout [Inline], known: Dateline?, parsing: Bool) -> Dateline? {
        let knownText = known.flatMap { $0.text.isEmpty ? nil : $0.text }
        switch content.first {
        case .strong(let lead)?:
            let text = CommonMarkReader.plainText(lead)
            if let knownText {
                guard text == knownText else { return nil }
                content.removeFirst()
                return known
            }
            guard known == nil, parsing, let match = DatelineParser.parse(Substring(text)), match.remainder.isEmpty else { return nil }
            content.removeFirst()
            return match.dateline
        case .text(let text)?:
            if let knownText {
                guard text.hasPrefix(knownText) else { return nil }
                content[0] = .text(String(text.dropFirst(knownText.count)))
                return known
            }
            guard known == nil, parsing, let match = DatelineParser.parse(Substring(text)) else { return nil }
            content[0] = .text(String(match.remainder))
            return match.dateline
        default:
            return nil
        }
    }

    static func isPlainParagraph(_ block: Block, _ text: String) -> Bool {
        if case .paragraph(let content) = block { return CommonMarkReader.plainText(content) == text }
        return false
    }

    /// The front matter (without its `---` lines), the body, and the body's first line number.
    static func split(_ text: String, path: String?) throws -> (yaml: String?, body: String, bodyLine: Int) {
        // Lines are found by their line feeds in the UTF-8 (a line feed is a grapheme of its own);
        // splitting the whole text into Characters cost a sixth of the import
        // (`swift package benchmark --target MarkdownBatch`).
        let utf8 = text.utf8
        let firstEnd = utf8.firstIndex(of: 0x0A) ?? utf8.endIndex
        let first = text[..<firstEnd]
        guard first.trimmingCharacters(in: .whitespaces) == "---" || first.hasPrefix("\u{FEFF}---") else {
            return (nil, text, 1)
        }
        var lineFeed = firstEnd
        var lineNumber = 1
        while lineFeed < utf8.endIndex {
            let lineStart = utf8.index(after: lineFeed)
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd]
            if line == "---" || line == "..." {
                let yamlStart = utf8.index(after: firstEnd)
                let yaml = lineFeed > yamlStart ? String(text[yamlStart..<lineFeed]) : ""
                let body = lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : ""
                return (yaml, body, lineNumber + 1)
            }
            lineFeed = lineEnd
        }
        throw ConversionError(
            "markdown.front-matter.unclosed", "the front matter opened on line 1 has no closing '---' line",
            at: SourceLocation(path: path, line: 1, column: 1))
    }
}
