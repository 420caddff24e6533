import Foundation

/// Which inputs of the sources a batch converts: `--include` and `--exclude` shell patterns
/// (`*`, `?`, `[...]`). A pattern without `/` is matched against a file's name (`*.xml`), one
/// with `/` against its path relative to the source (`2019/*/afp-*.txt`, where `*` may span
/// folders). An input is converted when it matches an include pattern (or there are none) and
/// no exclude pattern, and falls to this worker's `--shard`. Inputs left out are not inputs:
/// they are neither counted nor reported.
public struct BatchSelection: Sendable, Equatable {
    public var include: [String]
    public var exclude: [String]
    /// The part of the inputs this worker converts; nil is all of them.
    public var shard: BatchShard?

    public init(include: [String] = [], exclude: [String] = [], shard: BatchShard? = nil) {
        self.include = include
        self.exclude = exclude
        self.shard = shard
    }

    /// True when every input is taken (no pattern, no shard).
    var takesAll: Bool { include.isEmpty && exclude.isEmpty && (shard?.count ?? 1) <= 1 }

    func accepts(_ relativePath: String) -> Bool {
        if takesAll { return true }
        if let shard, !shard.takes(relativePath) { return false }
        let name =
            relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[relativePath.utf8.index(after: $0)...]) }
            ?? relativePath
        func matches(_ pattern: String) -> Bool {
            fnmatch(pattern, pattern.contains("/") ? relativePath : name, 0) == 0
        }
        return (include.isEmpty || include.contains(where: matches)) && !exclude.contains(where: matches)
    }
}
