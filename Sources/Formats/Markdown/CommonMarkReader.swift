import CCMark
import Foundation
import NewsCore

/// Reads a CommonMark body into IR blocks through libcmark, the CommonMark reference parser.
/// A paragraph of `|` lines is a GitHub-style pipe table; a paragraph that is one image (and its
/// `*Credit: ...*` line) is a picture. Inline images elsewhere, which the IR cannot hold inside
/// text, become links, with a warning.
struct CommonMarkReader {
    let path: String?
    /// The file line of the body's first line (after the front matter).
    let firstLine: Int
    /// How deep blocks and inlines may nest (``ImportLimits/nestingDepth``).
    let nestingDepth: Int
    var diagnostics: [Diagnostic] = []
    private var lines: [Substring] = []

    init(path: String?, firstLine: Int, nestingDepth: Int = ImportLimits.standard.nestingDepth) {
        self.path = path
        self.firstLine = firstLine
        self.nestingDepth = nestingDepth
    }

    private mutating func warn(_ code: String, _ message: String, _ node: OpaquePointer) {
        let location = SourceLocation(
            path: path, line: firstLine + Int(cmark_node_get_start_line(node)) - 1, column: Int(cmark_node_get_start_column(node)))
        if !diagnostics.contains(where: { $0.code == "markdown.import.\(code)" }) {
            diagnostics.append(.warning("markdown.import.\(code)", message, at: location))
        }
    }

    mutating func read(_ markdown: String) throws -> [Block] {
        lines = Self.lines(of: markdown)
        guard let document = Self.parse(markdown) else { return [] }
        defer { cmark_node_free(document) }
        // The conversion below recurses: a document nested deeper than the limit (100,000 `>`)
        // is refused before it could exhaust the stack.
        if let node = Self.firstNodeTooDeep(in: document, limit: nestingDepth) {
            throw ConversionError(
                "markdown.input.too-deep",
                "the text nests deeper than \(nestingDepth) levels (quotes, lists or emphasis inside each other); expected at most \(nestingDepth)",
                at: SourceLocation(
                    path: path, line: firstLine + Int(cmark_node_get_start_line(node)) - 1,
                    column: max(1, Int(cmark_node_get_start_column(node)))))
        }
        return blocks(in: document)
    }

