import Foundation
import NewsCore
import NewsXML

/// Reads NewsML-G2: a `newsItem` or `packageItem` is one article; a `newsMessage` gives one
/// article per item of its `itemSet` (a message larger than ``treeParseLimit`` is streamed, one
/// item in memory at a time). Items without
/// the namespace declaration are read too, with a warning. Concept, knowledge, planning and
/// catalog items get a clear "not a news item" error.
public struct NewsMLG2Importer: ArticleImporter {
    public init() {}

    /// Whether a root or item element is a news item (compared without hashing the name).
    static func isNewsItem(_ name: String) -> Bool { name == "newsItem" || name == "packageItem" }
    static let otherItems: Set<String> = ["conceptItem", "knowledgeItem", "planningItem", "catalogItem", "catalog"]

    public func detect(_ sample: InputSample) -> Double {
        guard sample.contains("<") else { return 0 }
        // Another format's document may mention G2's namespace (NITF carrying G2 codes).
        if let root = XMLRootName.of(sample.bytes), !(Self.isNewsItem(root) || Self.otherItems.contains(root) || root == "newsMessage"),
            !root.contains(":")
        {
            return 0
        }
        if sample.contains("http://iptc.org/std/nar/2006-10-01/") { return 0.95 }
        for name in ["<newsItem", "<newsMessage", "<packageItem"] where sample.contains(name) { return 0.8 }
        return 0
    }

