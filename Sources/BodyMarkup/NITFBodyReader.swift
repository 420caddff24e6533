import ByteLevel
import Foundation
import NewsCore
import NewsXML

/// Reads a NITF `body` (or `body.content`, `abstract`, any block container) into the IR.
/// Markup that has no IR equivalent keeps its text and is reported once per element name as a
/// warning (`<prefix>.unmapped-element`), never dropped silently.
package struct NITFBodyReader: InlineMarkupReader {
    let codePrefix: String
    let path: String?
    /// The default namespace kept elements are written for (nil: the source had none).
    let keepNamespace: String?
    /// Whether unmapped children of `body`, `body.head` and `body.end` are kept whole in
    /// ``NITFBodyContent/kept`` (the NITF importer) or reported and dropped (inline NITF in G2).
    let keepsUnmapped: Bool
    var dropped = DroppedMarkup()
    var extra: [Diagnostic] = []
    /// Whether notes are made (see ``NewsCore/ConversionOptions/reportsNotes``).
    let reportsNotes: Bool
    package init(
        codePrefix: String, path: String?, keepsUnmapped: Bool = false, keepNamespace: String? = nil, reportsNotes: Bool = true
    ) {
        self.codePrefix = codePrefix
        self.path = path
        self.keepsUnmapped = keepsUnmapped
        self.keepNamespace = keepNamespace
        self.reportsNotes = reportsNotes
    }

    /// Keeps an element whole under `<container>/<name>`, or reports it when not keeping.
    private mutating func keepOrNote(_ element: XMLElement, container: String, into content: inout NITFBodyContent) {
        guard keepsUnmapped else { return note(element) }
        let key = "\(container)/\(element.name)"
        if reportsNotes, !content.kept.contains(where: { $0.key == key }) {
            extra.append(
                .note(
                    "\(codePrefix).kept", "<\(element.name)> has no IR field; kept whole in extensions[\"nitf:\(key)\"] for NITF output",
                    at: SourceLocation(path: path, line: element.line, column: 1)))
        }
        content.kept.append((key, element))
    }

    /// Reads `body`: `body.head`, every `body.content`, `body.end`.
    package mutating func readBody(_ body: XMLElement) -> NITFBodyContent {
        var content = NITFBodyContent()
        for child in body.childElements {
            switch child.name {
            case "body.head": readBodyHead(child, into: &content)
            case "body.content":
                if let media = child.elements.last, media.isNamed("block"), media.attribute("class") == MarkupNames.associatedMediaClass {
                    content.associatedMedia = media.all("media").map { readMedia($0) }
                    content.blocks += readBlocks(child).dropLast(content.associatedMedia.count)
                } else {
                    content.blocks += readBlocks(child)
                }
            case "body.end": readBodyEnd(child, into: &content)
            default: note(child)
            }
        }
        content.diagnostics = diagnostics() + extra
        return content
    }

    mutating func readBodyHead(_ head: XMLElement, into content: inout NITFBodyContent) {
        for child in head.childElements {
            switch child.name {
            case "hedline":
                for line in child.childElements {
                    if line.isNamed("hl1") {
                        content.headline = Self.normalize(line.text)
                    } else if line.isNamed("hl2") {
                        content.subheadlines.append(Self.normalize(line.text))
                    }
                }
            case "byline":
                // What the byline holds is printed as the byline, EFE's desk initials (`gr/bp`) too:
                // reading them as a trailer changed a fact the source states.
                content.bylines += readByline(child)
            case "dateline": content.dateline = readDateline(child)
            case "abstract": content.abstract += readBlocks(child)
            case "distributor" where keepsUnmapped && child.elements.allSatisfy({ $0.isNamed("org") }):
                let text = Self.normalize(child.text)
                if !text.isEmpty { content.distributor = text }
                let orgs = child.all("org")
                if orgs.count == 1, let value = orgs[0].attribute("value").map(Self.normalize), !value.isEmpty {
                    content.distributorCode = (orgs[0].attribute("idsrc").map(Self.normalize).flatMap { $0.isEmpty ? nil : $0 }, value)
                }
            case "rights" where keepsUnmapped:
                var own = ""
                for case .text(let text) in child.children { own += text }
                own = Self.normalize(own)
                if !own.isEmpty { content.rightsNotice = own }
                content.rightsOwner = child.first("rights.owner").map { Self.normalize($0.text) }
                if child.elements.contains(where: { !$0.isNamed("rights.owner") }) {
                    keepOrNote(child, container: "body.head", into: &content)
                }
            default: keepOrNote(child, container: "body.head", into: &content)
            }
        }
    }

    /// `<byline>By <person>NAME</person>, <byttl>TITLE</byttl></byline>`; plain text when it has no person.
    mutating func readByline(_ byline: XMLElement) -> [Byline] {
        let people = byline.all("person")
        var title: String?
        var affiliation: String?
        for byttl in byline.all("byttl") {
            // `<byttl>Title, <org>Affiliation</org></byttl>`
            if let org = byttl.first("org") { affiliation = Self.normalize(org.text) }
            var own = ""
            for case .text(let text) in byttl.children { own += text }
            own = Self.normalize(own).trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            if !own.isEmpty { title = own }
        }
        // The byline as printed, kept whole so that exporters print it as it was.
        let printed = Self.normalize(byline.text)
        if people.isEmpty {
            var text = printed
            for word in ["By ", "BY ", "by "] where text.hasPrefix(word) { text.removeFirst(word.count) }
            if let title, let range = text.range(of: title) { text = String(text[..<range.lowerBound]) }
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
            guard !text.isEmpty || title != nil else { return [] }
            return [
                Byline(name: text.isEmpty ? (title ?? "") : text, title: text.isEmpty ? nil : title, affiliation: affiliation).printed(
                    as: printed)
            ]
        }
        // One printed text for one person; several people are printed from their parts. A byline
        // of elements alone (`<person/><byttl/>`) prints its parts as they stand, one after the
        // other (Canadian Press's `Mia Rabson and Jordan Press The Canadian Press`): no `By`,
        // no comma that the source did not print.
        var ownText = false
        for case .text(let text) in byline.children where !Self.normalize(text).isEmpty { ownText = true }
        return people.map {
            let byline = Byline(name: Self.normalize($0.text), title: title, affiliation: affiliation, id: $0.attribute("value"))
            guard people.count == 1 else { return byline }
            // Its own text, or elements alone (`<person>` then `<byttl>`), print as they stand:
            // a composed `By NAME, TITLE` would print a By and a comma the source does not.
            return ownText || printed != byline.name ? byline.printed(as: printed) : byline
        }
    }

    mutating func readDateline(_ dateline: XMLElement) -> Dateline {
        var result = Dateline(text: Self.normalize(Self.printedText(dateline)))
        if let location = dateline.first("location") {
            let place = location.first("city").map { Self.normalize($0.text) } ?? Self.normalize(location.text)
            // An empty `location` that holds only a code (newsconv writes a code-only place so).
            result.place = place.isEmpty && location.attribute("location-code") != nil ? nil : place
            result.placeCode = location.attribute("location-code").map(Self.normalize).flatMap { $0.isEmpty ? nil : $0 }
            result.region = (location.first("region") ?? location.first("state") ?? location.first("country")).map {
                Self.normalize($0.text)
            }
        }
        if let date = dateline.first("story.date") {
            result.date = date.attribute("norm").flatMap(Self.parseNorm)
        }
        result.source = dateline.attribute("source", namespace: MarkupNames.newsconv)
        return result
    }

    /// The dateline as printed: its text without elements marked `class="unprinted"`.
    private static func printedText(_ element: XMLElement) -> String {
        var out = ""
        for child in element.childNodes {
            switch child {
            case .text(let text): out += text
            case .element(let inner) where inner.attribute("class") == "unprinted": break
            case .element(let inner): out += printedText(inner)
            default: break
            }
        }
        return out
    }

    /// `story.date/@norm` and `date.*/@norm`: ISO 8601 extended (`2023-12-15T10:00:00Z`), basic
    /// (`20231215T100000+0100`), or newsconv's partial forms (`--12-15`).
    package static func parseNorm(_ text: String) -> NewsDate? {
        if let date = NewsDate(iso8601: text) { return date }
        let s = text.trimmingCharacters(in: .whitespaces)
        guard s.count >= 8, s.prefix(8).allSatisfy(\.isNumber) else { return nil }
        var extended = "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.dropFirst(6).prefix(2))"
        var rest = s.dropFirst(8)
        // `YYYYMMDDTHHMMSS`, and the `YYYYMMDD000000-HHMM` the NITF schema's notes also show.
        if rest.first == "T" || rest.first?.isNumber == true {
            if rest.first == "T" { rest = rest.dropFirst() }
            let digits = rest.prefix(while: \.isNumber)
            guard digits.count == 4 || digits.count == 6 else { return nil }
            extended += "T\(digits.prefix(2)):\(digits.dropFirst(2).prefix(2)):\(digits.count == 6 ? String(digits.suffix(2)) : "00")"
            rest = rest.dropFirst(digits.count)
            extended += rest
        }
        return NewsDate(iso8601: extended)
    }

    mutating func readBodyEnd(_ end: XMLElement, into content: inout NITFBodyContent) {
        for other in end.childElements where !other.isNamed("tagline") { keepOrNote(other, container: "body.end", into: &content) }
        guard let tagline = end.first("tagline") else { return }
        var line = ""
        func flush() {
            let text = Self.normalize(line)
            if !text.isEmpty { content.trailers.append(text) }
            line = ""
        }
        for child in tagline.childNodes {
            switch child {
            case .text(let text): line += text
            case .element(let element) where element.isNamed("br"): flush()
            case .element(let element) where element.isNamed("org") && element.attribute("class") == "signoff":
                content.signOff = Self.normalize(element.text)
            case .element(let element): line += element.text
            case .entityReference(let name): line += "&\(name);"
            }
        }
        flush()
    }

    // MARK: Blocks

    /// The block content of a container element (`body.content`, `block`, `abstract`, `li`, `td`).
    package mutating func readBlocks(_ container: XMLElement) -> [Block] {
        var blocks: [Block] = []
        // Text directly in a block container (AAP's `<abstract>Text</abstract>`) is a paragraph.
        let looseText = Self.normalize(container.ownText)
        if !looseText.isEmpty {
            blocks.append(.paragraph([.text(looseText)]))
        }
        for child in container.childElements {
            switch child.name {
            case "p":
                dropped.attributes(of: child)
                let inlines = readInlines(child)
                if !inlines.isEmpty { blocks.append(.paragraph(inlines)) }
            case "hl2":
                var level = 2
                if let cls = child.attribute("class"), cls.hasPrefix("level"), let n = Int(cls.dropFirst(5)), (1...6).contains(n) {
                    level = n
                }
                blocks.append(.heading(level: level, content: readInlines(child)))
            case "block":
                dropped.attributes(of: child)
                for part in child.childElements
                where ["tobject", "key-list", "classifier", "byline", "dateline", "copyrite", "abstract", "datasource"].contains(part.name)
                {
                    note(part)
                }
                blocks += readBlocks(child)
            case "bq":
                var quoted: [Block] = []
                for part in child.childElements {
                    if part.isNamed("block") {
                        quoted += readBlocks(part)
                    } else if part.isNamed("credit") {
                        quoted.append(.paragraph([.text(Self.normalize(part.text))]))
                    }
                }
                blocks.append(.blockQuote(quoted))
            case "ol", "ul":
                let items = child.all("li").map { item -> [Block] in
                    let hasBlocks = item.elements.contains { ["p", "ol", "ul", "table", "media", "pre", "bq", "hl2"].contains($0.name) }
                    if hasBlocks { return readBlocks(item) }
                    let inlines = readInlines(item)
                    return inlines.isEmpty ? [] : [.paragraph(inlines)]
                }
                blocks.append(.list(ordered: child.isNamed("ol"), items: items))
            case "dl":
                note(child)
                var items: [[Block]] = []
                for part in child.childElements where part.isNamed("dt") || part.isNamed("dd") {
                    items.append([.paragraph(readInlines(part))])
                }
                blocks.append(.list(ordered: false, items: items))
            case "pre":
                blocks.append(.preformatted(child.text))
            case "hr":
                blocks.append(.horizontalRule)
            case "media":
                blocks.append(.media(readMedia(child)))
            case "table":
                blocks.append(.table(readTable(child)))
            case "fn", "note":
                note(child)
                blocks.append(.blockQuote(readBlocks(child)))
            default:
                note(child)
                let text = Self.normalize(child.text)
                if !text.isEmpty { blocks.append(.paragraph([.text(text)])) }
            }
        }
        return blocks
    }

    mutating func readMedia(_ media: XMLElement) -> MediaItem {
        // newsconv's `nc:ref` holds an id that is no XML ID (see NITFBodyWriter.writeMedia).
        var item = MediaItem(id: media.attribute("ref", namespace: MarkupNames.newsconv) ?? media.attribute("id"))
        switch media.attribute("media-type") {
        case "video": item.kind = .video
        case "audio": item.kind = .audio
        case "graphic": item.kind = .graphic
        default: item.kind = .picture
        }
        let references = media.all("media-reference")
        if let first = references.first {
            item.href = first.attribute("source")
            item.mediaType = first.attribute("mime-type")
            item.title = first.attribute("alternate-text")
        }
        for reference in references.dropFirst() {
            item.renditions.append(
                MediaItem.Rendition(
                    name: reference.attribute("name"), href: reference.attribute("source"), mediaType: reference.attribute("mime-type"),
                    width: reference.attribute("width").flatMap { Int($0) }, height: reference.attribute("height").flatMap { Int($0) }))
        }
        let captions = media.all("media-caption").map { Self.normalize($0.text) }.filter { !$0.isEmpty }
        if !captions.isEmpty { item.caption = captions.joined(separator: "\n") }
        let producers = media.all("media-producer").map { Self.normalize($0.text) }.filter { !$0.isEmpty }
        if !producers.isEmpty { item.credit = producers.joined(separator: "; ") }
        for other in media.childElements where !["media-reference", "media-caption", "media-producer"].contains(other.name) { note(other) }
        return item
    }

    mutating func readTable(_ table: XMLElement) -> Block.Table {
        var result = Block.Table(rows: [])
        if let caption = table.first("caption") { result.caption = readInlines(caption) }
        func rows(_ container: XMLElement, header: Bool) {
            for row in container.all("tr") {
                let cells = row.elements.filter { $0.isNamed("td") || $0.isNamed("th") }
                let isHeader = header || (!cells.isEmpty && cells.allSatisfy { $0.isNamed("th") })
                result.rows.append(.init(isHeader: isHeader, cells: cells.map { readInlines($0) }))
            }
        }
        if let head = table.first("thead") { rows(head, header: true) }
        for body in table.all("tbody") { rows(body, header: false) }
        rows(table, header: false)
        if let foot = table.first("tfoot") { rows(foot, header: false) }
        return result
    }

    // MARK: Inlines

    /// The inline content of an element, whitespace collapsed as XML mixed content is displayed.
    package mutating func readInlines(_ element: XMLElement) -> [Inline] {
        NITFBodyReaderSupport.trim(readInlineChildren(element))
    }

    mutating func readInline(_ element: XMLElement) -> [Inline] {
        let name = element.name
        switch name {
        case "em":
            switch element.attribute("class") {
            case "strong": return [.strong(readInlineChildren(element))]
            case "code": return [.code(element.text)]
            default: return [.emphasis(readInlineChildren(element))]
            }
        case "a":
            return [.link(href: element.attribute("href") ?? "", title: element.attribute("title"), content: readInlineChildren(element))]
        case "br":
            return [.lineBreak]
        case "q":
            return [.quote(readInlineChildren(element))]
        default:
            if let kind = MarkupNames.mentionForNITF[name] {
                let id =
                    element.attribute(MarkupNames.nitfIdentifierAttribute(kind))
                    ?? element.attribute("idsrc").flatMap { _ in element.attribute("value") }
                return [.mention(.init(kind: kind, id: id, content: readInlineChildren(element)))]
            }
            note(element)
            return readInlineChildren(element)
        }
    }

    // MARK: Whitespace

    /// Collapses runs of XML whitespace into one space (``ByteLevel/WhitespaceRuns``).
    package static func collapse(_ text: String) -> String { WhitespaceRuns.collapsed(text) ?? text }

    /// Collapsed and trimmed text.
    package static func normalize(_ text: String) -> String {
        let collapsed = collapse(text)
        // collapse leaves at most one space at either end; trimmed on UTF-8 (counting Characters is slow).
        let utf8 = collapsed.utf8
        guard let first = utf8.first, let last = utf8.last, first == 0x20 || last == 0x20 else { return collapsed }
        let start = first == 0x20 ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        let end = last == 0x20 && utf8.count > 1 ? utf8.index(before: utf8.endIndex) : utf8.endIndex
        guard start < end else { return "" }
        return String(collapsed[start..<end])
    }

    // MARK: Diagnostics

    private mutating func note(_ element: XMLElement) { dropped.element(element) }

    /// One warning per kind of markup that was not mapped.
    package func diagnostics() -> [Diagnostic] { dropped.diagnostics(codePrefix: codePrefix, path: path) }
}
