import Datelines
import Foundation
import NewsCore
import NewsYAML

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

    private func at(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + node.line - 1, column: node.column)
    }

    private mutating func warn(_ code: String, _ message: String, _ node: YAMLNode) {
        diagnostics.append(.warning("markdown.front-matter.\(code)", message, at: at(node)))
    }

    private mutating func note(_ code: String, _ message: @autoclosure () -> String, _ node: YAMLNode) {
        guard reportsNotes else { return }
        diagnostics.append(.note("markdown.front-matter.\(code)", message(), at: at(node)))
    }

    /// A scalar as text; a number or a date written plain in YAML is read as its text.
    private static func text(_ node: YAMLNode) -> String? { node.text }

    private func strings(_ node: YAMLNode) -> [String] {
        switch node.content {
        case .sequence(let items): items.compactMap(\.text)
        case .scalar(let text, _, _): [text]
        case .mapping: []
        }
    }

    private mutating func date(_ node: YAMLNode, _ key: String) -> NewsDate? {
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

    private mutating func int(_ node: YAMLNode, _ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = Self.text(node), let value = Int(text), range.map({ $0.contains(value) }) ?? true else {
            warn(
                "invalid-number",
                "\(key): expected a whole number\(range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""); dropped", node)
            return nil
        }
        return value
    }

    private func concept(_ node: YAMLNode) -> Concept? {
        switch node.content {
        case .scalar(let text, _, _):
            // A plain name (`tags: [port]`, `categories: Economy`).
            return Concept(literal: text, name: text)
        case .mapping(let mapping):
            var concept = Concept()
            for (key, value) in mapping {
                switch key.text {
                case "qcode": concept.qcode = Self.text(value)
                case "uri": concept.uri = Self.text(value)
                case "literal": concept.literal = Self.text(value)
                case "name": concept.name = Self.text(value)
                case "type": concept.type = Self.text(value)
                case "role": concept.role = Self.text(value)
                case "broader": concept.broader = value.items.compactMap(self.concept)
                default: break
                }
            }
            return concept
        case .sequence:
            return nil
        }
    }

    private func concepts(_ node: YAMLNode) -> [Concept] {
        if case .sequence(let items) = node.content { return items.compactMap(concept) }
        return concept(node).map { [$0] } ?? []
    }

    private func byline(_ node: YAMLNode) -> Byline? {
        if let name = Self.text(node) { return Byline(name: name) }
        guard case .mapping = node.content, let name = node["name"].flatMap(Self.text) else { return nil }
        return Byline(
            name: name, title: node["title"].flatMap(Self.text), affiliation: node["affiliation"].flatMap(Self.text),
            role: node["role"].flatMap(Self.text), id: node["id"].flatMap(Self.text), text: node["printed"].flatMap(Self.text))
    }

    private mutating func media(_ node: YAMLNode) -> MediaItem? {
        guard case .mapping = node.content else { return nil }
        func text(_ key: String) -> String? { node[key].flatMap(Self.text) }
        var item = MediaItem(
            id: text("id"), kind: text("kind").flatMap(Article.Kind.init(rawValue:)), href: text("href"), mediaType: text("mediaType"),
            caption: text("caption"), credit: text("credit"), title: text("title"))
        for rendition in node["renditions"]?.items ?? [] {
            guard case .mapping = rendition.content else { continue }
            func value(_ key: String) -> String? { rendition[key].flatMap(Self.text) }
            item.renditions.append(
                MediaItem.Rendition(
                    name: value("name"), href: value("href"), mediaType: value("mediaType"), width: value("width").flatMap { Int($0) },
                    height: value("height").flatMap { Int($0) }, sizeInBytes: value("sizeInBytes").flatMap { Int($0) },
                    duration: value("duration").flatMap { Double($0) }))
        }
        return item
    }

    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let text, _, _):
            // Only a plain scalar can be a null, a boolean or a number; quoted ones are strings.
            guard node.isPlainScalar else { return .string(text) }
            // YAML 1.1's nulls, booleans and numbers all begin with one of these; asking Yams of
            // any other text cost a quarter of the Markdown import (its number constructors
            // run regular expressions; `swift package benchmark --target MarkdownBatch`).
            if let first = text.utf8.first, !Self.mayStartNonString(first) { return .string(text) }
            if node.isNull { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let number = node.int { return .number(Double(number)) }
            if let number = node.float, text.contains(where: \.isNumber) { return .number(number) }
            return .string(text)
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { if let name = key.text { members[name] = json(value) } }
            return .object(members)
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

    mutating func read(key: String, value: YAMLNode, keyNode: YAMLNode, into contents: inout FrontMatter.Contents) {
        if let field = MarkdownVocabulary.siteGeneratorKeys[key] { contents.spellings[field] = key }
        switch key {
        case "title", "headline": contents.article.headline = Self.text(value)
        case "subheadlines", "subtitle": contents.article.subheadlines = strings(value)
        case "slugline", "slug": contents.article.slugline = Self.text(value)
        case "takeKey": contents.article.takeKey = Self.text(value)
        case "bylines", "byline", "author", "authors":
            let items = { if case .sequence(let list) = value.content { return list } else { return [value] } }()
            contents.article.bylines = items.compactMap(byline)
        case "dateline":
            if let text = Self.text(value) {
                // A draft's dateline as text is read as agencies print one: place, date, agency.
                let match = DatelineParser.parse(Substring(text)).flatMap { $0.remainder.isEmpty ? $0.dateline : nil }
                contents.article.dateline = match ?? Dateline(text: text)
            } else if case .mapping = value.content {
                var dateline = Dateline(text: value["text"].flatMap(Self.text) ?? "")
                dateline.place = value["place"].flatMap(Self.text)
                dateline.region = value["region"].flatMap(Self.text)
                dateline.date = value["date"].flatMap { date($0, "dateline.date") }
                dateline.source = (value["agency"] ?? value["source"]).flatMap(Self.text)
                dateline.placeCode = value["placeCode"].flatMap(Self.text)
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
            guard case .mapping(let mapping) = value.content else {
                return warn("invalid-value", "dates: expected a mapping of date names to dates", value)
            }
            for (name, date) in mapping {
                let parsed = self.date(date, "dates.\(name.text ?? "")")
                switch name.text {
                case "firstCreated": contents.article.firstCreated = parsed
                case "versionCreated": contents.article.versionCreated = parsed
                case "contentCreated": contents.article.contentCreated = parsed
                case "contentModified": contents.article.contentModified = parsed
                case "embargoed": contents.article.embargoed = parsed
                case "expires": contents.article.expires = parsed
                default:
                    let hint = MarkdownVocabulary.suggestion(for: name.text ?? "").map { " (did you mean \($0)?)" } ?? ""
                    warn("unknown-key", "dates.\(name.text ?? ""): not a date newsconv knows\(hint); dropped", name)
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
            guard case .mapping = value.content else {
                return warn("invalid-value", "rights: expected holder, notice, usageTerms", value)
            }
            contents.article.copyrightHolder = value["holder"].flatMap(Self.text)
            contents.article.copyrightNotice = value["notice"].flatMap(Self.text)
            contents.article.usageTerms = value["usageTerms"].flatMap(Self.text)
        case "copyright": contents.article.copyrightNotice = Self.text(value)
        case "editorialNotes": contents.article.editorialNotes = strings(value)
        case "signOff": contents.article.signOff = Self.text(value)
        case "trailers": contents.article.trailers = strings(value)
        case "media": contents.article.media = value.items.compactMap { media($0) }
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
