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
        /// `named` (`--from`), `extension` or `content`.
        public var basis: Basis

        public enum Basis: String, Sendable {
            case named
            case fileExtension = "extension"
            case content
        }

        public init(module: FormatModule, confidence: Double, basis: Basis) {
            self.module = module
            self.confidence = confidence
            self.basis = basis
        }
    }

    /// The indexes of the modules that import, and of those that import each file extension:
    /// worked out once, so that detection (once per input of a batch) touches no module's
    /// importer but those it asks.
    private let importing: [Int]
    private let importingByExtension: [(fileExtension: String, modules: [Int])]

    /// The format written when nothing names one (no `--to`, no output extension), if any.
    public let defaultOutput: FormatModule?

    /// Creates a registry. Names and aliases must be unique; a clash is a programming error.
    /// `defaultOutput`, when given, is written when nothing names the output format.
    public init(_ modules: [FormatModule], defaultOutput: FormatModule? = nil) {
        var seen: Set<String> = []
        var importing: [Int] = []
        var byExtension: [(fileExtension: String, modules: [Int])] = []
        for (index, module) in modules.enumerated() {
            for name in [module.name] + module.aliases {
                precondition(seen.insert(name).inserted, "format name '\(name)' is registered twice")
            }
            guard module.importer != nil else { continue }
            importing.append(index)
            for ext in module.fileExtensions {
                if let slot = byExtension.firstIndex(where: { $0.fileExtension == ext }) {
                    if !byExtension[slot].modules.contains(index) { byExtension[slot].modules.append(index) }
                } else {
                    byExtension.append((ext, [index]))
                }
            }
        }
        self.modules = modules
        self.defaultOutput = defaultOutput.flatMap { wanted in modules.first { $0.name == wanted.name && $0.exporter != nil } }
        self.importing = importing
        importingByExtension = byExtension
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
        if let ext = sample.fileExtension, let claimed = importingByExtension.first(where: { $0.fileExtension == ext })?.modules {
            if claimed.count == 1 {
                return Detection(module: modules[claimed[0]], confidence: 1, basis: .fileExtension)
            }
            if let best = bestByContent(sample, among: claimed) {
                return best
            }
        }
        return bestByContent(sample, among: importing)
    }

    private func bestByContent(_ sample: InputSample, among candidates: [Int]) -> Detection? {
        var best: (index: Int, score: Double)?
        for index in candidates {
            guard let score = modules[index].importer?.detect(sample), score >= 0.5 else { continue }
            if best == nil || score > best!.score { best = (index, score) }
        }
        return best.map { Detection(module: modules[$0.index], confidence: $0.score, basis: .content) }
    }
}
