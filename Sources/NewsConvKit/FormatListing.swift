import Foundation
import NewsCore

/// The `newsconv formats` listing, as text or JSON, made from a registry.
public struct FormatListing: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry) { self.registry = registry }

    /// One entry of the JSON listing.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var title: String
        public var `import`: Bool
        public var export: Bool
        public var extensions: [String]
        public var mediaTypes: [String]
        public var oneArticlePerDocument: Bool
        public var external: Bool
        public var options: [FormatModule.Option]
    }

    public var entries: [Entry] {
        registry.modules.map {
            Entry(
                name: $0.name, aliases: $0.aliases, title: $0.title, import: $0.importer != nil, export: $0.exporter != nil,
                extensions: $0.fileExtensions, mediaTypes: $0.mediaTypes, oneArticlePerDocument: !$0.holdsManyArticles,
                external: $0.isExternal, options: $0.options)
        }
    }

    /// `{"formats": [...]}`, pretty-printed.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(["formats": entries])) ?? Data()
        data.append(0x0A)
        return data
    }

    /// A table: name, import/export, extensions, title; then aliases and options.
    public func text() -> String {
        var lines = ["FORMAT      IMPORT  EXPORT  EXTENSIONS        DESCRIPTION"]
        for entry in entries {
            let name = entry.name.padding(toLength: 11, withPad: " ", startingAt: 0)
            let imp = (entry.import ? "yes" : "-").padding(toLength: 7, withPad: " ", startingAt: 0)
            let exp = (entry.export ? "yes" : "-").padding(toLength: 7, withPad: " ", startingAt: 0)
            let ext = entry.extensions.map { "." + $0 }.joined(separator: " ").padding(toLength: 17, withPad: " ", startingAt: 0)
            var line = "\(name) \(imp) \(exp) \(ext) \(entry.title)"
            if entry.external { line += " (external)" }
            lines.append(line)
            if !entry.aliases.isEmpty { lines.append("            aliases: \(entry.aliases.joined(separator: ", "))") }
            for option in entry.options { lines.append("            option \(option.key): \(option.help)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
