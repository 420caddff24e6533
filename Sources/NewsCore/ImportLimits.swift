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
    /// How many namespace declarations (`xmlns`) an XML document may hold: libxml2's cost grows
    /// with the square of one element's declarations.
    public static let namespaceDeclarations = 10_000
}
