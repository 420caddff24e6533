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

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }

        /// The output as JSON, the same in `stream` answers and `serve` envelopes: its name, the
        /// fields given (a media type), and its bytes as `data` when they are UTF-8 text, else
        /// as `data_base64`.
        package func json(_ fields: (String, OrderedJSON)...) -> OrderedJSON {
            if let text = String(validating: data, as: UTF8.self) {
                return .object([("name", .string(name))] + fields + [("data", .string(text))])
            }
            return .object([("name", .string(name))] + fields + [("data_base64", .string(data.base64EncodedString()))])
        }
    }

    public var outputs: [Output] = []
    public var diagnostics: [Diagnostic] = []
    /// A document could not be read, filtered or written, or warned under `--strict`.
    public var failed = false

    public init(outputs: [Output] = [], diagnostics: [Diagnostic] = [], failed: Bool = false) {
        self.outputs = outputs
        self.diagnostics = diagnostics
        self.failed = failed
    }
}
