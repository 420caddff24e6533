import Foundation
import NewsConvKit
import NewsCore
import TestSupport
import Testing

/// Every sample and every corpus article that imports, exported to Markdown, read by an
/// independent CommonMark parser (markdown-it-py) block by block: the same paragraphs with the
/// same text, and no accidental headings, lists, code or HTML. The front matter reads back as the
/// same metadata, and Markdown -> IR -> Markdown is stable.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct ToMarkdownTests {
    /// Every document of the samples and of the corpus in a format newsconv reads.
    static var documents: [URL] {
        var urls: [URL] = []
        for folder in ["wire", "newsml-g2", "nitf", "ninjs", "markdown"] {
            urls += Fixtures.files(in: Fixtures.samples.appendingPathComponent(folder), extensions: ["txt", "iptc", "xml", "json", "md"])
                .filter { !$0.path.contains("/expected/") }
        }
        guard let shared = Fixtures.shared else { return urls }
        let corpus = shared.appendingPathComponent("corpus")
        urls.append(corpus.appendingPathComponent("seed/efe-islamabad-dec15.txt"))
        for folder in ["iptc/newsml-g2", "superdesk/newsml-g2", "iptc/nitf", "superdesk/nitf", "iptc/ninjs", "superdesk/ninjs"] {
            urls += Fixtures.files(in: corpus.appendingPathComponent(folder), extensions: ["xml", "json"]).filter {
                !$0.path.contains("should_fail") && !$0.path.contains("not-valid")
            }
        }
        return urls
    }

    /// The articles of every document that imports, with a unique name each.
    static func articles() -> [(name: String, article: Article)] {
        let converter = Converter()
        var result: [(String, Article)] = []
        for (index, url) in documents.enumerated() {
            guard let data = try? Data(contentsOf: url), let format = try? converter.inputFormat(of: data, path: url.path, requested: nil),
                let imported = try? converter.importDocument(data, path: url.path, format: format, options: ConversionOptions())
            else { continue }
            for (number, article) in imported.articles.enumerated() {
                result.append(("\(index)-\(number)-\(url.deletingPathExtension().lastPathComponent)", article))
            }
        }
        return result
    }

    @Test func everyArticleReadsBackBlockByBlock() throws {
        let markdown = try #require(BuiltinFormats.registry.module(named: "markdown"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = Self.articles()
        #expect(all.count >= 400, "samples and corpus articles")
        var expected: [String: (Article, [ExpectedBlock])] = [:]
        for (name, article) in all {
            let output = try Converter().export([article], format: markdown, options: ConversionOptions())
            try output.data.write(to: directory.appendingPathComponent(name + ".md"))
            expected[name + ".md"] = (article, ExpectedBlock.blocks(of: article))

            // The front matter and body read back: same metadata and body (up to what Markdown
            // cannot hold), and writing again gives the same bytes.
            let back = try Converter().importDocument(output.data, path: name + ".md", format: markdown, options: ConversionOptions())
                .articles[0]
            #expect(
                back.headline == article.headline && back.subheadlines == article.subheadlines && back.slugline == article.slugline,
                "\(name)")
            #expect(
                back.id == article.id && back.version == article.version && back.language == article.language
                    && back.status == article.status, "\(name)")
            #expect(back.urgency == article.urgency && back.keywords == article.keywords && back.subjects == article.subjects, "\(name)")
            #expect(
                back.dateline == article.dateline && back.bylines == article.bylines && back.signOff == article.signOff
                    && back.trailers == article.trailers, "\(name)")
            #expect(
                back.versionCreated == article.versionCreated && back.extensions == article.extensions && back.media == article.media,
                "\(name)")
            let again = try Converter().export([back], format: markdown, options: ConversionOptions())
            #expect(again.data == output.data, "\(name): Markdown -> IR -> Markdown changed")
        }
        let parsed = try MarkdownCheck.parse(directory: directory)
        #expect(parsed.count == expected.count)
        for (file, (article, blocks)) in expected.sorted(by: { $0.key < $1.key }) {
            let entry = try #require(parsed[file] as? [String: Any], "\(file) was not parsed")
            let actual = (entry["blocks"] as? [[String: Any]] ?? []).map(ExpectedBlock.init(parsed:))
            #expect(actual == blocks, "\(file): \(ExpectedBlock.difference(blocks, actual))")
            let front = entry["front"] as? [String: Any] ?? [:]
            #expect(front["title"] as? String == article.headline, "\(file): title")
            #expect(front["id"] as? String == article.id, "\(file): id")
            // Under the key the source used (`tags` for a site generator's draft), else `keywords`.
            var keywordsKey = "keywords"
            if case .object(let spellings)? = article.extensions["markdown:@spellings"], let key = spellings["keywords"]?.stringValue {
                keywordsKey = key
            }
            #expect((front[keywordsKey] as? [String] ?? []) == article.keywords, "\(file): keywords")
            #expect(front["urgency"] as? Int == article.urgency, "\(file): urgency")
        }
    }
}

