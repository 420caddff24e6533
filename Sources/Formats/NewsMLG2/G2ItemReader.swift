import BodyMarkup
import ByteLevel
import Foundation
import NewsCore
import NewsXML

/// Reads one `newsItem` or `packageItem` into an article.
///
/// An element the IR can hold fully is mapped. An element that holds more (a second name in
/// another language, a definition, attributes with no IR field) is mapped as far as it goes and
/// also kept whole under `extensions["g2:<container>/<name>"]`, which the exporter writes back in
/// its place: G2 -> IR -> G2 keeps it, and the other formats still get the mapped values.
struct G2ItemReader {
    let path: String?
    var diagnostics: [Diagnostic] = []
    private var article = Article()
    private var language: String?
    /// The namespace of the item element (nil for a document without the declaration).
    private var sourceNamespace: String?
    /// Serializes kept elements (one per item: it caches the namespaces in scope).
    private let fragments = XMLFragmentWriter()
    /// Whether notes are made (see ``ConversionOptions/reportsNotes``).
    private let reportsNotes: Bool
    /// What the IR has no field for, kept under `g2:` keys: made when the articles' holder wants
    /// it (``DeferredExtensions``), for article 0 (this item).
    private(set) var kept = DeferredExtensions()
    /// The extension keys kept so far, for one note per key (filled only when notes are made).
    private var keptKeys: Set<String> = []

    init(path: String?, reportsNotes: Bool = true) {
        self.path = path
        self.reportsNotes = reportsNotes
    }

    private func at(_ element: XMLElement) -> SourceLocation { SourceLocation(path: path, line: element.line, column: 1) }

    /// The element as XML that keeps its meaning inside newsconv's output, whose default
    /// namespace is G2's (for a source without namespaces, its unqualified names become G2's).
    /// Text that G2's schema wants on one line (a Reuters `fileName` with line breaks, invalid in
    /// its source too) gets spaces for its tabs and line ends, so that the output stays valid.
    /// A maker of that XML, called when the value is wanted (see ``kept``).
    private func serializer(_ element: XMLElement) -> () -> JSONValue {
        let fragments = fragments
        let defaultNamespace = sourceNamespace == nil ? nil : G2Vocabulary.namespace
        return { .string(fragments.serialize(element, defaultNamespace: defaultNamespace, oneLine: G2Vocabulary.oneLineElements)) }
    }

    private mutating func keep(_ element: XMLElement, container: String) {
        let name = element.name
        let key = Self.extensionKey(container, name)
        if element.hasLineBreaks(inElementsNamed: G2Vocabulary.oneLineElements) {
            warn(
                "one-line-text",
                "<\(name)> holds tabs or line breaks where NewsML-G2 allows one line of text (g2normalizedString); kept with spaces",
                element)
        }
        kept.append(article: 0, key: key, serializer(element))
        if reportsNotes, keptKeys.insert(key).inserted {
            diagnostics.append(
                .note(
                    "newsml-g2.import.kept",
                    "<\(name)> holds data the IR has no field for; kept whole in extensions[\"\(key)\"] for NewsML-G2 output",
                    at: at(element)))
        }
    }

    /// `g2:container/name`, written in one go (appending to a String costs more than the bytes).
    static func extensionKey(_ container: String, _ name: String) -> String {
        UTF8Concatenation.join("g2:", container, "/", name)
    }

    private mutating func warn(_ code: String, _ message: String, _ element: XMLElement) {
        diagnostics.append(.warning("newsml-g2.import.\(code)", message, at: at(element)))
    }

