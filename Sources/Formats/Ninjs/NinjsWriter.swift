import BodyMarkup
import Foundation
import NewsCore

/// Builds one ninjs object for an article in one profile. ninjs rejects unknown properties, so
/// what a profile cannot hold is left out and reported, never written.
struct NinjsWriter {
    let profile: NinjsProfile
    let location: SourceLocation
    var diagnostics: [Diagnostic] = []
    private var members: [(String, OrderedJSON)] = []
    /// Further headlines not written, or written without their language (ninjs has none per headline).
    private var droppedHeadlines = 0

    /// Whether notes are made (see ``ConversionOptions/reportsNotes``).
    let reportsNotes: Bool

    init(profile: NinjsProfile, location: SourceLocation, reportsNotes: Bool = true) {
        self.profile = profile
        self.location = location
        self.reportsNotes = reportsNotes
    }

    private mutating func warn(_ code: String, _ message: String) {
        diagnostics.appendWarningOnce("ninjs.export.\(code)", message, at: location)
    }

    /// Adds a property by its 3.x name.
    private mutating func put(_ name: String, _ value: OrderedJSON?) {
        guard let value else { return }
        members.append((profile.key(name), value))
    }

    private mutating func put(_ name: String, _ text: String?) {
        guard let text else { return }
        put(name, .string(text))
    }

    mutating func object(for article: Article, nested: Bool = false) -> OrderedJSON {
        members = []
        droppedHeadlines = 0
        if let id = article.id {
            put("uri", id)
        } else {
            let urn = article.contentURN
            warn("id-supplied", "the article has no id, which ninjs requires (uri); wrote one made from its content, \(urn)")
            put("uri", urn)
        }
        if !nested {
            put(
                "standard",
                .object([("name", .string("ninjs")), ("version", .string(profile.version)), ("schema", .string(profile.schemaURI))]))
        }
        put("type", article.kind.rawValue)
        if let version = article.version { put("version", String(version)) }
        put("firstCreated", date(article.firstCreated, "firstCreated"))
        put("versionCreated", date(article.versionCreated, "versionCreated"))
        put("contentCreated", date(article.contentCreated, "contentCreated"))
        put("embargoedUntil", date(article.embargoed, "embargoed"))
        put("expires", date(article.expires, "expires"))
        put("pubStatus", article.status?.rawValue)
        if let urgency = article.urgency {
            // ninjs 3 bounds urgency to 1-9; 1.x and 2.x take any number.
            if profile != .v3 || (1...9).contains(urgency) {
                put("urgency", .number(Double(urgency)))
            } else {
                warn("urgency-range", "urgency \(urgency) is outside ninjs 3's 1-9; dropped")
            }
        }
        put("copyrightHolder", article.copyrightHolder)
        put("copyrightNotice", article.copyrightNotice)
        put("usageTerms", article.usageTerms)
        if !article.editorialNotes.isEmpty { put("edNote", article.editorialNotes.joined(separator: "\n")) }
        put("language", article.language)
        writeHeadlines(article)
        put("slugline", article.slugline)
        writeByline(article)
        put("located", article.dateline?.place)
        writeTexts(article)
        writeConcepts(article)
        writeAssociations(article)
        writeKept(article)
        reportDropped(article)
        return .object(members)
    }

    /// A ninjs date-time; a partial date (a dateline's `--12-15`) cannot be one.
    private mutating func date(_ date: NewsDate?, _ field: String) -> OrderedJSON? {
        guard let date else { return nil }
        guard date.hasFullDate else {
            warn("partial-date", "\(field) '\(date.iso8601)' is not a full date; dropped (give --date-context)")
            return nil
        }
        return .string(date.iso8601)
    }

    private mutating func writeHeadlines(_ article: Article) {
        if profile == .v1 {
            put("headline", article.headline)
            for (index, sub) in article.subheadlines.enumerated() {
                members.append((index == 0 ? "headline_sub" : "headline_sub\(index + 1)", .string(sub)))
            }
            // Further headlines are `headline_<role>` pattern properties, where the role can name one.
            for alternative in article.alternatives where alternative.field == "headline" {
                let key = "headline_\(alternative.role ?? "")"
                if alternative.role != nil, alternative.language ?? article.language == article.language, profile.defines(key),
                    !members.contains(where: { $0.0 == key })
                {
                    members.append((key, .string(alternative.text)))
                } else {
                    droppedHeadlines += 1
                }
            }
            return
        }
        var headlines: [OrderedJSON] = []
        if let headline = article.headline { headlines.append(.object([("role", .string("main")), ("value", .string(headline))])) }
        for sub in article.subheadlines { headlines.append(.object([("role", .string("sub")), ("value", .string(sub))])) }
        for alternative in article.alternatives where alternative.field == "headline" {
            let role = alternative.role.map { [("role", OrderedJSON.string($0))] } ?? []
            headlines.append(.object(role + [("value", .string(alternative.text))]))
            if alternative.language ?? article.language != article.language { droppedHeadlines += 1 }
        }
        if !headlines.isEmpty { put("headlines", .array(headlines)) }
    }

