import Foundation
import NewsCore

/// An article's body as plain text, the way a wire prints it: the dateline leading the first
/// paragraph, paragraphs separated by a blank line, list items as `- ` lines, then the sign-off
/// and trailers. For ninjs `body_text` and `text/plain` bodies; markup is not kept.
package enum PlainTextBody {
    /// Plain text as paragraphs: blank-line separated, else one per line; whitespace
    /// normalized (ninjs `body_text`, NewsML 1.2 plain-text content).
    package static func paragraphs(in text: String) -> [Block] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.contains("\n\n") ? normalized.components(separatedBy: "\n\n") : normalized.components(separatedBy: "\n")
        return parts.map(NITFBodyReader.normalize).filter { !$0.isEmpty }.map { .paragraph([.text($0)]) }
    }

    package static func text(of article: Article) -> String {
        var paragraphs: [String] = []
        var blocks = article.body[...]
        if let dateline = article.dateline, !dateline.text.isEmpty {
            var lead = dateline.text
            if case .paragraph(let content)? = blocks.first {
                lead += " " + text(of: content)
                blocks = blocks.dropFirst()
            }
            paragraphs.append(lead)
        }
        paragraphs += blocks.flatMap(text(of:))
        if let signOff = article.signOff { paragraphs.append(signOff) }
        paragraphs += article.trailers
        return paragraphs.joined(separator: "\n\n")
    }

    /// Each block as one or more paragraphs of text.
    package static func text(of block: Block) -> [String] {
        switch block {
        case .paragraph(let content), .heading(_, let content): [text(of: content)]
        case .blockQuote(let blocks): blocks.flatMap(text(of:))
        case .list(let ordered, let items):
            [
                items.enumerated().map { index, item in (ordered ? "\(index + 1). " : "- ") + item.flatMap(text(of:)).joined(separator: " ")
                }.joined(separator: "\n")
            ]
        case .preformatted(let text): [text]
        case .media(let media): [media.caption ?? media.title].compactMap { $0 }
        case .table(let table): [table.rows.map { $0.cells.map { text(of: $0) }.joined(separator: "\t") }.joined(separator: "\n")]
        case .horizontalRule: []
        case .raw: []
        }
    }

    /// The text of inlines: markup dropped, line breaks as newlines.
    package static func text(of inlines: [Inline]) -> String {
        var result = ""
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): result += text
            case .emphasis(let content), .strong(let content), .link(_, _, let content): result += text(of: content)
            case .quote(let content): result += "\u{201C}" + text(of: content) + "\u{201D}"
            case .mention(let mention): result += text(of: mention.content)
            case .lineBreak: result += "\n"
            case .raw: break
            }
        }
        return result
    }

    /// Words, as ninjs counts them (runs of non-space characters).
    package static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