    /// Maps the item into ``article``; ``finish()`` completes it and hands it over. A reader
    /// reads one item.
    mutating func read(_ item: XMLElement) {
        sourceNamespace = item.namespaceURI
        article.origin = Origin(format: FormatModule.newsMLG2.name, path: path, line: item.line, column: 1)
        article.id = item.attribute("guid")
        article.version = item.attribute("version").flatMap { Int($0) }
        // The effective language: the item's xml:lang, else contentMeta's language. A property whose
        // own xml:lang says the same adds nothing, so it is read as plain.
        language =
            item.attribute("lang", namespace: XMLElement.xmlNamespace)
            ?? item.first("contentMeta")?.first("language")?.attribute("tag")
        article.language = language
        if item.isNamed("packageItem") { article.kind = .composite }

        var catalogs: [JSONValue] = []
        for child in item.childElements {
            switch child.name {
            case "catalogRef":
                if let href = child.attribute("href"), href != IPTCSchemeAliases.catalog { catalogs.append(.string(href)) }
            case "rightsInfo": readRightsInfo(child)
            case "itemMeta": readItemMeta(child)
            case "contentMeta": readContentMeta(child)
            case "contentSet": readContentSet(child)
            case "groupSet": readGroupSet(child)
            default: keepIfValid(child, container: "item", known: G2Vocabulary.newsItemOrder + ["catalog", "Signature"])
            }
        }
        for catalog in catalogs { kept.append(article: 0, key: "g2:catalogRef") { catalog } }
    }

    /// Keeps an element the IR has no field for, if NewsML-G2 knows it (or it is from another
    /// namespace, which G2 allows); an element G2 does not have (`<ednote>`) would make the
    /// output invalid, so it is dropped with a warning.
    private mutating func keepIfValid(_ element: XMLElement, container: String, known: [String]) {
        let inG2 = element.isInNamespaceOrNone(G2Vocabulary.namespace)
        if inG2, !known.contains(element.name) {
            warn("unknown-element", "<\(element.name)> is not a NewsML-G2 element of \(container); dropped", element)
        } else {
            keep(element, container: container)
        }
    }

    /// A G2 date; `2016-01-12 12:35:40` (a space for `T`) is read with a warning; an empty element means none.
    private mutating func readDate(_ element: XMLElement) -> NewsDate? {
        let value = Self.text(element)
        if value.isEmpty { return nil }
        if let date = NewsDate(iso8601: value) {
            if !isPlain(element) { warn("dropped-attributes", "attributes of <\(element.name)> have no IR field; dropped", element) }
            return date
        }
        if let date = NewsDate(feedSpelling: value) {
            warn("lenient-date", "<\(element.name)>\(value)</\(element.name)> is not an XML Schema date; read as \(date.iso8601)", element)
            return date
        }
        warn("invalid-date", "<\(element.name)>\(value)</\(element.name)> is not a date; dropped", element)
        return nil
    }

    // MARK: Simplicity: can the IR hold this element fully?

    /// Whether the IR can hold an element fully. The checks need only the item's language, so
    /// the closures that run them capture this small value, not the whole reader.
    struct Simplicity {
        let language: String?

        /// True when the element has only the given attributes (an `xml:lang` equal to the item's
        /// language is allowed too) and no child elements.
        func isPlain(_ element: XMLElement, attributes allowed: [String] = []) -> Bool {
            hasOnly(element, attributes: allowed) && !element.hasChildElements
        }

        func hasOnly(_ element: XMLElement, attributes allowed: [String]) -> Bool {
            element.attributesAll { attribute in
                if attribute.namespaceURI == XMLElement.xmlNamespace, attribute.isNamed("lang") {
                    return element.attribute("lang", namespace: XMLElement.xmlNamespace) == language
                }
                return attribute.namespaceURI == nil && allowed.contains { attribute.isNamed($0) }
            }
        }

        /// A concept the IR's ``Concept`` holds fully: qcode/uri/literal/type/role, at most one plain
        /// `name`, and `broader` concepts of the same kind.
        func isSimpleConcept(_ element: XMLElement) -> Bool {
            // A type or role in both spellings is kept whole: the IR holds one of each.
            guard hasOnly(element, attributes: ["qcode", "uri", "literal", "type", "typeuri", "role", "roleuri"]),
                element.attribute("type") == nil || element.attribute("typeuri") == nil,
                element.attribute("role") == nil || element.attribute("roleuri") == nil
            else { return false }
            var names = 0
            for child in element.childElements {
                if child.isNamed("name") {
                    names += 1
                    if names > 1 || !isPlain(child) { return false }
                } else if child.isNamed("broader") {
                    if !isSimpleConcept(child) { return false }
                } else {
                    return false
                }
            }
            return true
        }
    }

    private var simplicity: Simplicity { Simplicity(language: language) }
    private func isPlain(_ element: XMLElement, attributes allowed: [String] = []) -> Bool {
        simplicity.isPlain(element, attributes: allowed)
    }
    private func hasOnly(_ element: XMLElement, attributes allowed: [String]) -> Bool { simplicity.hasOnly(element, attributes: allowed) }
    private func isSimpleConcept(_ element: XMLElement) -> Bool { simplicity.isSimpleConcept(element) }

