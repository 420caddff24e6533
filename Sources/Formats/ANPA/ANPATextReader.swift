import Foundation
import NewsCore

/// The mapping of a message's header and text lines to an article.
struct ANPATextReader {
    let message: ANPAMessage
    let path: String?
    var article = Article()
    var diagnostics: [Diagnostic] = []
    private var blocks: [Block] = []
    private var rows: [Block.Table.Row] = []
    private var inBody = false
    private var afterByline = false

    init(message: ANPAMessage, path: String?) {
        self.message = message
        self.path = path
    }

    mutating func read() -> Article {
        article.origin = Origin(format: FormatModule.anpa.name, path: path, line: 1, column: 1)
        article.slugline = message.keyword
        article.takeKey = message.take
        keep("serviceLevel", message.serviceLevel)
        keep("sequence", message.sequence)
        keep("selector", message.selector)
        keep("priority", message.priority)
        keep("category", message.category)
        keep("date", message.monthDay)
        keep("wordCount", message.wordCount.map(String.init))
        if let trailer = message.trailer, !trailer.isEmpty {
            keep("trailer", trailer)
            article.versionCreated = Self.trailerDate(trailer)
        }
        var sawKeywordLine = false
        for (bytes, line) in message.lines {
            switch bytes.first {
            case UInt8(ascii: "^") where !sawKeywordLine:
                sawKeywordLine = true
                readKeywordLine(ANPAMessage.string(Array(bytes.dropFirst())))
            case UInt8(ascii: "^"):
                readHeaderLine(ANPAMessage.string(Array(bytes.dropFirst())), line: line)
            case ANPAMessage.Control.backspace:
                inBody = true
                rows.append(Self.agateRow(Array(bytes.dropFirst())))
            case ANPAMessage.Control.tab:
                inBody = true
                readBodyLine(ANPAMessage.string(Array(bytes.dropFirst())).trimmingCharacters(in: .whitespaces))
            default:
                let text = ANPAMessage.string(bytes).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { readBodyLine(text) }
            }
        }
        flushTable()
        finishBody()
        return article
    }

    private mutating func keep(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        article.extensions["anpa:\(name)"] = .string(value)
    }

    /// `BC-BKN--Heat-Hawks, 1st Ld-Writethru,416<`: the printed keyword line and word count
    /// (AP's `*9006<` format code before it is dropped).
    private mutating func readKeywordLine(_ text: String) {
        var text = Self.unmarked(text).text
        if text.hasPrefix("*"), let start = text.range(of: "^") { text = String(text[start.upperBound...]) }
        text = Self.unmarked(text).text
        keep("keywordLine", text)
    }

    private mutating func readHeaderLine(_ raw: String, line: Int) {
        let (text, marker) = Self.unmarked(raw)
        guard !text.isEmpty else { return }
        if marker == "=" {
            if text.hasPrefix("By ") {
                article.bylines.append(Byline(name: String(text.dropFirst(3))).printed(as: text))
                afterByline = true
            } else if afterByline, !inBody, let last = article.bylines.indices.last, Self.isBylineTitle(text) {
                // "AP Sports Writer", "Associated Press": the byline's title line.
                // Printed on two lines, which the name and title compose.
                article.bylines[last].title = text
                article.bylines[last].text = nil
                afterByline = false
            } else {
                flushTable()
                blocks.append(.heading(level: 2, content: [.text(text)]))
            }
            return
        }
        afterByline = false
        if inBody {
            readBodyLine(text)
        } else if text.hasPrefix("AP Photo") || text.hasPrefix("Eds:") || text.hasPrefix("(Eds:") || text.hasPrefix("EDITOR'S NOTE") {
            article.editorialNotes.append(text)
        } else if article.headline == nil, marker == "<" {
            article.headline = text
        } else if article.abstract.isEmpty, marker == "<" {
            article.abstract = [.paragraph([.text(text)])]
        } else {
            // Header lines with no end code after the headline (a list of headlines) are text.
            readBodyLine(text)
        }
    }

