import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Writes one article as a NewsML-G2 `newsItem` (or `packageItem` for a composite), valid
/// against NewsML-G2 2.35, with an inline NITF body. Elements kept in the article's extensions by
/// the importer are written back in their place, so G2 -> IR -> G2 keeps them.
struct G2ItemWriter {
    var diagnostics: [Diagnostic] = []
    let options: ConversionOptions
    let location: SourceLocation

    init(options: ConversionOptions, location: SourceLocation) {
        self.options = options
        self.location = location
    }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("newsml-g2.export.\(code)", message, at: location)
    }

    /// Raw elements kept under `g2:<container>/<name>`.
    private func kept(_ container: String, _ name: String, in article: Article) -> [String] {
        article.extensions.strings("g2:\(container)/\(name)")
    }

    /// Writes the elements kept whole under `g2:<container>/<name>` as they were; true when any
    /// was written (they then stand instead of what the IR would give).
    private mutating func writeKept(_ container: String, _ name: String, of article: Article, to w: inout XMLWriter) -> Bool {
        writeRaw(kept(container, name, in: article), kept: "g2:\(container)/\(name)", to: &w)
    }

    /// Writes kept elements as they are; true when any was written. One that is not well-formed
    /// XML (a newsconv JSON document's kept string can hold anything) is dropped with a warning.
    private mutating func writeRaw(_ fragments: [String], kept key: String, to w: inout XMLWriter) -> Bool {
        let (written, dropped) = w.raw(fragments: fragments)
        if dropped > 0 {
            warn("kept-ill-formed", "\(dropped) of the elements kept in extensions[\"\(key)\"] are not well-formed XML; dropped")
        }
        return written
    }

    /// Every kept element of a container whose name is not in `known` (other namespaces, newer elements).
    private func keptOthers(_ container: String, known: [String], in article: Article) -> [String] {
        let prefix = "g2:\(container)/"
        return article.extensions.values.keys.sorted()
            .filter { $0.hasPrefix(prefix) && !known.contains(String($0.dropFirst(prefix.count))) }
            .flatMap { key -> [String] in
                guard case .array(let values)? = article.extensions[key] else { return [] }
                return values.compactMap(\.stringValue)
            }
    }

    mutating func write(_ article: Article, to w: inout XMLWriter, declareNamespace: Bool) {
        // A composite without content of its own (body or kept renditions) is a package of references.
        let isPackage =
            article.kind == .composite
            && (article.extensions["g2:packageItem/groupSet"] != nil
                || article.body.isEmpty && kept("contentSet", "alternative", in: article).isEmpty)
        let root = isPackage ? "packageItem" : "newsItem"
        var attributes: [(String, String)] = []
        if declareNamespace { attributes.append(("xmlns", G2Vocabulary.namespace)) }
        if let id = article.id {
            attributes.append(("guid", id))
        } else {
            let urn = article.contentURN
            warn("id-supplied", "the article has no id, which NewsML-G2 requires (guid); wrote one made from its content, \(urn)")
            attributes.append(("guid", urn))
        }
        if let version = article.version {
            if version >= 1 {
                attributes.append(("version", String(version)))
            } else {
                // A ninjs `version: "0"` (AP's): NewsML-G2's version is a positive integer.
                warn("dropped-version", "version \(version) is not a NewsML-G2 version (a positive integer); left out")
            }
        }
        attributes.append(("standard", "NewsML-G2"))
        attributes.append(("standardversion", G2Vocabulary.standardVersion))
        attributes.append(("conformance", "power"))
        if let language = article.language, G2Vocabulary.isLanguageTag(language) { attributes.append(("xml:lang", language)) }
        w.start(root, attributes)

        w.element("catalogRef", [("href", IPTCSchemeAliases.catalog)])
        if case .array(let hrefs)? = article.extensions["g2:catalogRef"] {
            for href in hrefs.compactMap(\.stringValue) where href != IPTCSchemeAliases.catalog {
                var attributes: [(String, String)] = []
                uriAttribute("href", href, of: "catalogRef", into: &attributes)
                if !attributes.isEmpty { w.element("catalogRef", attributes) }
            }
        }
        for name in ["catalog", "hopHistory", "pubHistory"] { _ = writeKept("item", name, of: article, to: &w) }
        writeRightsInfo(article, to: &w)
        writeItemMeta(article, to: &w)
        writeContentMeta(article, to: &w)
        for name in ["partMeta", "assert", "inlineRef", "derivedFrom", "derivedFromValue"] {
            _ = writeKept("item", name, of: article, to: &w)
        }
        if isPackage {
            writeGroupSet(article, to: &w)
        } else {
            writeContentSet(article, to: &w)
        }
        w.end()
    }

    // MARK: rightsInfo

    mutating func writeRightsInfo(_ article: Article, to w: inout XMLWriter) {
        if writeKept("item", "rightsInfo", of: article, to: &w) { return }
        guard
            article.copyrightHolder != nil || article.copyrightNotice != nil || article.usageTerms != nil
                || article.alternatives.contains(where: { $0.field == "copyrightNotice" || $0.field == "usageTerms" })
        else { return }
        w.start("rightsInfo")
        if let holder = article.copyrightHolder {
            w.start("copyrightHolder", [("literal", Self.oneLine(holder))])
            w.element("name", text: Self.oneLine(holder))
            w.end()
        }
        if let notice = article.copyrightNotice { w.element("copyrightNotice", text: notice) }
        writeAlternatives("copyrightNotice", of: article, to: &w)
        if let terms = article.usageTerms { w.element("usageTerms", text: terms) }
        writeAlternatives("usageTerms", of: article, to: &w)
        w.end()
    }

    // MARK: itemMeta

    mutating func writeItemMeta(_ article: Article, to w: inout XMLWriter) {
        w.start("itemMeta")
        for name in G2Vocabulary.itemMetaOrder {
            // Kept links come first; the links to associated media follow them.
            if writeKept("itemMeta", name, of: article, to: &w), name != "link" { continue }
            switch name {
            case "itemClass":
                w.element("itemClass", [("qcode", G2Vocabulary.itemClass[article.kind] ?? "ninat:text")])
            case "provider":
                let provider = article.provider ?? article.dateline?.source.map { Concept(literal: $0, name: $0) }
                if let provider {
                    writeConcept("provider", provider, to: &w)
                } else {
                    warn("provider-unknown", "the article names no provider, which NewsML-G2 requires; wrote literal 'unknown'")
                    w.element("provider", [("literal", "unknown")])
                }
            case "versionCreated":
                w.element("versionCreated", text: versionCreated(article))
            case "firstCreated":
                // A DateTimePropType, as versionCreated: a date alone gets midnight.
                writeDateTime("firstCreated", article.firstCreated, to: &w)
            case "embargoed":
                writeDateTime("embargoed", article.embargoed, to: &w)
            case "pubStatus":
                if let status = article.status { w.element("pubStatus", [("qcode", "stat:\(status.rawValue)")]) }
            case "edNote":
                for note in article.editorialNotes { w.element("edNote", text: note) }
            case "signal":
                for signal in article.signals {
                    w.element("signal", [(signal.contains(":") && !signal.contains(" ") ? "qcode" : "literal", Self.oneLine(signal))])
                }
            case "link":
                writeAssociatedMedia(article, to: &w)
            case "expires":
                writeDate("expires", article.expires, G2Vocabulary.dateOptTime, to: &w)
                for alternative in article.alternatives where alternative.field == "expires" {
                    w.element("expires", alternative.role.map { [("pubconstraint", $0)] } ?? [], text: alternative.text)
                }
            default:
                break
            }
        }
        _ = writeRaw(keptOthers("itemMeta", known: G2Vocabulary.itemMetaOrder, in: article), kept: "g2:itemMeta/...", to: &w)
        w.end()
    }

    /// versionCreated, which NewsML-G2 requires: the article's, else the best date it has, else
    /// the time of the conversion (`SOURCE_DATE_EPOCH` when set), each but the first with a warning.
    private mutating func versionCreated(_ article: Article) -> String {
        if let date = article.versionCreated {
            if let text = dateTime("versionCreated", date) { return text }
            warn("partial-date", "versionCreated '\(date.iso8601)' is not a full date")
        }
        let candidates: [(String, NewsDate?)] = [
            ("firstCreated", article.firstCreated), ("contentCreated", article.contentCreated),
            ("contentModified", article.contentModified),
            ("the dateline's date", article.dateline?.date),
        ]
        for (name, date) in candidates {
            if let date, let text = G2Vocabulary.dateTime(date) {
                warn("version-created-supplied", "the article has no versionCreated, which NewsML-G2 requires; wrote \(name), \(text)")
                return text
            }
        }
        let now = NewsDate(options.now ?? Date()).iso8601
        warn(
            "version-created-supplied",
            "the article has no versionCreated nor any other full date, and NewsML-G2 requires one; wrote the time of the conversion, \(now)"
        )
        return now
    }

    /// A G2 `DateTimeType`: a date without a time gets midnight, with a warning (the time is not the source's).
    private mutating func dateTime(_ name: String, _ date: NewsDate) -> String? {
        guard let text = G2Vocabulary.dateTime(date) else { return nil }
        if date.time == nil {
            warn("time-supplied", "\(name) '\(date.iso8601)' has no time, which NewsML-G2 requires there; wrote midnight, \(text)")
        }
        return text
    }

    private mutating func writeDateTime(_ name: String, _ date: NewsDate?, to w: inout XMLWriter) {
        guard let date else { return }
        if let text = dateTime(name, date) {
            w.element(name, text: text)
        } else {
            warn("partial-date", "\(name) '\(date.iso8601)' is too partial for NewsML-G2; dropped")
        }
    }

    private mutating func writeDate(_ name: String, _ date: NewsDate?, _ format: (NewsDate) -> String?, to w: inout XMLWriter) {
        guard let date else { return }
        if let text = format(date) {
            w.element(name, text: text)
        } else {
            warn("partial-date", "\(name) '\(date.iso8601)' is too partial for NewsML-G2; dropped")
        }
    }

    // MARK: contentMeta

    mutating func writeContentMeta(_ article: Article, to w: inout XMLWriter) {
        w.start("contentMeta")
        for name in G2Vocabulary.contentMetaOrder {
            if name == "contentMetaExtProperty" {
                writeUseKeys(article, to: &w)
                if let takeKey = article.takeKey {
                    w.element("contentMetaExtProperty", [("reluri", G2Vocabulary.takeKeyRelation), ("value", Self.oneLine(takeKey))])
                }
                for (key, value) in article.extensions.textEntries(excludingPrefix: "g2:") {
                    var attributes: [(String, String)] = []
                    uriAttribute("reluri", G2Vocabulary.extensionRelation + key, of: "contentMetaExtProperty", into: &attributes)
                    if !attributes.isEmpty { w.element("contentMetaExtProperty", attributes + [("value", value)]) }
                }
            }
            if writeKept("contentMeta", name, of: article, to: &w) { continue }
            switch name {
            case "urgency":
                if let urgency = article.urgency {
                    if (1...9).contains(urgency) {
                        w.element("urgency", text: String(urgency))
                    } else {
                        warn("urgency-range", "urgency \(urgency) is outside 1-9; dropped")
                    }
                }
            case "contentCreated":
                // The dateline's date is not taken for contentCreated, a fact the source does not
                // state. It is kept in the inline NITF body's dateline; without a body, NewsML-G2's
                // dateline is its printed text alone, and a time (which no dateline prints) is named.
                writeContentDate("contentCreated", article.contentCreated, to: &w)
                if let date = article.dateline?.date, date.time != nil, !Self.writesInlineBody(article) {
                    warn(
                        "dateline-date",
                        "the dateline's date \(date.iso8601) has no element in NewsML-G2, whose dateline is its printed text; dropped")
                }
            case "contentModified":
                writeContentDate("contentModified", article.contentModified, to: &w)
            case "located":
                let code = article.dateline?.placeCode
                if article.dateline?.place != nil || code != nil {
                    var attributes: [(String, String)] = []
                    if let code {
                        if code.contains("://") {
                            uriAttribute("uri", code, of: "located", into: &attributes)
                        } else if G2Vocabulary.isQCode(code) {
                            attributes.append(("qcode", code))
                        } else {
                            warn("invalid-qcode", "the located place's code '\(code)' is neither a qcode nor a URI; dropped")
                        }
                    }
                    w.start("located", attributes)
                    if let place = article.dateline?.place { w.element("name", text: Self.oneLine(place)) }
                    if let region = article.dateline?.region {
                        w.start("broader")
                        w.element("name", text: Self.oneLine(region))
                        w.end()
                    }
                    w.end()
                }
            case "infoSource":
                for source in article.infoSources { writeConcept("infoSource", source, to: &w) }
            case "creator":
                for creator in article.creators { writeConcept("creator", creator, to: &w) }
            case "contributor":
                for contributor in article.contributors { writeConcept("contributor", contributor, to: &w) }
            case "by":
                // The printed byline, as printed.
                for byline in article.bylines { w.element("by", text: Self.oneLine(byline.printed)) }
            case "language":
                if let language = article.language {
                    if G2Vocabulary.isLanguageTag(language) {
                        w.element("language", [("tag", language)])
                    } else {
                        warn("invalid-language", "'\(language)' is not a language tag (BCP 47, as 'en' or 'pt-BR'); dropped")
                    }
                }
            case "genre":
                for genre in article.genres { writeConcept("genre", genre, to: &w) }
            case "keyword":
                for keyword in article.keywords { w.element("keyword", text: Self.oneLine(keyword)) }
            case "subject":
                for subject in article.subjects { writeConcept("subject", subject, to: &w) }
                for (concepts, type) in [
                    (article.people, "cpnat:person"), (article.organisations, "cpnat:organisation"), (article.places, "cpnat:geoArea"),
                ] {
                    for concept in concepts {
                        var typed = concept
                        if typed.type == nil { typed.type = type }
                        writeConcept("subject", typed, to: &w)
                    }
                }
            case "slugline":
                if let slugline = article.slugline { w.element("slugline", text: Self.oneLine(slugline)) }
            case "headline":
                if let headline = article.headline { w.element("headline", text: headline) }
                for sub in article.subheadlines { w.element("headline", [("role", G2Vocabulary.subheadlineRole)], text: sub) }
                writeAlternatives("headline", of: article, to: &w)
            case "dateline":
                if let dateline = article.dateline, !dateline.text.isEmpty { w.element("dateline", text: dateline.text) }
            case "creditline":
                if let creditline = article.creditline { w.element("creditline", text: Self.oneLine(creditline)) }
            case "description":
                for block in article.abstract {
                    let text = block.plainText
                    if !text.isEmpty { w.element("description", [("role", G2Vocabulary.summaryRole)], text: text) }
                }
                if article.kind != .text, let caption = article.media.first?.caption {
                    w.element("description", [("role", G2Vocabulary.captionRole)], text: caption)
                }
                for description in article.descriptions {
                    var attributes: [(String, String)] = []
                    // A role in words (ninjs' `caption`) is written in IPTC's description role scheme.
                    if let role = description.role {
                        qcodeAttribute("role", G2Vocabulary.isQCode(role) ? role : "drol:" + role, of: "description", into: &attributes)
                    }
                    if let language = description.language, G2Vocabulary.isLanguageTag(language) {
                        attributes.append(("xml:lang", language))
                    }
                    w.element("description", attributes, text: description.text)
                }
            default:
                break
            }
        }
        _ = writeRaw(keptOthers("contentMeta", known: G2Vocabulary.contentMetaOrder, in: article), kept: "g2:contentMeta/...", to: &w)
        w.end()
    }

    /// Dynamic use keys as extension properties of newsconv's relation (G2 has no element for them).
    private func writeUseKeys(_ article: Article, to w: inout XMLWriter) {
        for useKey in article.useKeys {
            w.element("contentMetaExtProperty", [("reluri", G2Vocabulary.useKeyRelation), ("value", Self.oneLine(useKey.key))])
            for (name, value) in zip(G2Vocabulary.useKeyAttributes, [useKey.version, useKey.generation, useKey.part]) {
                if let value {
                    w.element(
                        "contentMetaExtProperty", [("reluri", "\(G2Vocabulary.useKeyRelation):\(name)"), ("value", Self.oneLine(value))])
                }
            }
        }
    }

    /// The alternatives of one field (another language, a role), as more elements of its name.
    private mutating func writeAlternatives(_ field: String, of article: Article, to w: inout XMLWriter) {
        for alternative in article.alternatives where alternative.field == field {
            var attributes: [(String, String)] = []
            if let role = alternative.role { qcodeAttribute("role", role, of: field, into: &attributes) }
            if let language = alternative.language, G2Vocabulary.isLanguageTag(language) { attributes.append(("xml:lang", language)) }
            w.element(field, attributes, text: alternative.text)
        }
    }

    private mutating func writeContentDate(_ name: String, _ date: NewsDate?, to w: inout XMLWriter) {
        guard let date else { return }
        if let text = G2Vocabulary.truncatedDateTime(date) {
            w.element(name, text: text)
        } else {
            warn("partial-date", "\(name) '\(date.iso8601)' has no year; dropped (give --date-context to complete it)")
        }
    }

    /// A concept as a G2 property: qcode/uri/literal, type, role, then `name` and `broader`.
    /// The uri is left out when it is what the qcode resolves to.
    mutating func writeConcept(_ element: String, _ concept: Concept, to w: inout XMLWriter) {
        var attributes: [(String, String)] = []
        var literal = concept.literal
        if let qcode = concept.qcode {
            if G2Vocabulary.isQCode(qcode) {
                attributes.append(("qcode", qcode))
            } else {
                warn("invalid-qcode", "'\(qcode)' is not a qcode (prefix:code); written as a literal of <\(element)>")
                if literal == nil { literal = qcode }
            }
        }
        if let uri = concept.uri, concept.qcode.flatMap(G2Vocabulary.uri(forQCode:)) != uri {
            uriAttribute("uri", uri, of: element, into: &attributes)
        }
        if let literal { attributes.append(("literal", Self.oneLine(literal))) }
        // A type or role given as a URI goes in the `...uri` attribute, as it is.
        if let type = concept.type {
            if G2Vocabulary.isURI(type) {
                uriAttribute("typeuri", type, of: element, into: &attributes)
            } else {
                qcodeAttribute("type", type, of: element, into: &attributes)
            }
        }
        if let role = concept.role {
            if !G2Vocabulary.conceptsWithRole.contains(element) {
                warn("dropped-role", "<\(element)> has no role in NewsML-G2; the role '\(role)' is dropped")
            } else if G2Vocabulary.isURI(role) {
                uriAttribute("roleuri", role, of: element, into: &attributes)
            } else {
                qcodeAttribute("role", role, of: element, into: &attributes)
            }
        }
        w.start(element, attributes)
        if let name = concept.name { w.element("name", text: Self.oneLine(name)) }
        for broader in concept.broader { writeConcept("broader", broader, to: &w) }
        w.end()
    }

    /// A text for G2's `g2normalizedString` (names, keywords, slugline, creditline, `literal`):
    /// spaces only, so tabs and line ends become spaces.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(decoding: text.utf8.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
    }

    /// An IRI-typed attribute (`xs:anyURI`), or a warning when the value is not a URI: one such
    /// value would make the whole item invalid.
    private mutating func uriAttribute(_ name: String, _ value: String, of element: String, into attributes: inout [(String, String)]) {
        if XMLAnyURI.isValid(value) {
            attributes.append((name, value))
        } else {
            warn("invalid-uri", "\(name) '\(value)' of <\(element)> is not a URI; dropped")
        }
    }

    /// A QCode-typed attribute, or a warning when the value is not a qcode.
    private mutating func qcodeAttribute(_ name: String, _ value: String, of element: String, into attributes: inout [(String, String)]) {
        if G2Vocabulary.isQCode(value) {
            attributes.append((name, value))
        } else {
            warn("invalid-qcode", "\(name) '\(value)' of <\(element)> is not a qcode (prefix:code); dropped")
        }
    }

    // MARK: contentSet

    mutating func writeContentSet(_ article: Article, to w: inout XMLWriter) {
        let alternatives = kept("contentSet", "alternative", in: article)
        let hasText = Self.writesInlineBody(article)
        // Media are the item's own content when it is no story; a story's own are those with its
        // id, or without an id when it has no body (a remote text rendition). The rest are linked
        // from itemMeta (``associatedMedia(of:)``).
        let remote = article.media.filter { !Self.isAssociated($0, with: article) }
        guard hasText || !remote.isEmpty || !alternatives.isEmpty else { return }
        w.start("contentSet")
        if hasText {
            w.start("inlineXML", [("contenttype", "application/nitf+xml")])
            w.start("nitf", [("xmlns", MarkupNames.nitf)])
            var body = NITFBodyWriter(codePrefix: "newsml-g2.export", location: location)
            body.writeBody(article, to: &w)
            diagnostics += body.diagnostics
            w.end()
            w.end()
        }
        for media in remote { writeRemoteContent(media, to: &w) }
        _ = writeRaw(alternatives, kept: "g2:contentSet/alternative", to: &w)
        w.end()
        let sections = article.extensions.values.keys.filter { $0.hasPrefix("g2:xhtml/") }.map { "<\($0.dropFirst("g2:xhtml/".count))>" }
            .sorted()
        if !sections.isEmpty {
            warn(
                "dropped-body-sections",
                "the XHTML body's \(sections.joined(separator: ", ")) sections have no place in the inline NITF body; dropped (what they map to is in contentMeta)"
            )
        }
    }

    /// Whether the item's content is an inline NITF body (with its `body.head`): a text item's,
    /// or any item's with body text.
    static func writesInlineBody(_ article: Article) -> Bool {
        !article.body.isEmpty || article.headline != nil && article.kind == .text
    }

    /// The media of a story with a body (a text or composite item) that are not its own content:
    /// the pictures and video that go with the story.
    static func associatedMedia(of article: Article) -> [MediaItem] {
        article.media.filter { isAssociated($0, with: article) }
    }

    /// Whether a media item goes with the story rather than being its content: one with another
    /// item's id, or one without an id beside a body. (A composite item without a body is a
    /// package, whose media are its item references.)
    static func isAssociated(_ media: MediaItem, with article: Article) -> Bool {
        guard G2Vocabulary.linksMedia(article.kind), article.kind == .text || !article.body.isEmpty else { return false }
        return media.id == nil ? !article.body.isEmpty : media.id != article.id
    }

    /// Media associated with a story, as IPTC's examples link them from `itemMeta`: a `link`
    /// with the relation `irel:associatedWith` for each file (the main one, then the renditions),
    /// naming the media item by `residref`; the first holds the caption as a `description`.
    private mutating func writeAssociatedMedia(_ article: Article, to w: inout XMLWriter) {
        let associated = Self.associatedMedia(of: article)
        var dropped: Set<String> = []
        for media in associated {
            let files = Self.files(of: media)
            if media.kind != nil { dropped.insert("kind") }
            Self.noteUnheld(media, files: files, in: &dropped)
            for (index, file) in files.enumerated() {
                var attributes: [(String, String)] = [("rel", G2Vocabulary.associatedWith)]
                if let href = file.href { uriAttribute("href", href, of: "link", into: &attributes) }
                if let id = media.id { attributes.append(("residref", id)) }
                if let type = file.mediaType { attributes.append(("contenttype", type)) }
                if let size = file.sizeInBytes { attributes.append(("size", String(size))) }
                if let title = media.title { attributes.append(("title", Self.oneLine(title))) }
                if index == 0, let caption = media.caption {
                    w.start("link", attributes)
                    w.element("description", [("role", G2Vocabulary.captionRole)], text: caption)
                    w.end()
                } else {
                    w.element("link", attributes)
                }
            }
        }
        if !dropped.isEmpty {
            warn(
                "media-links",
                "media associated with a text item are written as itemMeta links (irel:associatedWith); their \(dropped.sorted().joined(separator: ", ")) have no place there; dropped"
            )
        }
    }

    /// What a media item holds that a reference to one of its files (a `link`, an `itemRef`)
    /// cannot: its credit, its rendition names and dimensions, and, without an id to name the
    /// item by, which files belong together (each would read back as an item).
    static func noteUnheld(_ media: MediaItem, files: [MediaItem.Rendition], in dropped: inout Set<String>) {
        if media.id == nil, files.count > 1 { dropped.insert("files' grouping (no id)") }
        if media.credit != nil { dropped.insert("credit") }
        if files.contains(where: { $0.name != nil }) { dropped.insert("rendition names") }
        if files.contains(where: { $0.width != nil || $0.height != nil || $0.duration != nil }) { dropped.insert("dimensions") }
    }

    /// A media item's files: its main file first, unless a rendition names it too (AP's `main`:
    /// written once), then its renditions; an item with neither is one file without a name.
    static func files(of media: MediaItem) -> [MediaItem.Rendition] {
        var files = media.renditions
        if media.href.map({ href in !files.contains { $0.href == href } }) ?? files.isEmpty {
            files.insert(MediaItem.Rendition(href: media.href, mediaType: media.mediaType), at: 0)
        }
        return files
    }

    mutating func writeRemoteContent(_ media: MediaItem, to w: inout XMLWriter) {
        for rendition in Self.files(of: media) {
            var attributes: [(String, String)] = []
            if let href = rendition.href { uriAttribute("href", href, of: "remoteContent", into: &attributes) }
            if let name = rendition.name {
                // A QCode: a prefix, a colon and a code, no spaces (not `:Machine`, which the
                // fuzzer's schema check found written).
                if G2Vocabulary.isQCode(name) {
                    attributes.append(("rendition", name))
                } else {
                    warn("rendition-name", "rendition name '\(name)' is not a qcode; dropped")
                }
            }
            if let type = rendition.mediaType { attributes.append(("contenttype", type)) }
            if let size = rendition.sizeInBytes { attributes.append(("size", String(size))) }
            if let width = rendition.width { attributes.append(("width", String(width))) }
            if let height = rendition.height { attributes.append(("height", String(height))) }
            if let duration = rendition.duration { attributes.append(("duration", Self.number(duration))) }
            w.element("remoteContent", attributes)
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: packageItem

    mutating func writeGroupSet(_ article: Article, to w: inout XMLWriter) {
        if writeKept("packageItem", "groupSet", of: article, to: &w) { return }
        guard !article.media.isEmpty else { return }
        w.start("groupSet", [("root", "G1")])
        w.start("group", [("id", "G1"), ("role", "group:main")])
        // An item reference names one file: a referenced item's further files (Superdesk's
        // renditions) follow as references to the same item, without children, read back as its
        // renditions.
        var dropped: Set<String> = []
        for media in article.media {
            let files = Self.files(of: media)
            Self.noteUnheld(media, files: files, in: &dropped)
            for (index, file) in files.enumerated() {
                var attributes: [(String, String)] = []
                if let id = media.id { attributes.append(("residref", id)) }
                if let href = file.href { uriAttribute("href", href, of: "itemRef", into: &attributes) }
                if let type = file.mediaType ?? (index == 0 ? media.mediaType : nil) { attributes.append(("contenttype", type)) }
                if let size = file.sizeInBytes { attributes.append(("size", String(size))) }
                guard index == 0 else {
                    w.element("itemRef", attributes)
                    continue
                }
                w.start("itemRef", attributes)
                if let kind = media.kind, let itemClass = G2Vocabulary.itemClass[kind] { w.element("itemClass", [("qcode", itemClass)]) }
                if let title = media.title { w.element("title", text: title) }
                if let caption = media.caption { w.element("description", [("role", G2Vocabulary.captionRole)], text: caption) }
                w.end()
            }
        }
        w.end()
        w.end()
        if !dropped.isEmpty {
            warn(
                "item-refs",
                "a package's items are written as itemRefs, one per file; their \(dropped.sorted().joined(separator: ", ")) have no place there; dropped"
            )
        }
    }
}
