import Foundation
import NewsCore
import NewsYAML

/// The article's metadata as YAML front matter events, keys in a fixed order (see
/// `docs/formats/markdown.md` for each), for a sink to write: `YAMLEmitter` in the exporter.
/// Quoting is libyaml's, so it is always right (a slugline `yes`, a version `3`, a title with
/// `: ` stay strings).
struct FrontMatterWriter<Sink: YAMLEvents> {
    var sink: Sink
    /// The site-generator key a source used for a field (`tags` for `keywords`), written back.
    private let spellings: [String: String]

    init(sink: Sink, article: Article) {
        self.sink = sink
        var spellings: [String: String] = [:]
        if case .object(let members)? = article.extensions[MarkdownVocabulary.spellingsKey] {
            spellings = members.compactMapValues(\.stringValue)
        }
        self.spellings = spellings
    }

    // MARK: Scalars

    /// A string. libyaml quotes what YAML 1.2 would read as another type; YAML 1.1 readers
    /// (Jekyll, PyYAML) also take `yes`, `off`, `y` for booleans and `12:30` for a number, so
    /// those are double-quoted.
    mutating func string(_ text: String) { sink.scalar(text, doubleQuoted: YAML11.ambiguous(text)) }

    /// A date, number or boolean: plain, so that site generators read a date, where a reader would
    /// see one anyway.
    mutating func plain(_ text: String) { sink.scalar(text, doubleQuoted: false) }
    mutating func date(_ date: NewsDate) { plain(date.iso8601) }
    mutating func int(_ value: Int) { plain(String(value)) }

    // MARK: Collections

    mutating func mapping(_ fields: (inout Self) -> Void) {
        sink.beginMapping()
        fields(&self)
        sink.endMapping()
    }

    mutating func sequence<Item>(_ items: [Item], _ write: (inout Self, Item) -> Void) {
        sink.beginSequence()
        for item in items { write(&self, item) }
        sink.endSequence()
    }

    /// A field of a nested mapping, when it has a value.
    mutating func field(_ key: String, _ text: String?) {
        guard let text else { return }
        string(key)
        string(text)
    }

    /// A key of the front matter itself, under the spelling its source used.
    mutating func key(_ key: String) { string(spellings[key] ?? key) }

    mutating func put(_ key: String, _ text: String?) {
        guard let text else { return }
        self.key(key)
        string(text)
    }

    mutating func put(_ key: String, strings: [String]) { put(key, strings) { $0.string($1) } }

    /// A list, when it is not empty.
    mutating func put<Item>(_ key: String, _ items: [Item], _ write: (inout Self, Item) -> Void) {
        guard !items.isEmpty else { return }
        self.key(key)
        sequence(items, write)
    }

    // MARK: The article