    /// Documents up to this size are parsed as a tree; larger ones are streamed.
    static let treeParseLimit = 16 << 20

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        try read(
            input, treeParseLimit: Self.treeParseLimit, reportsNotes: options.reportsNotes, defersKept: options.defersKeptElements,
            limits: options.limits)
    }

    func read(
        _ input: ImportInput, treeParseLimit: Int, reportsNotes: Bool = true, defersKept: Bool = false, limits: ImportLimits = .standard
    ) throws -> ImportResult {
        let path = input.path
        var articles: [Article] = []
        var kept = DeferredExtensions()
        // A streamed document's items are copies held only as long as their kept elements wait:
        // those are made at once, so that a message of many items is not held whole.
        let streamed = input.data.count > treeParseLimit
        var diagnostics: [Diagnostic] = []
        var rootName: String?
        var rootLine = 1
        var problem: ConversionError?

        var skipped = 0
        /// The message header's transmission priority, which applies to every item of the message.
        var priority: Int?
        func visit(_ element: XMLElement) {
            let inMessage = rootName == "newsMessage"
            if inMessage, element.name == "header" {
                if let value = element.first("priority") {
                    let text = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if let number = Int(text), (1...9).contains(number) {
                        priority = number
                    } else {
                        diagnostics.append(
                            .warning(
                                "newsml-g2.import.invalid-priority", "<priority>\(text)</priority> is not 1-9; dropped",
                                at: SourceLocation(path: path, line: value.line, column: 1)))
                    }
                }
                return
            }
            if element.namespaceURI != G2Vocabulary.namespace {
                if let namespace = element.namespaceURI {
                    problem = ConversionError(
                        "newsml-g2.namespace.unknown",
                        "<\(element.name)> is in the namespace \(namespace), not NewsML-G2's \(G2Vocabulary.namespace)",
                        at: SourceLocation(path: path, line: element.line, column: 1))
                    return
                }
                diagnostics.append(
                    .warning(
                        "newsml-g2.namespace.missing",
                        "<\(element.name)> has no namespace declaration (expected xmlns=\"\(G2Vocabulary.namespace)\"); read as NewsML-G2",
                        at: SourceLocation(path: path, line: element.line, column: 1)))
            }
            if !element.hasChildElements || element.first("itemMeta") == nil {
                let message =
                    "<\(element.name)\(element.attribute("guid").map { " guid=\"\($0)\"" } ?? "")> has no itemMeta; expected a complete item (itemMeta with itemClass, provider, versionCreated)"
                if inMessage {
                    // One incomplete item of a message does not stop the others.
                    diagnostics.append(
                        .warning(
                            "newsml-g2.item.incomplete", message + "; skipped",
                            at: SourceLocation(path: path, line: element.line, column: 1)))
                    skipped += 1
                    return
                }
                problem = ConversionError(
                    "newsml-g2.item.incomplete", message, at: SourceLocation(path: path, line: element.line, column: 1))
                return
            }
            var reader = G2ItemReader(path: path, reportsNotes: reportsNotes)
            reader.read(element)
            var (article, itemDiagnostics) = reader.finish()
            article.priority = priority
            if streamed {
                var one = [article]
                reader.kept.resolve(into: &one)
                article = one[0]
            } else {
                kept.append(reader.kept, article: articles.count)
            }
            articles.append(article)
            diagnostics += itemDiagnostics
        }

        let decide = { (start: XMLStreamReader.Start) -> XMLStreamReader.Step in
            let name = start.name
            if start.depth == 0 {
                rootName = name
                rootLine = start.line
                if Self.isNewsItem(name) { return .expand }
                return name == "newsMessage" ? .descend : .skip
            }
            guard rootName == "newsMessage" else { return .skip }
            if start.depth == 1 {
                if name == "header" {
                    if reportsNotes {
                        diagnostics.append(
                            .note(
                                "newsml-g2.import.message-header",
                                "the newsMessage header (sent, sender, ...) describes the transmission, not the articles; only its priority is kept, as each article's",
                                at: SourceLocation(path: path, line: start.line, column: 1)))
                    }
                    return .expand
                }
                return name == "itemSet" ? .descend : .skip
            }
            if start.depth == 2 {
                if Self.isNewsItem(name) { return .expand }
                diagnostics.append(
                    .warning(
                        "newsml-g2.import.skipped-item", "the newsMessage holds a \(name), which is not a news item; skipped",
                        at: SourceLocation(path: path, line: start.line, column: 1)))
                return .skip
            }
            return .skip
        }
        let parseWarnings: [Diagnostic]
        if input.data.count <= treeParseLimit {
            // A document that fits easily in memory is parsed as a tree: cheaper than the
            // streaming reader's node-by-node expansion.
            let document = try XMLDocument.parse(input.data, path: path, limits: limits)
            parseWarnings = document.warnings
            document.walk(decide: decide, visit: visit)
        } else {
            // A large newsMessage is streamed, one item in memory at a time.
            parseWarnings = try XMLStreamReader.read(input.data, path: path, limits: limits, decide: decide, visit: visit)
        }
        diagnostics = parseWarnings + diagnostics
        if let problem { throw problem }
        guard let rootName else {
            throw ConversionError(
                "newsml-g2.input.empty", "the document has no root element", at: SourceLocation(path: path, line: 1, column: 1))
        }
        if Self.otherItems.contains(rootName) {
            throw ConversionError(
                "newsml-g2.item.not-news", "a \(rootName) is not a news item; newsconv converts newsItem, packageItem and newsMessage",
                at: SourceLocation(path: path, line: rootLine, column: 1))
        }
        if rootName != "newsMessage", !Self.isNewsItem(rootName) {
            throw ConversionError(
                "newsml-g2.root.unexpected",
                "the root element is <\(rootName)>; expected a NewsML-G2 newsItem, packageItem or newsMessage (a fragment cannot be converted)",
                at: SourceLocation(path: path, line: rootLine, column: 1))
        }
        if rootName == "newsMessage", articles.isEmpty {
            let detail = skipped > 0 ? "; its \(skipped) items are all incomplete (no itemMeta)" : ""
            throw ConversionError(
                "newsml-g2.message.empty", "the newsMessage holds no complete newsItem or packageItem\(detail)",
                at: SourceLocation(path: path, line: rootLine, column: 1))
        }
        var result = ImportResult(articles: articles, diagnostics: diagnostics)
        result.keep(kept, deferring: defersKept)
        return result
    }
}
