import ByteLevel
import Foundation
import NewsCore
import NewsYAML

/// Reads the article's metadata from YAML front matter, with libyaml's parser (``YAMLComposer``;
/// ``FrontMatterWriter`` writes it); see `docs/formats/markdown.md` for each key.
enum FrontMatter {
    // MARK: Reading

    /// What the front matter says, and what it did not know.
    struct Contents {
        var article = Article()
        var summary: String?
        var diagnostics: [Diagnostic] = []
        /// The site-generator keys the source used, by the field they stand for.
        var spellings: [String: String] = [:]
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

    /// Reads front matter. `line` is the file line of its first YAML line, for diagnostics.
    static func read(
        _ yaml: String, path: String?, line: Int, reportsNotes: Bool = true, limits: ImportLimits = .standard
    ) throws -> Contents {
        // An alias stands for its anchor's whole value, and nested aliases multiply: an alias
        // bomb stands for billions of nodes. Front matter needs few if any.
        // memchr: stepping the UTF-8 view a byte at a time was 8% of a Markdown -> JSON batch
        // (`swift package benchmark --target MarkdownBatch`).
        if ByteSearch.firstOffset(of: UInt8(ascii: "&"), in: yaml) != nil, ByteSearch.firstOffset(of: UInt8(ascii: "*"), in: yaml) != nil,
            Self.aliasCount(yaml) > limits.frontMatterAliases
        {
            throw ConversionError(
                "markdown.front-matter.aliases",
                "the front matter uses more than \(limits.frontMatterAliases) YAML aliases (*name); expected plain values",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(yaml)
        } catch let failure {
            throw ConversionError(
                "markdown.front-matter.invalid", "the front matter is not valid YAML: \(failure.message(firstLine: line))",
                at: SourceLocation(path: path, line: line + failure.line - 1, column: failure.column))
        }
        var contents = Contents()
        guard let root else { return contents }
        if root.count(upTo: limits.frontMatterNodes) >= limits.frontMatterNodes {
            throw ConversionError(
                "markdown.front-matter.too-large",
                "the front matter stands for more than \(limits.frontMatterNodes) YAML values once its aliases are expanded",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        guard case .mapping(let mapping) = root.content else {
            throw ConversionError(
                "markdown.front-matter.not-mapping", "the front matter is not a mapping of keys to values",
                at: SourceLocation(path: path, line: line, column: 1))
        }
        var reader = FrontMatterReader(path: path, firstLine: line)
        reader.reportsNotes = reportsNotes
        for (keyNode, value) in mapping {
            guard let key = keyNode.text else { continue }
            reader.read(key: key, value: value, keyNode: keyNode, into: &contents)
        }
        if !contents.spellings.isEmpty {
            contents.article.extensions[MarkdownVocabulary.spellingsKey] = .object(contents.spellings.mapValues { .string($0) })
        }
        contents.diagnostics += reader.diagnostics
        return contents
    }
}