    /// ninjs has one `by` string: one byline's name, or several bylines as printed.
    private mutating func writeByline(_ article: Article) {
        guard !article.bylines.isEmpty else { return }
        if article.bylines.count > 1
            || article.bylines.contains(where: { $0.title != nil || $0.affiliation != nil || $0.role != nil || $0.id != nil })
        {
            warn(
                "byline-flattened", "ninjs has one 'by' text: the bylines' titles, affiliations, roles and ids are written as printed text")
        }
        if article.bylines.count == 1 {
            put("by", article.bylines[0].printed)
        } else {
            put(
                "by",
                article.bylines.map { [$0.name, $0.title, $0.affiliation].compactMap { $0 }.joined(separator: ", ") }.joined(
                    separator: "; "))
        }
    }

    /// The summary and the body, as HTML and as plain text.
    private mutating func writeTexts(_ article: Article) {
        var html = HTMLBodyWriter(codePrefix: "ninjs.export", location: location)
        let summaryText = article.abstract.flatMap(PlainTextBody.text(of:)).joined(separator: "\n\n")
        let summaryHTML = article.abstract.isEmpty ? "" : html.blocks(article.abstract)
        let hasBody =
            !article.body.isEmpty || article.dateline?.text.isEmpty == false || article.signOff != nil || !article.trailers.isEmpty
        let bodyHTML = hasBody ? html.articleBody(article) : ""
        let bodyText = hasBody ? PlainTextBody.text(of: article) : ""
        diagnostics += html.diagnostics
        let characters = Double(bodyText.count)
        let words = Double(PlainTextBody.wordCount(bodyText))
        if profile == .v1 {
            if !article.abstract.isEmpty {
                members.append(("description_text", .string(summaryText)))
                members.append(("description_html", .string(summaryHTML)))
            } else if let caption = article.ownMedia?.caption {
                // A picture's caption is its description in ninjs 1.x.
                members.append(("description_text", .string(caption)))
            }
            if hasBody {
                members.append(("body_html", .string(bodyHTML)))
                members.append(("body_text", .string(bodyText)))
                members.append(("charcount", .number(characters)))
                members.append(("wordcount", .number(words)))
            }
            return
        }
        let contentType = profile.key("contentType")
        var descriptions: [OrderedJSON] = []
        if !article.abstract.isEmpty {
            descriptions.append(
                .object([("role", .string("summary")), (contentType, .string("text/plain")), ("value", .string(summaryText))]))
            descriptions.append(
                .object([("role", .string("summary")), (contentType, .string("text/html")), ("value", .string(summaryHTML))]))
        }
        // The item's own picture's caption, and the descriptions with other roles (a shotlist).
        if let caption = article.ownMedia?.caption {
            descriptions.append(.object([("role", .string("caption")), (contentType, .string("text/plain")), ("value", .string(caption))]))
        }
        for description in article.descriptions {
            var fields: [(String, OrderedJSON)] = []
            if let role = description.role { fields.append(("role", .string(role))) }
            fields.append((contentType, .string("text/plain")))
            fields.append(("value", .string(description.text)))
            descriptions.append(.object(fields))
        }
        if !descriptions.isEmpty { put("descriptions", .array(descriptions)) }
        if hasBody {
            put(
                "bodies",
                .array([
                    .object([
                        ("role", .string("main")), (contentType, .string("text/html")), (profile.key("charCount"), .number(characters)),
                        (profile.key("wordCount"), .number(words)), ("value", .string(bodyHTML)),
                    ]),
                    .object([("role", .string("main")), (contentType, .string("text/plain")), ("value", .string(bodyText))]),
                ]))
        }
    }

