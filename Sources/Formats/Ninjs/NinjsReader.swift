import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Reads one ninjs object of any family into an article. Properties the IR has a field for are
/// mapped; other properties the family defines are kept under `extensions["ninjs<major>:<name>"]`
/// (written back to the same family); properties no ninjs version defines (Superdesk's `guid`,
/// `service`, ...) are kept too, with a warning, and mapped where they mean an IR field.
struct NinjsReader {
    let path: String?
    /// Where a property is, for diagnostics.
    let locate: ([JSONPathScanner.Step]) -> SourceLocation
    var diagnostics: [Diagnostic] = []
    private var profile = NinjsProfile.v3
    private var article = Article()
    /// Whether notes are made (see ``ConversionOptions/reportsNotes``).
    let reportsNotes: Bool

    init(path: String?, reportsNotes: Bool = true, locate: @escaping ([JSONPathScanner.Step]) -> SourceLocation) {
        self.path = path
        self.reportsNotes = reportsNotes
        self.locate = locate
    }

    private mutating func warn(_ code: String, _ message: String, _ key: String) {
        diagnostics.append(.warning("ninjs.import.\(code)", message, at: locate([.key(key)])))
    }

    /// The family of a ninjs object: its declared standard version, else its spelling.
    static func family(of object: [String: JSONValue]) -> NinjsProfile {
        for key in ["$standard", "standard"] {
            if case .object(let standard)? = object[key], case .string(let version)? = standard["version"],
                let profile = NinjsProfile(option: version)
            {
                return profile
            }
        }
        let camel: Set<String> = [
            "versionCreated", "firstCreated", "contentCreated", "pubStatus", "embargoedUntil", "copyrightHolder", "copyrightNotice",
            "usageTerms", "edNote", "infoSources", "altIds", "trustIndicators", "representationType", "eventDetails", "plannedCoverage",
        ]
        if object.keys.contains(where: camel.contains) { return .v3 }
        // Any camelCase spelling of a property 2.x spells in lowercase.
        func camelCase(_ keys: Dictionary<String, JSONValue>.Keys) -> Bool {
            keys.contains { $0 != $0.lowercased() && NinjsProfile.v2.defines($0.lowercased()) && !$0.hasPrefix("$") }
        }
        if camelCase(object.keys) { return .v3 }
        if case .array(let items)? = object["associations"],
            items.contains(where: { if case .object(let o) = $0 { return camelCase(o.keys) } else { return false } })
        {
            return .v3
        }
        if case .array(let items)? = object["bodies"] ?? object["headlines"] ?? object["descriptions"],
            items.contains(where: { if case .object(let o) = $0 { return o["contentType"] != nil } else { return false } })
        {
            return .v3
        }
        // 3.x spelling inside arrays of renditions and associations, without a top-level hint.
        let nestedCamel: Set<String> = ["contentType", "sizeInBytes", "charCount", "wordCount", "aspectRatio", "videoCodec", "frameRate"]
        for key in ["renditions", "associations", "bodies"] {
            if case .array(let items)? = object[key],
                items.contains(where: {
                    if case .object(let o) = $0 { return o.keys.contains(where: nestedCamel.contains) } else { return false }
                })
            {
                return .v3
            }
        }
        let v2: Set<String> = [
            "bodies", "headlines", "descriptions", "people", "organisations", "places", "subjects", "events", "objects", "infosources",
            "genres", "by", "trustindicators",
        ]
        if object.keys.contains(where: v2.contains) { return .v2 }
        if case .array? = object["renditions"] { return .v2 }
        if case .array? = object["associations"] { return .v2 }
        if object["standard"] != nil { return .v2 }
        if case .array? = object["altids"] { return .v2 }
        return .v1
    }

