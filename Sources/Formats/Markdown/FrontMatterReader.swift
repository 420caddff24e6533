import Datelines
import Foundation
import NewsCore
import Yams

/// Reads the keys of YAML front matter into an article: newsconv's own keys, and the ones site
/// generators and reporters' drafts use (`date`, `author`, `tags`, `description`, `draft`). A key
/// it does not know is kept in `extensions["markdown:<key>"]` and written back.
struct FrontMatterReader {
    let path: String?
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    /// Whether notes are made (see ``ConversionOptions/reportsNotes``).
    var reportsNotes = true

    init(path: String?, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    private func at(_ node: Node) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + (node.mark?.line ?? 1) - 1, column: node.mark?.column ?? 1)
    }

    private mutating func warn(_ code: String, _ message: String, _ node: Node) {
        diagnostics.append(.warning("markdown.front-matter.\(code)", message, at: at(node)))
    }

    private mutating func note(_ code: String, _ message: @autoclosure () -> String, _ node: Node) {
        guard reportsNotes else { return }
        diagnostics.append(.note("markdown.front-matter.\(code)", message(), at: at(node)))
    }

    /// A scalar as text; a number or a date written plain in YAML is read as its text.
    private static func text(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    private func strings(_ node: Node) -> [String] {
        switch node {
        case .sequence(let items): items.compactMap(Self.text)
        case .scalar: Self.text(node).map { [$0] } ?? []
        default: []
        }
    }

    private mutating func date(_ node: Node, _ key: String) -> NewsDate? {
        guard let text = Self.text(node), !text.isEmpty else { return nil }
        // YAML timestamps may use a space for `T` (`2025-01-14 06:30:00 +01:00`).
        var candidate = text
        if let date = NewsDate(iso8601: candidate) { return date }
        candidate = candidate.replacingOccurrences(of: " +", with: "+").replacingOccurrences(of: " -", with: "-").replacingOccurrences(
            of: " Z", with: "Z")
        if let space = candidate.firstIndex(of: " ") { candidate.replaceSubrange(space...space, with: "T") }
        if let date = NewsDate(iso8601: candidate) { return date }
        warn("invalid-date", "\(key): '\(text)' is not an ISO 8601 date; dropped", node)
        return nil
    }

    private mutating func int(_ node: Node, _ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = Self.text(node), let value = Int(text), range.map({ $0.contains(value) }) ?? true else {
            warn(
                "invalid-number",
                "\(key): expected a whole number\(range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""); dropped", node)
            return nil
        }
        return value
    }

    private func concept(_ node: Node) -> Concept? {
        switch node {
        case .scalar:
            // A plain name (`tags: [port]`, `categories: Economy`).
            return Self.text(node).map { Concept(literal: $0, name: $0) }
        case .mapping(let mapping):
            var concept = Concept()
            for (key, value) in mapping {
                switch key.string {
                case "qcode": concept.qcode = Self.text(value)
                case "uri": concept.uri = Self.text(value)
                case "literal": concept.literal = Self.text(value)
                case "name": concept.name = Self.text(value)
                case "type": concept.type = Self.text(value)
                case "role": concept.role = Self.text(value)
                case "broader": concept.broader = value.array().compactMap(self.concept)
                default: break
                }
            }
            return concept
        default:
            return nil
        }
    }

    private func concepts(_ node: Node) -> [Concept] {
        if case .sequence(let items) = node { return items.compactMap(concept) }
        return concept(node).map { [$0] } ?? []
    }

    private func byline(_ node: Node) -> Byline? {
        if let name = Self.text(node) { return Byline(name: name) }
        guard case .mapping(let mapping) = node, let name = mapping["name"].flatMap(Self.text) else { return nil }
        return Byline(
            name: name, title: mapping["title"].flatMap(Self.text), affiliation: mapping["affiliation"].flatMap(Self.text),
            role: mapping["role"].flatMap(Self.text), id: mapping["id"].flatMap(Self.text), text: mapping["printed"].flatMap(Self.text))
    }

    private mutating func media(_ node: Node) -> MediaItem? {
        guard case .mapping(let mapping) = node else { return nil }
        func text(_ key: String) -> String? { mapping[key].flatMap(Self.text) }
        var item = MediaItem(
            id: text("id"), kind: text("kind").flatMap(Article.Kind.init(rawValue:)), href: text("href"), mediaType: text("mediaType"),
            caption: text("caption"), credit: text("credit"), title: text("title"))
        for rendition in mapping["renditions"]?.array() ?? [] {
            guard case .mapping(let r) = rendition else { continue }
            func value(_ key: String) -> String? { r[key].flatMap(Self.text) }
            item.renditions.append(
                MediaItem.Rendition(
                    name: value("name"), href: value("href"), mediaType: value("mediaType"), width: value("width").flatMap { Int($0) },
                    height: value("height").flatMap { Int($0) }, sizeInBytes: value("sizeInBytes").flatMap { Int($0) },
                    duration: value("duration").flatMap { Double($0) }))
        }
        return item
    }

    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            // Only a plain scalar can be a null, a boolean or a number; quoted ones are strings.
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            // YAML 1.1's nulls, booleans and numbers all begin with one of these; asking Yams of
            // any other text cost a quarter of the Markdown import (its number constructors
            // run regular expressions; `swift package benchmark --target MarkdownBatch`).
            if let first = scalar.string.utf8.first, !Self.mayStartNonString(first) { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let number = node.int { return .number(Double(number)) }
            if let number = node.float, scalar.string.contains(where: \.isNumber) { return .number(number) }
            return .string(scalar.string)
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { if let name = key.string { members[name] = json(value) } }
            return .object(members)
        case .alias: return .null
        }
    }

    /// The first bytes of `~`, `null`, `yes`/`y`/`no`/`n`, `true`/`false`, `on`/`off` in any
    /// case, and of numbers (sign, dot, digit).
    private static func mayStartNonString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
            UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    mutating func read(key: String, value: Node, keyNode: Node, into contents: inout FrontMatter.Contents) {
        if let field = MarkdownVocabulary.siteGeneratorKeys[key] { contents.spellings[field] = key }
        switch key {
        case "title", "headline": contents.article.headline = Self.text(value)
        case "subheadlines", "subtitle": contents.article.subheadlines = strings(value)
        case "slugline", "slug": contents.article.slugline = Self.text(value)
        case "takeKey": contents.article.takeKey = Self.text(value)
        case "bylines", "byline", "author", "authors":
            let items = { if case .sequence(let list) = value { return list } else { return [value] } }()
            contents.article.bylines = items.compactMap(byline)
        case "dateline":
            if let text = Self.text(value) {
                // A draft's dateline as text is read as agencies print one: place, date, agency.
                let match = DatelineParser.parse(Substring(text)).flatMap { $0.remainder.isEmpty ? $0.dateline : nil }
                contents.article.dateline = match ?? Dateline(text: text)
            } else if case .mapping(let mapping) = value {
                var dateline = Dateline(text: mapping["text"].flatMap(Self.text) ?? "")
                dateline.place = mapping["place"].flatMap(Self.text)
                dateline.region = mapping["region"].flatMap(Self.text)
                dateline.date = mapping["date"].flatMap { date($0, "dateline.date") }
                dateline.source = (mapping["agency"] ?? mapping["source"]).flatMap(Self.text)
                dateline.placeCode = mapping["placeCode"].flatMap(Self.text)
                contents.article.dateline = dateline
            }
        case "summary", "description", "abstract": contents.summary = Self.text(value)
        case "id", "guid", "uri": contents.article.id = Self.text(value)
        case "version": contents.article.version = int(value, key, range: 0...Int.max)
        case "language", "lang": contents.article.language = Self.text(value)
        case "kind":
            if let kind = Self.text(value).flatMap(Article.Kind.init(rawValue:)) {
                contents.article.kind = kind
            } else {
                warn(
                    "invalid-value", "kind: expected one of \(Article.Kind.allCases.map(\.rawValue).joined(separator: ", ")); dropped",
                    value)
            }
        case "status":
            if let status = Self.text(value).flatMap(Article.Status.init(rawValue:)) {
                contents.article.status = status
            } else {
                warn("invalid-value", "status: expected usable, withheld or canceled; dropped", value)
            }
        case "draft":
            if value.bool == true {
                contents.article.status = .withheld
                note("draft", "draft: true is read as status withheld", keyNode)
            }
        case "signals": contents.article.signals = strings(value)
        case "urgency": contents.article.urgency = int(value, key, range: 1...9)
        case "priority": contents.article.priority = int(value, key, range: 1...9)
        case "dates":
            guard case .mapping(let mapping) = value else {
                return warn("invalid-value", "dates: expected a mapping of date names to dates", value)
            }
            for (name, date) in mapping {
                let parsed = self.date(date, "dates.\(name.string ?? "")")
                switch name.string {
                case "firstCreated": contents.article.firstCreated = parsed
                case "versionCreated": contents.article.versionCreated = parsed
                case "contentCreated": contents.article.contentCreated = parsed
                case "contentModified": contents.article.contentModified = parsed
                case "embargoed": contents.article.embargoed = parsed
                case "expires": contents.article.expires = parsed
                default:
                    let hint = MarkdownVocabulary.suggestion(for: name.string ?? "").map { " (did you mean \($0)?)" } ?? ""
                    warn("unknown-key", "dates.\(name.string ?? ""): not a date newsconv knows\(hint); dropped", name)
                }
            }
        case "date": contents.article.versionCreated = date(value, key)
        case "lastmod": contents.article.contentModified = date(value, key)
        case "publishDate": contents.article.firstCreated = date(value, key)
        case "expiryDate": contents.article.expires = date(value, key)
        // Not newsconv's `dates.embargoed`, but what the writer meant: an embargo is never lost.
        case "embargo", "embargoed": contents.article.embargoed = date(value, key)
        case "subjects", "categories": contents.article.subjects = concepts(value)
        case "genres": contents.article.genres = concepts(value)
        case "keywords", "tags": contents.article.keywords = strings(value)
        case "people": contents.article.people = concepts(value)
        case "organisations": contents.article.organisations = concepts(value)
        case "places": contents.article.places = concepts(value)
        case "provider": contents.article.provider = concept(value)
        case "infoSources": contents.article.infoSources = concepts(value)
        case "creditline", "credit": contents.article.creditline = Self.text(value)
        case "rights":
            guard case .mapping(let mapping) = value else {
                return warn("invalid-value", "rights: expected holder, notice, usageTerms", value)
            }
            contents.article.copyrightHolder = mapping["holder"].flatMap(Self.text)
            contents.article.copyrightNotice = mapping["notice"].flatMap(Self.text)
            contents.article.usageTerms = mapping["usageTerms"].flatMap(Self.text)
        case "copyright": contents.article.copyrightNotice = Self.text(value)
        case "editorialNotes": contents.article.editorialNotes = strings(value)
        case "signOff": contents.article.signOff = Self.text(value)
        case "trailers": contents.article.trailers = strings(value)
        case "media": contents.article.media = value.array().compactMap { media($0) }
        case "extensions":
            if case .object(let members) = Self.json(value) { for (name, member) in members { contents.article.extensions[name] = member } }
        default:
            let hint = MarkdownVocabulary.suggestion(for: key).map { " (did you mean \($0)?)" } ?? ""
            warn(
                "unknown-key",
                "\(key): not a key newsconv maps\(hint); kept in extensions[\"\(MarkdownVocabulary.extensionPrefix)\(key)\"] and written back to Markdown only",
                keyNode)
            contents.article.extensions[MarkdownVocabulary.extensionPrefix + key] = Self.json(value)
        }
    }
}
