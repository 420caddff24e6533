import Foundation

/// One news item: the intermediate representation that every importer produces and every
/// exporter consumes.
///
/// Every field is optional or may be empty: a wire dispatch has no id and no timestamps, a
/// picture has no body. Data that no field holds goes into ``extensions`` so that round trips
/// keep it. See `docs/ir.md` for every field and its mapping.
public struct Article: Sendable, Hashable, Codable {
    // MARK: Identity

    /// A globally unique id (NewsML-G2 `guid`, ninjs `uri`, NITF `doc-id`).
    public var id: String?
    /// The version number of the item (1 is the first).
    public var version: Int?
    /// The language, as a BCP 47 tag (`en`, `es-ES`).
    public var language: String?
    /// What the article is (text, picture, ...).
    public var kind: Kind = .text
    /// The publication status.
    public var status: Status?
    /// Processing signals (`sig:update`, `sig:correction`), as qcodes.
    public var signals: [String] = []

    // MARK: Dates

    public var firstCreated: NewsDate?
    public var versionCreated: NewsDate?
    public var contentCreated: NewsDate?
    public var contentModified: NewsDate?
    /// Not to be published before this time.
    public var embargoed: NewsDate?
    public var expires: NewsDate?

    // MARK: Importance

    /// Editorial urgency, 1 (most urgent) to 9 (least).
    public var urgency: Int?
    /// Transmission priority, 1 (highest) to 9.
    public var priority: Int?

    // MARK: Heads

    public var headline: String?
    public var subheadlines: [String] = []
    /// A short name for the story (`PAKISTAN-US/ARMY`).
    public var slugline: String?
    /// A take or version marker (`UPDATE 1`, `1stLd-Writethru`, `REFILE`).
    public var takeKey: String?
    /// Dynamic use keys that group the versions of the story (NITF `du-key`).
    public var useKeys: [UseKey] = []
    /// The printed byline (NewsML-G2 `by`, NITF `byline`, a wire `By` line).
    public var bylines: [Byline] = []
    /// The people or organisations that made the content, with their roles (NewsML-G2
    /// `creator`); never printed as a byline.
    public var creators: [Concept] = []
    /// Those who contributed to it (NewsML-G2 `contributor`: editors, caption writers).
    public var contributors: [Concept] = []
    public var dateline: Dateline?
    /// A summary (NewsML-G2 `description`, NITF `abstract`).
    public var abstract: [Block] = []
    /// Descriptions other than the summary, each with its role (a text item's caption, a
    /// shotlist, a script, a video intro).
    public var descriptions: [TaggedText] = []

    // MARK: Content

    public var body: [Block] = []

    // MARK: End matter

    /// The agency word that closes the last paragraph (`EFE`).
    public var signOff: String?
    /// Lines after the body in order: desk initials (`aa-ssk`), `(Reporting by ...)`,
    /// `... contributed to this report.`, end markers.
    public var trailers: [String] = []
    /// Notes to editors, not for publication.
    public var editorialNotes: [String] = []

    // MARK: Classification

    public var subjects: [Concept] = []
    public var genres: [Concept] = []
    public var keywords: [String] = []
    public var people: [Concept] = []
    public var organisations: [Concept] = []
    public var places: [Concept] = []

    // MARK: Provenance and rights

    /// The party that provides the item (NewsML-G2 `provider`).
    public var provider: Concept?
    /// Sources of the content (agencies, stringers).
    public var infoSources: [Concept] = []
    public var creditline: String?
    public var copyrightHolder: String?
    public var copyrightNotice: String?
    public var usageTerms: String?
    /// Further values of fields that hold one: a headline, copyright notice or usage terms in
    /// another language or with a role, each naming its field (``TaggedText/field``).
    public var alternatives: [TaggedText] = []

    // MARK: Media and the rest

    /// Associated pictures, video and audio (those placed in the body are ``Block/media(_:)``).
    public var media: [MediaItem] = []
    /// Data the IR has no field for, by namespaced key.
    public var extensions: Extensions = Extensions()
    /// Where the article was imported from.
    public var origin: Origin?

