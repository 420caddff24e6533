import Foundation
import NewsCore

/// Reads ninjs 1.x, 2.x and 3.x: the family from `$standard`/`standard`, else from the
/// property spelling. A document is one ninjs object, or an array of them (IPTC's collection
/// examples), each one article.
public struct NinjsImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        let text = sample.text
        guard let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" else { return 0 }
        if sample.contains("\"newsconv\"") { return 0 }
        if sample.contains("ninjs") { return 0.9 }
        let hints = [
            "\"uri\"", "\"versioncreated\"", "\"versionCreated\"", "\"headlines\"", "\"body_html\"", "\"bodies\"", "\"pubstatus\"",
            "\"pubStatus\"", "\"headline\"",
        ]
        let found = hints.filter { sample.contains($0) }.count
        return found >= 2 ? 0.8 : found == 1 ? 0.5 : 0
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        var value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: input.data)
        } catch {
            throw JSONErrorLocator.conversionError(error, data: input.data, path: input.path)
        }
        let scanner = JSONPathScanner(data: input.data)
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        func locate(_ steps: [JSONPathScanner.Step]) -> SourceLocation {
            let (line, column) = scanner.position(of: steps)
            return SourceLocation(path: input.path, line: line, column: column)
        }
        // A key given twice keeps its last value, as jq, Python and JavaScript read it (Foundation
        // keeps the first): each later value is decoded on its own and set in its place.
        for member in scanner.repeatedMembers() {
            let start = input.data.startIndex
            let text = input.data[(start + member.value.lowerBound)..<(start + member.value.upperBound)]
            let later = try JSONDecoder().decode(JSONValue.self, from: text)
            value.setMember(member.key, to: later, at: member.object[...])
            diagnostics.append(
                .warning(
                    "ninjs.import.repeated-key",
                    "the key \"\(member.key)\" appears again in the same object; this later value is read, the earlier one is dropped",
                    at: SourceLocation(path: input.path, line: member.line, column: member.column)))
        }
        switch value {
        case .object(let object):
            var reader = NinjsReader(path: input.path, reportsNotes: options.reportsNotes, locate: { locate($0) })
            articles.append(try reader.read(object))
            diagnostics += reader.diagnostics
        case .array(let items):
            if options.reportsNotes {
                diagnostics.append(
                    .note(
                        "ninjs.import.collection",
                        "the document is an array of \(items.count) ninjs objects (not valid ninjs itself); each is read as an article",
                        at: locate([])))
            }
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    throw ConversionError(
                        "ninjs.item.not-object", "item \(index + 1) of the array is not a ninjs object", at: locate([.index(index)]))
                }
                var reader = NinjsReader(path: input.path, reportsNotes: options.reportsNotes, locate: { locate([.index(index)] + $0) })
                articles.append(try reader.read(object))
                diagnostics += reader.diagnostics
            }
        default:
            throw ConversionError(
                "ninjs.root.unexpected", "the document is a JSON \(Self.kind(of: value)); expected a ninjs object", at: locate([]))
        }
        return ImportResult(articles: articles, diagnostics: diagnostics)
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
