import Foundation
import NewsCore

/// What the ``Pipeline`` made of some documents: the outputs to write, named, and every
/// diagnostic. When it failed, there are no outputs: a document is written whole or not at all.
public struct PipelineResult: Sendable {
    /// One output document: the name it is written under (relative to wherever outputs go) and
    /// its bytes.
    public struct Output: Sendable {
        public var name: String
        public var data: Data
    }

    public var outputs: [Output] = []
    public var diagnostics: [Diagnostic] = []
    /// A document could not be read, filtered or written, or warned under `--strict`.
    public var failed = false
}
