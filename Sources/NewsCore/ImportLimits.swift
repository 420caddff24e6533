import Foundation

/// The limits importers apply to what arrives, so that a hostile or broken document is refused
/// with a located error instead of exhausting the stack, memory or time. One place, so that
/// every format applies the same numbers (`docs/cli.md` lists them).
public enum ImportLimits {
    /// How deep blocks and inlines may nest inside each other (quotes in quotes, lists in
    /// lists, emphasis in emphasis). Real stories nest a handful of levels; the IR is
    /// converted and written recursively.
    public static let nestingDepth = 256
    /// How many YAML nodes front matter may stand for once its aliases are expanded (an alias
    /// bomb of nine anchors stands for billions).
    public static let frontMatterNodes = 100_000
    /// How many YAML aliases front matter may use: each may multiply what the text stands for.
    public static let frontMatterAliases = 32
    /// How large one entry of an archive (tar, tar.gz) may be: a document, not a disk image.
    public static let archiveEntryBytes = 256 << 20
    /// How many times its compressed size a gzip stream (a `.tar.gz` source) may expand to, once
    /// past ``gzipExpansionFloor`` bytes: text and tar padding expand a few dozen times; a gzip
    /// bomb (a gigabyte of zeros in a megabyte) over a thousand.
    public static let gzipExpansionRatio = 200
    /// How many decompressed bytes a gzip stream may reach before its expansion is checked.
    public static let gzipExpansionFloor = 64 << 20
    /// How much an external plugin or filter may write on standard output: one document.
    public static let pluginOutputBytes = 256 << 20
    /// How much it may write on standard error (its messages, each a warning).
    public static let pluginMessageBytes = 1 << 20
    /// How much a plugin's `describe` may write: a small JSON description, asked by every command.
    public static let pluginDescriptionBytes = 64 << 10
    /// How many namespace declarations (`xmlns`) an XML document may hold: libxml2's cost grows
    /// with the square of one element's declarations.
    public static let namespaceDeclarations = 10_000
}
