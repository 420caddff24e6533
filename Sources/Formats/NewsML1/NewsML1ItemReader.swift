import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Maps one NewsML 1.2 `NewsItem` (with its document's `NewsEnvelope`) to an article.
///
/// NewsML 1.x nests: a `NewsItem` holds one `NewsComponent`, which holds metadata, further
/// components (AFP puts the text two levels down, Business Wire one component per role) and
/// `ContentItem`s. Metadata is read wherever it sits, the first value of a one-value field
/// winning; text content is the body, other media are the article's media. What has no IR field
/// is kept in `extensions["newsml1:<element>"]`, as text.
struct NewsML1ItemReader {
    let path: String?
    let envelope: XMLElement?
    private(set) var article = Article()
    private(set) var diagnostics: [Diagnostic] = []
    /// Subject names declared by `TopicSet`s, by formal name (ANA names its subject codes there).
    private var topicNames: [String: String] = [:]
    /// `DateLineDate` and the origin `Location`, which complete the printed dateline.
    private var datelineDate: NewsDate?
    /// The main headline's `xml:lang`.
    private var headlineLanguage: String?
    private var originCity: String?
    private var originCountry: String?

    init(path: String?, envelope: XMLElement?) {
        self.path = path
        self.envelope = envelope
    }

    // MARK: Diagnostics

    private func location(_ element: XMLElement) -> SourceLocation { SourceLocation(path: path, line: element.line, column: 1) }

    private mutating func warn(_ code: String, _ message: String, _ element: XMLElement) {
        diagnostics.append(.warning("newsml1.import.\(code)", message, at: location(element)))
    }

    /// A value with no IR field, kept as text under the element's NewsML name.
    private mutating func keep(_ key: String, _ value: String?) {
        guard let value = value.map(NITFBodyReader.normalize), !value.isEmpty else { return }
        article.extensions.append(.string(value), to: "newsml1:\(key)")
    }

    // MARK: The item

    mutating func read(_ item: XMLElement) throws -> Article {
        article.origin = Origin(format: FormatModule.newsml1.name, path: path, line: item.line, column: 1)
        if let lang = item.attribute("lang", namespace: XMLElement.xmlNamespace) { setLanguage(lang) }
        if let envelope { readEnvelope(envelope) }
        for child in item.childElements {
            switch child.name {
            case "Identification": readIdentification(child)
            case "NewsManagement": readManagement(child)
            case "NewsComponent": readComponent(child)
            case "Comment": keep("Comment", child.text)
            case "Catalog": break  // where the provider's vocabularies are: nothing of the story
            default:
                // `Update` (a delta against an earlier revision) and anything else.
                warn("unmapped-element", "<\(child.name)> of a NewsItem has no IR field; dropped", child)
            }
        }
        for index in article.subjects.indices where article.subjects[index].name == nil {
            let code = article.subjects[index].qcode.map { String($0.drop { $0 != ":" }.dropFirst()) } ?? article.subjects[index].literal
            article.subjects[index].name = code.flatMap { topicNames[$0] }
        }
        completeDateline()
        // The headline's own language is the headline's, not the item's (which only the item's
        // xml:lang or Language states): where they differ it is kept beside the headline.
        if let lang = headlineLanguage?.trimmingCharacters(in: .whitespaces), !lang.isEmpty, lang != "x-default",
            lang.lowercased() != article.language
        {
            article.extensions["newsml1:headlineLanguage"] = .string(lang)
        }
        return article
    }

    private mutating func setLanguage(_ tag: String) {
        let tag = tag.trimmingCharacters(in: .whitespaces)
        // `x-default` (ANA) names no language.
        guard article.language == nil, !tag.isEmpty, tag != "x-default" else { return }
        article.language = tag.lowercased()
    }

    // MARK: Envelope, identification, management

    private mutating func readEnvelope(_ envelope: XMLElement) {
        for child in envelope.childElements {
            switch child.name {
            case "Priority":
                if let value = formal(child), let priority = Int(value) {
                    article.priority = priority
                } else {
                    keep("Priority", formal(child))
                }
            case "NewsService", "NewsProduct": keep(child.name, formal(child))
            case "DateAndTime", "TransmissionId": keep("NewsEnvelope/\(child.name)", child.text)
            case "SentFrom", "SentTo": keep("NewsEnvelope/\(child.name)", child.all("Party").compactMap(formal).joined(separator: ", "))
            default: keep("NewsEnvelope/\(child.name)", formal(child) ?? child.text)
            }
        }
    }

    private mutating func readIdentification(_ identification: XMLElement) {
        for child in identification.childElements {
            switch child.name {
            case "NewsIdentifier":
                for part in child.childElements {
                    switch part.name {
                    case "PublicIdentifier": article.id = NITFBodyReader.normalize(part.text)
                    case "ProviderId":
                        if article.provider == nil {
                            let provider = NITFBodyReader.normalize(part.text)
                            if !provider.isEmpty { article.provider = Concept(literal: provider, name: provider) }
                        }
                    case "RevisionId":
                        let text = NITFBodyReader.normalize(part.text)
                        if let version = Int(text) { article.version = version } else { keep("RevisionId", text) }
                        if let update = part.attribute("Update"), update != "N" { keep("RevisionId/@Update", update) }
                        if let previous = part.attribute("PreviousRevision"), previous != "0" {
                            keep("RevisionId/@PreviousRevision", previous)
                        }
                    // The parts of the public identifier, which holds them all.
                    case "DateId", "NewsItemId": break
                    default: keep(part.name, part.text)
                    }
                }
            case "NameLabel", "DateLabel", "Label": keep(child.name, child.text)
            default: keep(child.name, child.text)
            }
        }
    }

    private mutating func readManagement(_ management: XMLElement) {
        var futureStatus: String?
        var futureDate: NewsDate?
        for child in management.childElements {
            switch child.name {
            case "NewsItemType":
                if let type = formal(child), type != "News" { keep("NewsItemType", type) }
            case "FirstCreated": article.firstCreated = date(child)
            case "ThisRevisionCreated": article.versionCreated = date(child)
            case "Status":
                switch formal(child)?.lowercased() {
                case "usable": article.status = .usable
                case "withheld", "embargoed": article.status = .withheld
                case "canceled", "cancelled": article.status = .canceled
                case let other: keep("Status", other)
                }
            case "StatusWillChange":
                futureStatus = child.first("FutureStatus").flatMap(formal)
                if let when = child.first("DateAndTime") { futureDate = date(when) }
            case "Urgency":
                if let value = formal(child), let urgency = Int(value), (1...9).contains(urgency) {
                    article.urgency = urgency
                } else {
                    keep("Urgency", formal(child))
                }
            case "AssociatedWith": keep("AssociatedWith", child.attribute("NewsItem") ?? formal(child))
            case "Instruction": keep("Instruction", formal(child))
            default: keep(child.name, formal(child) ?? child.text)
            }
        }
        // A withheld item that becomes usable at a time is under embargo until then.
        if let futureDate, futureStatus?.lowercased() == "usable" {
            article.embargoed = futureDate
        } else if let futureStatus {
            keep("StatusWillChange", [futureStatus, futureDate?.iso8601].compactMap { $0 }.joined(separator: " "))
        }
    }

    // MARK: Components

    /// The roles of components whose text is not the story: headline and contact copies, and
    /// layout (Business Wire sends its release as Headline, Body, Contact, Logo and StyleSheet).
    private static let stylesheetRoles: Set<String> = ["stylesheet"]

    private mutating func readComponent(_ component: XMLElement, inheritedRole: String? = nil) {
        let role = component.first("Role").flatMap(formal)?.lowercased() ?? inheritedRole
        var media: MediaItem?
        defer {
            if let media { article.media.append(media) }
        }
        for child in component.childElements {
            switch child.name {
            case "NewsLines": readNewsLines(child, mediaRole: isMediaComponent(component) ? role : nil)
            case "AdministrativeMetadata": readAdministrative(child)
            case "RightsMetadata": readRights(child)
            case "DescriptiveMetadata": readDescriptive(child)
            case "Metadata": readMetadata(child)
            case "TopicSet": readTopicSet(child)
            case "NewsComponent": readComponent(child, inheritedRole: role)
            case "NewsItemRef":
                if let reference = child.attribute("NewsItem") { article.media.append(MediaItem(id: reference)) }
            case "ContentItem" where Self.kind(of: child) != .text:
                // The renditions of one picture (Business Wire's thumbnail, view image, ...).
                let rendition = readRendition(child, role: role)
                if media == nil {
                    // `Duid` names a part of this document only (as an XML ID does): not the media's id.
                    media = MediaItem(
                        kind: Self.kind(of: child), href: rendition.href, mediaType: rendition.mediaType,
                        caption: pendingMediaCaption, credit: pendingMediaCredit)
                    pendingMediaCaption = nil
                    pendingMediaCredit = nil
                }
                media?.renditions.append(rendition)
            case "ContentItem": readContentItem(child, role: role)
            // How a receiver chooses among equivalents, the component's role and the catalog:
            // about the document, not the story.
            case "Comment": keep("Comment", child.text)
            case "Role", "BasisForChoice", "Catalog": break
            default: warn("unmapped-element", "<\(child.name)> of a NewsComponent has no IR field; dropped", child)
            }
        }
    }

    /// Whether a component's content is a picture, video, audio or graphic rather than text.
    private func isMediaComponent(_ component: XMLElement) -> Bool {
        component.all("ContentItem").contains { Self.kind(of: $0) != .text }
    }

    private mutating func readNewsLines(_ lines: XMLElement, mediaRole: String?) {
        if mediaRole != nil {
            // The lines of a picture or logo describe it.
            for child in lines.childElements {
                let text = NITFBodyReader.normalize(child.text)
                switch child.name {
                // Business Wire's picture headline is its caption ("... (Photo: Business Wire)").
                case "HeadLine": pendingMediaCaption = text
                case "CreditLine": pendingMediaCredit = text
                case "NewsLine": keep("NewsLine/\(child.first("NewsLineType").flatMap(formal) ?? "")", child.first("NewsLineText")?.text)
                default: keep(child.name, text)
                }
            }
            return
        }
        for child in lines.childElements {
            let text = NITFBodyReader.normalize(child.text)
            guard !text.isEmpty || child.name == "NewsLine" else { continue }
            switch child.name {
            case "HeadLine":
                if article.headline == nil {
                    article.headline = text
                    headlineLanguage = child.attribute("lang", namespace: XMLElement.xmlNamespace)
                } else if text != article.headline {
                    article.alternatives.append(
                        TaggedText(text: text, language: child.attribute("lang", namespace: XMLElement.xmlNamespace), field: "headline"))
                }
            case "SubHeadLine": article.subheadlines.append(text)
            case "ByLine":
                // The printed line is kept as printed; the name is what follows its "By".
                let name = text.lowercased().hasPrefix("by ") ? String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces) : text
                article.bylines.append(Byline(name: name).printed(as: text))
            case "ByLineTitle": keep("ByLineTitle", text)
            case "DateLine": if article.dateline == nil { article.dateline = Dateline(text: text) }
            case "CreditLine": article.creditline = article.creditline ?? text
            case "CopyrightLine":
                if article.copyrightNotice == nil {
                    article.copyrightNotice = text
                } else {
                    article.alternatives.append(TaggedText(text: text, field: "copyrightNotice"))
                }
            case "RightsLine": keep("RightsLine", text)
            case "SlugLine": article.slugline = article.slugline ?? text
            case "KeywordLine": article.keywords.appendUnique(text)
            case "NewsLine":
                let type = child.first("NewsLineType").flatMap(formal) ?? ""
                let line = NITFBodyReader.normalize(child.first("NewsLineText")?.text ?? "")
                guard !line.isEmpty else { continue }
                // An advisory line is the desk's note to editors ("RECASTS with ...").
                if type.lowercased() == "advisoryline" { article.editorialNotes.append(line) } else { keep("NewsLine/\(type)", line) }
            default: keep(child.name, text)
            }
        }
    }

    private mutating func readAdministrative(_ metadata: XMLElement) {
        for child in metadata.childElements {
            let parties = child.all("Party").compactMap { party -> Concept? in
                guard let name = formal(party) else { return nil }
                return Concept(literal: name, name: name)
            }
            switch child.name {
            case "Provider": if let first = parties.first, article.provider?.literal != first.literal { article.provider = first }
            case "Creator": article.creators += parties
            case "Contributor":
                article.contributors += parties
                for comment in child.all("Comment") { keep("Contributor/Comment/\(formal(comment) ?? "")", comment.text) }
            case "Source": article.infoSources += parties
            case "FileName": keep("FileName", child.text)
            case "Property": keepProperty(child)
            default: keep(child.name, parties.compactMap(\.name).joined(separator: ", "))
            }
        }
    }

    private mutating func readRights(_ rights: XMLElement) {
        for child in rights.childElements {
            switch child.name {
            case "Copyright":
                if let holder = child.first("CopyrightHolder").map({ NITFBodyReader.normalize($0.text) }), !holder.isEmpty {
                    article.copyrightHolder = article.copyrightHolder ?? holder
                }
                keep("Copyright/CopyrightDate", child.first("CopyrightDate")?.text)
            case "UsageRights":
                let terms = ["UsageType", "Geography", "RightsHolder", "Limitations", "StartDate", "EndDate"].compactMap { name in
                    child.first(name).map { NITFBodyReader.normalize($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
                }
                guard !terms.isEmpty else { continue }
                let text = terms.joined(separator: "; ")
                if article.usageTerms == nil {
                    article.usageTerms = text
                } else {
                    article.alternatives.append(TaggedText(text: text, field: "usageTerms"))
                }
            default: keep("RightsMetadata/\(child.name)", child.text)
            }
        }
    }

    private mutating func readDescriptive(_ metadata: XMLElement) {
        for child in metadata.childElements {
            switch child.name {
            case "Language": if let tag = formal(child) { setLanguage(tag) }
            case "Genre":
                if let genre = formal(child) { article.genres.appendUnique(Concept(literal: genre, name: genre)) }
            case "SubjectCode":
                for subject in child.childElements where ["Subject", "SubjectMatter", "SubjectDetail"].contains(subject.name) {
                    guard let code = formal(subject) else { continue }
                    let scheme = subject.attribute("Scheme")
                    if scheme == nil || scheme == "IptcSubjectCodes", code.count == 8, code.allSatisfy(\.isNumber) {
                        article.subjects.appendUnique(Concept(qcode: "subj:" + code))
                    } else {
                        article.subjects.appendUnique(Concept(literal: scheme.map { "\($0):\(code)" } ?? code))
                    }
                }
            case "OfInterestTo": keep("OfInterestTo", formal(child))
            case "DateLineDate": datelineDate = date(child)
            case "Location":
                let properties = Dictionary(
                    child.all("Property").compactMap { p in p.attribute("FormalName").map { ($0, p.attribute("Value") ?? "") } },
                    uniquingKeysWith: { first, _ in first })
                if child.attribute("HowPresent") == "Origin", originCity == nil, originCountry == nil {
                    originCity = properties["City"]
                    originCountry = properties["Country"]
                } else {
                    for name in ["City", "Region", "Country"] {
                        if let place = properties[name], !place.isEmpty { article.places.appendUnique(Concept(name: place)) }
                    }
                }
            case "Property": keepProperty(child)
            case "TopicOccurrence": keep("TopicOccurrence", child.attribute("Topic"))
            default: keep(child.name, formal(child) ?? child.text)
            }
        }
    }

    /// `Metadata` of a provider's own type (Business Wire's keywords): kept, by type and name.
    private mutating func readMetadata(_ metadata: XMLElement) {
        let type = metadata.first("MetadataType").flatMap(formal) ?? "Metadata"
        for property in metadata.all("Property") {
            keep("Metadata/\(type)/\(property.attribute("FormalName") ?? "")", property.attribute("Value"))
        }
    }

    /// `Property FormalName="Keyword"` is a keyword; a person's keyword (AFP's `PersonInImage`)
    /// a person; any other property is kept by name.
    private mutating func keepProperty(_ property: XMLElement) {
        guard let name = property.attribute("FormalName"), let value = property.attribute("Value"), !value.isEmpty else { return }
        switch (name, property.attribute("Role")) {
        case ("Keyword", nil): article.keywords.appendUnique(value)
        case ("Keyword", let role?): article.people.appendUnique(Concept(name: value, role: role))
        case ("Country", _), ("City", _): article.places.appendUnique(Concept(name: value))
        default: keep("Property/\(name)", value)
        }
    }

    private mutating func readTopicSet(_ set: XMLElement) {
        for topic in set.all("Topic") {
            guard let code = topic.first("FormalName").map({ NITFBodyReader.normalize($0.text) }), !code.isEmpty else { continue }
            let names = topic.all("Description").filter { $0.attribute("Variant") == "Name" }
            let wanted = article.language ?? "en"
            let name = (names.first { $0.attribute("lang", namespace: XMLElement.xmlNamespace)?.lowercased() == wanted } ?? names.first)
                .map { NITFBodyReader.normalize($0.text) }
            if let name, !name.isEmpty { topicNames[code] = name }
        }
    }

    // MARK: Content

    private var pendingMediaCaption: String?
    private var pendingMediaCredit: String?

    static func kind(of item: XMLElement) -> Article.Kind {
        let type = item.first("MediaType").flatMap { $0.attribute("FormalName") }?.lowercased()
        let mime = item.first("MimeType").flatMap { $0.attribute("FormalName") }?.lowercased() ?? ""
        switch type {
        case "photo", "image", "picture": return .picture
        case "graphic": return .graphic
        case "video": return .video
        case "audio", "sound": return .audio
        case "text", "complexdata": return .text
        default:
            if mime.hasPrefix("image/") { return .picture }
            if mime.hasPrefix("video/") { return .video }
            if mime.hasPrefix("audio/") { return .audio }
            return .text
        }
    }

    private mutating func readContentItem(_ item: XMLElement, role: String?) {
        let format = item.first("Format").flatMap(formal)?.lowercased() ?? ""
        let mime = item.first("MimeType").flatMap(formal)?.lowercased()
        if role.map(Self.stylesheetRoles.contains) == true || mime == "text/css" || format == "css" {
            diagnostics.append(
                .note("newsml1.import.stylesheet", "a style sheet for the provider's layout is not story text; dropped", at: location(item))
            )
            return
        }
        guard let data = item.first("DataContent") else {
            if let href = item.attribute("Href") { article.media.append(MediaItem(kind: .text, href: href, mediaType: mime)) }
            return
        }
        var content = readText(data, html: format.contains("html") || mime?.contains("html") == true)
        switch role {
        case "headline":
            // A copy of the headline, styled: the NewsLines' headline is the same text.
            let text = content.blocks.flatMap(PlainTextBody.text(of:)).joined(separator: " ")
            if article.headline == nil, !text.isEmpty { article.headline = NITFBodyReader.normalize(text) }
        case "subheadline":
            // Business Wire's highlights, a list: each item a subheadline.
            article.subheadlines += Self.lines(of: content.blocks, splittingLines: false)
        case "contact":
            // A press release's contacts: printed after the story, as end matter.
            article.trailers += Self.lines(of: content.blocks, splittingLines: true)
        default:
            guard article.body.isEmpty else {
                warn("second-body", "a second text content (role '\(role ?? "none")') follows the body; its text is dropped", item)
                return
            }
            if article.headline == nil { article.headline = content.headline }
            article.subheadlines += content.subheadlines
            if article.bylines.isEmpty { article.bylines = content.bylines }
            if let dateline = content.dateline, article.dateline == nil { article.dateline = dateline }
            if article.abstract.isEmpty { article.abstract = content.abstract }
            article.body = content.blocks
            article.signOff = article.signOff ?? content.signOff
            article.trailers += content.trailers
            article.media += content.associatedMedia
            content.blocks = []
        }
    }

    /// The texts of blocks, a list's items each one, whitespace normalized; with
    /// `splittingLines`, each line of them (a contact's name, telephone and address).
    static func lines(of blocks: [Block], splittingLines: Bool) -> [String] {
        let texts = blocks.flatMap { block -> [String] in
            if case .list(_, let items) = block { return items.map(\.plainText) }
            return [block.plainText]
        }
        return (splittingLines ? texts.flatMap { $0.split(separator: "\n").map(String.init) } : texts)
            .map(NITFBodyReader.normalize).filter { !$0.isEmpty }
    }

    /// A text `DataContent`: an inline NITF document, an XHTML document, NITF body elements
    /// directly (AFP's `bcNITF2.5`), HTML as text (ANA's CDATA), or plain text.
    private mutating func readText(_ data: XMLElement, html: Bool) -> NITFBodyContent {
        var content = NITFBodyContent.empty
        if let root = data.firstChildElement {
            if root.isNamed("nitf") {
                var reader = NITFBodyReader(codePrefix: "newsml1.import", path: path, keepsUnmapped: false, reportsNotes: true)
                if let body = root.first("body") { content = reader.readBody(body) }
                diagnostics += content.diagnostics
                diagnostics += reader.diagnostics()
            } else if root.isNamed("html") || root.isNamed("body") {
                var reader = XHTMLBodyReader(codePrefix: "newsml1.import", path: path)
                content.blocks = reader.readDocument(root)
                diagnostics += reader.diagnostics()
            } else {
                var reader = NITFBodyReader(codePrefix: "newsml1.import", path: path, keepsUnmapped: false, reportsNotes: true)
                content.blocks = reader.readBlocks(data)
                diagnostics += reader.diagnostics()
            }
            return content
        }
        let text = data.text
        if html {
            do {
                let document = try XMLDocument.parseHTML(text, path: path)
                diagnostics += document.warnings
                var reader = XHTMLBodyReader(codePrefix: "newsml1.import", path: path)
                content.blocks = document.root.map { reader.readDocument($0) } ?? []
                diagnostics += reader.diagnostics()
                return content
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        content.blocks = PlainTextBody.paragraphs(in: text)
        return content
    }

    /// One rendition of a picture, video, audio or graphic: its use (`Thumbnail`) or the
    /// component's role names it.
    private mutating func readRendition(_ item: XMLElement, role: String?) -> MediaItem.Rendition {
        var rendition = MediaItem.Rendition(
            name: role, href: item.attribute("Href"), mediaType: item.first("MimeType").flatMap(formal)?.lowercased())
        guard let characteristics = item.first("Characteristics") else { return rendition }
        rendition.sizeInBytes = characteristics.first("SizeInBytes").flatMap { Int(NITFBodyReader.normalize($0.text)) }
        for property in characteristics.all("Property") {
            let value = property.attribute("Value")
            switch property.attribute("FormalName")?.lowercased() {
            case "width", "pixelwidth": rendition.width = value.flatMap { Int($0) }
            case "height", "pixelheight": rendition.height = value.flatMap { Int($0) }
            case "imageuse", "multimediause": rendition.name = value ?? rendition.name
            default: keep("Characteristics/\(property.attribute("FormalName") ?? "")", value)
            }
        }
        return rendition
    }

    // MARK: Dates, formal names, the dateline

    /// A `FormalName` attribute's value, when it has one.
    private func formal(_ element: XMLElement) -> String? {
        guard let value = element.attribute("FormalName")?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// NewsML 1's ISO 8601 basic date-time (`20210516T080625+0000`, `20240710T125902Z`).
    private mutating func date(_ element: XMLElement) -> NewsDate? {
        let text = NITFBodyReader.normalize(element.text)
        guard !text.isEmpty else { return nil }
        if let date = NITFBodyReader.parseNorm(text) { return date }
        warn("invalid-date", "<\(element.name)> '\(text)' is not an ISO 8601 date-time; kept in extensions", element)
        keep(element.name, text)
        return nil
    }

    /// The printed dateline gets its place and date from `Location HowPresent="Origin"` and
    /// `DateLineDate`; with no printed dateline they are kept, not printed.
    private mutating func completeDateline() {
        // The origin's country is a code (`PSE`), not printed text: a place of the story.
        if let originCountry, !originCountry.isEmpty { article.places.appendUnique(Concept(name: originCountry)) }
        if article.dateline != nil {
            article.dateline?.place = originCity
            if let datelineDate { article.dateline?.date = datelineDate }
        } else if originCity != nil || datelineDate != nil {
            var dateline = Dateline(text: "", place: originCity)
            dateline.date = datelineDate
            article.dateline = dateline
        }
    }
}
