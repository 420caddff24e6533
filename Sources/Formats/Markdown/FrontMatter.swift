import Foundation
import NewsCore
import Yams

/// The article's metadata as YAML front matter, written and read with Yams so that quoting is
/// always right (a slugline `yes`, a version `3`, a title with `: ` stay strings). Keys are written
/// in a fixed order; see `docs/formats/markdown.md` for each.
enum FrontMatter {
    // MARK: Writing

    /// A string. Yams quotes what YAML 1.2 would read as another type; YAML 1.1 readers (Jekyll,
    /// PyYAML) also take `yes`, `off`, `y` for booleans and `12:30` for a number, so those are
    /// quoted too.
    /// Yams makes a new `Constructor` (with its maps) for every `Tag` made with the defaults,
    /// which cost a seventh of the Markdown export (`swift package benchmark --target
    /// MarkdownBatch`); these are made once. Both are immutable; a tag is not shared, since
    /// emitting resolves an implicit tag in place.
    nonisolated(unsafe) private static let constructor = Constructor.default
    private static let resolver = Resolver.default

    static func tag(_ name: Tag.Name) -> Tag { Tag(name, resolver, constructor) }

    static func string(_ text: String) -> Node {
        Node(text, tag(.str), yaml11Ambiguous(text) ? .doubleQuoted : .any)
    }