    mutating func read(_ object: [String: JSONValue]) throws -> Article {
        profile = Self.family(of: object)
        article = Article()
        article.origin = Origin(format: FormatModule.ninjs.name, path: path, line: locate([]).line, column: locate([]).column)
        // The standard declaration describes the source; the exporter writes its own.
        var consumed: Set<String> = [profile.key("standard")]
        func string(_ name: String) -> String? {
            let key = profile.key(name)
            consumed.insert(key)
            guard let value = object[key] else { return nil }
            if case .string(let text) = value { return text.isEmpty ? nil : text }
            // A whole number too large for an Int (`1e19`) is kept as written by Swift, not trapped on.
            if case .number(let number) = value { return Int(exactly: number).map(String.init) ?? String(number) }
            return nil
        }

        article.id = string("uri")
        if article.id == nil, case .string(let guid)? = object["guid"] {
            // Superdesk's ninjs names the id `guid` (and older feeds have no `uri` at all).
            article.id = guid
            consumed.insert("guid")
            warn("guid-as-uri", "the object has no uri; its guid is the id", "guid")
        }
        if let type = string("type") {
            if let kind = Article.Kind(rawValue: type) { article.kind = kind } else if type != "component" { keep("type", object) }
        }
        if let version = string("version") {
            // AP numbers the first version 0; the IR holds it as it is.
            if let number = Int(version), number >= 0 { article.version = number } else { keep("version", object) }
        }
        article.firstCreated = date("firstCreated", object, &consumed)
        article.versionCreated = date("versionCreated", object, &consumed)
        article.contentCreated = date("contentCreated", object, &consumed)
        article.embargoed = date("embargoedUntil", object, &consumed)
        article.expires = date("expires", object, &consumed)
        if let status = string("pubStatus") { article.status = Article.Status(rawValue: status) }
        consumed.insert(profile.key("urgency"))
        if case .number(let urgency)? = object[profile.key("urgency")], urgency == urgency.rounded(), (1...9).contains(urgency) {
            article.urgency = Int(urgency)
        } else if object[profile.key("urgency")] != nil {
            warn("invalid-urgency", "urgency is not a whole number from 1 to 9; dropped", profile.key("urgency"))
        }
        article.copyrightHolder = string("copyrightHolder")
        article.copyrightNotice = string("copyrightNotice")
        article.usageTerms = string("usageTerms")
        if let note = string("edNote") { article.editorialNotes = [note] }
        article.language = string("language")
        article.slugline = string("slugline")
        if let by = string("by") {
            var name = by
            for prefix in ["By ", "BY ", "by "] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
            article.bylines = [Byline(name: name).printed(as: by)]
        }
        let located = string("located")
        readHeadlines(object, &consumed)
        try readTexts(object, &consumed)
        if article.dateline == nil, let located {
            article.dateline = Dateline(text: "", place: located)
        } else if let located, article.dateline?.place == nil {
            article.dateline?.place = located
        }
        readConcepts(object, &consumed)
        readAssociations(object, &consumed)
        readOwnRenditions(object, &consumed)
        readSuperdesk(object, &consumed)

        // What is left: kept under the family's prefix, with a note; unknown properties with a warning.
        for key in object.keys.sorted() where !consumed.contains(key) {
            if profile.defines(key) {
                if reportsNotes, article.extensions["ninjs\(profile.rawValue):\(key)"] == nil {
                    diagnostics.append(
                        .note(
                            "ninjs.import.kept",
                            "\"\(key)\" has no IR field; kept in extensions[\"ninjs\(profile.rawValue):\(key)\"] for ninjs \(profile.rawValue).x output",
                            at: locate([.key(key)])))
                }
                article.extensions["ninjs\(profile.rawValue):\(key)"] = object[key]
            } else {
                warn(
                    "unknown-property", "\"\(key)\" is not a ninjs \(profile.rawValue).x property; kept in extensions[\"ninjs:\(key)\"]",
                    key)
                article.extensions["ninjs:\(key)"] = object[key]
            }
        }
        return article
    }

    private mutating func keep(_ name: String, _ object: [String: JSONValue]) {
        let key = profile.key(name)
        article.extensions["ninjs\(profile.rawValue):\(key)"] = object[key]
    }

    /// A date-time with `Z`, `+00:00` or `+0000`; a value that is none is kept, with a warning.
    private mutating func date(_ name: String, _ object: [String: JSONValue], _ consumed: inout Set<String>) -> NewsDate? {
        let key = profile.key(name)
        consumed.insert(key)
        guard case .string(let text)? = object[key], !text.isEmpty else { return nil }
        if let date = NewsDate(iso8601: text) ?? Self.compactOffset(text).flatMap({ NewsDate(iso8601: $0) }) { return date }
        warn("invalid-date", "\"\(key)\": \"\(text)\" is not an ISO 8601 date; kept in extensions", key)
        article.extensions["ninjs\(profile.rawValue):\(key)"] = object[key]
        return nil
    }

