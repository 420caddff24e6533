import Foundation
import NewsCore

/// Writes an article's body as an HTML fragment (for ninjs bodies, and anything else that wants
/// HTML): the dateline as the lead-in of the first paragraph the way newspapers print it
/// (`<span class="dateline">`, its parts in `data-` attributes), the blocks, then the sign-off
/// as `<p class="signoff">` and the trailers, end matter, as `<footer><p class="trailer">`. ``XHTMLBodyReader`` reads
/// all of it back. What HTML cannot hold is a warning in ``diagnostics``.
package struct HTMLBodyWriter {
    package private(set) var diagnostics: [Diagnostic] = []
    let codePrefix: String
    let location: SourceLocation
    private var out = ""

    package init(codePrefix: String, location: SourceLocation) {
        self.codePrefix = codePrefix
        self.location = location
    }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("\(codePrefix).\(code)", message, at: location)
    }

    /// The article's dateline, body and end matter.
    package mutating func articleBody(_ article: Article) -> String {
        out = ""
        var blocks = article.body[...]
        if let dateline = article.dateline, !dateline.text.isEmpty {
            out += "<p>"
            writeDateline(dateline)
            if case .paragraph(let content)? = blocks.first {
                out += " "
                writeInlines(content)
                blocks = blocks.dropFirst()
            }
            out += "</p>"
        }
        for block in blocks { writeBlock(block) }
        if let signOff = article.signOff { out += "<p class=\"signoff\">\(Self.escape(signOff))</p>" }
        if !article.trailers.isEmpty {
            out += "<footer>"
            for trailer in article.trailers { out += "<p class=\"trailer\">\(Self.escape(trailer))</p>" }
            out += "</footer>"
        }
        return out
    }

    /// Blocks alone (a summary, a caption).
    package mutating func blocks(_ blocks: [Block]) -> String {
        out = ""
        for block in blocks { writeBlock(block) }
        return out
    }

    private mutating func writeDateline(_ dateline: Dateline) {
        out += "<span class=\"dateline\""
        if let place = dateline.place { out += " data-place=\"\(Self.escape(place, attribute: true))\"" }
        if let region = dateline.region { out += " data-region=\"\(Self.escape(region, attribute: true))\"" }
        if let date = dateline.date { out += " data-date=\"\(date.iso8601)\"" }
        if let source = dateline.source { out += " data-source=\"\(Self.escape(source, attribute: true))\"" }
        out += ">\(Self.escape(dateline.text))</span>"
    }

    private mutating func writeBlock(_ block: Block) {
        switch block {
        case .paragraph(let content):
            out += "<p>"
            writeInlines(content)
            out += "</p>"
        case .heading(let level, let content):
            let n = min(max(level, 1), 6)
            out += "<h\(n)>"
            writeInlines(content)
            out += "</h\(n)>"
        case .blockQuote(let blocks):
            out += "<blockquote>"
            for inner in blocks { writeBlock(inner) }
            out += "</blockquote>"
        case .list(let ordered, let items):
            out += ordered ? "<ol>" : "<ul>"
            for item in items {
                out += "<li>"
                if item.count == 1, case .paragraph(let content) = item[0] {
                    writeInlines(content)
                } else {
                    for inner in item { writeBlock(inner) }
                }
                out += "</li>"
            }
            out += ordered ? "</ol>" : "</ul>"
        case .preformatted(let text):
            out += "<pre>\(Self.escape(text))</pre>"
        case .media(let media):
            writeFigure(media)
        case .table(let table):
            out += "<table>"
            if !table.caption.isEmpty {
                out += "<caption>"
                writeInlines(table.caption)
                out += "</caption>"
            }
            for row in table.rows {
                out += "<tr>"
                for cell in row.cells {
                    out += row.isHeader ? "<th>" : "<td>"
                    writeInlines(cell)
                    out += row.isHeader ? "</th>" : "</td>"
                }
                out += "</tr>"
            }
            out += "</table>"
        case .horizontalRule:
            out += "<hr>"
        case .raw(let format, let text):
            if format == "html" { out += text } else { warn("dropped-raw", "raw \(format) content has no place in HTML; dropped") }
        }
    }

    /// `<figure>` with `img` (or `video`, `audio`), and a `figcaption` with the caption and a
    /// `span class="credit"`.
    private mutating func writeFigure(_ media: MediaItem) {
        let element: String
        switch media.kind {
        case .video?: element = "video"
        case .audio?: element = "audio"
        default: element = "img"
        }
        out += "<figure"
        if let id = media.id { out += " id=\"\(Self.escape(id, attribute: true))\"" }
        out += "><\(element)"
        if let href = media.href { out += " src=\"\(Self.escape(href, attribute: true))\"" }
        if let type = media.mediaType { out += " data-type=\"\(Self.escape(type, attribute: true))\"" }
        if let title = media.title { out += " \(element == "img" ? "alt" : "title")=\"\(Self.escape(title, attribute: true))\"" }
        out += element == "img" ? ">" : "></\(element)>"
        if media.caption != nil || media.credit != nil {
            out += "<figcaption>"
            if let caption = media.caption { out += Self.escape(caption) }
            if let credit = media.credit { out += "\(media.caption == nil ? "" : " ")<span class=\"credit\">\(Self.escape(credit))</span>" }
            out += "</figcaption>"
        }
        out += "</figure>"
        if !media.renditions.isEmpty {
            warn("dropped-renditions", "renditions of a picture placed in the body have no place in HTML; only its main file is written")
        }
    }

    private mutating func writeInlines(_ inlines: [Inline]) {
        for inline in inlines { writeInline(inline) }
    }

    private mutating func writeInline(_ inline: Inline) {
        switch inline {
        case .text(let text): out += Self.escape(text)
        case .emphasis(let content): wrap("em", content)
        case .strong(let content): wrap("strong", content)
        case .code(let text): out += "<code>\(Self.escape(text))</code>"
        case .link(let href, let title, let content):
            out += "<a href=\"\(Self.escape(href, attribute: true))\""
            if let title { out += " title=\"\(Self.escape(title, attribute: true))\"" }
            out += ">"
            writeInlines(content)
            out += "</a>"
        case .lineBreak: out += "<br>"
        case .quote(let content): wrap("q", content)
        case .mention(let mention):
            out += "<span class=\"\(Self.mentionClassPrefix)\(mention.kind.rawValue)\""
            if let id = mention.id { out += " data-id=\"\(Self.escape(id, attribute: true))\"" }
            out += ">"
            writeInlines(mention.content)
            out += "</span>"
        case .raw(let format, let text):
            if format == "html" { out += text } else { warn("dropped-raw", "raw \(format) content has no place in HTML; dropped") }
        }
    }

    private mutating func wrap(_ name: String, _ content: [Inline]) {
        out += "<\(name)>"
        writeInlines(content)
        out += "</\(name)>"
    }

    /// `span class="mention-person"` and the like mark an entity mention.
    package static let mentionClassPrefix = "mention-"

    /// Text escaped for HTML content, or for a double-quoted attribute value.
    package static func escape(_ text: String, attribute: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (attribute && $0 == 0x22) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
