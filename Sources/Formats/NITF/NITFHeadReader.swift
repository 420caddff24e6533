import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Reads a NITF `head` (title, meta, tobject, docdata, pubdata, ...) into an article.
///
/// What the IR holds is mapped. An element that holds more (a subject's levels, a copyright year,
/// AAP's and PA's `meta` fields, `pubdata`) is also kept whole under `extensions["nitf:<container>/<name>"]`,
/// which the exporter writes back in its place, so NITF -> IR -> NITF keeps it.
struct NITFHeadReader {
    let path: String?
    /// The default namespace kept elements are serialized for (nil when the source has none).
    let keepNamespace: String?
    var diagnostics: [Diagnostic] = []
    var article: Article
    private let fragments = XMLFragmentWriter()
    /// `head/title`, to compare with `hl1` once the body is read.
    var title: String?
    /// `docdata/evloc`'s place and region: the dateline's located place when it names none.
    var eventPlace: (String, String?)?
    private var dateIssue: NewsDate?
    private var dateRelease: (date: NewsDate, element: XMLElement)?
    private var releaseIsEmbargo = false

    /// Whether notes are made (see ``ConversionOptions/reportsNotes``).
    let reportsNotes: Bool
    /// What the IR has no field for, kept under `nitf:` keys, made when wanted (``DeferredExtensions``).
    private(set) var kept = DeferredExtensions()
    /// The extension keys kept so far, for one note per key (filled only when notes are made).
    private var keptKeys: Set<String> = []

    init(path: String?, keepNamespace: String?, article: Article, reportsNotes: Bool = true) {
        self.path = path
        self.keepNamespace = keepNamespace
        self.article = article
        self.reportsNotes = reportsNotes
    }

    private func at(_ element: XMLElement) -> SourceLocation { SourceLocation(path: path, line: element.line, column: 1) }

    private mutating func warn(_ code: String, _ message: String, _ element: XMLElement) {
        diagnostics.append(.warning("nitf.import.\(code)", message, at: at(element)))
    }

    /// Keeps an element whole under `nitf:<container>/<name>`, with one note per key.
    mutating func keep(_ element: XMLElement, container: String) {
        let key = "nitf:\(container)/\(element.name)"
        if reportsNotes, keptKeys.insert(key).inserted {
            diagnostics.append(
                .note(
                    "nitf.import.kept",
                    "<\(element.name)> holds data the IR has no field for; kept whole in extensions[\"\(key)\"] for NITF output",
                    at: at(element)))
        }
        let (fragments, keepNamespace) = (fragments, keepNamespace)
        kept.append(article: 0, key: key) { .string(fragments.serialize(element, defaultNamespace: keepNamespace)) }
    }

    /// An element NITF does not define: kept when it is in another namespace (NITF allows those
    /// at the end of head and docdata), else dropped with a warning.
    mutating func keepOther(_ element: XMLElement, container: String) {
        if let namespace = element.namespaceURI, namespace != NITFVocabulary.namespace {
            keep(element, container: container)
        } else {
            warn("unknown-element", "<\(element.name)> is not a NITF element of \(container); dropped", element)
        }
    }

    private static func text(_ element: XMLElement) -> String { NITFBodyReader.normalize(element.text) }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// True when the element has an attribute outside `mapped` (it then holds more than the IR takes).
    private static func hasOtherAttributes(_ element: XMLElement, mapped: Set<String>) -> Bool {
        element.attributes.contains { !mapped.contains($0.name) || $0.namespaceURI != nil }
    }

    mutating func read(_ head: XMLElement) {
        for child in head.childElements {
            switch child.name {
            case "title": title = Self.nonEmpty(Self.text(child))
            case "meta": readMeta(child)
            case "tobject": readTObject(child)
            case "docdata": readDocdata(child)
            case "urgency":
                // Canadian Press puts urgency in head instead of docdata.
                warn("misplaced-element", "<urgency> belongs in docdata, not head; read as the urgency", child)
                if article.urgency == nil { readUrgency(child) }
            case "iim", "pubdata", "revision-history": keep(child, container: "head")
            default: keepOther(child, container: "head")
            }
        }
        if let (release, element) = dateRelease {
            // `date.release` is an embargo only when it lies after the issue time (or the document
            // says embargoed); AAP repeats the issue time there.
            if releaseIsEmbargo || dateIssue.map({ release > $0 }) ?? true {
                article.embargoed = release
            } else {
                keep(element, container: "docdata")
            }
        }
    }