    /// What kind of content an article is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case text, picture, video, audio, graphic, composite
    }

    /// Publication status, after NewsML-G2's `stat:` codes.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case usable, withheld, canceled
    }

    /// An empty article (cheaper than the memberwise initializer with its defaults: importers
    /// make one per item and fill it in).
    public init() {}

    /// Creates an article; every field starts empty.
    public init(
        id: String? = nil, version: Int? = nil, language: String? = nil, kind: Kind = .text, status: Status? = nil,
        signals: [String] = [], firstCreated: NewsDate? = nil, versionCreated: NewsDate? = nil,
        contentCreated: NewsDate? = nil, contentModified: NewsDate? = nil, embargoed: NewsDate? = nil,
        expires: NewsDate? = nil, urgency: Int? = nil, priority: Int? = nil, headline: String? = nil,
        subheadlines: [String] = [], slugline: String? = nil, takeKey: String? = nil, useKeys: [UseKey] = [], bylines: [Byline] = [],
        creators: [Concept] = [], contributors: [Concept] = [], dateline: Dateline? = nil, abstract: [Block] = [],
        descriptions: [TaggedText] = [], body: [Block] = [], signOff: String? = nil,
        trailers: [String] = [], editorialNotes: [String] = [], subjects: [Concept] = [], genres: [Concept] = [],
        keywords: [String] = [], people: [Concept] = [], organisations: [Concept] = [], places: [Concept] = [],
        provider: Concept? = nil, infoSources: [Concept] = [], creditline: String? = nil,
        copyrightHolder: String? = nil, copyrightNotice: String? = nil, usageTerms: String? = nil,
        alternatives: [TaggedText] = [], media: [MediaItem] = [], extensions: Extensions = Extensions(), origin: Origin? = nil
    ) {
        self.id = id
        self.version = version
        self.language = language
        self.kind = kind
        self.status = status
        self.signals = signals
        self.firstCreated = firstCreated
        self.versionCreated = versionCreated
        self.contentCreated = contentCreated
        self.contentModified = contentModified
        self.embargoed = embargoed
        self.expires = expires
        self.urgency = urgency
        self.priority = priority
        self.headline = headline
        self.subheadlines = subheadlines
        self.slugline = slugline
        self.takeKey = takeKey
        self.useKeys = useKeys
        self.bylines = bylines
        self.creators = creators
        self.contributors = contributors
        self.dateline = dateline
        self.abstract = abstract
        self.descriptions = descriptions
        self.body = body
        self.signOff = signOff
        self.trailers = trailers
        self.editorialNotes = editorialNotes
        self.subjects = subjects
        self.genres = genres
        self.keywords = keywords
        self.people = people
        self.organisations = organisations
        self.places = places
        self.provider = provider
        self.infoSources = infoSources
        self.creditline = creditline
        self.copyrightHolder = copyrightHolder
        self.copyrightNotice = copyrightNotice
        self.usageTerms = usageTerms
        self.alternatives = alternatives
        self.media = media
        self.extensions = extensions
        self.origin = origin
    }

    /// The JSON keys, in the order they are written.
    private enum CodingKeys: String, CodingKey {
        case id, version, language, kind, status, signals
        case firstCreated, versionCreated, contentCreated, contentModified, embargoed, expires
        case urgency, priority
        case headline, subheadlines, slugline, takeKey, useKeys, bylines, creators, contributors, dateline, abstract, descriptions
        case body
        case signOff, trailers, editorialNotes
        case subjects, genres, keywords, people, organisations, places
        case provider, infoSources, creditline, copyrightHolder, copyrightNotice, usageTerms, alternatives
        case media, extensions, origin
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .text
        status = try c.decodeIfPresent(Status.self, forKey: .status)
        signals = try c.decodeArray([String].self, forKey: .signals)
        firstCreated = try c.decodeIfPresent(NewsDate.self, forKey: .firstCreated)
        versionCreated = try c.decodeIfPresent(NewsDate.self, forKey: .versionCreated)
        contentCreated = try c.decodeIfPresent(NewsDate.self, forKey: .contentCreated)
        contentModified = try c.decodeIfPresent(NewsDate.self, forKey: .contentModified)
        embargoed = try c.decodeIfPresent(NewsDate.self, forKey: .embargoed)
        expires = try c.decodeIfPresent(NewsDate.self, forKey: .expires)
        urgency = try c.decodeIfPresent(Int.self, forKey: .urgency)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
        headline = try c.decodeIfPresent(String.self, forKey: .headline)
        subheadlines = try c.decodeArray([String].self, forKey: .subheadlines)
        slugline = try c.decodeIfPresent(String.self, forKey: .slugline)
        takeKey = try c.decodeIfPresent(String.self, forKey: .takeKey)
        useKeys = try c.decodeArray([UseKey].self, forKey: .useKeys)
        bylines = try c.decodeArray([Byline].self, forKey: .bylines)
        creators = try c.decodeArray([Concept].self, forKey: .creators)
        contributors = try c.decodeArray([Concept].self, forKey: .contributors)
        dateline = try c.decodeIfPresent(Dateline.self, forKey: .dateline)
        abstract = try c.decodeArray([Block].self, forKey: .abstract)
        descriptions = try c.decodeArray([TaggedText].self, forKey: .descriptions)
        body = try c.decodeArray([Block].self, forKey: .body)
        signOff = try c.decodeIfPresent(String.self, forKey: .signOff)
        trailers = try c.decodeArray([String].self, forKey: .trailers)
        editorialNotes = try c.decodeArray([String].self, forKey: .editorialNotes)
        subjects = try c.decodeArray([Concept].self, forKey: .subjects)
        genres = try c.decodeArray([Concept].self, forKey: .genres)
        keywords = try c.decodeArray([String].self, forKey: .keywords)
        people = try c.decodeArray([Concept].self, forKey: .people)
        organisations = try c.decodeArray([Concept].self, forKey: .organisations)
        places = try c.decodeArray([Concept].self, forKey: .places)
        provider = try c.decodeIfPresent(Concept.self, forKey: .provider)
        infoSources = try c.decodeArray([Concept].self, forKey: .infoSources)
        creditline = try c.decodeIfPresent(String.self, forKey: .creditline)
        copyrightHolder = try c.decodeIfPresent(String.self, forKey: .copyrightHolder)
        copyrightNotice = try c.decodeIfPresent(String.self, forKey: .copyrightNotice)
        usageTerms = try c.decodeIfPresent(String.self, forKey: .usageTerms)
        alternatives = try c.decodeArray([TaggedText].self, forKey: .alternatives)
        media = try c.decodeArray([MediaItem].self, forKey: .media)
        extensions = try c.decodeIfPresent(Extensions.self, forKey: .extensions) ?? Extensions()
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeNonEmpty(signals, forKey: .signals)
        try c.encodeIfPresent(firstCreated, forKey: .firstCreated)
        try c.encodeIfPresent(versionCreated, forKey: .versionCreated)
        try c.encodeIfPresent(contentCreated, forKey: .contentCreated)
        try c.encodeIfPresent(contentModified, forKey: .contentModified)
        try c.encodeIfPresent(embargoed, forKey: .embargoed)
        try c.encodeIfPresent(expires, forKey: .expires)
        try c.encodeIfPresent(urgency, forKey: .urgency)
        try c.encodeIfPresent(priority, forKey: .priority)
        try c.encodeIfPresent(headline, forKey: .headline)
        try c.encodeNonEmpty(subheadlines, forKey: .subheadlines)
        try c.encodeIfPresent(slugline, forKey: .slugline)
        try c.encodeIfPresent(takeKey, forKey: .takeKey)
        try c.encodeNonEmpty(useKeys, forKey: .useKeys)
        try c.encodeNonEmpty(bylines, forKey: .bylines)
        try c.encodeNonEmpty(creators, forKey: .creators)
        try c.encodeNonEmpty(contributors, forKey: .contributors)
        try c.encodeIfPresent(dateline, forKey: .dateline)
        try c.encodeNonEmpty(abstract, forKey: .abstract)
        try c.encodeNonEmpty(descriptions, forKey: .descriptions)
        try c.encodeNonEmpty(body, forKey: .body)
        try c.encodeIfPresent(signOff, forKey: .signOff)
        try c.encodeNonEmpty(trailers, forKey: .trailers)
        try c.encodeNonEmpty(editorialNotes, forKey: .editorialNotes)
        try c.encodeNonEmpty(subjects, forKey: .subjects)
        try c.encodeNonEmpty(genres, forKey: .genres)
        try c.encodeNonEmpty(keywords, forKey: .keywords)
        try c.encodeNonEmpty(people, forKey: .people)
        try c.encodeNonEmpty(organisations, forKey: .organisations)
        try c.encodeNonEmpty(places, forKey: .places)
        try c.encodeIfPresent(provider, forKey: .provider)
        try c.encodeNonEmpty(infoSources, forKey: .infoSources)
        try c.encodeIfPresent(creditline, forKey: .creditline)
        try c.encodeIfPresent(copyrightHolder, forKey: .copyrightHolder)
        try c.encodeIfPresent(copyrightNotice, forKey: .copyrightNotice)
        try c.encodeIfPresent(usageTerms, forKey: .usageTerms)
        try c.encodeNonEmpty(alternatives, forKey: .alternatives)
        try c.encodeNonEmpty(media, forKey: .media)
        if !extensions.isEmpty { try c.encode(extensions, forKey: .extensions) }
        try c.encodeIfPresent(origin, forKey: .origin)
    }
}