/// A block as a CommonMark parser sees it, with text whitespace-normalised.
indirect enum ExpectedBlock: Equatable, CustomStringConvertible {
    case paragraph(String)
    case heading(Int, String)
    case list(Bool, [[ExpectedBlock]])
    case quote([ExpectedBlock])
    case code(String)
    case rule
    case table([[String]])
    case html
    case image(String)

    static func normal(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    init(parsed: [String: Any]) {
        let text = ExpectedBlock.normal(parsed["text"] as? String ?? "")
        switch parsed["type"] as? String {
        case "paragraph":
            self = (parsed["image"] as? Bool ?? false) ? .image(text) : (parsed["html"] as? Bool ?? false) ? .html : .paragraph(text)
        case "heading": self = .heading(parsed["level"] as? Int ?? 0, text)
        case "list":
            self = .list(
                parsed["ordered"] as? Bool ?? false,
                (parsed["items"] as? [[[String: Any]]] ?? []).map { $0.map(ExpectedBlock.init(parsed:)) })
        case "blockquote": self = .quote((parsed["blocks"] as? [[String: Any]] ?? []).map(ExpectedBlock.init(parsed:)))
        case "code": self = .code(parsed["text"] as? String ?? "")
        case "hr": self = .rule
        case "table": self = .table((parsed["rows"] as? [[String]] ?? []).map { $0.map(ExpectedBlock.normal) })
        default: self = .html
        }
    }

    /// What newsconv's Markdown of an article must parse to.
    static func blocks(of article: Article) -> [ExpectedBlock] {
        var result: [ExpectedBlock] = []
        if let headline = article.headline { result.append(.heading(1, normal(headline))) }
        result += article.subheadlines.map { .heading(2, normal($0)) }
        var body = article.body[...]
        if let dateline = article.dateline, !dateline.text.isEmpty {
            if case .paragraph(let content)? = body.first {
                result.append(.paragraph(normal(dateline.text + " " + text(content))))
                body = body.dropFirst()
            } else {
                result.append(.paragraph(normal(dateline.text)))
            }
        }
        result += body.flatMap(blocks(of:))
        if let signOff = article.signOff { result.append(.paragraph(normal(signOff))) }
        // The trailers are end matter: in the front matter, not the body.
        return result
    }

    static func blocks(of block: Block) -> [ExpectedBlock] {
        switch block {
        case .paragraph(let content): return [.paragraph(normal(text(content)))]
        case .heading(let level, let content): return [.heading(min(max(level, 1), 6), normal(text(content)))]
        case .blockQuote(let inner): return [.quote(inner.flatMap(blocks(of:)))]
        case .list(let ordered, let items): return [.list(ordered, items.map { $0.flatMap(blocks(of:)) })]
        case .preformatted(let code): return [.code(code + "\n")]
        case .media(let media):
            return media.href == nil
                ? [.paragraph(normal(media.caption ?? media.title ?? ""))]
                : [.image(normal((media.title ?? "") + (media.credit.map { " Credit: " + $0 } ?? "")))]
        case .table(let table):
            let width = table.rows.map(\.cells.count).max() ?? 0
            guard width > 0 else { return [] }
            var rows = table.rows.map { row in (0..<width).map { $0 < row.cells.count ? normal(text(row.cells[$0])) : "" } }
            if table.rows.first?.isHeader != true { rows.insert(Array(repeating: "", count: width), at: 0) }
            return (table.caption.isEmpty ? [] : [.paragraph(normal(text(table.caption)))]) + [.table(rows)]
        case .horizontalRule: return [.rule]
        case .raw(let format, _): return format == "html" ? [.html] : []
        }
    }

    static func text(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let value), .code(let value): value
            case .emphasis(let inner), .strong(let inner), .link(_, _, let inner): text(inner)
            case .quote(let inner): "\u{201C}" + text(inner) + "\u{201D}"
            case .mention(let mention): text(mention.content)
            case .lineBreak: " "
            case .raw: ""
            }
        }.joined()
    }

    var description: String {
        switch self {
        case .paragraph(let text): "p(\(text.prefix(60)))"
        case .heading(let level, let text): "h\(level)(\(text.prefix(60)))"
        case .list(let ordered, let items):
            "\(ordered ? "ol" : "ul")[\(items.map { $0.map(\.description).joined(separator: ",") }.joined(separator: " | "))]"
        case .quote(let inner): "quote[\(inner.map(\.description).joined(separator: ","))]"
        case .code(let text): "code(\(text.prefix(30)))"
        case .rule: "hr"
        case .table(let rows): "table\(rows.prefix(2))"
        case .html: "html"
        case .image(let alt): "img(\(alt))"
        }
    }

    static func difference(_ expected: [ExpectedBlock], _ actual: [ExpectedBlock]) -> String {
        guard let index = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return "expected \(expected.count) blocks, parsed \(actual.count)"
        }
        return "block \(index + 1): expected \(expected[index]), parsed \(actual[index])"
    }
}