    mutating func readMeta(_ meta: XMLElement) {
        let name = meta.attribute("name")
        let content = Self.nonEmpty(meta.attribute("content").map(NITFBodyReader.normalize))
        switch name {
        case NITFVocabulary.sluglineMeta? where article.slugline == nil:
            if let content { article.slugline = content }
        case NITFVocabulary.takeKeyMeta? where article.takeKey == nil:
            if let content { article.takeKey = content }
        case let name? where Extensions.isTextKey(name) && !name.hasPrefix("nitf:") && meta.attribute("content") != nil:
            // Another format's plain fact, as newsconv writes it: its value as it was.
            article.extensions[name] = .string(meta.attribute("content") ?? "")
        default:
            if meta.attribute("content") == nil {
                warn("invalid-meta", "<meta name=\"\(name ?? "")\"> has no content (NITF requires it); dropped", meta)
            } else {
                keep(meta, container: "head")
            }
        }
    }

    /// `tobject`: `tobject.subject` codes are subjects, `tobject.property` types are genres. The
    /// element is kept whole too (its type, the subject's levels and ipr have no IR field).
    mutating func readTObject(_ tobject: XMLElement) {
        var valid = true
        for subject in tobject.all("tobject.subject") {
            guard let refnum = Self.nonEmpty(subject.attribute("tobject.subject.refnum")) else {
                warn(
                    "subject-without-code",
                    "<tobject.subject> has no tobject.subject.refnum (required); no subject read, and the tobject is not kept", subject)
                valid = false
                continue
            }
            let name = ["tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type"].lazy.compactMap {
                Self.nonEmpty(subject.attribute($0))
            }.first
            let ipr = subject.attribute("tobject.subject.ipr")
            if ipr == nil || ipr?.uppercased() == "IPTC", refnum.count == 8, refnum.allSatisfy(\.isNumber) {
                article.subjects.appendUnique(Concept(qcode: NITFVocabulary.subjectScheme + refnum, name: name))
            } else {
                article.subjects.appendUnique(Concept(literal: ipr.map { "\($0):\(refnum)" } ?? refnum, name: name))
            }
        }
        for property in tobject.all("tobject.property") {
            if let type = Self.nonEmpty(property.attribute("tobject.property.type")) {
                article.genres.appendUnique(Concept(qcode: NITFVocabulary.genreScheme + type, name: type))
            }
        }
        if valid, Self.tobjectHoldsMore(tobject) { keep(tobject, container: "head") }
    }

    /// Whether a `tobject` holds more than its subjects' IPTC codes with one name each and its
    /// genres, which is all the exporter would write back from the IR.
    static func tobjectHoldsMore(_ tobject: XMLElement) -> Bool {
        if !tobject.attributes.isEmpty { return true }
        for child in tobject.childElements {
            switch child.name {
            case "tobject.property":
                if hasOtherAttributes(child, mapped: ["tobject.property.type"]) { return true }
            case "tobject.subject":
                if hasOtherAttributes(child, mapped: ["tobject.subject.ipr", "tobject.subject.refnum", "tobject.subject.detail"])
                    || child.attribute("tobject.subject.ipr") != "IPTC"
                {
                    return true
                }
            default:
                return true
            }
        }
        return false
    }