    /// The front matter of an article. `summary` is the abstract, already as Markdown.
    mutating func write(_ article: Article, summary: String?) {
        sink.beginMapping()
        put("title", article.headline)
        put("subheadlines", strings: article.subheadlines)
        put("slugline", article.slugline)
        put("takeKey", article.takeKey)
        // One plain byline under a site generator's `author` is a plain name, as it was.
        if spellings["bylines"] != nil, article.bylines.count == 1, Self.isPlain(article.bylines[0]) {
            key("bylines")
            byline(article.bylines[0])
        } else {
            put("bylines", article.bylines) { $0.byline($1) }
        }
        if let dateline = article.dateline {
            key("dateline")
            mapping {
                $0.field("text", dateline.text)
                $0.field("place", dateline.place)
                $0.field("region", dateline.region)
                if let date = dateline.date {
                    $0.string("date")
                    $0.date(date)
                }
                $0.field("agency", dateline.source)
                $0.field("placeCode", dateline.placeCode)
            }
        }
        put("summary", summary)
        put("id", article.id)
        if let version = article.version {
            key("version")
            int(version)
        }
        put("language", article.language)
        if article.kind != .text { put("kind", article.kind.rawValue) }
        // A site generator's `draft` goes back as it was: true for withheld, false for no status.
        if spellings["status"] == "draft", article.status == nil || article.status == .withheld {
            key("status")
            plain(article.status == .withheld ? "true" : "false")
        } else if let status = article.status {
            string("status")
            string(status.rawValue)
        }
        put("signals", strings: article.signals)
        if let urgency = article.urgency {
            key("urgency")
            int(urgency)
        }
        if let priority = article.priority {
            key("priority")
            int(priority)
        }
        let dates: [(String, NewsDate?)] = [
            ("firstCreated", article.firstCreated), ("versionCreated", article.versionCreated), ("contentCreated", article.contentCreated),
            ("contentModified", article.contentModified), ("embargoed", article.embargoed), ("expires", article.expires),
        ]
        // A date the source gave under a key of its own (`date`, `lastmod`, `embargo`) goes back there.
        for case (let name, let date?) in dates where spellings[name] != nil {
            key(name)
            self.date(date)
        }
        let dateFields = dates.compactMap { name, date in spellings[name] == nil ? date.map { (name, $0) } : nil }
        if !dateFields.isEmpty {
            key("dates")
            mapping {
                for (name, date) in dateFields {
                    $0.string(name)
                    $0.date(date)
                }
            }
        }
        put("subjects", article.subjects) { $0.concept($1) }
        put("genres", article.genres) { $0.concept($1) }
        put("keywords", strings: article.keywords)
        put("people", article.people) { $0.concept($1) }
        put("organisations", article.organisations) { $0.concept($1) }
        put("places", article.places) { $0.concept($1) }
        if let provider = article.provider {
            key("provider")
            concept(provider)
        }
        put("infoSources", article.infoSources) { $0.concept($1) }
        put("creditline", article.creditline)
        if article.copyrightHolder != nil || article.copyrightNotice != nil || article.usageTerms != nil {
            key("rights")
            mapping {
                $0.field("holder", article.copyrightHolder)
                $0.field("notice", article.copyrightNotice)
                $0.field("usageTerms", article.usageTerms)
            }
        }
        put("editorialNotes", strings: article.editorialNotes)
        put("signOff", article.signOff)
        put("trailers", strings: article.trailers)
        put("media", article.media) { $0.media($1) }
        // Keys a Markdown source had that newsconv does not know are written back as they were.
        let own = article.extensions.values.keys.filter {
            $0.hasPrefix(MarkdownVocabulary.extensionPrefix) && $0 != MarkdownVocabulary.spellingsKey
        }.sorted()
        for name in own {
            guard let value = article.extensions[name] else { continue }
            key(String(name.dropFirst(MarkdownVocabulary.extensionPrefix.count)))
            json(value)
        }
        let others = article.extensions.values.filter { !$0.key.hasPrefix(MarkdownVocabulary.extensionPrefix) }
        if !others.isEmpty {
            key("extensions")
            json(.object(others))
        }
        sink.endMapping()
    }

    /// Whether a byline is a name alone, written as a plain string.
    static func isPlain(_ byline: Byline) -> Bool {
        byline.title == nil && byline.affiliation == nil && byline.role == nil && byline.id == nil && byline.text == nil
    }

    mutating func byline(_ byline: Byline) {
        guard !Self.isPlain(byline) else { return string(byline.name) }
        mapping {
            $0.field("name", byline.name)
            $0.field("title", byline.title)
            $0.field("affiliation", byline.affiliation)
            $0.field("role", byline.role)
            $0.field("id", byline.id)
            $0.field("printed", byline.text)
        }
    }

    mutating func concept(_ concept: Concept) {
        mapping {
            $0.field("qcode", concept.qcode)
            $0.field("uri", concept.uri)
            $0.field("literal", concept.literal)
            $0.field("name", concept.name)
            $0.field("type", concept.type)
            $0.field("role", concept.role)
            if !concept.broader.isEmpty {
                $0.string("broader")
                $0.sequence(concept.broader) { $0.concept($1) }
            }
        }
    }

    mutating func media(_ media: MediaItem) {
        mapping {
            $0.field("id", media.id)
            $0.field("kind", media.kind?.rawValue)
            $0.field("href", media.href)
            $0.field("mediaType", media.mediaType)
            $0.field("title", media.title)
            $0.field("caption", media.caption)
            $0.field("credit", media.credit)
            if !media.renditions.isEmpty {
                $0.string("renditions")
                $0.sequence(media.renditions) { $0.rendition($1) }
            }
        }
    }

    mutating func rendition(_ rendition: MediaItem.Rendition) {
        mapping {
            $0.field("name", rendition.name)
            $0.field("href", rendition.href)
            $0.field("mediaType", rendition.mediaType)
            for (name, value) in [("width", rendition.width), ("height", rendition.height), ("sizeInBytes", rendition.sizeInBytes)] {
                guard let value else { continue }
                $0.string(name)
                $0.int(value)
            }
            if let duration = rendition.duration {
                $0.string("duration")
                $0.plain(String(duration))
            }
        }
    }

    mutating func json(_ value: JSONValue) {
        switch value {
        case .null: plain("null")
        case .bool(let flag): plain(flag ? "true" : "false")
        case .number(let number): plain(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let text): string(text)
        case .array(let values): sequence(values) { $0.json($1) }
        case .object(let members):
            mapping {
                for name in members.keys.sorted() {
                    $0.string(name)
                    $0.json(members[name]!)
                }
            }
        }
    }
}