    /// One concept: 2.x/3.x `{name, rel, uri, literal}`, 1.x `{name, rel, scheme, code}`.
    private func concept(_ concept: Concept, rel: String?, relKey: String = "rel", withRel: Bool = true) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = []
        if let name = concept.name { fields.append(("name", .string(name))) }
        if withRel, let rel = rel ?? concept.role { fields.append((relKey, .string(rel))) }
        if profile == .v1 {
            if let qcode = concept.qcode ?? concept.uri.flatMap(IPTCSchemeAliases.qcode(forURI:)),
                let parts = IPTCSchemeAliases.schemeAndCode(forQCode: qcode)
            {
                fields.append(("scheme", .string(parts.scheme)))
                fields.append(("code", .string(parts.code)))
            } else if let uri = concept.uri {
                fields.append(("code", .string(uri)))
            } else if let literal = concept.literal {
                fields.append(("code", .string(literal)))
            }
        } else {
            let uri = concept.uri ?? concept.qcode.flatMap(IPTCSchemeAliases.uri(forQCode:))
            if let uri { fields.append(("uri", .string(uri))) }
            if let literal = concept.literal ?? (uri == nil ? concept.qcode : nil) { fields.append(("literal", .string(literal))) }
        }
        return .object(fields)
    }

    private mutating func writeConcepts(_ article: Article) {
        // Keywords have no ninjs property: they are subjects related as "keyword".
        let typed = Dictionary(uniqueKeysWithValues: NinjsVocabulary.conceptTypes.map { ($0.type, $0.property) })
        let subjects =
            article.subjects.filter { $0.type.flatMap { typed[$0] } == nil }.map { concept($0, rel: nil) }
            + article.keywords.map { keyword -> OrderedJSON in
                profile == .v1
                    ? .object([("name", .string(keyword)), ("rel", .string(NinjsVocabulary.keywordRel)), ("code", .string(keyword))])
                    : .object([("name", .string(keyword)), ("rel", .string(NinjsVocabulary.keywordRel)), ("literal", .string(keyword))])
            }
        if !subjects.isEmpty { put("subjects", .array(subjects)) }
        for (property, type) in NinjsVocabulary.conceptTypes {
            let concepts = article.subjects.filter { $0.type == type }
            if !concepts.isEmpty { put(property, .array(concepts.map { concept($0, rel: nil) })) }
        }
        if !article.genres.isEmpty { put("genres", .array(article.genres.map { concept($0, rel: nil, withRel: false) })) }
        if !article.people.isEmpty { put("people", .array(article.people.map { concept($0, rel: nil) })) }
        if !article.organisations.isEmpty { put("organisations", .array(article.organisations.map { concept($0, rel: nil) })) }
        if !article.places.isEmpty { put("places", .array(article.places.map { concept($0, rel: nil) })) }
        // The provider is an info source with the role "provider"; 1.x calls the role `rel`.
        let roleKey = profile == .v1 ? "rel" : "role"
        var sources = article.infoSources.map { concept($0, rel: nil, relKey: roleKey) }
        if let provider = article.provider { sources.insert(concept(provider, rel: NinjsVocabulary.providerRole, relKey: roleKey), at: 0) }
        if !sources.isEmpty { put("infoSources", .array(sources)) }
    }

    /// Media become associations: 2.x/3.x an array of ninjs objects, 1.x an object keyed by name.
    private mutating func writeAssociations(_ article: Article) {
        guard !article.media.isEmpty else { return }
        var named: [(String, OrderedJSON)] = []
        for (index, media) in article.media.enumerated() {
            // The item's own renditions (media with the item's id) are its top-level renditions.
            if media.id != nil, media.id == article.id {
                let renditions = renditionList(media)
                if profile == .v1 {
                    put("renditions", .object(renditions.map { name, members in (name, .object(members)) }))
                } else {
                    put("renditions", .array(renditions.map { name, members in .object([("name", .string(name))] + members) }))
                }
                continue
            }
            let name = NinjsVocabulary.associationName(media, index: index)
            var fields: [(String, OrderedJSON)] = []
            if profile != .v1 { fields.append(("name", .string(name))) }
            fields.append(("uri", .string(media.id ?? media.href ?? "\(article.id ?? article.contentURN)#\(name)")))
            fields.append(("type", .string((media.kind ?? .picture).rawValue)))
            if let title = media.title {
                fields.append(
                    profile == .v1
                        ? ("headline", .string(title))
                        : (profile.key("headlines"), .array([.object([("role", .string("main")), ("value", .string(title))])])))
            }
            if let caption = media.caption {
                fields.append(
                    profile == .v1
                        ? ("description_text", .string(caption))
                        : (profile.key("descriptions"), .array([.object([("role", .string("caption")), ("value", .string(caption))])])))
            }
            if let credit = media.credit { fields.append((profile.key("by"), .string(credit))) }
            let renditions = renditionList(media)
            if !renditions.isEmpty {
                if profile == .v1 {
                    fields.append(("renditions", .object(renditions.map { name, members in (name, .object(members)) })))
                } else {
                    fields.append(("renditions", .array(renditions.map { name, members in .object([("name", .string(name))] + members) })))
                }
            }
            named.append((name, .object(fields)))
        }
        if !named.isEmpty { put("associations", profile == .v1 ? .object(named) : .array(named.map(\.1))) }
    }

    /// The media's main file as the rendition `original`, then its other renditions.
    private func renditionList(_ media: MediaItem) -> [(String, [(String, OrderedJSON)])] {
        var result: [(String, [(String, OrderedJSON)])] = []
        let mainIsARendition = media.renditions.contains { $0.href == media.href && $0.mediaType == media.mediaType }
        if (media.href != nil || media.mediaType != nil) && !mainIsARendition {
            var members: [(String, OrderedJSON)] = []
            if let href = media.href { members.append(("href", .string(href))) }
            if let type = media.mediaType { members.append((profile == .v1 ? "mimetype" : profile.key("contentType"), .string(type))) }
            result.append((NinjsVocabulary.originalRendition, members))
        }
        for (index, rendition) in media.renditions.enumerated() {
            var members: [(String, OrderedJSON)] = []
            if let href = rendition.href { members.append(("href", .string(href))) }
            if let type = rendition.mediaType { members.append((profile == .v1 ? "mimetype" : profile.key("contentType"), .string(type))) }
            if let width = rendition.width { members.append(("width", .number(Double(width)))) }
            if let height = rendition.height { members.append(("height", .number(Double(height)))) }
            if let size = rendition.sizeInBytes { members.append((profile.key("sizeInBytes"), .number(Double(size)))) }
            if let duration = rendition.duration { members.append(("duration", .number(duration))) }
            let name = rendition.name.map(NinjsVocabulary.safeName) ?? "rendition\(index + 1)"
            result.append((name == NinjsVocabulary.originalRendition ? "\(name)\(index + 1)" : name, members))
        }
        return result
    }

    /// Properties kept from a ninjs source of the same family are written back as they were,
    /// in place of what the IR gives (a kept `bodies` holds renditions the IR has no room for).
    private mutating func writeKept(_ article: Article) {
        let prefix = "ninjs\(profile.rawValue):"
        for key in article.extensions.values.keys.sorted() where key.hasPrefix(prefix) {
            let name = String(key.dropFirst(prefix.count))
            guard profile.defines(name), let value = article.extensions[key] else { continue }
            if let shape = NinjsShape.properties[profile]?[name], let problem = shape.problem(value, profile: profile, path: name) {
                warn(
                    "invalid-kept", "the kept property \(problem) in ninjs \(profile.version) (the source was not valid there); not written"
                )
                continue
            }
            if let index = members.firstIndex(where: { $0.0 == name }) {
                members[index].1 = OrderedJSON(value)
            } else {
                members.append((name, OrderedJSON(value)))
            }
        }
    }

    private mutating func reportDropped(_ article: Article) {
        let prefix = "ninjs\(profile.rawValue):"
        var dropped: [String] = []
        if !article.signals.isEmpty { dropped.append("signals") }
        if article.contentModified != nil { dropped.append("contentModified") }
        if article.priority != nil { dropped.append("priority") }
        if article.takeKey != nil { dropped.append("takeKey") }
        if !article.useKeys.isEmpty { dropped.append("useKeys") }
        if article.creditline != nil { dropped.append("creditline") }
        // Descriptions read from this ninjs family are kept whole and written back as they were.
        // ninjs 2.x and 3.x write descriptions with their roles; 1.x has one description.
        // Further headlines are written with their roles (their languages are not: ninjs has none per headline).
        dropped += article.fieldsWithRolesAndLanguages(
            descriptions: profile == .v1 && article.extensions["\(prefix)descriptions"] == nil, headlines: droppedHeadlines > 0)
        if profile == .v1, !article.abstract.isEmpty, article.ownMedia?.caption != nil {
            dropped.append("the picture's caption (1.x has one description, the summary's)")
        }
        if !dropped.isEmpty {
            warn("dropped-fields", "ninjs has no property for the article's \(dropped.joined(separator: ", ")); dropped")
        }
        let foreign =
            !reportsNotes
            ? [] : Set(article.extensions.values.keys.filter { !$0.hasPrefix(prefix) }.map { String($0.prefix { $0 != ":" }) }).sorted()
        if !foreign.isEmpty {
            diagnostics.append(
                .note(
                    "ninjs.export.foreign-extensions",
                    "extensions kept from other formats or ninjs families (\(foreign.joined(separator: ", "))) are not written: ninjs \(profile.version) rejects unknown properties",
                    at: location))
        }
    }
}
