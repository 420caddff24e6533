import ByteLevel
import Foundation
import NewsCore
import NewsXML

/// Writes an article's heads, body and end matter as a NITF 3.6 `body` (`body.head`,
/// `body.content`, `body.end`). Shared by the NewsML-G2 exporter (inline NITF) and the NITF exporter.
/// What NITF cannot hold becomes a warning in ``diagnostics``.
package struct NITFBodyWriter {
    package var diagnostics: [Diagnostic] = []
    /// The media ids written, which XML requires to be unique in a document.
    private var usedIDs: Set<String> = []
    /// The code prefix of diagnostics (`newsml-g2.export`, `nitf.export`).
    let codePrefix: String
    let location: SourceLocation

    /// What only a standalone NITF document carries (the NITF exporter sets these; inline NITF
    /// in NewsML-G2 leaves them empty, G2 has its own elements for them).
    package var standalone = Standalone()

    package struct Standalone {
        /// Kept elements of `body.head` and `body.end` by name (`note`, `series`, `bibliography`), as XML.
        package var kept: [String: [String]] = [:]
        package var distributor: String?
        /// The distributor's identifier, written as its `org`'s `@idsrc` and `@value`.
        package var distributorCode: (source: String?, value: String)?
        /// A copyright notice, written as the text of `body.head/rights`.
        package var rightsNotice: String?
        /// An article's associated media, written in a final `block class="associated-media"`.
        package var associatedMedia: [MediaItem] = []

        package init() {}
    }

    package init(codePrefix: String, location: SourceLocation) {
        self.codePrefix = codePrefix
        self.location = location
    }

    /// A date as NITF's `norm` wants it: ISO 8601 basic (`20231215T103000+0100`, `20231215`);
    /// a partial date keeps the extended form (`--12-15`), which has no basic equivalent.
    package static func norm(_ date: NewsDate) -> String { date.basicISO8601 }

    private mutating func writeKept(_ name: String, to w: inout XMLWriter) {
        let dropped = (standalone.kept[name] ?? []).count { w.raw($0) == .illFormed }
        if dropped > 0 { warn("kept-ill-formed", "\(dropped) of the kept <\(name)> elements are not well-formed XML; dropped") }
    }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("\(codePrefix).\(code)", message, at: location)
    }

    /// `<body>` with the article's heads, body blocks and end matter.
    package mutating func writeBody(_ article: Article, to w: inout XMLWriter) {
        w.start("body")
        writeBodyHead(article, to: &w)
        w.start("body.content")
        writeBlocks(article.body, to: &w)
        if !standalone.associatedMedia.isEmpty {
            w.start("block", ("class", MarkupNames.associatedMediaClass))
            for media in standalone.associatedMedia { writeMedia(media, to: &w) }
            w.end()
        }
        w.end()
        writeBodyEnd(article, to: &w)
        w.end()
    }

    mutating func writeBodyHead(_ article: Article, to w: inout XMLWriter) {
        let hasHead =
            article.headline != nil || !article.bylines.isEmpty || article.dateline != nil || !article.abstract.isEmpty
            || !standalone.kept.keys.filter { !$0.hasPrefix("body.end/") }.isEmpty || standalone.distributor != nil
            || standalone.rightsNotice != nil
        guard hasHead else {
            if !article.subheadlines.isEmpty {
                warn("dropped-subheadlines", "subheadlines without a headline have no place in NITF's hedline; dropped")
            }
            return
        }
        w.start("body.head")
        if let headline = article.headline {
            w.start("hedline")
            w.element("hl1", text: headline)
            for sub in article.subheadlines { w.element("hl2", text: sub) }
            w.end()
        } else if !article.subheadlines.isEmpty {
            warn("dropped-subheadlines", "subheadlines without a headline have no place in NITF's hedline; dropped")
        }
        writeKept("body.head/note", to: &w)
        if standalone.kept["body.head/rights"] != nil {
            writeKept("body.head/rights", to: &w)
        } else if let notice = standalone.rightsNotice {
            w.element("rights", text: notice)
        }
        for byline in article.bylines {
            w.start("byline", mixed: true)
            var attributes: [(String, String)] = []
            if let id = byline.id { attributes.append(("value", id)) }
            if let printed = byline.text {
                // Printed as the source printed it (its parts do not compose it), the name marked
                // where it stands; a byline of the name alone stays plain text, since a lone
                // person element reads back as `By NAME`.
                if let range = printed.range(of: byline.name), !byline.name.isEmpty, printed != byline.name {
                    w.text(String(printed[..<range.lowerBound]))
                    w.element("person", attributes, text: byline.name)
                    writePrintedTitle(printed[range.upperBound...], of: byline, to: &w)
                } else {
                    w.text(printed)
                }
                w.end()
                continue
            }
            w.text("By ")
            w.element("person", attributes, text: byline.name)
            if byline.title != nil || byline.affiliation != nil {
                // `byttl` holds the title as text and the affiliation as `org`.
                w.text(", ")
                w.start("byttl", mixed: true)
                if let title = byline.title { w.text(title) }
                if let affiliation = byline.affiliation {
                    if byline.title != nil { w.text(", ") }
                    w.element("org", text: affiliation)
                }
                w.end()
            }
            w.end()
        }
        if standalone.kept["body.head/distributor"] != nil {
            writeKept("body.head/distributor", to: &w)
        } else if let distributor = standalone.distributor {
            if let code = standalone.distributorCode {
                w.start("distributor")
                w.element("org", (code.source.map { [("idsrc", $0)] } ?? []) + [("value", code.value)], text: distributor)
                w.end()
            } else {
                w.element("distributor", text: distributor)
            }
        }
        if let dateline = article.dateline, !dateline.text.isEmpty || dateline.date != nil || dateline.placeCode != nil {
            writeDateline(dateline, to: &w)
        }
        if !article.abstract.isEmpty {
            // Taken back when nothing of it could be written (an abstract needs a block).
            w.start("abstract")
            writeBlocks(article.abstract, to: &w)
            w.endOmittingIfEmpty()
        }
        writeKept("body.head/series", to: &w)
        w.end()
    }

    /// What follows the name in a printed byline, with its title and affiliation marked where
    /// they stand (`, <byttl>dpa Correspondent, <org>dpa</org></byttl>`) so that readers find them.
    private mutating func writePrintedTitle(_ rest: Substring, of byline: Byline, to w: inout XMLWriter) {
        let title = byline.title.flatMap { $0.isEmpty ? nil : rest.range(of: $0) }
        let affiliation = byline.affiliation.flatMap { $0.isEmpty ? nil : rest.range(of: $0) }
        guard let start = [title?.lowerBound, affiliation?.lowerBound].compactMap({ $0 }).min() else { return w.text(String(rest)) }
        if let title, let affiliation, title.overlaps(affiliation) { return w.text(String(rest)) }
        w.text(String(rest[..<start]))
        w.start("byttl", mixed: true)
        var at = start
        if let affiliation {
            w.text(String(rest[at..<affiliation.lowerBound]))
            w.element("org", text: String(rest[affiliation]))
            at = affiliation.upperBound
        }
        w.text(String(rest[at...]))
        w.end()
    }

    /// `<dateline>` with the printed text; the place (and region) wrapped in `location`, the date
    /// as `story.date/@norm`, the agency in a newsconv attribute (NITF has no element for it).
    mutating func writeDateline(_ dateline: Dateline, to w: inout XMLWriter) {
        var attributes: [(String, String)] = []
        if let source = dateline.source {
            attributes.append(("xmlns:nc", MarkupNames.newsconv))
            attributes.append(("nc:source", source))
        }
        w.start("dateline", attributes, mixed: true)
        let text = dateline.text
        let code = dateline.placeCode.map { [("location-code", $0)] } ?? []
        if let place = dateline.place, !place.isEmpty, let range = text.range(of: place) {
            w.text(String(text[..<range.lowerBound]))
            w.start("location", code, mixed: true)
            w.element("city", text: place)
            var rest = text[range.upperBound...]
            if let region = dateline.region, !region.isEmpty, let regionRange = rest.range(of: region),
                rest[..<regionRange.lowerBound].allSatisfy({ $0 == "," || $0 == " " })
            {
                w.text(String(rest[..<regionRange.lowerBound]))
                w.element("region", text: region)
                rest = rest[regionRange.upperBound...]
            }
            w.end()
            w.text(String(rest))
        } else {
            // A place the dateline does not print (``Dateline/unprintedPlace``) is not written in
            // it, as NITF readers print every text of a dateline: the standalone exporter writes
            // it as `docdata/evloc`. A place known by its code alone has an empty `location`,
            // which prints nothing.
            w.text(text)
            if dateline.place == nil, !code.isEmpty { w.element("location", code) }
        }
        if let date = dateline.date { w.element("story.date", ("norm", Self.norm(date))) }
        w.end()
    }

    /// `body.end/tagline`: the sign-off as `org class="signoff"`, then each trailer on its own line.
    mutating func writeBodyEnd(_ article: Article, to w: inout XMLWriter) {
        let bibliography = standalone.kept["body.end/bibliography"] ?? []
        guard article.signOff != nil || !article.trailers.isEmpty || !bibliography.isEmpty else { return }
        w.start("body.end")
        defer {
            writeKept("body.end/bibliography", to: &w)
            w.end()
        }
        guard article.signOff != nil || !article.trailers.isEmpty else { return }
        w.start("tagline", mixed: true)
        var first = true
        if let signOff = article.signOff {
            w.element("org", ("class", "signoff"), text: signOff)
            first = false
        }
        for trailer in article.trailers {
            if !first { w.element("br") }
            w.text(trailer)
            first = false
        }
        w.end()
    }

    package mutating func writeBlocks(_ blocks: [Block], to w: inout XMLWriter) {
        for block in blocks { writeBlock(block, to: &w) }
    }

    mutating func writeBlock(_ block: Block, to w: inout XMLWriter) {
        switch block {
        case .paragraph(let content):
            w.start("p", mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .heading(let level, let content):
            w.start("hl2", level == 2 ? [] : [("class", "level\(level)")], mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .blockQuote(let blocks):
            w.start("bq")
            w.start("block")
            writeBlocks(blocks, to: &w)
            w.end()
            w.end()
        case .list(let ordered, let items):
            // NITF's lists need an item: an empty one says nothing and is left out.
            guard !items.isEmpty else {
                warn("empty-list", "a list without items has no place in NITF (a list needs an item); dropped")
                return
            }
            w.start(ordered ? "ol" : "ul")
            for item in items {
                let inline = item.count == 1 && { if case .paragraph = item[0] { return true } else { return false } }()
                w.start("li", mixed: inline)
                if item.count == 1, case .paragraph(let content) = item[0] {
                    writeInlines(content, to: &w)
                } else {
                    writeBlocks(item, to: &w)
                }
                w.end()
            }
            w.end()
        case .preformatted(let text):
            w.element("pre", text: text)
        case .media(let media):
            writeMedia(media, to: &w)
        case .table(let table):
            w.start("table")
            if !table.caption.isEmpty {
                w.start("caption", mixed: true)
                writeInlines(table.caption, to: &w)
                w.end()
            }
            for row in table.rows {
                // NITF's `tr` needs a cell: a row without one says nothing and is left out.
                guard !row.cells.isEmpty else {
                    warn("empty-row", "a table row without cells has no place in NITF (a row needs a cell); dropped")
                    continue
                }
                w.start("tr")
                for cell in row.cells {
                    w.start(row.isHeader ? "th" : "td", mixed: true)
                    writeInlines(cell, to: &w)
                    w.end()
                }
                w.end()
            }
            w.end()
        case .horizontalRule:
            w.element("hr")
        case .raw(let format, let text):
            if format == "nitf" {
                if w.raw(text) == .illFormed { warn("raw-ill-formed", "raw nitf content that is not well-formed XML; dropped") }
            } else {
                warn("dropped-raw", "raw \(format) content has no place in NITF; dropped")
            }
        }
    }

    mutating func writeMedia(_ media: MediaItem, to w: inout XMLWriter) {
        let type: String
        switch media.kind {
        case .video: type = "video"
        case .audio: type = "audio"
        case .graphic: type = "graphic"
        default: type = "image"
        }
        var attributes = [("media-type", type)]
        if let id = media.id {
            // An id met again (two media of one picture) gets -2, -3...: an XML ID is unique.
            let base = Self.xmlID(id)
            let unique = usedIDs.insertUnique(base)
            if unique != base { warn("duplicate-id", "the media id '\(id)' is used again; written as '\(unique)' (an XML ID is unique)") }
            attributes.append(("id", unique))
            // An id that is no XML ID as it stands (a package's `tag:` reference) is kept whole
            // in newsconv's attribute, which NITF 3.6 allows on every element.
            if unique != id {
                attributes.append(("xmlns:nc", MarkupNames.newsconv))
                attributes.append(("nc:ref", id))
            }
        }
        w.start("media", attributes)
        var reference: [(String, String)] = []
        if let href = media.href { reference.append(("source", href)) }
        if let mediaType = media.mediaType { reference.append(("mime-type", mediaType)) }
        if let title = media.title { reference.append(("alternate-text", title)) }
        w.element("media-reference", reference)
        for rendition in media.renditions {
            var attributes: [(String, String)] = []
            if let name = rendition.name { attributes.append(("name", name)) }
            if let href = rendition.href { attributes.append(("source", href)) }
            if let mediaType = rendition.mediaType { attributes.append(("mime-type", mediaType)) }
            if let width = rendition.width { attributes.append(("width", String(width))) }
            if let height = rendition.height { attributes.append(("height", String(height))) }
            w.element("media-reference", attributes)
            if rendition.sizeInBytes != nil || rendition.duration != nil {
                warn("dropped-rendition-size", "a rendition's size in bytes and duration have no NITF attribute; dropped")
            }
        }
        if let caption = media.caption { w.element("media-caption", text: caption) }
        if let credit = media.credit { w.element("media-producer", text: credit) }
        w.end()
    }

    /// NITF `id` is an XML ID: a name that starts with a letter or `_`.
    static func xmlID(_ id: String) -> String {
        // ASCII identifiers, nearly all, are mapped byte by byte (on the string's own storage,
        // into the new string's); others by Character.
        guard let first = id.utf8.first else { return "_" }
        let prefixed = !((first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) || first == 0x5F)
        if let ascii = UTF8Concatenation.mappedASCII(Substring(id), prefix: prefixed ? UInt8(ascii: "_") : nil, idByte) { return ascii }
        // By Character, as a letter may be several scalars; one-byte ones take the byte rule above.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count)
        for character in id {
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first {
                bytes.append(idByte(byte))
            } else if character.isLetter || character.isNumber {
                bytes.append(contentsOf: utf8)
            } else {
                bytes.append(UInt8(ascii: "_"))
            }
        }
        var result = String(decoding: bytes, as: UTF8.self)
        if let first = result.first, !(first.isLetter || first == "_") { result = "_" + result }
        return result.isEmpty ? "_" : result
    }

    /// An ASCII byte of an ID as it is (letters, digits, `-`, `_`, `.`), or `_`.
    private static func idByte(_ byte: UInt8) -> UInt8 {
        let letter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        let other = (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        return letter || other ? byte : UInt8(ascii: "_")
    }

    package mutating func writeInlines(_ inlines: [Inline], to w: inout XMLWriter) {
        for inline in inlines { writeInline(inline, to: &w) }
    }

    mutating func writeInline(_ inline: Inline, to w: inout XMLWriter) {
        switch inline {
        case .text(let text):
            w.text(text)
        case .emphasis(let content):
            w.start("em", mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .strong(let content):
            // NITF has no strong emphasis; `em class="strong"` reads back as strong.
            w.start("em", ("class", "strong"), mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .code(let text):
            w.element("em", ("class", "code"), text: text)
        case .link(let href, let title, let content):
            var attributes = [("href", href)]
            if let title { attributes.append(("title", title)) }
            w.start("a", attributes, mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .lineBreak:
            w.element("br")
        case .quote(let content):
            w.start("q", mixed: true)
            writeInlines(content, to: &w)
            w.end()
        case .mention(let mention):
            var attributes: [(String, String)] = []
            if let id = mention.id { attributes.append((MarkupNames.nitfIdentifierAttribute(mention.kind), id)) }
            w.start(MarkupNames.nitfMention[mention.kind] ?? "classifier", attributes, mixed: true)
            // NITF's mention elements hold text (and alt-code), not emphasis or links: markup
            // inside one is written as its text.
            if mention.content.contains(where: { if case .text = $0 { false } else { true } }) {
                warn("mention-markup", "markup inside a \(mention.kind.rawValue) mention has no place in NITF; written as its text")
            }
            w.text(mention.content.plainText)
            w.end()
        case .raw(let format, let text):
            if format == "nitf" {
                if w.raw(text) == .illFormed { warn("raw-ill-formed", "raw nitf content that is not well-formed XML; dropped") }
            } else {
                warn("dropped-raw", "raw \(format) content has no place in NITF; dropped")
            }
        }
    }
}
