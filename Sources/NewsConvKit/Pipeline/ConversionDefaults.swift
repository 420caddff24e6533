import Foundation
import NewsCore
import NewsYAML
import Yams

/// `--defaults FILE`: a newsroom's usual conversion options in YAML, as pandoc's `-d`:
///
/// ```yaml
/// to: newsml-g2
/// date-context: 2024-05-03
/// strict: true
/// option: { ninjs.profile: "2" }
/// filter: [ ./desk-filter ]
/// ignore: [ nitf.export.dropped-fields ]
/// metadata: { provider: EFE, language: es }
/// ```
///
/// Options given on the command line win over the file's: a value replaces the file's, a list
/// (`filter`, `ignore`) comes after the file's, a map (`option`, `metadata`) replaces the file's
/// keys it names.
public struct ConversionDefaults: Sendable, Equatable {
    public var from: String?
    public var to: String?
    public var dateContext: String?
    public var strict: Bool?
    public var noPlugins: Bool?
    public var options: [String: String] = [:]
    public var filters: [String] = []
    public var ignore: [String] = []
    public var metadata: [String: String] = [:]

    public init() {}

    static let keys = ["from", "to", "date-context", "strict", "no-plugins", "option", "filter", "ignore", "metadata"]

    /// Reads a defaults file; any problem is a usage error naming the file and what was expected.
    public static func load(_ path: String) throws(NewsConvError) -> ConversionDefaults {
        guard let data = FileManager.default.contents(atPath: path) else { throw .usage("--defaults \(path): no such file") }
        guard data.count <= 1 << 20, let text = String(data: data, encoding: .utf8) else {
            throw .usage("--defaults \(path): not a YAML file of at most 1 MiB of UTF-8 text")
        }
        // Read first by NewsYAML, which refuses what Yams would not survive: aliases expanded
        // into more values than Markdown front matter may hold (a billion laughs), an integer
        // that traps Yams's arithmetic.
        let limit = ImportLimits.standard.frontMatterNodes
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text)
        } catch {
            throw .usage("--defaults \(path): not valid YAML: \(error.message(firstLine: 1)) (line \(error.line), column \(error.column))")
        }
        if let root, root.count(upTo: limit) >= limit {
            throw .usage("--defaults \(path): stands for more than \(limit) YAML values once its aliases are expanded")
        }
        if let number = root?.firstOverflowingInteger(limit: limit) {
            throw .usage(
                "--defaults \(path): line \(number.line), column \(number.column): \(number.text ?? "") is an integer too large to read")
        }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw .usage("--defaults \(path): not valid YAML: \(error)")
        }
        guard let mapping = loaded as? [String: Any] else {
            throw .usage("--defaults \(path): expected a mapping of option names to values")
        }
        var defaults = ConversionDefaults()
        func fail(_ key: String, _ expected: String) -> NewsConvError { .usage("--defaults \(path): \(key) takes \(expected)") }
        func scalar(_ value: Any) -> String? {
            switch value {
            case let text as String: text
            case let number as Int: String(number)
            case let number as Double: String(number)
            case let flag as Bool: String(flag)
            case let date as Date:
                ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            default: nil
            }
        }
        for key in mapping.keys.sorted() {
            let value = mapping[key]!
            switch key {
            case "from", "to", "date-context":
                guard let text = scalar(value) else { throw fail(key, "a value") }
                if key == "from" { defaults.from = text } else if key == "to" { defaults.to = text } else { defaults.dateContext = text }
            case "strict", "no-plugins":
                guard let flag = value as? Bool else { throw fail(key, "true or false") }
                if key == "strict" { defaults.strict = flag } else { defaults.noPlugins = flag }
            case "filter", "ignore":
                let items = (value as? [Any]) ?? [value]
                let texts = items.compactMap(scalar)
                guard texts.count == items.count else { throw fail(key, "a list of names") }
                if key == "filter" { defaults.filters = texts } else { defaults.ignore = texts }
            case "option", "metadata":
                guard let map = value as? [String: Any] else { throw fail(key, "a mapping of keys to values") }
                var texts: [String: String] = [:]
                for (name, item) in map {
                    guard let text = scalar(item) else { throw fail("\(key).\(name)", "a value") }
                    texts[name] = text
                }
                if key == "option" { defaults.options = texts } else { defaults.metadata = texts }
            default:
                throw .usage(
                    "--defaults \(path): no option '\(key)'\(Suggestion.phrase(for: key, among: keys)); options: \(keys.joined(separator: ", "))"
                )
            }
        }
        return defaults
    }
}