    mutating func readUrgency(_ element: XMLElement) {
        guard let text = element.attribute("ed-urg") else { return }
        if let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...9).contains(value) {
            article.urgency = value
        } else {
            warn("invalid-urgency", "ed-urg '\(text)' is not a number from 1 to 8; no urgency read", element)
        }
    }

    /// A `date.*` element's `@norm`; a placeholder or bad value is a warning and the element is kept.
    mutating func readNorm(_ element: XMLElement) -> NewsDate? {
        guard let norm = element.attribute("norm"), !norm.isEmpty else {
            keep(element, container: "docdata")
            return nil
        }
        if let date = NITFBodyReader.parseNorm(norm) { return date }
        if let date = NewsDate(feedSpelling: norm) {
            warn("lenient-date", "<\(element.name) norm=\"\(norm)\"> is not ISO 8601 (a space for the T); read as \(date.iso8601)", element)
            return date
        }
        warn(
            "invalid-date", "<\(element.name) norm=\"\(norm)\"> is not an ISO 8601 date (expected YYYYMMDDTHHMMSS+HHMM); kept as it is",
            element)
        keep(element, container: "docdata")
        return nil
    }

    mutating func readDocdata(_ docdata: XMLElement) {
        switch docdata.attribute("management-status")?.lowercased() {
        case nil: break
        case "usable"?: article.status = .usable
        case "withheld"?: article.status = .withheld
        case "canceled"?, "cancelled"?: article.status = .canceled
        case "embargoed"?: releaseIsEmbargo = true
        case let other?:
            warn(
                "invalid-status", "management-status '\(other)' is not one of usable, embargoed, withheld, canceled; kept in extensions",
                docdata)
            article.extensions["nitf:docdata/@management-status"] = .string(other)
        }
        for name in ["management-doc-idref", "management-idref-status"] {
            if let value = docdata.attribute(name) { article.extensions["nitf:docdata/@\(name)"] = .string(value) }
        }
        for child in docdata.childElements {
            switch child.name {
            case "doc-id":
                article.id = Self.nonEmpty(child.attribute("id-string"))
                if Self.hasOtherAttributes(child, mapped: ["id-string"]) { keep(child, container: "docdata") }
            case "urgency":
                readUrgency(child)
            case "date.issue":
                if let date = readNorm(child) {
                    dateIssue = date
                    article.versionCreated = date
                }
            case "date.release":
                if let date = readNorm(child) { dateRelease = (date, child) }
            case "date.expire":
                if let date = readNorm(child) { article.expires = date }
            case "doc.copyright":
                article.copyrightHolder = Self.nonEmpty(child.attribute("holder"))
                if Self.hasOtherAttributes(child, mapped: ["holder"]) { keep(child, container: "docdata") }
            case "doc.rights":
                article.usageTerms = Self.nonEmpty(child.attribute("limitations"))
                if Self.hasOtherAttributes(child, mapped: ["limitations"]) { keep(child, container: "docdata") }
            case "key-list":
                readKeyList(child)
            case "identified-content":
                readIdentifiedContent(child)
            case "evloc":
                // The event's place: the located place of the dateline (completed after the body is read).
                let name = ["city", "state-prov", "county-dist", "iso-cc"].lazy.compactMap { Self.nonEmpty(child.attribute($0)) }.first
                if let name, eventPlace == nil {
                    eventPlace = (name, child.attribute("city") != nil ? Self.nonEmpty(child.attribute("state-prov")) : nil)
                } else if let name, name != eventPlace?.0 {
                    article.places.appendUnique(Concept(name: name))
                }
                if Self.hasOtherAttributes(child, mapped: ["city", "state-prov"]) || child.hasChildElements {
                    keep(child, container: "docdata")
                }
            case "ed-msg":
                if let info = Self.nonEmpty(child.attribute("info").map(NITFBodyReader.normalize)) { article.editorialNotes.append(info) }
                if Self.hasOtherAttributes(child, mapped: ["info"]) { keep(child, container: "docdata") }
            case "du-key":
                // A bare key is the slugline when nothing else gave one (agencies write the slug
                // there); a versioned key, or one beside another slugline, is a use key, whole.
                guard let key = Self.nonEmpty(child.attribute("key")) else {
                    keep(child, container: "docdata")
                    continue
                }
                let useKey = UseKey(
                    key: key, version: child.attribute("version"), generation: child.attribute("generation"), part: child.attribute("part"))
                if article.slugline == nil, useKey == UseKey(key: key) { article.slugline = key } else { article.useKeys.append(useKey) }
                if Self.hasOtherAttributes(child, mapped: ["key", "version", "generation", "part"]) {
                    let others = child.attributes.map(\.name).filter { !["key", "version", "generation", "part"].contains($0) }
                    warn("dropped-attributes", "<du-key> attributes \(others.joined(separator: ", ")) have no IR field; dropped", child)
                }
            case let name where NITFVocabulary.docdataOrder.contains(name):
                keep(child, container: "docdata")
            case "pubdata", "revision-history":
                warn("misplaced-element", "<\(child.name)> belongs in head, not docdata; kept there", child)
                keep(child, container: "head")
            default:
                keepOther(child, container: "docdata")
            }
        }
    }

    /// `key-list/keyword/@key`; Canadian Press writes the keyword as text, which is read too.
    mutating func readKeyList(_ list: XMLElement) {
        var warned = false
        for keyword in list.all("keyword") {
            if let key = Self.nonEmpty(keyword.attribute("key")) {
                article.keywords.append(key)
            } else if let text = Self.nonEmpty(Self.text(keyword)) {
                if !warned { warn("keyword-text", "<keyword> carries its keyword as text instead of @key; read", keyword) }
                warned = true
                article.keywords.append(text)
            }
        }
    }

    /// `identified-content`: people, organisations and places, and `classifier`s of subjects and
    /// genres. Events, functions and other kinds are kept with the element.
    mutating func readIdentifiedContent(_ content: XMLElement) {
        var holdsMore = false
        for child in content.childElements {
            let concept = NITFVocabulary.concept(
                value: child.attribute(NITFVocabulary.idAttribute(child.name)), name: Self.nonEmpty(Self.text(child)))
            switch child.name {
            case "person": article.people.appendUnique(concept)
            case "org": article.organisations.appendUnique(concept)
            case "location": article.places.appendUnique(concept)
            case "classifier" where child.attribute("type") == "genre": article.genres.appendUnique(concept)
            case "classifier" where child.attribute("type") == "subject" || child.attribute("type") == nil:
                article.subjects.appendUnique(concept)
            default: holdsMore = true
            }
        }
        if holdsMore { keep(content, container: "docdata") }
    }
}