    private static func concept(_ element: XMLElement) -> Concept {
        // The attributes looked at once each, not searched for one name at a time.
        var qcode: String?
        var uri: String?
        var literal: String?
        var type: String?
        var typeURI: String?
        var role: String?
        var roleURI: String?
        for attribute in element.plainAttributes {
            switch attribute.name {
            case "qcode": qcode = attribute.value
            case "uri": uri = attribute.value
            case "literal": literal = attribute.value
            case "type": type = attribute.value
            case "typeuri": typeURI = attribute.value
            case "role": role = attribute.value
            case "roleuri": roleURI = attribute.value
            default: break
            }
        }
        var name: String?
        var broader: [Concept] = []
        for child in element.childElements {
            if name == nil, child.isNamed("name") {
                name = NITFBodyReader.normalize(child.text)
            } else if child.isNamed("broader") {
                broader.append(Self.concept(child))
            }
        }
        return Concept(
            qcode: qcode, uri: uri ?? qcode.flatMap(G2Vocabulary.uri(forQCode:)), literal: literal, name: name, type: type ?? typeURI,
            role: role ?? roleURI, broader: broader)
    }

    private static func text(_ element: XMLElement) -> String { NITFBodyReader.normalize(element.text) }

    /// Maps every element of one name; keeps them all whole when any is not simple.
    private mutating func group(
        _ elements: some Collection<XMLElement>, container: String, simple: Bool, map: (inout Self, XMLElement) -> Void
    ) {
        for element in elements { map(&self, element) }
        if !simple {
            for element in elements { keep(element, container: container) }
        }
    }

    // MARK: rightsInfo

    mutating func readRightsInfo(_ rights: XMLElement) {
        var simple = hasOnly(rights, attributes: [])
        var seen: [XMLElement] = []
        var repeated = false
        for child in rights.childElements {
            if seen.contains(where: { $0.hasSameLocalName(as: child) }) { repeated = true } else { seen.append(child) }
            switch child.name {
            case "copyrightHolder":
                if article.copyrightHolder == nil {
                    article.copyrightHolder =
                        child.first("name").map(Self.text) ?? child.attribute("literal") ?? child.attribute("qcode")
                        ?? child.attribute("uri")
                }
                simple =
                    simple && hasOnly(child, attributes: ["literal"])
                    && child.childElements.allSatisfy { $0.isNamed("name") && isPlain($0) }
            case "copyrightNotice":
                if article.copyrightNotice == nil {
                    article.copyrightNotice = Self.text(child)
                } else {
                    alternative(child, field: "copyrightNotice")
                }
                simple = simple && isPlain(child)
            case "usageTerms":
                if article.usageTerms == nil { article.usageTerms = Self.text(child) } else { alternative(child, field: "usageTerms") }
                simple = simple && isPlain(child)
            default:
                simple = false
            }
        }
        if !simple || repeated { keep(rights, container: "item") }
    }

    /// A second value of a field that holds one (another language, a role): kept in the IR's
    /// alternatives with its language and role.
    private mutating func alternative(_ element: XMLElement, field: String) {
        article.alternatives.append(
            TaggedText(
                text: Self.text(element), language: element.attribute("lang", namespace: XMLElement.xmlNamespace) ?? language,
                role: element.attribute("role"), field: field))
    }

    // MARK: itemMeta

