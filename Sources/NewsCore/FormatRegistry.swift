import Foundation

/// The formats newsconv knows, with lookup by name, alias and extension, and content detection.
public struct FormatRegistry: Sendable {
    /// The modules, in the order given.
    public let modules: [FormatModule]

    /// How an input's format was decided.
    public struct Detection: Sendable {
        public var module: FormatModule
        /// How sure detection is (1 = certain).
        public var confidence: Double
        /// `extension` or `content`.
        public var basis: Basis

        public enum Basis: String, Sendable { case fileExtension = "extension", content }
    }

    /// Creates a registry. Names and aliases must be unique; a clash is a programming error.
    public init(_ modules: [FormatModule]) {
        var seen: Set<String> = []
        for module in modules {
            for name in [module.name] + module.aliases {
                precondition(seen.insert(name).inserted, "format name '\(name)' is registered twice")
            }
        }
        self.modules = modules
    }

    /// The module with this name or alias (case-insensitive).
    public func module(named name: String) -> FormatModule? {
        modules.first { $0.answers(to: name) }
    }

    /// All names and aliases, for messages that list the formats.
    public var allNames: [String] { modules.map(\.name) }

    /// The names of the formats that can be read, or written.
    public func names(importing: Bool) -> [String] {
        modules.filter { importing ? $0.importer != nil : $0.exporter != nil }.map(\.name)
    }

    /// Decides an input's format: by its file extension when exactly one importer claims it,
    /// by content among the importers that claim the extension when several do, and by content
    /// among all importers when none does. Returns nil when nothing is sure enough (0.5).
    public func detect(_ sample: InputSample) -> Detection? {
        // Walked in place by index, not filtered into arrays: this runs once per input of a
        // batch, and each module copied out of the list costs a copy of its importer and exporter.
        if let ext = sample.fileExtension {
            func claims(_ index: Int) -> Bool { modules[index].importer != nil && modules[index].fileExtensions.contains(ext) }
            var claimed = 0
            var only = 0
            for index in modules.indices where claims(index) {
                claimed += 1
                only = index
            }
            if claimed == 1 {
                return Detection(module: modules[only], confidence: 1, basis: .fileExtension)
            }
            if claimed > 1, let best = bestByContent(sample, among: claims) {
                return best
            }
        }
        return bestByContent(sample) { modules[$0].importer != nil }
    }

    private func bestByContent(_ sample: InputSample, among candidates: (Int) -> Bool) -> Detection? {
        var best: (index: Int, score: Double)?
        for index in modules.indices where candidates(index) {
            guard let score = modules[index].importer?.detect(sample), score >= 0.5 else { continue }
            if best == nil || score > best!.score { best = (index, score) }
        }
        return best.map { Detection(module: modules[$0.index], confidence: $0.score, basis: .content) }
    }
}
