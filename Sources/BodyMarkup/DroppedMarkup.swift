import Foundation
import NewsCore
import NewsXML

/// Counts markup a reader could not map (kept as text), to report each kind once.
struct DroppedMarkup {
    private var entries: [String: (count: Int, line: Int)] = [:]

    mutating func element(_ element: XMLElement) {
        entries["<\(element.name)>", default: (0, element.line)].count += 1
    }

    /// Attributes of a block element that no IR field holds (`<p lede="true">`, `<block id="...">`).
    mutating func attributes(of element: XMLElement) {
        for attribute in element.attributes {
            entries["<\(element.name) @\(attribute.name)>", default: (0, element.line)].count += 1
        }
    }

    mutating func entity(_ name: String, line: Int) {
        entries["&\(name);", default: (0, line)].count += 1
    }

    /// One warning per kind: `<prefix>.unmapped-element`, at the first place it was seen.
    func diagnostics(codePrefix: String, path: String?) -> [Diagnostic] {
        entries.sorted { ($0.value.line, $0.key) < ($1.value.line, $1.key) }.map { name, info in
            let what =
                name.hasPrefix("&")
                ? "entity reference \(name) was not expanded (kept as text)"
                : name.contains(" @")
                    ? "the attribute \(name) has no IR equivalent; dropped"
                    : "\(name) has no IR equivalent; its text is kept, its markup dropped"
            return .warning(
                "\(codePrefix).unmapped-element", "\(what)\(info.count > 1 ? " (\(info.count) times)" : "")",
                at: SourceLocation(path: path, line: info.line, column: 1))
        }
    }
}

/// A body reader with its own inline vocabulary: the shared walk over mixed content lives here.
protocol InlineMarkupReader {
    var dropped: DroppedMarkup { get set }
    /// The IR inlines for one inline element of the vocabulary.
    mutating func readInline(_ element: XMLElement) -> [Inline]
}

extension InlineMarkupReader {
    /// The inlines of an element's mixed content: whitespace collapsed, adjacent texts merged,
    /// unexpanded entity references kept as text and reported.
    mutating func readInlineChildren(_ element: XMLElement) -> [Inline] {
        var result: [Inline] = []
        for child in element.childNodes {
            switch child {
            case .text(let text):
                let collapsed = NITFBodyReader.collapse(text)
                if !collapsed.isEmpty { NITFBodyReaderSupport.appendText(collapsed, to: &result) }
            case .entityReference(let name):
                dropped.entity(name, line: element.line)
                NITFBodyReaderSupport.appendText("&\(name);", to: &result)
            case .element(let inner):
                for inline in readInline(inner) {
                    if case .text(let text) = inline { NITFBodyReaderSupport.appendText(text, to: &result) } else { result.append(inline) }
                }
            }
        }
        return result
    }
}