    /// `2017-08-24T04:38:34+0000` -> `2017-08-24T04:38:34+00:00`.
    static func compactOffset(_ text: String) -> String? {
        guard text.count > 5 else { return nil }
        let offset = text.suffix(5)
        guard let sign = offset.first, sign == "+" || sign == "-", offset.dropFirst().allSatisfy(\.isNumber) else { return nil }
        return text.dropLast(5) + offset.prefix(3) + ":" + offset.suffix(2)
    }

    private mutating func readHeadlines(_ object: [String: JSONValue], _ consumed: inout Set<String>) {
        if profile == .v1 {
            consumed.insert("headline")
            if case .string(let headline)? = object["headline"], !headline.isEmpty { article.headline = headline }
            if article.headline == nil, case .string(let headline)? = object["headline_main"], !headline.isEmpty {
                article.headline = headline
                consumed.insert("headline_main")
            }
            for key in object.keys.sorted(by: Self.numbered) where key.hasPrefix("headline_sub") {
                if case .string(let sub)? = object[key] { article.subheadlines.append(sub) }
                consumed.insert(key)
            }
            // The other `headline_<role>` pattern properties are further headlines, the role
            // named by the property (`headline_test_text`).
            for key in object.keys.sorted() where key.hasPrefix("headline_") && !consumed.contains(key) && profile.defines(key) {
                guard case .string(let text)? = object[key], !text.isEmpty else { continue }
                article.alternatives.append(TaggedText(text: text, role: String(key.dropFirst("headline_".count)), field: "headline"))
                consumed.insert(key)
            }
            return
        }
        let key = profile.key("headlines")
        guard case .array(let items)? = object[key] else { return }
        consumed.insert(key)
        var holdsMore = false
        for item in items {
            guard case .object(let headline) = item, case .string(let value)? = headline["value"] else { continue }
            let role = headline["role"]?.stringValue
            if role == nil || role == "main", article.headline == nil {
                article.headline = value
            } else if role == "sub" || role == "subheadline" {
                article.subheadlines.append(value)
            } else {
                // A headline of another role (or a second main one): a further headline with its role.
                article.alternatives.append(TaggedText(text: value, role: role, field: "headline"))
            }
            if headline.keys.contains(where: { !["role", "value"].contains($0) }) { holdsMore = true }
        }
        if holdsMore { keep("headlines", object) }
    }

    /// `headline_sub`, `headline_sub2`, ... in number order.
    static func numbered(_ a: String, _ b: String) -> Bool { a.count != b.count ? a.count < b.count : a < b }