    /// Words YAML 1.1 reads as booleans, null or special floats.
    private static let yaml11Words: Set<String> = [
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~", "", ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// YAML 1.1's numbers, sexagesimals and timestamps, compiled once.
    private static let yaml11Patterns: [NSRegularExpression] = [
        #"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"#,  // sexagesimal (`12:30`)
        #"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"#,  // integers and floats, any size
        #"^[-+]?0[xXoObB][0-9a-fA-F_]+$"#,  // hexadecimal, octal, binary
        #"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$"#,  // dates and timestamps
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Whether a plain scalar would read as something other than a string in YAML 1.1 (PyYAML).
    static func yaml11Ambiguous(_ text: String) -> Bool {
        // The words are at most five characters, of at most three UTF-8 bytes each in any case.
        if text.utf8.count <= 15, yaml11Words.contains(text.lowercased()) { return true }
        // Every pattern starts with a sign, a dot or a digit: other text needs no regex (the
        // regex cost most of the Markdown export; `swift package benchmark --target MarkdownBatch`).
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return yaml11Patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// A date: plain, so that site generators read a date, where a reader would see one anyway.
    static func date(_ date: NewsDate) -> Node { Node(date.iso8601, tag(.str), .any) }
    static func int(_ value: Int) -> Node { Node(String(value), tag(.int)) }

    /// The front matter of an article. `summary` is the abstract, already as Markdown.
    static func node(for article: Article, summary: String?) -> Node {
        var pairs: [(Node, Node)] = []
        // A field goes back under the site-generator key its source used (`tags`, `date`).
        var spellings: [String: String] = [:]
        if case .object(let members)? = article.extensions[MarkdownVocabulary.spellingsKey] {
            spellings = members.compactMapValues(\.stringValue)
        }
        func put(_ key: String, _ value: Node?) { if let value { pairs.append((string(spellings[key] ?? key), value)) } }
        func put(_ key: String, _ text: String?) { put(key, text.map(string)) }
        func put(_ key: String, _ list: [Node]) { if !list.isEmpty { put(key, Node(list, tag(.implicit))) } }

        put("title", article.headline)
        put("subheadlines", article.subheadlines.map(string))
        put("slugline", article.slugline)
        put("takeKey", article.takeKey)
        // One plain byline under a site generator's `author` is a plain name, as it was.
        if spellings["bylines"] != nil, article.bylines.count == 1, case .scalar = byline(article.bylines[0]) {
            put("bylines", byline(article.bylines[0]))
        } else {
            put("bylines", article.bylines.map(byline))
        }
        if let dateline = article.dateline {
            var fields: [(Node, Node)] = [(string("text"), string(dateline.text))]
            if let place = dateline.place { fields.append((string("place"), string(place))) }
            if let region = dateline.region { fields.append((string("region"), string(region))) }
            if let date = dateline.date { fields.append((string("date"), Self.date(date))) }
            if let source = dateline.source { fields.append((string("agency"), string(source))) }
            if let code = dateline.placeCode { fields.append((string("placeCode"), string(code))) }
            put("dateline", Node(fields, tag(.implicit)))
        }
        put("summary", summary)
        put("id", article.id)
        put("version", article.version.map(int))
        put("language", article.language)
        if article.kind != .text { put("kind", article.kind.rawValue) }
        // A site generator's `draft` goes back as it was: true for withheld, false for no status.
        if spellings["status"] == "draft", article.status == nil || article.status == .withheld {
            put("status", Node(article.status == .withheld ? "true" : "false", tag(.bool)))
        } else if let status = article.status {
            pairs.append((string("status"), string(status.rawValue)))
        }
        put("signals", article.signals.map(string))
        put("urgency", article.urgency.map(int))
        put("priority", article.priority.map(int))
        let dates: [(String, NewsDate?)] = [
            ("firstCreated", article.firstCreated), ("versionCreated", article.versionCreated), ("contentCreated", article.contentCreated),
            ("contentModified", article.contentModified), ("embargoed", article.embargoed), ("expires", article.expires),
        ]
        // A date the source gave under a key of its own (`date`, `lastmod`, `embargo`) goes back there.
        for (key, date) in dates where spellings[key] != nil { put(key, date.map(Self.date)) }
        let dateFields = dates.compactMap { key, date in spellings[key] == nil ? date.map { (string(key), Self.date($0)) } : nil }
        if !dateFields.isEmpty { put("dates", Node(dateFields, tag(.implicit))) }
        put("subjects", article.subjects.map(concept))
        put("genres", article.genres.map(concept))
        put("keywords", article.keywords.map(string))
        put("people", article.people.map(concept))
        put("organisations", article.organisations.map(concept))
        put("places", article.places.map(concept))
        put("provider", article.provider.map(concept))
        put("infoSources", article.infoSources.map(concept))
        put("creditline", article.creditline)
        var rights: [(Node, Node)] = []
        if let holder = article.copyrightHolder { rights.append((string("holder"), string(holder))) }
        if let notice = article.copyrightNotice { rights.append((string("notice"), string(notice))) }
        if let terms = article.usageTerms { rights.append((string("usageTerms"), string(terms))) }
        if !rights.isEmpty { put("rights", Node(rights, tag(.implicit))) }
        put("editorialNotes", article.editorialNotes.map(string))
        put("signOff", article.signOff)
        put("trailers", article.trailers.map(string))
        put("media", article.media.map(media))
        // Keys a Markdown source had that newsconv does not know are written back as they were.
        let own = article.extensions.values.keys.filter {
            $0.hasPrefix(MarkdownVocabulary.extensionPrefix) && $0 != MarkdownVocabulary.spellingsKey
        }.sorted()
        for key in own { put(String(key.dropFirst(MarkdownVocabulary.extensionPrefix.count)), article.extensions[key].map(json)) }
        let others = article.extensions.values.filter { !$0.key.hasPrefix(MarkdownVocabulary.extensionPrefix) }
        if !others.isEmpty { put("extensions", json(.object(others))) }
        return Node(pairs, tag(.implicit))
    }

    static func byline(_ byline: Byline) -> Node {
        guard byline.title != nil || byline.affiliation != nil || byline.role != nil || byline.id != nil || byline.text != nil else {
            return string(byline.name)
        }
        var fields: [(Node, Node)] = [(string("name"), string(byline.name))]
        if let title = byline.title { fields.append((string("title"), string(title))) }
        if let affiliation = byline.affiliation { fields.append((string("affiliation"), string(affiliation))) }
        if let role = byline.role { fields.append((string("role"), string(role))) }
        if let id = byline.id { fields.append((string("id"), string(id))) }
        if let text = byline.text { fields.append((string("printed"), string(text))) }
        return Node(fields, tag(.implicit))
    }

    static func concept(_ concept: Concept) -> Node {
        var fields: [(Node, Node)] = []
        if let qcode = concept.qcode { fields.append((string("qcode"), string(qcode))) }
        if let uri = concept.uri { fields.append((string("uri"), string(uri))) }
        if let literal = concept.literal { fields.append((string("literal"), string(literal))) }
        if let name = concept.name { fields.append((string("name"), string(name))) }
        if let type = concept.type { fields.append((string("type"), string(type))) }
        if let role = concept.role { fields.append((string("role"), string(role))) }
        if !concept.broader.isEmpty { fields.append((string("broader"), Node(concept.broader.map(Self.concept), tag(.implicit)))) }
        return Node(fields, tag(.implicit))
    }

    static func media(_ media: MediaItem) -> Node {
        var fields: [(Node, Node)] = []
        if let id = media.id { fields.append((string("id"), string(id))) }
        if let kind = media.kind { fields.append((string("kind"), string(kind.rawValue))) }
        if let href = media.href { fields.append((string("href"), string(href))) }
        if let type = media.mediaType { fields.append((string("mediaType"), string(type))) }
        if let title = media.title { fields.append((string("title"), string(title))) }
        if let caption = media.caption { fields.append((string("caption"), string(caption))) }
        if let credit = media.credit { fields.append((string("credit"), string(credit))) }
        if !media.renditions.isEmpty {
            fields.append(
                (
                    string("renditions"),
                    Node(
                        media.renditions.map { rendition in
                            var r: [(Node, Node)] = []
                            if let name = rendition.name { r.append((string("name"), string(name))) }
                            if let href = rendition.href { r.append((string("href"), string(href))) }
                            if let type = rendition.mediaType { r.append((string("mediaType"), string(type))) }
                            if let width = rendition.width { r.append((string("width"), int(width))) }
                            if let height = rendition.height { r.append((string("height"), int(height))) }
                            if let size = rendition.sizeInBytes { r.append((string("sizeInBytes"), int(size))) }
                            if let duration = rendition.duration { r.append((string("duration"), Node(String(duration), tag(.float)))) }
                            return Node(r, tag(.implicit))
                        }, tag(.implicit))
                ))
        }
        return Node(fields, tag(.implicit))
    }

    static func json(_ value: JSONValue) -> Node {
        switch value {
        case .null: Node("null", tag(.null))
        case .bool(let flag): Node(flag ? "true" : "false", tag(.bool))
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? int(Int(number)) : Node(String(number), tag(.float))
        case .string(let text): string(text)
        case .array(let values): Node(values.map(json), tag(.implicit))
        case .object(let members): Node(members.keys.sorted().map { (string($0), json(members[$0]!)) }, tag(.implicit))
        }
    }

    // MARK: Reading

    /// What the front matter says, and what it did not know.
    struct Contents {
        var article = Article()
        var summary: String?
        var diagnostics: [Diagnostic] = []
        /// The site-generator keys the source used, by the field they stand for.
        var spellings: [String: String] = [:]
    }

    /// A YAML error's problem in one line, and where it is in the file (Yams counts lines and
    /// columns from 1 inside the front matter; a reader error gives an offset in Characters).
    static func located(_ error: YamlError, in yaml: String, firstLine: Int) -> (problem: String, at: (line: Int, column: Int)) {
        func inFile(_ mark: Mark) -> (line: Int, column: Int) { (firstLine + mark.line - 1, mark.column) }
        func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(firstLine + context.mark.line - 1))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return (withContext(problem, context), inFile(mark))
        case .reader(let problem, let offset, _, _):
            guard let offset else { return (problem, (firstLine, 1)) }
            var line = firstLine
            var column = 1
            for character in yaml.prefix(offset) {
                if character.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return (problem, (line, column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate keys \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping", inFile(context.mark))
        default:
            return ("\(error)", (firstLine, 1))
        }
    }

    /// Anchors (`&name`) and the aliases that name one (`*name`), as node properties: after the
    /// start of a line, a space or a flow indicator.
    private static let anchorPattern = try! NSRegularExpression(pattern: #"(?:^|[\s\[{,])&([^\s\[\]{},]+)"#, options: [.anchorsMatchLines])
    private static let aliasPattern = try! NSRegularExpression(pattern: #"(?:^|[\s\[{,])\*([^\s\[\]{},]+)"#, options: [.anchorsMatchLines])

    /// How many aliases name an anchor of the text.
    static func aliasCount(_ yaml: String) -> Int {
        let range = NSRange(yaml.startIndex..., in: yaml)
        func names(_ pattern: NSRegularExpression) -> [String] {
            pattern.matches(in: yaml, range: range).compactMap { Range($0.range(at: 1), in: yaml).map { String(yaml[$0]) } }
        }
        let anchors = Set(names(anchorPattern))
        return anchors.isEmpty ? 0 : names(aliasPattern).filter(anchors.contains).count
    }

    /// The number of nodes a tree stands for, counted without recursion up to `limit`.
    static func nodeCount(_ root: Node, upTo limit: Int) -> Int {
        var count = 0
        var stack = [root]
        while let node = stack.popLast(), count < limit {
            count += 1
            switch node {
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .scalar, .alias: break
            }
        }
        return count
    }

    /// Reads front matter. `line` is the file line of its first YAML line, for diagnostics.
    static func read(
        _ yaml: String, path: String?, line: Int, reportsNotes: Bool = true, limits: ImportLimits = .standard
    ) throws -> Contents {
        // An alias stands for its anchor's whole value, and nested aliases multiply: an alias
        // bomb stands for billions of nodes. Front matter needs few if any.
        if yaml.utf8.contains(UInt8(ascii: "&")), yaml.utf8.contains(UInt8(ascii: "*")),
            Self.aliasCount(yaml) > limits.frontMatterAliases
        {
            throw ConversionError(
                "markdown.front-matter.aliases",
                "the front matter uses more than \(limits.frontMatterAliases) YAML aliases (*name); expected plain values",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        let root: Node?
        do {
            // The defaults' encoding reads the process environment, and their constructor is
            // rebuilt, on every call (a sixth of the Markdown import); UTF-8 is what YAML in a
            // Swift String is (`swift package benchmark --target MarkdownBatch`).
            root = try Yams.compose(yaml: yaml, resolver, constructor, .utf8)
        } catch let error as YamlError {
            let (problem, at) = located(error, in: yaml, firstLine: line)
            throw ConversionError(
                "markdown.front-matter.invalid", "the front matter is not valid YAML: \(problem)",
                at: SourceLocation(path: path, line: at.line, column: at.column))
        }
        var contents = Contents()
        guard let root else { return contents }
        if Self.nodeCount(root, upTo: limits.frontMatterNodes) >= limits.frontMatterNodes {
            throw ConversionError(
                "markdown.front-matter.too-large",
                "the front matter stands for more than \(limits.frontMatterNodes) YAML values once its aliases are expanded",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        guard case .mapping(let mapping) = root else {
            throw ConversionError(
                "markdown.front-matter.not-mapping", "the front matter is not a mapping of keys to values",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        var reader = FrontMatterReader(path: path, firstLine: line)
        reader.reportsNotes = reportsNotes
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            reader.read(key: key, value: value, keyNode: keyNode, into: &contents)
        }
        if !contents.spellings.isEmpty {
            contents.article.extensions[MarkdownVocabulary.spellingsKey] = .object(contents.spellings.mapValues { .string($0) })
        }
        contents.diagnostics += reader.diagnostics
        return contents
    }
}