    private mutating func readBodyLine(_ raw: String) {
        var (text, marker) = Self.unmarked(raw)
        guard !text.isEmpty else { return }
        if message.isTabular, text.contains(";") {
            rows.append(Self.row(text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)))
            return
        }
        flushTable()
        if text.allSatisfy({ $0 == "_" }) {
            blocks.append(.horizontalRule)
            return
        }
        if marker == "=" {
            // A centred line in the text: a heading of agate ("Saturday's Games").
            blocks.append(.heading(level: 2, content: [.text(text)]))
            return
        }
        // AP's dateline opens the first paragraph: `ATLANTA (AP) _ Luol Deng ...`.
        if article.dateline == nil, !blocks.contains(where: Self.isParagraph), let range = text.range(of: " (AP) _ ") {
            let printed = String(text[..<range.lowerBound])
            let parts = printed.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            article.dateline = Dateline(
                text: printed + " (AP) _", place: parts.first, region: parts.count > 1 ? parts[1] : nil, source: "AP")
            text = String(text[range.upperBound...])
        }
        blocks.append(.paragraph([.text(text)]))
    }

    private mutating func flushTable() {
        guard !rows.isEmpty else { return }
        blocks.append(.table(Block.Table(rows: rows)))
        rows = []
    }

    /// End matter: the closing "... contributed to this report." paragraphs are a trailer.
    private mutating func finishBody() {
        while case .paragraph(let content)? = blocks.last, Self.isCredit(content.plainText) {
            article.trailers.insert(content.plainText, at: 0)
            blocks.removeLast()
        }
        article.body = blocks
    }

    /// AP's closing credit: "X contributed to this report.", "Y helped with this report from Z."
    static func isCredit(_ text: String) -> Bool {
        (text.contains("contributed to this ") || text.contains("helped with this ")) && text.hasSuffix(".")
    }

    /// A byline's second line: "Associated Press", "AP Sports Writer" (not a table's
    /// "AMERICAN LEAGUE" after "By The Associated Press").
    static func isBylineTitle(_ text: String) -> Bool {
        text.contains("Associated Press") || text.hasPrefix("AP ") || text.hasSuffix("Writer") || text.hasSuffix("Correspondent")
    }

    static func isParagraph(_ block: Block) -> Bool {
        if case .paragraph = block { return true }
        return false
    }

    /// A header or body line without its end code: `<` (quad left) or `=` (quad centre).
    static func unmarked(_ text: String) -> (text: String, marker: Character?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, last == "<" || last == "=" else { return (trimmed, nil) }
        return (String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces), last)
    }

    /// A table row from its cells; a row whose first cell is empty or `^` heads its columns.
    static func row(_ cells: [String]) -> Block.Table.Row {
        var cells = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let isHeader = cells.first == "^" || cells.first == ""
        if cells.first == "^" { cells[0] = "" }
        return Block.Table.Row(isHeader: isHeader, cells: cells.map { $0.isEmpty ? [] : [.text($0)] })
    }

    /// A BS-led agate row: `;`-separated, or the stub column, US, then values padded by RS.
    static func agateRow(_ bytes: [UInt8]) -> Block.Table.Row {
        if bytes.contains(UInt8(ascii: ";")) {
            return row(ANPAMessage.string(bytes).split(separator: ";", omittingEmptySubsequences: false).map(String.init))
        }
        let parts = bytes.split(separator: ANPAMessage.Control.unitSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        var cells = [ANPAMessage.string(Array(parts[0]))]
        if parts.count > 1 {
            cells += parts[1].split(whereSeparator: { $0 == ANPAMessage.Control.recordSeparator || $0 == 0x20 }).map {
                ANPAMessage.string(Array($0))
            }
        }
        return row(cells)
    }

    /// `AP-WF-02-20-16 0337GMT`: the time the message was sent, in UTC.
    static func trailerDate(_ trailer: String) -> NewsDate? {
        let words = trailer.split(separator: " ")
        guard words.count == 2, words[1].hasSuffix("GMT"), words[1].count == 7 else { return nil }
        let date = words[0].split(separator: "-").suffix(3)
        guard date.count == 3, date.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let parts = Array(date)
        let time = words[1].prefix(4)
        return NewsDate(iso8601: "20\(parts[2])-\(parts[0])-\(parts[1])T\(time.prefix(2)):\(time.suffix(2)):00Z")
    }
}