    mutating func readItemMeta(_ meta: XMLElement) {
        for elements in meta.childGroups(mergingNoNamespaceWith: G2Vocabulary.namespace) {
            let name = elements.name
            switch name {
            case "itemClass":
                group(
                    elements, container: "itemMeta",
                    simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0, attributes: ["qcode"]) }
                ) {
                    reader, element in
                    switch element.attribute("qcode").map(Self.code(ofQCode:)) {
                    case "text": reader.article.kind = reader.article.kind == .composite ? .composite : .text
                    case "picture", "photo": reader.article.kind = .picture
                    case "video": reader.article.kind = .video
                    case "audio": reader.article.kind = .audio
                    case "graphic": reader.article.kind = .graphic
                    case "composite": reader.article.kind = .composite
                    default: break
                    }
                }
            case "provider":
                group(elements, container: "itemMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) {
                    $0.article.provider = Self.concept($1)
                }
            case "versionCreated", "firstCreated", "embargoed", "expires":
                for element in elements {
                    // An expiry under a publishing constraint (`usage:web`), or a further one, is
                    // another value of the field: kept with its constraint as the role.
                    if name == "expires", element.attribute("pubconstraint") != nil || article.expires != nil,
                        hasOnly(element, attributes: ["pubconstraint"]), NewsDate(iso8601: Self.text(element)) != nil
                    {
                        article.alternatives.append(
                            TaggedText(text: Self.text(element), role: element.attribute("pubconstraint"), field: "expires"))
                        continue
                    }
                    let date = readDate(element)
                    switch name {
                    case "versionCreated": article.versionCreated = date
                    case "firstCreated": article.firstCreated = date
                    case "embargoed": article.embargoed = date
                    default: article.expires = date
                    }
                }
            case "pubStatus":
                group(
                    elements, container: "itemMeta",
                    simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0, attributes: ["qcode"]) && Self.status($0) != nil }
                ) { reader, element in
                    reader.article.status = Self.status(element)
                }
            case "edNote":
                let notes = elements.filter { !$0.isBlank }
                group(notes, container: "itemMeta", simple: notes.allSatisfy { [simplicity] in simplicity.isPlain($0) }) {
                    $0.article.editorialNotes.append(Self.text($1))
                }
            case "signal":
                group(
                    elements, container: "itemMeta",
                    simple: elements.allSatisfy { [simplicity] in
                        simplicity.isPlain($0, attributes: ["qcode"]) || simplicity.isPlain($0, attributes: ["literal"])
                    }
                ) { reader, element in
                    if let signal = element.attribute("qcode") ?? element.attribute("literal") ?? element.attribute("uri") {
                        reader.article.signals.append(signal)
                    }
                }
            case "link":
                for element in elements {
                    if !readAssociatedMedia(element) { keepIfValid(element, container: "itemMeta", known: G2Vocabulary.itemMetaOrder) }
                }
            default:
                for element in elements { keepIfValid(element, container: "itemMeta", known: G2Vocabulary.itemMetaOrder) }
            }
        }
    }

    /// A story's (text or composite item's) `link` to a media item that goes with it (`irel:associatedWith`,
    /// naming it by `residref` or only by its file): its file, or a further rendition of the media
    /// item the link before named. False for any other link, which is kept whole.
    private mutating func readAssociatedMedia(_ link: XMLElement) -> Bool {
        guard G2Vocabulary.linksMedia(article.kind), link.attribute("rel") == G2Vocabulary.associatedWith,
            link.attribute("residref") != nil || link.attribute("href") != nil,
            hasOnly(link, attributes: ["rel", "residref", "href", "contenttype", "size", "title"])
        else { return false }
        let id = link.attribute("residref")
        let children = Array(link.childElements)
        let descriptions = children.filter { $0.isNamed("description") }
        guard descriptions.count == children.count, descriptions.count <= 1,
            descriptions.allSatisfy({ isPlain($0, attributes: ["role"]) && $0.attribute("role") == G2Vocabulary.captionRole })
        else { return false }
        let size = link.attribute("size").flatMap { Int($0) }
        if id != nil, let last = article.media.last, last.id == id, descriptions.isEmpty {
            article.media[article.media.count - 1].renditions.append(
                MediaItem.Rendition(href: link.attribute("href"), mediaType: link.attribute("contenttype"), sizeInBytes: size))
            return true
        }
        var media = MediaItem(id: id)
        media.href = link.attribute("href")
        media.mediaType = link.attribute("contenttype")
        media.title = link.attribute("title")
        media.caption = descriptions.first.map(Self.text)
        if let size { media.renditions.append(MediaItem.Rendition(href: media.href, mediaType: media.mediaType, sizeInBytes: size)) }
        article.media.append(media)
        return true
    }

    private static func status(_ element: XMLElement) -> Article.Status? {
        guard let code = element.attribute("qcode").map(Self.code(ofQCode:)) else { return nil }
        return Article.Status(rawValue: String(code))
    }

    /// The code of a qcode: what follows its last colon (all of it without one).
    static func code(ofQCode qcode: String) -> Substring {
        guard let colon = qcode.lastUTF8Index(of: UInt8(ascii: ":")) else { return qcode[...] }
        return qcode[qcode.utf8.index(after: colon)...]
    }

    // MARK: contentMeta

    /// Text properties: an empty one (`<description/>`, `<headline></headline>`) says nothing.
    private static func isTextual(_ name: String) -> Bool {
        switch name {
        case "keyword", "slugline", "headline", "dateline", "creditline", "description", "by": true
        default: false
        }
    }

    mutating func readContentMeta(_ meta: XMLElement) {
        for group in meta.childGroups(mergingNoNamespaceWith: G2Vocabulary.namespace) {
            let name = group.name
            // An empty text property (`<description/>`, `<headline></headline>`) says nothing.
            if Self.isTextual(name), group.contains(where: \.isBlank) {
                readContentMeta(name, group.filter { !$0.isBlank })
            } else {
                readContentMeta(name, group)
            }
        }
    }

    /// One group of contentMeta's children, all of one name.
    private mutating func readContentMeta(_ name: String, _ elements: some RandomAccessCollection<XMLElement>) {
        switch name {
        case "urgency":
            for element in elements {
                if let urgency = Int(Self.text(element)), (1...9).contains(urgency) {
                    article.urgency = urgency
                } else {
                    warn("invalid-urgency", "<urgency>\(Self.text(element))</urgency> is not 1-9; dropped", element)
                }
            }
        case "contentCreated", "contentModified":
            for element in elements {
                if name == "contentCreated" {
                    article.contentCreated = readDate(element)
                } else {
                    article.contentModified = readDate(element)
                }
            }
        case "located":
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in
                    simplicity.isPlain($0.first("name") ?? $0) && simplicity.hasOnly($0, attributes: [])
                        && $0.childElements.allSatisfy { child in
                            child.isNamed("name")
                                || (child.isNamed("broader") && simplicity.hasOnly(child, attributes: [])
                                    && child.childElements.allSatisfy { $0.isNamed("name") })
                        } && elements.count == 1
                }
            ) { reader, element in
                if reader.locatedPlace == nil {
                    // Its name, else its literal (ANSA's `located literal="Rome"`), is the place.
                    reader.locatedPlace = (element.first("name").map(Self.text) ?? element.attribute("literal")).flatMap {
                        $0.isEmpty ? nil : $0
                    }
                    reader.locatedRegion = element.first("broader")?.first("name").map(Self.text).flatMap { $0.isEmpty ? nil : $0 }
                    reader.locatedCode = element.attribute("qcode") ?? element.attribute("uri")
                }
            }
        case "infoSource":
            group(elements, container: "contentMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) {
                $0.article.infoSources.append(Self.concept($1))
            }
        case "creator":
            // A party that made the content, with its role: never the printed byline (that is `by`).
            group(elements, container: "contentMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) {
                $0.article.creators.append(Self.concept($1))
            }
        case "contributor":
            group(elements, container: "contentMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) {
                $0.article.contributors.append(Self.concept($1))
            }
        case "by":
            byElements = Array(elements)
        case "language":
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in
                    simplicity.isPlain($0, attributes: ["tag"]) && elements.count == 1 && $0.attribute("tag") == simplicity.language
                }
            ) { _, _ in }
        case "genre":
            group(elements, container: "contentMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) {
                $0.article.genres.append(Self.concept($1))
            }
        case "keyword":
            group(elements, container: "contentMeta", simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0) }) {
                $0.article.keywords.append(Self.text($1))
            }
        case "subject":
            group(elements, container: "contentMeta", simple: elements.allSatisfy(simplicity.isSimpleConcept)) { reader, element in
                let concept = Self.concept(element)
                switch concept.type {
                case "cpnat:person": reader.article.people.append(concept)
                case "cpnat:organisation": reader.article.organisations.append(concept)
                case "cpnat:geoArea", "cpnat:poi": reader.article.places.append(concept)
                default: reader.article.subjects.append(concept)
                }
            }
        case "slugline":
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0) && elements.count == 1 }
            ) {
                reader, element in
                if reader.article.slugline == nil { reader.article.slugline = Self.text(element) }
            }
        case "headline":
            let main = elements.filter { $0.attribute("role") == nil }
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in
                    (simplicity.isPlain($0)
                        || simplicity.isPlain($0, attributes: ["role"]) && $0.attribute("role") == G2Vocabulary.subheadlineRole)
                        && main.count <= 1
                }
            ) { reader, element in
                let role = element.attribute("role")
                let lang = element.attribute("lang", namespace: XMLElement.xmlNamespace)
                if role.map({ Self.code(ofQCode: $0).lowercased().contains("sub") }) == true {
                    reader.article.subheadlines.append(Self.text(element))
                } else if reader.article.headline == nil, role == nil, lang == nil || reader.language == nil || lang == reader.language {
                    // The item's headline; one in its own language is the headline of an item that names none.
                    reader.article.headline = Self.text(element)
                } else {
                    // Another language's headline, or one with another role: kept with its language and role.
                    reader.alternative(element, field: "headline")
                }
            }
        case "dateline":
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0) && elements.count == 1 }
            ) {
                reader, element in
                if reader.datelineText == nil { reader.datelineText = Self.text(element) }
            }
        case "creditline":
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in simplicity.isPlain($0) && elements.count == 1 }
            ) {
                reader, element in
                if reader.article.creditline == nil { reader.article.creditline = Self.text(element) }
            }
        case "description":
            // By role, whatever the scheme's prefix (`drol:`, `descRole:`, an agency's own): a summary
            // (or a description without a role) is the abstract; a caption of a picture or video item
            // is its media's caption; every other description keeps its role.
            let captionAllowed = article.kind != .text
            group(
                elements, container: "contentMeta",
                simple: elements.allSatisfy { [simplicity] in
                    simplicity.isPlain($0, attributes: ["role"])
                        && ($0.attribute("role") == G2Vocabulary.summaryRole
                            || captionAllowed && $0.attribute("role") == G2Vocabulary.captionRole)
                }
            ) { reader, element in
                switch G2Vocabulary.descriptionRole(element.attribute("role")) {
                case .summary: reader.article.abstract.append(.paragraph([.text(Self.text(element))]))
                case .caption where captionAllowed: reader.captions.append(Self.text(element))
                default:
                    let lang = element.attribute("lang", namespace: XMLElement.xmlNamespace)
                    reader.article.descriptions.append(
                        TaggedText(
                            text: Self.text(element), language: lang == reader.language ? nil : lang, role: element.attribute("role")))
                }
            }
        case "contentMetaExtProperty":
            // newsconv's own relation carries NITF's dynamic use keys; other extension properties are kept.
            for element in elements {
                let relation = element.attribute("reluri") ?? ""
                let value = element.attribute("value")
                if relation.hasPrefix(G2Vocabulary.extensionRelation), let value, hasOnly(element, attributes: ["reluri", "value"]),
                    Extensions.isTextKey(String(relation.dropFirst(G2Vocabulary.extensionRelation.count)))
                {
                    // Another format's plain fact, as newsconv writes it.
                    article.extensions[String(relation.dropFirst(G2Vocabulary.extensionRelation.count))] = .string(value)
                } else if relation == G2Vocabulary.takeKeyRelation, article.takeKey == nil, let value,
                    hasOnly(element, attributes: ["reluri", "value"])
                {
                    article.takeKey = value
                } else if relation == G2Vocabulary.useKeyRelation, let value, hasOnly(element, attributes: ["reluri", "value"]) {
                    article.useKeys.append(UseKey(key: value))
                } else if relation.hasPrefix(G2Vocabulary.useKeyRelation + ":"), !article.useKeys.isEmpty, let value,
                    hasOnly(element, attributes: ["reluri", "value"])
                {
                    switch relation.dropFirst(G2Vocabulary.useKeyRelation.count + 1) {
                    case "version": article.useKeys[article.useKeys.count - 1].version = value
                    case "generation": article.useKeys[article.useKeys.count - 1].generation = value
                    case "part": article.useKeys[article.useKeys.count - 1].part = value
                    default: keep(element, container: "contentMeta")
                    }
                } else {
                    keep(element, container: "contentMeta")
                }
            }
        default:
            for element in elements { keepIfValid(element, container: "contentMeta", known: G2Vocabulary.contentMetaOrder) }
        }
    }

    private var locatedPlace: String?
    private var locatedRegion: String?
    /// The located place's qcode or URI (`city:Philadelphia`), kept beside or instead of its name.
    private var locatedCode: String?
    private var datelineText: String?
    private var xhtmlDateline: Dateline?
    private var byElements: [XMLElement] = []
    private var captions: [String] = []
    private var body: NITFBodyContent?

    // MARK: contentSet

    mutating func readContentSet(_ set: XMLElement) {
        var usedBody = false
        var renditions: [MediaItem.Rendition] = []
        for child in set.childElements {
            switch child.name {
            case "inlineXML" where !usedBody:
                let type = child.attribute("contenttype") ?? ""
                guard let root = child.firstChildElement else {
                    // A placeholder (`hascontent="false"`) or empty rendition: kept as it is.
                    keepAlternative(child)
                    continue
                }
                if root.isNamed("nitf") {
                    if let head = root.first("head") {
                        warn("nitf-head", "the inline NITF head (docdata, meta) is not read in NewsML-G2 items; dropped", head)
                    }
                    var reader = NITFBodyReader(codePrefix: "newsml-g2.import", path: path, reportsNotes: reportsNotes)
                    if let nitfBody = root.first("body") { body = reader.readBody(nitfBody) }
                    usedBody = true
                } else if root.isNamed("html") || root.isNamed("body") || root.namespaceURI == "http://www.w3.org/1999/xhtml"
                    || type.contains("html")
                {
                    var reader = XHTMLBodyReader(codePrefix: "newsml-g2.import", path: path)
                    article.body = reader.readDocument(root)
                    // dpa marks the dateline inside the first paragraph (`span class="dateline"`).
                    xhtmlDateline = reader.dateline
                    // dpa's `header` repeats the item's heads and classification: mapped where the
                    // item lacks them, and each section kept whole.
                    reader.sectionMeta.merge(into: &article)
                    for section in reader.sectionMeta.sections { keep(section, container: "xhtml") }
                    diagnostics += reader.diagnostics()
                    usedBody = true
                } else {
                    keepAlternative(child)
                    warn("inline-content", "inline \(type.isEmpty ? "<\(root.name)>" : type) content has no IR mapping; kept whole", child)
                }
            case "inlineData" where !usedBody:
                article.body = Self.paragraphs(ofPlainText: child.text)
                usedBody = true
            case "remoteContent":
                renditions.append(
                    MediaItem.Rendition(
                        name: child.attribute("rendition"), href: child.attribute("href") ?? child.attribute("residref"),
                        mediaType: child.attribute("contenttype"), width: child.attribute("width").flatMap { Int($0) },
                        height: child.attribute("height").flatMap { Int($0) }, sizeInBytes: child.attribute("size").flatMap { Int($0) },
                        duration: child.attribute("duration").flatMap { Double($0) }))
                let unknown = child.attributes.map(\.name).filter { !Self.remoteContentAttributes.contains($0) }
                if !unknown.isEmpty || child.hasChildElements {
                    warn(
                        "remote-content",
                        "remoteContent attributes or children with no IR field were dropped: \((unknown + child.elements.map { "<\($0.name)>" }).joined(separator: ", "))",
                        child)
                }
            default:
                keepAlternative(child)
            }
        }
        if !renditions.isEmpty {
            if article.kind == .text {
                warn("remote-text", "a text item whose content is remote: its renditions are kept as media", set)
            }
            // The item's own renditions: a media item whose id is the item's guid.
            article.media.append(MediaItem(id: article.id, kind: article.kind, renditions: renditions))
        }
    }

    /// Plain text's paragraphs: the runs of lines between blank lines (a line of spaces is blank).
    static func paragraphs(ofPlainText text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [Substring] = []
        func flush() {
            let paragraph = NITFBodyReader.normalize(lines.joined(separator: " "))
            if !paragraph.isEmpty { blocks.append(.paragraph([.text(paragraph)])) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { lines.append(line) }
        }
        flush()
        return blocks
    }

    /// The attributes of `remoteContent` that the IR holds.
    private static let remoteContentAttributes: Set<String> = [
        "href", "residref", "contenttype", "rendition", "width", "height", "size", "duration",
    ]

    /// A rendition that is not the body: kept whole, written back as it was.
    private mutating func keepAlternative(_ element: XMLElement) {
        if reportsNotes, keptKeys.insert("g2:contentSet/alternative").inserted {
            diagnostics.append(
                .note(
                    "newsml-g2.import.kept",
                    "a <\(element.name)> rendition that is not the body is kept whole in extensions[\"g2:contentSet/alternative\"]",
                    at: at(element)))
        }
        kept.append(article: 0, key: "g2:contentSet/alternative", serializer(element))
    }

    // MARK: packageItem

    mutating func readGroupSet(_ groupSet: XMLElement) {
        keep(groupSet, container: "packageItem")
        func collect(_ element: XMLElement) {
            for child in element.childElements {
                if child.isNamed("itemRef") {
                    let id = child.attribute("residref")
                    let size = child.attribute("size").flatMap { Int($0) }
                    // A further file of the item the reference before named (as newsconv writes renditions).
                    if let id, let last = article.media.last, last.id == id, !child.hasChildElements,
                        hasOnly(child, attributes: ["residref", "href", "contenttype", "size"])
                    {
                        article.media[article.media.count - 1].renditions.append(
                            MediaItem.Rendition(href: child.attribute("href"), mediaType: child.attribute("contenttype"), sizeInBytes: size)
                        )
                        continue
                    }
                    var media = MediaItem(
                        id: child.attribute("residref"), href: child.attribute("href"), mediaType: child.attribute("contenttype"))
                    if let itemClass = child.first("itemClass")?.attribute("qcode") {
                        media.kind = G2Vocabulary.itemClass.first { $0.value == itemClass }?.key
                    }
                    media.title = child.first("title").map(Self.text)
                    media.caption = child.all("description").first.map(Self.text)
                    if let size {
                        media.renditions.append(MediaItem.Rendition(href: media.href, mediaType: media.mediaType, sizeInBytes: size))
                    }
                    article.media.append(media)
                } else if child.isNamed("group") {
                    collect(child)
                }
            }
        }
        collect(groupSet)
    }

    /// Combines what came from contentMeta and from the inline body, once the item is read.
    /// The article and every diagnostic of the item, moved out of the reader (a reader reads
    /// one item).
    mutating func finish() -> (article: Article, diagnostics: [Diagnostic]) {
        if let body {
            article.body = body.blocks
            if article.headline == nil { article.headline = body.headline }
            if article.subheadlines.isEmpty { article.subheadlines = body.subheadlines }
            if article.abstract.isEmpty { article.abstract = body.abstract }
            article.signOff = body.signOff
            article.trailers = body.trailers
            diagnostics += body.diagnostics
        }
        // The printed byline is `by` (else the inline NITF body's); creators are parties, not bylines.
        if !byElements.isEmpty {
            for by in byElements where isPlain(by) {
                let printed = Self.text(by)
                // The inline NITF byline that prints the same text names its parts (person, title).
                article.bylines.append(body?.bylines.first { $0.printed == printed } ?? Byline(name: printed).printed(as: printed))
            }
            if !byElements.allSatisfy({ isPlain($0) }) { for by in byElements { keep(by, container: "contentMeta") } }
        } else if let nitfBylines = body?.bylines {
            article.bylines = nitfBylines
        }
        // The dateline: the NITF one (place, date, agency) else contentMeta's text and located.
        if var dateline = body?.dateline ?? xhtmlDateline {
            if dateline.text.isEmpty, let text = datelineText { dateline.text = text }
            if dateline.place == nil { dateline.place = locatedPlace }
            if dateline.region == nil, dateline.place == locatedPlace { dateline.region = locatedRegion }
            if dateline.place == locatedPlace { dateline.placeCode = locatedCode }
            article.dateline = dateline
        } else if datelineText?.isEmpty == false || locatedPlace != nil || locatedCode != nil {
            article.dateline = Dateline(text: datelineText ?? "", place: locatedPlace, region: locatedRegion, placeCode: locatedCode)
        }
        if !captions.isEmpty {
            if article.media.isEmpty { article.media.append(MediaItem(kind: article.kind)) }
            article.media[0].caption = captions.joined(separator: "\n")
        }
        // Swapped out, not copied: a copy retains (and the reader's end releases) every field.
        var finished = Article()
        swap(&finished, &article)
        var notes: [Diagnostic] = []
        swap(&notes, &diagnostics)
        return (finished, notes)
    }
}
