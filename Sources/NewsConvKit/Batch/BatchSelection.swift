import Foundation

/// Which inputs of the sources a batch converts: `--include` and `--exclude` shell patterns
/// (`*`, `?`, `[...]`). A pattern without `/` is matched against a file's name (`*.xml`), one
/// with `/` against its path relative to the source (`2019/*/afp-*.txt`, where `*` may span
/// folders). An input is converted when it matches an include pattern (or there are none) and
/// no exclude pattern. Inputs left out are not inputs: they are neither counted nor reported.
public struct BatchSelection: Sendable, Equatable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// True when every input is taken (no pattern).
    var takesAll: Bool { include.isEmpty && exclude.isEmpty }

    func accepts(_ relativePath: String) -> Bool {
        if takesAll { return true }
        let name =
            relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[relativePath.utf8.index(after: $0)...]) }
            ?? relativePath
        func matches(_ pattern: String) -> Bool {
            fnmatch(pattern, pattern.contains("/") ? relativePath : name, 0) == 0
        }
        return (include.isEmpty || include.contains(where: matches)) && !exclude.contains(where: matches)
    }
}
