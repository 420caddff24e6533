import Foundation

/// The limits importers apply to what arrives, so that a hostile or broken document is refused
/// with a located error instead of exhausting the stack, memory or time. One place, so that
/// every format applies the same numbers; ``standard`` holds the defaults, and a command sets
/// its own with `--limit NAME=VALUE` (``setting(_:)``). `docs/cli.md` lists them.
public struct ImportLimits: Sendable, Hashable, Codable {
    /// How deep blocks and inlines may nest inside each other (quotes in quotes, lists in
    /// lists, emphasis in emphasis). Real stories nest a handful of levels; the IR is
    /// converted and written recursively (on a stack sized for the default).
    public var nestingDepth = 256
    /// How many YAML nodes front matter may stand for once its aliases are expanded (an alias
    /// bomb of nine anchors stands for billions).
    public var frontMatterNodes = 100_000
    /// How many YAML aliases front matter may use: each may multiply what the text stands for.
    public var frontMatterAliases = 32
    /// How large one entry of an archive (zip, tar, tar.gz) may be: a document, not a disk image.
    public var archiveEntryBytes = 256 << 20
    /// How many times its compressed size a gzip stream (a `.tar.gz` source) may expand to, once
    /// past ``gzipExpansionFloor`` bytes: text and tar padding expand a few dozen times; a gzip
    /// bomb (a gigabyte of zeros in a megabyte) over a thousand.
    public var gzipExpansionRatio = 200
    /// How many decompressed bytes a gzip stream may reach before its expansion is checked.
    public var gzipExpansionFloor = 64 << 20
    /// How much an external plugin or filter may write on standard output: one document.
    public var pluginOutputBytes = 256 << 20
    /// How much it may write on standard error (its messages, each a warning).
    public var pluginMessageBytes = 1 << 20
    /// How much a plugin's `describe` may write: a small JSON description, asked by every command.
    public var pluginDescriptionBytes = 64 << 10
    /// How many namespace declarations (`xmlns`) an XML document may hold: libxml2's cost grows
    /// with the square of one element's declarations.
    public var namespaceDeclarations = 10_000

    public init() {}

    /// The defaults.
    public static let standard = ImportLimits()

    /// The limits a command may set, by the name `--limit` takes, with what each bounds.
    public static let names: [(name: String, help: String)] = [
        ("nesting-depth", "levels of blocks and inlines nested in each other"),
        ("front-matter-values", "YAML values Markdown front matter stands for, aliases expanded"),
        ("front-matter-aliases", "YAML aliases in Markdown front matter"),
        ("archive-entry-bytes", "bytes of one zip or tar entry"),
        ("gzip-expansion", "times a tar.gz's data may expand past its first 64 MiB"),
        ("namespaces", "namespace declarations in an XML document"),
        ("plugin-output-bytes", "bytes an external plugin or filter may write on standard output"),
        ("plugin-message-bytes", "bytes it may write on standard error"),
    ]

    /// These limits with one set from `NAME=VALUE` (a whole number, or with `K`, `M` or `G` for
    /// KiB, MiB, GiB); nil, with the reason, when the name is none of ``names`` or the value is
    /// no positive whole number.
    public func setting(_ argument: String) -> (limits: ImportLimits?, problem: String?) {
        guard let equals = argument.firstIndex(of: "=") else {
            return (nil, "--limit expects NAME=VALUE, got '\(argument)'")
        }
        let name = String(argument[..<equals])
        let text = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let multiplier: Int =
            switch text.last {
            case "K", "k": 1 << 10
            case "M", "m": 1 << 20
            case "G", "g": 1 << 30
            default: 1
            }
        let digits = multiplier == 1 ? Substring(text) : text.dropLast()
        guard let number = Int(digits), number > 0, number <= Int.max / multiplier else {
            return (nil, "--limit \(name) expects a positive whole number (K, M or G for KiB, MiB, GiB), got '\(text)'")
        }
        var limits = self
        let value = number * multiplier
        switch name {
        case "nesting-depth":
            // Conversions recurse as deep as documents nest, on stacks sized for the default.
            guard value <= Self.standard.nestingDepth else {
                return (nil, "--limit nesting-depth may lower the limit, not raise it past \(Self.standard.nestingDepth)")
            }
            limits.nestingDepth = value
        case "front-matter-values": limits.frontMatterNodes = value
        case "front-matter-aliases": limits.frontMatterAliases = value
        case "archive-entry-bytes": limits.archiveEntryBytes = value
        case "gzip-expansion": limits.gzipExpansionRatio = value
        case "namespaces": limits.namespaceDeclarations = value
        case "plugin-output-bytes": limits.pluginOutputBytes = value
        case "plugin-message-bytes": limits.pluginMessageBytes = value
        default:
            return (nil, "unknown limit '\(name)'; the limits are \(Self.names.map(\.name).joined(separator: ", "))")
        }
        return (limits, nil)
    }
}