    /// Summary and body: HTML preferred (it has the structure), else plain text.
    private mutating func readTexts(_ object: [String: JSONValue], _ consumed: inout Set<String>) throws {
        var bodyHTML: String?
        var bodyText: String?
        var summaryHTML: String?
        var summaryText: String?
        if profile == .v1 {
            for key in ["body_html", "body_xhtml", "body_text", "description_html", "description_text", "charcount", "wordcount"] {
                consumed.insert(key)
            }
            // ninjs 1.x's XHTML body has the structure that the plain text body lacks.
            bodyHTML = object["body_html"]?.stringValue ?? object["body_xhtml"]?.stringValue
            bodyText = object["body_text"]?.stringValue
            summaryHTML = object["description_html"]?.stringValue
            summaryText = object["description_text"]?.stringValue
        } else {
            let typeKey = profile.key("contentType")
            func pick(
                _ name: String, roles: Set<String>, htmlOfAnyRole: Bool = false, keepingOthers others: ((String, String?) -> Void)? = nil
            ) -> (html: String?, text: String?) {
                let key = profile.key(name)
                guard case .array(let items)? = object[key] else { return (nil, nil) }
                consumed.insert(key)
                var html: String?
                var text: String?
                var otherRoleHTML: String?
                var holdsMore = false
                for item in items {
                    guard case .object(let entry) = item, case .string(let value)? = entry["value"] else { continue }
                    let role = entry["role"]?.stringValue
                    let type = entry[typeKey]?.stringValue ?? (value.contains("<") ? "text/html" : "text/plain")
                    guard role == nil || roles.contains(role!) else {
                        // Kept whole too, so that ninjs -> ninjs writes them back as they were.
                        others?(value, role)
                        if type.contains("html"), otherRoleHTML == nil { otherRoleHTML = value }
                        holdsMore = true
                        continue
                    }
                    if type.contains("html"), html == nil {
                        html = value
                    } else if type == "text/plain", text == nil {
                        text = value
                    } else {
                        holdsMore = true
                    }
                }
                if holdsMore { keep(name, object) }
                // An agency's own role for its HTML body (TT's `html5`) still names the story's
                // markup, which has the headings, quotes and links that the plain text lacks.
                return (html ?? (htmlOfAnyRole ? otherRoleHTML : nil), text)
            }
            (bodyHTML, bodyText) = pick("bodies", roles: ["main", "html", "xhtml", "text", "body"], htmlOfAnyRole: true)
            // A description with another role (caption, usage) keeps its role.
            var others: [TaggedText] = []
            (summaryHTML, summaryText) = pick("descriptions", roles: ["summary", "main", "abstract", "description"]) { value, role in
                others.append(TaggedText(text: NITFBodyReader.normalize(value), role: role))
            }
            article.descriptions += others
        }
        if let html = bodyHTML, !html.isEmpty {
            let content = try readHTML(html)
            content.sections.merge(into: &article)
            if let first = content.sections.sections.first {
                let names = content.sections.sections.map { "<\($0.name)>" }.joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "ninjs.import.body-sections",
                        "the HTML body's \(names) are not story text: their headline, subjects, places and keywords are mapped, the rest dropped",
                        at: SourceLocation(path: path, line: first.line, column: 1)))
            }
            article.body = content.blocks
            article.dateline = content.dateline
            article.signOff = content.signOff
            article.trailers = content.trailers
            if let text = bodyText {
                keepPlainText(text, besides: PlainTextBody.text(of: article), property: profile == .v1 ? "body_text" : "bodies", object)
            }
        } else if let text = bodyText {
            article.body = PlainTextBody.paragraphs(in: text)
        }
        if let html = summaryHTML, !html.isEmpty {
            article.abstract = try readHTML(html).blocks
            if let text = summaryText {
                let read = article.abstract.flatMap(PlainTextBody.text(of:)).joined(separator: "\n")
                keepPlainText(text, besides: read, property: profile == .v1 ? "description_text" : "descriptions", object)
            }
        } else if let text = summaryText {
            article.abstract = PlainTextBody.paragraphs(in: text)
        }
    }

    /// The plain text beside an HTML body or description is most often its rendering, and the
    /// HTML is read. A plain text with words that the HTML lacks says more: it is kept whole.
    private mutating func keepPlainText(_ text: String, besides read: String, property: String, _ object: [String: JSONValue]) {
        func words(_ text: String) -> Set<Substring> { Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }) }
        let missing = words(text).subtracting(words(read))
        guard !missing.isEmpty else { return }
        let key = profile.key(property)
        if article.extensions["ninjs\(profile.rawValue):\(key)"] == nil {
            keep(property, object)
            warn(
                "plain-text-differs",
                "the plain text of \"\(key)\" has words that its HTML lacks (\(missing.sorted().prefix(3).joined(separator: ", "))); the HTML is read, the plain text kept in extensions",
                key)
        }
    }

    private mutating func readHTML(_ html: String) throws -> (
        blocks: [Block], dateline: Dateline?, signOff: String?, trailers: [String], sections: XHTMLSectionMeta
    ) {
        let document = try XMLDocument.parseHTML(html, path: path)
        diagnostics += document.warnings
        var reader = XHTMLBodyReader(codePrefix: "ninjs.import", path: path)
        let blocks = document.root.map { reader.readDocument($0) } ?? []
        diagnostics += reader.diagnostics()
        return (blocks, reader.dateline, reader.signOff, reader.trailers, reader.sectionMeta)
    }

    /// A concept of any family: `{name, rel, uri, literal}` or 1.x `{name, rel, scheme, code}`.
    private func concept(_ value: JSONValue, roleKey: String = "rel") -> Concept? {
        guard case .object(let entry) = value else { return nil }
        var concept = Concept(name: entry["name"]?.stringValue, role: entry[roleKey]?.stringValue)
        if let uri = entry["uri"]?.stringValue {
            concept.uri = uri
            concept.qcode = IPTCSchemeAliases.qcode(forURI: uri)
        }
        if let literal = entry["literal"]?.stringValue { concept.literal = literal }
        if let code = entry["code"]?.stringValue {
            let scheme = entry["scheme"]?.stringValue
            if let scheme, let alias = IPTCSchemeAliases.uris.first(where: { $0.value == scheme })?.key {
                concept.qcode = "\(alias):\(code)"
                concept.uri = scheme + code
            } else if let scheme, scheme.contains("://") {
                concept.uri = scheme + code
                concept.qcode = IPTCSchemeAliases.qcode(forURI: scheme + code)
            } else if code.contains("://") {
                concept.uri = code
                concept.qcode = IPTCSchemeAliases.qcode(forURI: code)
            } else {
                concept.literal = scheme.map { "\($0):\(code)" } ?? code
            }
        }
        return concept
    }

    /// True when every entry of an array holds only what a ``Concept`` keeps.
    private static func simple(_ items: [JSONValue], allowed: Set<String>) -> Bool {
        items.allSatisfy { if case .object(let entry) = $0 { return entry.keys.allSatisfy(allowed.contains) } else { return false } }
    }

    private mutating func readConcepts(_ object: [String: JSONValue], _ consumed: inout Set<String>) {
        let allowed: Set<String> = ["name", "rel", "uri", "literal", "scheme", "code", "role"]
        func list(_ name: String) -> [JSONValue]? {
            let key = profile.key(name)
            guard case .array(let items)? = object[key] else { return nil }
            consumed.insert(key)
            if !Self.simple(items, allowed: allowed) { keep(name, object) }
            return items
        }
        for item in list("subjects") ?? [] {
            guard let concept = concept(item) else { continue }
            if concept.role == NinjsVocabulary.keywordRel, let word = concept.name ?? concept.literal {
                article.keywords.append(word)
            } else {
                article.subjects.append(concept)
            }
        }
        for (property, type) in NinjsVocabulary.conceptTypes {
            for item in list(property) ?? [] {
                guard var concept = concept(item) else { continue }
                concept.type = type
                article.subjects.append(concept)
            }
        }
        article.genres = (list("genres") ?? []).compactMap { concept($0) }
        article.people = (list("people") ?? []).compactMap { concept($0) }
        article.organisations = (list("organisations") ?? []).compactMap { concept($0) }
        article.places = (list("places") ?? []).compactMap { concept($0) }
        for item in list("infoSources") ?? [] {
            guard let source = concept(item, roleKey: profile == .v1 ? "rel" : "role") else { continue }
            if source.role == NinjsVocabulary.providerRole, article.provider == nil {
                var provider = source
                provider.role = nil
                article.provider = provider
            } else {
                article.infoSources.append(source)
            }
        }
    }

    /// Associations: media (pictures, video, audio, graphics) and parts (text, composite).
    private mutating func readAssociations(_ object: [String: JSONValue], _ consumed: inout Set<String>) {
        let key = profile.key("associations")
        var entries: [(String?, [String: JSONValue])] = []
        switch object[key] {
        case .array(let items)?:
            for item in items { if case .object(let entry) = item { entries.append((entry["name"]?.stringValue, entry)) } }
        case .object(let named)?:
            for name in named.keys.sorted() { if case .object(let entry) = named[name] { entries.append((name, entry)) } }
        default:
            return
        }
        consumed.insert(key)
        var holdsMore = false
        for (name, entry) in entries {
            var media = MediaItem(id: entry["uri"]?.stringValue ?? name)
            media.kind = entry["type"]?.stringValue.flatMap(Article.Kind.init(rawValue:)) ?? .picture
            let family = profile
            if family == .v1 {
                media.title = entry["headline"]?.stringValue
                media.caption = entry["description_text"]?.stringValue
                media.credit = entry["byline"]?.stringValue
            } else {
                media.title = Self.firstValue(entry[family.key("headlines")])
                media.caption = Self.firstValue(entry[family.key("descriptions")])
                media.credit = entry["by"]?.stringValue
            }
            readRenditions(entry["renditions"], into: &media)
            let known: Set<String> = [
                "name", "uri", "type", "headline", "headlines", "description_text", "descriptions", "by", "byline", "renditions",
            ]
            if entry.keys.contains(where: { !known.contains($0) }) { holdsMore = true }
            // The IR has no field for the association's name: one newsconv would not give is kept.
            if let name, name != NinjsVocabulary.associationName(media, index: article.media.count) { holdsMore = true }
            article.media.append(media)
        }
        if holdsMore { keep("associations", object) }
    }

    /// An item's own renditions (a picture's sizes): media whose id is the item's, as NewsML-G2's
    /// remoteContent reads. The property stays kept too, so that ninjs -> ninjs writes it as it was.
    private mutating func readOwnRenditions(_ object: [String: JSONValue], _ consumed: inout Set<String>) {
        var media = MediaItem(id: article.id, kind: article.kind)
        let key = profile.key("renditions")
        let holdsMore = readRenditions(object[key], into: &media)
        guard media.href != nil || !media.renditions.isEmpty else { return }
        // A picture's caption (a description with the role caption) is its media's, as in G2.
        if article.kind != .text, let caption = article.descriptions.firstIndex(where: { $0.role == "caption" }) {
            media.caption = article.descriptions.remove(at: caption).text
        }
        article.media.insert(media, at: 0)
        // Renditions the IR holds whole are not kept again (ninjs -> ninjs writes them from it).
        if !holdsMore { consumed.insert(key) }
    }

    /// Renditions (an array of named objects, or 1.x's object keyed by name) into a media item;
    /// true when they hold members the IR has no field for (a `title`, a `poi`).
    @discardableResult
    private func readRenditions(_ value: JSONValue?, into media: inout MediaItem) -> Bool {
        var renditions: [(String?, [String: JSONValue])] = []
        switch value {
        case .array(let items)?:
            for item in items { if case .object(let r) = item { renditions.append((r["name"]?.stringValue, r)) } }
        case .object(let named)?:
            for rendition in named.keys.sorted() { if case .object(let r) = named[rendition] { renditions.append((rendition, r)) } }
        default: return false
        }
        let known: Set<String> = [
            "name", "href", "mimetype", "contentType", "contenttype", "width", "height", "sizeinbytes", "sizeInBytes", "duration",
        ]
        let holdsMore = renditions.contains { $0.1.keys.contains { !known.contains($0) } }
        // The main file: the rendition named "original" (newsconv writes it), else the first,
        // which then stays among the renditions too, so that it is written back as it was.
        let originalIndex = renditions.firstIndex { $0.0 == NinjsVocabulary.originalRendition }
        for (index, (renditionName, r)) in renditions.enumerated() {
            let href = r["href"]?.stringValue
            let type = (r[profile.key("contentType")] ?? r["mimetype"] ?? r["contentType"])?.stringValue
            if index == (originalIndex ?? 0) {
                media.href = href
                media.mediaType = type
                if originalIndex != nil { continue }
            }
            func int(_ key: String) -> Int? {
                // Whole part of a number an Int can hold; a larger one (`2e19`) is no size.
                if case .number(let n)? = r[key], n.isFinite, abs(n) < 9.2e18 { return Int(n) } else { return nil }
            }
            var duration: Double?
            if case .number(let d)? = r["duration"] { duration = d }
            media.renditions.append(
                MediaItem.Rendition(
                    name: renditionName, href: href, mediaType: type, width: int("width"), height: int("height"),
                    sizeInBytes: int(profile.key("sizeInBytes")) ?? int("sizeinbytes"), duration: duration))
        }
        return holdsMore
    }

    /// The `value` of the first entry of a `headlines`/`descriptions` array.
    private static func firstValue(_ value: JSONValue?) -> String? {
        guard case .array(let items)? = value, case .object(let first)? = items.first else { return nil }
        return first["value"]?.stringValue
    }

    /// Superdesk's own properties that mean IR fields.
    private mutating func readSuperdesk(_ object: [String: JSONValue], _ consumed: inout Set<String>) {
        if case .number(let priority)? = object["priority"], (1...9).contains(priority) {
            article.priority = Int(priority)
            consumed.insert("priority")
            warn("superdesk-property", "\"priority\" is Superdesk's, not ninjs; read as the priority", "priority")
        }
        if case .array(let words)? = object["keywords"] {
            article.keywords += words.compactMap(\.stringValue)
            consumed.insert("keywords")
            warn("superdesk-property", "\"keywords\" is Superdesk's, not ninjs; read as the keywords", "keywords")
        }
    }
}