    /// The first node deeper than `limit` levels, found without recursion.
    static func firstNodeTooDeep(in document: OpaquePointer, limit: Int) -> OpaquePointer? {
        guard let iterator = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iterator) }
        // Leaves get an enter event only; containers an enter and an exit.
        let leaves: Set<UInt32> = [
            CMARK_NODE_HTML_BLOCK.rawValue, CMARK_NODE_THEMATIC_BREAK.rawValue, CMARK_NODE_CODE_BLOCK.rawValue, CMARK_NODE_TEXT.rawValue,
            CMARK_NODE_SOFTBREAK.rawValue, CMARK_NODE_LINEBREAK.rawValue, CMARK_NODE_CODE.rawValue, CMARK_NODE_HTML_INLINE.rawValue,
        ]
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            switch event {
            case CMARK_EVENT_DONE, CMARK_EVENT_NONE:
                return nil
            case CMARK_EVENT_ENTER:
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if leaves.contains(cmark_node_get_type(node).rawValue) { continue }
                depth += 1
                if depth > limit { return node }
            default:
                depth -= 1
            }
        }
    }

    /// The text's lines, as `split(separator: "\n", omittingEmptySubsequences: false)` gives
    /// them: a line feed ends a line unless a carriage return precedes it (CR LF is one
    /// Character), found in the UTF-8. Splitting by Characters was a fifth of a Markdown -> JSON
    /// batch (`swift package benchmark --target MarkdownBatch`); `MarkdownLinesTests` compares.
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        result.append(text[start...])
        return result
    }

    static func parse(_ markdown: String) -> OpaquePointer? {
        var text = markdown
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }

    private mutating func blocks(in container: OpaquePointer) -> [Block] {
        var result: [Block] = []
        for node in Self.children(container) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                if var table = pipeTable(node) {
                    // An emphasised paragraph right before a table is its caption (newsconv writes it so).
                    if case .paragraph(let content)? = result.last, content.count == 1, case .emphasis(let caption) = content[0] {
                        result.removeLast()
                        table.caption = caption
                    }
                    result.append(.table(table))
                } else if let media = picture(node) {
                    result.append(.media(media))
                } else {
                    let content = inlines(in: node)
                    if !content.isEmpty { result.append(.paragraph(content)) }
                }
            case CMARK_NODE_HEADING:
                result.append(.heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(in: node)))
            case CMARK_NODE_BLOCK_QUOTE:
                result.append(.blockQuote(blocks(in: node)))
            case CMARK_NODE_LIST:
                let items = Self.children(node).map { blocks(in: $0) }
                result.append(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items))
            case CMARK_NODE_CODE_BLOCK:
                var code = Self.literal(node)
                if code.hasSuffix("\n") { code.removeLast() }
                result.append(.preformatted(code))
            case CMARK_NODE_HTML_BLOCK:
                warn("html", "raw HTML in the Markdown is kept as raw HTML (only HTML and Markdown output write it)", node)
                result.append(.raw(format: "html", text: Self.literal(node).trimmingCharacters(in: .newlines)))
            case CMARK_NODE_THEMATIC_BREAK:
                result.append(.horizontalRule)
            default:
                break
            }
        }
        return result
    }

    /// A paragraph that is one image, optionally followed by a line `*Credit: ...*`.
    private mutating func picture(_ paragraph: OpaquePointer) -> MediaItem? {
        let parts = Self.children(paragraph)
        guard let image = parts.first, cmark_node_get_type(image) == CMARK_NODE_IMAGE else { return nil }
        var media = MediaItem(kind: .picture, href: cmark_node_get_url(image).map { String(cString: $0) })
        let alt = Self.plainText(inlines(in: image))
        media.title = alt.isEmpty ? nil : alt
        let title = cmark_node_get_title(image).map { String(cString: $0) } ?? ""
        media.caption = title.isEmpty ? nil : title
        switch parts.count {
        case 1:
            return media
        case 3 where cmark_node_get_type(parts[1]) == CMARK_NODE_SOFTBREAK && cmark_node_get_type(parts[2]) == CMARK_NODE_EMPH:
            let credit = Self.plainText(inlines(in: parts[2]))
            guard credit.hasPrefix(MarkdownVocabulary.creditPrefix) else { return nil }
            media.credit = String(credit.dropFirst(MarkdownVocabulary.creditPrefix.count))
            return media
        default:
            return nil
        }
    }

    // MARK: Pipe tables

    /// A paragraph whose every line starts with `|`, with a delimiter row (`| --- |`) second.
    private mutating func pipeTable(_ paragraph: OpaquePointer) -> Block.Table? {
        let start = Int(cmark_node_get_start_line(paragraph)) - 1
        let end = Int(cmark_node_get_end_line(paragraph)) - 1
        // Most paragraphs are no table: their first line says so before every line is trimmed.
        guard start >= 0, end < lines.count, end - start >= 1, lines[start].trimmingCharacters(in: .whitespaces).hasPrefix("|")
        else { return nil }
        let source = lines[start...end].map { $0.trimmingCharacters(in: .whitespaces) }
        guard source.allSatisfy({ $0.hasPrefix("|") }), Self.isDelimiterRow(source[1]) else { return nil }
        var table = Block.Table(rows: [])
        let header = Self.cells(source[0])
        if !header.allSatisfy(\.isEmpty) {
            var cells: [[Inline]] = []
            for cell in header { cells.append(cellInlines(cell)) }
            table.rows.append(.init(isHeader: true, cells: cells))
        }
        for line in source.dropFirst(2) {
            var cells: [[Inline]] = []
            for cell in Self.cells(line) { cells.append(cellInlines(cell)) }
            table.rows.append(.init(isHeader: false, cells: cells))
        }
        return table
    }

    private static func isDelimiterRow(_ line: String) -> Bool {
        let cells = Self.cells(line)
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
                return !core.isEmpty && core.allSatisfy { $0 == "-" }
            }
    }

    /// The cells of a row: split at `|` that is not escaped or inside a code span.
    static func cells(_ line: String) -> [String] {
        var body = Substring(line.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        var inCode = false
        for character in body {
            if escaped {
                // `\|` is a literal pipe in the cell; other escapes stay for the inline parser.
                current += character == "|" ? "|" : "\\" + String(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "`":
                inCode.toggle()
                current.append(character)
            case "|" where !inCode:
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            default: current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    private mutating func cellInlines(_ text: String) -> [Inline] {
        guard let document = Self.parse(text) else { return [] }
        defer { cmark_node_free(document) }
        guard let paragraph = Self.children(document).first, cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            return text.isEmpty ? [] : [.text(text)]
        }
        return inlines(in: paragraph)
    }

    // MARK: Inlines

    private mutating func inlines(in node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        func append(_ inline: Inline) {
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }
        for child in Self.children(node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT: append(.text(Self.literal(child)))
            case CMARK_NODE_SOFTBREAK: append(.text(" "))
            case CMARK_NODE_LINEBREAK: append(.lineBreak)
            case CMARK_NODE_CODE: append(.code(Self.literal(child)))
            case CMARK_NODE_HTML_INLINE:
                warn("html", "raw HTML in the Markdown is kept as raw HTML (only HTML and Markdown output write it)", child)
                append(.raw(format: "html", text: Self.literal(child)))
            case CMARK_NODE_EMPH: append(.emphasis(inlines(in: child)))
            case CMARK_NODE_STRONG: append(.strong(inlines(in: child)))
            case CMARK_NODE_LINK:
                let title = cmark_node_get_title(child).map { String(cString: $0) } ?? ""
                append(
                    .link(
                        href: cmark_node_get_url(child).map { String(cString: $0) } ?? "", title: title.isEmpty ? nil : title,
                        content: inlines(in: child)))
            case CMARK_NODE_IMAGE:
                warn("inline-image", "an image inside a paragraph's text has no IR form; read as a link to the image", child)
                let title = cmark_node_get_title(child).map { String(cString: $0) } ?? ""
                append(
                    .link(
                        href: cmark_node_get_url(child).map { String(cString: $0) } ?? "", title: title.isEmpty ? nil : title,
                        content: inlines(in: child)))
            default: break
            }
        }
        return result
    }

    static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let inner), .strong(let inner), .quote(let inner), .link(_, _, let inner): plainText(inner)
            case .mention(let mention): plainText(mention.content)
            case .lineBreak: "\n"
            case .raw: ""
            }
        }.joined()
    }
}
