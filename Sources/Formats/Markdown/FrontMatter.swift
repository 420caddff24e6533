import Foundation
import NewsCore
import Yams

/// Reads the article's metadata from YAML front matter, with Yams (``FrontMatterWriter`` writes
/// it); see `docs/formats/markdown.md` for each key.
enum FrontMatter {
    /// Yams makes a new `Constructor` (with its maps) for every `Tag` made with the defaults;
    /// these are made once (`swift package benchmark --target MarkdownBatch`). Both are immutable.
    nonisolated(unsafe) private static let constructor = Constructor.default
    private static let resolver = Resolver.default

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
