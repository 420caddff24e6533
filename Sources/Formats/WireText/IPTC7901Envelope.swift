import Foundation
import NewsCore

/// The IPTC 7901 transmission envelope: `SOH` header line, keyword line, `STX`, head lines up
/// to one ending in ` =`, the story, then `ETX` and a date-time group.
struct IPTC7901Envelope {
    /// Header fields: service id and sequence number, priority, category, word count, optional info.
    var service: String?
    var priority: Int?
    var category: String?
    var wordCount: Int?
    var optionalInfo: String?
    var headerLine: String?
    /// The keyword line (`Partei/Deutschland/Grüne/`).
    var keywords: [String] = []
    /// Lines between STX and the line ending in ` =`.
    var headLines: [SourceLine] = []
    /// The story, up to ETX.
    var storyLines: [SourceLine] = []
    /// The date-time group after ETX (`241205 Sep 24`).
    var dateTimeGroup: String?
    /// True for ANPA 1312 framing (SYN SYN SOH), whose lines carry `^` and `<` typesetting codes.
    var isANPA = false
    /// True when BEL characters flagged the item as urgent (dpa "Eil").
    var flaggedUrgent = false

    /// Where the IR keeps what an article's 7901 envelope said and no field holds: read by the
    /// importer, written back by the exporter's 7901 framing.
    enum Key {
        static let prefix = "iptc7901:"
        static let header = prefix + "header"
        static let category = prefix + "category"
        static let dateTimeGroup = prefix + "dateTimeGroup"
    }

    static let soh: Character = "\u{01}"
    static let stx: Character = "\u{02}"
    static let etx: Character = "\u{03}"

    /// Splits the lines when the text has an STX; nil otherwise.
    static func parse(_ lines: [SourceLine]) -> IPTC7901Envelope? {
        guard let stxIndex = lines.firstIndex(where: { $0.text.contains(stx) }) else { return nil }
        var envelope = IPTC7901Envelope()
        let hasHeader = lines[..<stxIndex].contains { $0.text.contains(soh) }
        envelope.isANPA = lines.first?.text.hasPrefix("\u{16}") == true
        for line in lines[..<stxIndex] {
            let text = strip(line.text)
            guard !text.isEmpty else { continue }
            if line.text.contains(soh) {
                envelope.readHeader(text)
            } else if !hasHeader || envelope.headerLine != nil {
                envelope.keywords += text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        // The head runs from STX to the first line ending in `=` (at most 12 lines), else the STX line.
        var rest = Array(lines[stxIndex...])
        if let stx = rest[0].text.firstIndex(of: stx) {
            rest[0].text = rest[0].text[rest[0].text.index(after: stx)...]
        }
        envelope.flaggedUrgent = rest.prefix(3).contains { $0.text.contains("\u{07}") }
        rest = rest.map { line in
            var copy = line
            copy.text = Substring(strip(line.text, keepSpaces: true))
            return copy
        }
        let headEnd = rest.prefix(12).firstIndex(where: { $0.trimmed.hasSuffix("=") }) ?? 0
        envelope.headLines = Array(rest[...headEnd])
        var story = Array(rest[(headEnd + 1)...])
        if let etxIndex = lines[stxIndex...].firstIndex(where: { $0.text.contains(etx) }) {
            let etxLine = lines[etxIndex]
            let dtg = strip(etxLine.text[etxLine.text.index(after: etxLine.text.firstIndex(of: etx)!)...])
            envelope.dateTimeGroup = dtg.isEmpty ? nil : dtg
            story = story.filter { $0.number < etxLine.number }
        }
        envelope.storyLines = story
        return envelope
    }

    private mutating func readHeader(_ text: String) {
        headerLine = text
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        if fields.count > 0 { service = String(fields[0]) }
        if fields.count > 1 { priority = Int(fields[1]) }
        if fields.count > 2 { category = String(fields[2]) }
        if fields.count > 3 { wordCount = Int(fields[3]) }
        if fields.count > 4 { optionalInfo = fields[4...].joined(separator: " ") }
    }

    /// Removes control characters (7901/ANPA framing, BEL, DEL) and the trailing spaces.
    static func strip<S: StringProtocol>(_ text: S, keepSpaces: Bool = false) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }))
        return keepSpaces ? cleaned : cleaned.trimmingCharacters(in: .whitespaces)
    }
}
