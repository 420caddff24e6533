import ANPA
import Markdown
import NITF
import NativeJSON
import NewsCore
import NewsML1
import NewsMLG2
import Ninjs
import WireText

/// The one list of built-in format modules. Lookup, `newsconv formats`, detection and help text
/// all come from here; adding a format is one line in this list.
public enum BuiltinFormats {
    public static let modules: [FormatModule] = [
        .wireText,
        .nativeJSON,
        .newsMLG2,
        .nitf,
        .ninjs,
        .markdown,
        .newsml1,
        .anpa,
        // new-format: modules
    ]

    /// What is written when nothing names the output format: the IR itself, which loses nothing.
    public static let defaultOutput = FormatModule.nativeJSON

    /// A registry of the built-in modules.
    public static let registry = FormatRegistry(modules, defaultOutput: defaultOutput)
}
