import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Writes an article's `head` (title, meta, tobject, docdata, pubdata, revision-history) in
/// schema order. Elements kept by the importer under `nitf:<container>/<name>` are written back
/// in their place and stand instead of what the IR would give there.
struct NITFHeadWriter {
    var diagnostics: [Diagnostic] = []
    let location: SourceLocation

    /// Whether the article holds any kept NITF element: most articles (from other formats) hold
    /// none, and then no look-up is made for each element of the head.
    private var hasKept = true

    init(location: SourceLocation) { self.location = location }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("nitf.export.\(code)", message, at: location)
    }

    /// The kept elements under `nitf:<container>/<name>`.
    static func kept(_ container: String, _ name: String, in article: Article) -> [String] {
        article.extensions.strings("nitf:\(container)/\(name)")
    }

    /// Writes the kept elements; true when any was written. One that is not well-formed XML (a
    /// newsconv JSON document's kept string can hold anything) is dropped with a warning.
    private mutating func writeKept(_ container: String, _ name: String, of article: Article, to w: inout XMLWriter) -> Bool {
        guard hasKept else { return false }
        let (written, dropped) = w.raw(fragments: Self.kept(container, name, in: article))
        if dropped > 0 {
            let key = "nitf:\(container)/\(name)"
            warn("kept-ill-formed", "\(dropped) of the elements kept in extensions[\"\(key)\"] are not well-formed XML; dropped")
        }
        return written
    }

    /// Kept elements of a container whose names are not in `known`, by key.
    mutating func writeOthers(_ container: String, known: [String], of article: Article, to w: inout XMLWriter) {
        guard hasKept else { return }
        let prefix = "nitf:\(container)/"
        for key in article.extensions.values.keys.sorted() where key.hasPrefix(prefix) {
            let name = String(key.dropFirst(prefix.count))
            guard !name.hasPrefix("@"), !known.contains(name) else { continue }
            _ = writeKept(container, name, of: article, to: &w)
        }
    }

    mutating func write(_ article: Article, to w: inout XMLWriter) {
        hasKept = article.extensions.values.keys.contains { $0.hasUTF8Prefix("nitf:") }
        w.start("head")
        if case .string(let title)? = article.extensions["nitf:head/title"] {
            w.element("title", text: title)
        } else if let headline = article.headline {
            w.element("title", text: headline)
        }
        _ = writeKept("head", "meta", of: article, to: &w)
        if let takeKey = article.takeKey { w.element("meta", [("name", NITFVocabulary.takeKeyMeta), ("content", takeKey)]) }
        // Plain facts of other formats (a 7901 header, a ninjs property newsconv could not map)
        // as `meta` under their own names, read back as they were.
        for (key, value) in article.extensions.textEntries(excludingPrefix: "nitf:") {
            if XMLNameToken.isValid(key) {
                w.element("meta", [("name", key), ("content", value)])
            } else {
                warn("meta-name", "the fact '\(key)' has a name NITF's meta cannot hold (an XML name token); dropped")
            }
        }
        if !writeKept("head", "tobject", of: article, to: &w) { writeTObject(article, to: &w) }
        _ = writeKept("head", "iim", of: article, to: &w)
        writeDocdata(article, to: &w)
        _ = writeKept("head", "pubdata", of: article, to: &w)
        _ = writeKept("head", "revision-history", of: article, to: &w)
        writeOthers("head", known: NITFVocabulary.headOrder + ["title"], of: article, to: &w)
        w.endOmittingIfEmpty()
    }

    /// `tobject` from `subj:` subjects and `genre:` genres; other vocabularies go to `identified-content`.
    mutating func writeTObject(_ article: Article, to w: inout XMLWriter) {
        let subjects = article.subjects.compactMap { subject in Self.subjectCode(subject).map { ($0, subject.name) } }
        // NITF names a genre in words (`Biography`), as IPTC's Genre names do: the name where the
        // concept has one, else its code (IPTC's codes are their names: `Current`, `Analysis`).
        let genres = article.genres.compactMap { genre in Self.code(genre, scheme: NITFVocabulary.genreScheme).map { genre.name ?? $0 } }
        guard !subjects.isEmpty || !genres.isEmpty else { return }
        w.start("tobject")
        for genre in genres { w.element("tobject.property", ("tobject.property.type", genre)) }
        for (refnum, name) in subjects {
            var attributes = [("tobject.subject.ipr", "IPTC"), ("tobject.subject.refnum", refnum)]
            if let name { attributes.append(("tobject.subject.detail", name)) }
            w.element("tobject.subject", attributes)
        }
        w.end()
    }

    /// The code of a concept in one scheme (`subj:15000000` -> `15000000`), compared and cut on
    /// UTF-8 (the scheme prefixes are ASCII).
    static func code(_ concept: Concept, scheme: String) -> String? {
        guard let qcode = concept.qcode, qcode.utf8.count > scheme.utf8.count, qcode.utf8.starts(with: scheme.utf8) else { return nil }
        return String(qcode[qcode.utf8.index(qcode.utf8.startIndex, offsetBy: scheme.utf8.count)...])
    }

    /// The eight-digit IPTC Subject Code of a `subj:` subject, which `tobject.subject` holds.
    static func subjectCode(_ concept: Concept) -> String? {
        guard let code = code(concept, scheme: NITFVocabulary.subjectScheme), code.utf8.count == 8,
            code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        return code
    }

    mutating func writeDocdata(_ article: Article, to w: inout XMLWriter) {
        var attributes: [(String, String)] = []
        if let status = article.status {
            attributes.append(("management-status", status.rawValue))
        } else if article.embargoed != nil {
            attributes.append(("management-status", "embargoed"))
        } else if hasKept, case .string(let status)? = article.extensions["nitf:docdata/@management-status"] {
            attributes.append(("management-status", status))
        }
        for name in ["management-doc-idref", "management-idref-status"] where hasKept {
            if case .string(let value)? = article.extensions["nitf:docdata/@\(name)"] { attributes.append((name, value)) }
        }
        w.start("docdata", attributes)
        for child in NITFVocabulary.DocdataChild.allCases {
            if writeKept("docdata", child.rawValue, of: article, to: &w) { continue }
            switch child {
            case .docID:
                if let id = article.id { w.element("doc-id", ("id-string", id)) }
            case .urgency:
                // An urgency NITF has no value for is dropped (``NITFExporter/droppedFields(_:)``), not moved.
                if let urgency = article.urgency, (1...8).contains(urgency) {
                    w.element("urgency", ("ed-urg", String(urgency)))
                }
            case .dateIssue:
                if let date = article.versionCreated { writeDate("date.issue", date, to: &w) }
            case .dateRelease:
                if let date = article.embargoed { writeDate("date.release", date, to: &w) }
            case .dateExpire:
                if let date = article.expires { writeDate("date.expire", date, to: &w) }
            case .edMsg:
                for note in article.editorialNotes { w.element("ed-msg", ("info", note)) }
            case .duKey:
                // The slugline first, as a bare key (read back as the slugline), then the use keys.
                if let slugline = article.slugline, !article.useKeys.contains(UseKey(key: slugline)) {
                    w.element("du-key", ("key", slugline))
                }
                for useKey in article.useKeys {
                    var attributes: [(String, String)] = []
                    if let generation = useKey.generation { attributes.append(("generation", generation)) }
                    if let part = useKey.part { attributes.append(("part", part)) }
                    if let version = useKey.version { attributes.append(("version", version)) }
                    attributes.append(("key", useKey.key))
                    w.element("du-key", attributes)
                }
            case .docCopyright:
                if let holder = article.copyrightHolder { w.element("doc.copyright", ("holder", holder)) }
            case .docRights:
                if let terms = article.usageTerms { w.element("doc.rights", ("limitations", terms)) }
            case .keyList:
                guard !article.keywords.isEmpty else { continue }
                w.start("key-list")
                for keyword in article.keywords { w.element("keyword", ("key", keyword)) }
                w.end()
            case .identifiedContent:
                writeIdentifiedContent(article, to: &w)
            case .evloc:
                // The located place where the dateline does not print it: NITF keeps it here, unprinted.
                if let dateline = article.dateline, let place = dateline.unprintedPlace {
                    var attributes = [("city", place)]
                    if let region = dateline.region, !region.isEmpty { attributes.append(("state-prov", region)) }
                    w.element("evloc", attributes)
                }
            case .correction, .delList, .fixture, .docScope, .series:
                break
            }
        }
        writeOthers("docdata", known: NITFVocabulary.docdataOrder, of: article, to: &w)
        if attributes.isEmpty { w.endOmittingIfEmpty() } else { w.end() }
    }

    private mutating func writeDate(_ name: String, _ date: NewsDate, to w: inout XMLWriter) {
        guard date.hasFullDate else {
            warn("partial-date", "\(name) needs a full date, and '\(date.iso8601)' is partial; dropped (give --date-context)")
            return
        }
        w.element(name, ("norm", NITFBodyWriter.norm(date)))
    }

    /// People, organisations, places, and the subjects and genres `tobject` cannot hold.
    mutating func writeIdentifiedContent(_ article: Article, to w: inout XMLWriter) {
        let hasTObject = hasKept && !Self.kept("head", "tobject", in: article).isEmpty
        // People, organisations, places, then the subjects and genres tobject cannot hold; the
        // concepts are written where they are, not copied into a list first.
        func isClassifier(subject: Concept) -> Bool {
            // A kept tobject holds the subjects read from it, agency codes (`EFE:F01001000`) too.
            Self.subjectCode(subject) == nil && !(hasTObject && subject.qcode == nil && subject.literal?.contains(":") == true)
        }
        func isClassifier(genre: Concept) -> Bool { Self.code(genre, scheme: NITFVocabulary.genreScheme) == nil }
        guard
            !article.people.isEmpty || !article.organisations.isEmpty || !article.places.isEmpty
                || article.subjects.contains(where: isClassifier(subject:)) || article.genres.contains(where: isClassifier(genre:))
        else { return }
        func entry(_ name: String, type: String?, _ concept: Concept) {
            var attributes: [(String, String)] = []
            if let type { attributes.append(("type", type)) }
            if let value = NITFVocabulary.value(of: concept) { attributes.append((NITFVocabulary.idAttribute(name), value)) }
            w.element(name, attributes, text: concept.name)
        }
        w.start("identified-content")
        for concept in article.people { entry("person", type: nil, concept) }
        for concept in article.organisations { entry("org", type: nil, concept) }
        for concept in article.places { entry("location", type: nil, concept) }
        for concept in article.subjects where isClassifier(subject: concept) { entry("classifier", type: "subject", concept) }
        for concept in article.genres where isClassifier(genre: concept) { entry("classifier", type: "genre", concept) }
        w.end()
    }
}
