import Foundation
import NewsCore
import NewsXML

/// Reads an XHTML (or HTML-as-XML) body into IR blocks: `p`, `h1`-`h6`, `ul`/`ol`, `blockquote`,
/// `pre`, `hr`, `img`/`figure`, `table`, `div`/`section` (their content), and the inline `em`/`i`,
/// `strong`/`b`, `a`, `br`, `q`, `code`, `span`. Other markup keeps its text and is reported.
package struct XHTMLBodyReader: InlineMarkupReader {
    let codePrefix: String
    let path: String?
    var dropped = DroppedMarkup()
    /// What ``HTMLBodyWriter`` marks: the dateline lead-in (`span class="dateline"`), the sign-off
    /// and the trailers (`p class="signoff"`, `p class="trailer"`), found while reading.
    package private(set) var dateline: Dateline?
    package private(set) var signOff: String?
    package private(set) var trailers: [String] = []
    /// The `header`, `nav`, `aside` and `footer` sections: not story text, read for what they map to.
    package private(set) var sectionMeta = XHTMLSectionMeta()

    package init(codePrefix: String, path: String?) {
        self.codePrefix = codePrefix
        self.path = path
    }

    /// Reads `html` (its `body`), `body`, or any container.
    package mutating func readDocument(_ element: XMLElement) -> [Block] {
        if element.isNamed("html") {
            if let body = element.first("body") { return readBlocks(body) }
            return []
        }
        return readBlocks(element)
    }

    package mutating func readBlocks(_ container: XMLElement) -> [Block] {
        var blocks: [Block] = []
        var loose: [Inline] = []
        func flushLoose() {
            let trimmed = NITFBodyReaderSupport.trim(loose)
            if !trimmed.isEmpty { blocks.append(.paragraph(trimmed)) }
            loose = []
        }
        for child in container.childNodes {
            guard case .element(let element) = child else {
                if case .text(let text) = child { appendLoose(inlineText(text), to: &loose) }
                continue
            }
            let name = element.name.lowercased()
            switch name {
            case "p" where element.attribute("class") == "signoff":
                flushLoose()
                signOff = NITFBodyReader.normalize(element.text)
            case "p" where element.attribute("class") == "trailer":
                flushLoose()
                trailers.append(NITFBodyReader.normalize(element.text))
            case "p"
            where element.elements.contains(where: { ["figure", "table", "ul", "ol", "blockquote", "div"].contains($0.name.lowercased()) }):
                // HTML parsers leave a block (a `figure`, say) inside the paragraph that held it.
                flushLoose()
                blocks += readBlocks(element)
            case "p":
                flushLoose()
                let inlines = readInlines(element)
                if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flushLoose()
                blocks.append(.heading(level: Int(String(name.last!)) ?? 2, content: readInlines(element)))
            case "ul", "ol":
                flushLoose()
                let items = element.elements.filter { $0.name.lowercased() == "li" }.map { item -> [Block] in
                    let hasBlocks = item.elements.contains {
                        ["p", "ul", "ol", "table", "pre", "blockquote", "div"].contains($0.name.lowercased())
                    }
                    if hasBlocks { return readBlocks(item) }
                    let inlines = readInlines(item)
                    return inlines.isEmpty ? [] : [.paragraph(inlines)]
                }
                blocks.append(.list(ordered: name == "ol", items: items))
            case "blockquote":
                flushLoose()
                blocks.append(.blockQuote(readBlocks(element)))
            case "pre":
                flushLoose()
                blocks.append(.preformatted(element.text))
            case "hr":
                flushLoose()
                blocks.append(.horizontalRule)
            case "img":
                flushLoose()
                blocks.append(.media(MediaItem(kind: .picture, href: element.attribute("src"), title: element.attribute("alt"))))
            case "figure":
                flushLoose()
                blocks.append(.media(readFigure(element)))
            case "table":
                flushLoose()
                blocks.append(.table(readTable(element)))
            case "div", "section", "article", "main":
                flushLoose()
                blocks += readBlocks(element)
            case "footer"
            where element.elements.allSatisfy({ $0.name.lowercased() == "p" && ["trailer", "signoff"].contains($0.attribute("class")) }):
                // The end matter, as HTMLBodyWriter writes it.
                flushLoose()
                blocks += readBlocks(element)
            case "header", "footer", "aside", "nav":
                flushLoose()
                sectionMeta.read(element)
            case "head", "script", "style":
                note(element)
            default:
                appendLoose(readInline(element), to: &loose)
            }
        }
        flushLoose()
        return blocks
    }

    /// `<figure>` with `img`, `video` or `audio`, and a `figcaption` whose `span class="credit"` is the credit.
    mutating func readFigure(_ figure: XMLElement) -> MediaItem {
        var media = MediaItem(id: figure.attribute("id"), kind: .picture)
        if let image = figure.first("img") {
            media.href = image.attribute("src")
            media.title = image.attribute("alt")
            media.mediaType = image.attribute("data-type")
        } else if let player = figure.first("video") ?? figure.first("audio") {
            media.kind = player.isNamed("video") ? .video : .audio
            media.href = player.attribute("src") ?? player.first("source")?.attribute("src")
            media.title = player.attribute("title")
            media.mediaType = player.attribute("data-type") ?? player.first("source")?.attribute("type")
        }
        if let caption = figure.first("figcaption") {
            var text = ""
            for child in caption.children {
                switch child {
                case .text(let part): text += part
                case .element(let inner) where inner.attribute("class") == "credit": media.credit = NITFBodyReader.normalize(inner.text)
                case .element(let inner): text += inner.text
                case .entityReference: break
                }
            }
            let normalized = NITFBodyReader.normalize(text)
            media.caption = normalized.isEmpty ? nil : normalized
        }
        return media
    }

    /// Appends inlines, merging adjacent texts (the IR never has two texts in a row).
    private func appendLoose(_ inlines: [Inline], to loose: inout [Inline]) {
        for inline in inlines {
            if case .text(let text) = inline { NITFBodyReaderSupport.appendText(text, to: &loose) } else { loose.append(inline) }
        }
    }

    mutating func readTable(_ table: XMLElement) -> Block.Table {
        var result = Block.Table(rows: [])
        if let caption = table.first("caption") { result.caption = readInlines(caption) }
        func rows(_ container: XMLElement, header: Bool) {
            for row in container.childElements where row.name.lowercased() == "tr" {
                let cells = row.elements.filter { ["td", "th"].contains($0.name.lowercased()) }
                result.rows.append(
                    .init(
                        isHeader: header || (!cells.isEmpty && cells.allSatisfy { $0.name.lowercased() == "th" }),
                        cells: cells.map { readInlines($0) }))
            }
        }
        for part in table.childElements {
            switch part.name.lowercased() {
            case "thead": rows(part, header: true)
            case "tbody", "tfoot": rows(part, header: false)
            default: break
            }
        }
        rows(table, header: false)
        return result
    }

    package mutating func readInlines(_ element: XMLElement) -> [Inline] {
        NITFBodyReaderSupport.trim(readInlineChildren(element))
    }

    private func inlineText(_ text: String) -> [Inline] {
        let collapsed = NITFBodyReader.collapse(text)
        return collapsed.isEmpty || collapsed == " " ? [] : [.text(collapsed)]
    }

    mutating func readInline(_ element: XMLElement) -> [Inline] {
        switch element.name.lowercased() {
        case "em", "i", "cite", "dfn": return [.emphasis(readInlineChildren(element))]
        case "strong", "b": return [.strong(readInlineChildren(element))]
        case "code", "kbd", "samp", "tt": return [.code(element.text)]
        case "a":
            return [.link(href: element.attribute("href") ?? "", title: element.attribute("title"), content: readInlineChildren(element))]
        case "br": return [.lineBreak]
        case "q": return [.quote(readInlineChildren(element))]
        case "span" where element.attribute("class") == "dateline" && dateline == nil:
            dateline = Dateline(
                text: NITFBodyReader.normalize(element.text), place: element.attribute("data-place"),
                region: element.attribute("data-region"),
                date: element.attribute("data-date").flatMap { NewsDate(iso8601: $0) }, source: element.attribute("data-source"))
            return []
        case "span" where element.attribute("class")?.hasPrefix(HTMLBodyWriter.mentionClassPrefix) == true:
            let kindName = String(element.attribute("class")!.dropFirst(HTMLBodyWriter.mentionClassPrefix.count))
            if let kind = Inline.Mention.Kind(rawValue: kindName) {
                return [.mention(.init(kind: kind, id: element.attribute("data-id"), content: readInlineChildren(element)))]
            }
            return readInlineChildren(element)
        case "span", "abbr", "small", "sub", "sup", "u", "mark", "time", "font":
            if element.name.lowercased() != "span" { note(element) }
            return readInlineChildren(element)
        default:
            note(element)
            return readInlineChildren(element)
        }
    }

    private mutating func note(_ element: XMLElement) { dropped.element(element) }

    package func diagnostics() -> [Diagnostic] { dropped.diagnostics(codePrefix: codePrefix, path: path) }
}

/// Whitespace helpers the body readers share.
enum NITFBodyReaderSupport {
    static func appendText(_ text: String, to inlines: inout [Inline]) {
        if case .text(let previous)? = inlines.last {
            inlines[inlines.count - 1] = .text(
                previous.hasSuffix(" ") && text.hasPrefix(" ") ? previous + text.dropFirst() : previous + text)
        } else {
            inlines.append(.text(text))
        }
    }

    static func trim(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        // Most runs neither start nor end with a space: looked at by byte, left alone.
        if case .text(let first)? = result.first, first.utf8.first == UInt8(ascii: " ") {
            let trimmed = String(first.drop(while: { $0 == " " }))
            if trimmed.isEmpty { result.removeFirst() } else { result[0] = .text(trimmed) }
        }
        if case .text(let last)? = result.last, last.utf8.last == UInt8(ascii: " ") {
            var trimmed = last
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            if trimmed.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(trimmed) }
        }
        return result
    }
}
