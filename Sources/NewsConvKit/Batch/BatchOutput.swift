import Foundation

/// Where a batch writes: a folder or a zip. Writes are atomic; a zip is complete only when
/// ``finish()`` returns.
protocol BatchOutput: AnyObject, Sendable {
    /// What must not be read as input (the output folder or zip, when it is inside a source).
    var excludedFromSources: [URL] { get }
    func exists(_ relativePath: String) -> Bool
    /// True when the output at `relativePath` is the file at `path` itself (an input that
    /// `--overwrite` would replace).
    func isFile(_ relativePath: String, theFileAt path: String) -> Bool
    /// Writes one output; with `replace` false, an existing one is kept and ``FileIO/Exists`` thrown.
    func write(_ data: Data, to relativePath: String, replace: Bool) throws
    /// Removes an output this batch wrote (the earlier outputs of an input whose later one
    /// failed: an input's outputs are all there or none).
    func remove(_ relativePath: String)
    /// Completes the output (a zip is renamed into place).
    func finish() throws
    /// Removes what an unfinished output left (a zip's temporary file).
    func abandon()
}
