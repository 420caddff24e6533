import Foundation
import NewsCore

/// One ANPA 1312 message, its framing taken apart: the header (service level, sequence,
/// selector, priority, category, format codes, keyword line, date, word count), the text
/// between STX and ETX as lines, and the trailer after ETX.
///
/// ```
/// SYN SYN SOH <level><sequence> US <selector> LF
/// <priority> SP <category> <format 1><format 2> SP <keyword and take>   <MM-DD> <words> CR LF
/// STX ^<keyword line>< CR LF  ^<header lines>  TAB <paragraphs> ...  ETX <trailer> CR LF FF EOT
/// ```
struct ANPAMessage {
    /// The control characters of the framing.
    enum Control {
        static let soh: UInt8 = 0x01
        static let stx: UInt8 = 0x02
        static let etx: UInt8 = 0x03
        static let eot: UInt8 = 0x04
        static let backspace: UInt8 = 0x08
        static let tab: UInt8 = 0x09
        static let formFeed: UInt8 = 0x0C
        static let dle: UInt8 = 0x10
        static let dc2: UInt8 = 0x12
        static let syn: UInt8 = 0x16
        static let unitSeparator: UInt8 = 0x1F
        static let recordSeparator: UInt8 = 0x1E
    }

    /// The service level designator (a letter) and the message's sequence number.
    var serviceLevel: String?
    var sequence: String?
    /// The selector code after US (`asian`, `glbsm`); `-----` when there is none.
    var selector: String?
    /// The priority letter (`f` flash, `b` bulletin, `u` urgent, `r` regular, `d` deferred ...).
    var priority: String?
    /// The category code (`a` domestic, `i` international, `s` sports, ...).
    var category: String?
    /// Whether the second format code is DC2 (0x12): preserved, tabular copy.
    var isTabular = false
    /// The keyword (slug) and its take or version (`1stLd-Writethru`) from the header.
    var keyword: String?
    var take: String?
    /// The header's `MM-DD` and word count.
    var monthDay: String?
    var wordCount: Int?
    /// The text between STX and ETX, one entry per line, with the line number (1-based) in the file.
    var lines: [(text: [UInt8], line: Int)] = []
    /// What follows ETX up to the line end: `AP-WF-02-20-16 0337GMT`.
    var trailer: String?

    /// Whether bytes begin as an ANPA 1312 message: SYN SYN SOH.
    static func isFramed(_ bytes: Data) -> Bool {
        bytes.starts(with: [Control.syn, Control.syn, Control.soh])
    }

    /// Takes a message apart. Throws where the framing is not ANPA's.
    init(_ bytes: [UInt8], path: String?) throws {
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: 1) }
        guard bytes.starts(with: [Control.syn, Control.syn, Control.soh]) else {
            throw ConversionError("anpa.framing.start", "the message does not begin with SYN SYN SOH (ANPA 1312 framing)", at: at(1))
        }
        guard let stx = bytes.firstIndex(of: Control.stx) else {
            throw ConversionError("anpa.framing.stx", "no STX: expected the header, then STX and the text", at: at(1))
        }
        let header = Self.split(Array(bytes[3..<stx]))
        if let first = header.first {
            // `z6715 US -----`: level letter, four-digit sequence, then the selector.
            let parts = first.split(separator: Control.unitSeparator, maxSplits: 1, omittingEmptySubsequences: false)
            let id = Self.string(Array(parts[0]))
            if let level = id.first, level.isLetter {
                serviceLevel = String(level)
                sequence = String(id.dropFirst())
            } else {
                sequence = id
            }
            if parts.count > 1 {
                let code = Self.string(Array(parts[1])).trimmingCharacters(in: .whitespaces)
                selector = code.allSatisfy { $0 == "-" } ? nil : code
            }
        }
        if header.count > 1 { readHeaderLine(header[1]) }
        // The text: from STX to ETX (or the end), line by line, numbered as in the file.
        let end = bytes[stx...].firstIndex(of: Control.etx) ?? bytes.endIndex
        var line = 1 + bytes[..<stx].filter { $0 == 0x0A }.count
        for text in bytes[(stx + 1)..<end].split(separator: 0x0A, omittingEmptySubsequences: false) {
            var text = Array(text)
            if text.last == 0x0D { text.removeLast() }
            lines.append((text, line))
            line += 1
        }
        if end < bytes.endIndex {
            let rest = bytes[(end + 1)...].prefix { $0 != 0x0D && $0 != 0x0A }
            trailer = Self.string(Array(rest)).trimmingCharacters(in: CharacterSet(charactersIn: " <"))
        }
    }

    /// `r z DC3 DC1 BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500`.
    private mutating func readHeaderLine(_ bytes: [UInt8]) {
        var rest = bytes[...]
        if let letter = rest.first, letter != 0x20 {
            priority = Self.string([letter])
            rest = rest.dropFirst()
        }
        rest = rest.drop { $0 == 0x20 }
        if let letter = rest.first, letter >= 0x20 {
            category = Self.string([letter])
            rest = rest.dropFirst()
        }
        // The two format codes: DC3/DC4 (0x13/0x14), then DC1/DC2 (0x11/0x12).
        let codes = rest.prefix { $0 < 0x20 }
        isTabular = codes.contains(Control.dc2)
        rest = rest.dropFirst(codes.count)
        let words = Self.string(Array(rest)).split(separator: " ").map(String.init)
        var remaining = words[...]
        if let last = remaining.last, last.count == 4, last.allSatisfy(\.isNumber) {
            wordCount = Int(last)
            remaining = remaining.dropLast()
        }
        if let last = remaining.last, last.count == 5, last.dropFirst(2).first == "-" {
            monthDay = last
            remaining = remaining.dropLast()
        }
        keyword = remaining.first
        if remaining.count > 1 { take = remaining.dropFirst().joined(separator: " ") }
    }

    /// Splits at LF, dropping a CR before it.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
    }

    /// ANPA text as a string: UTF-8 where it is valid, else ISO-8859-1 (AP's accented names,
    /// `L\u{F3}pez`); `{` is ANPA's fraction code for one half; a TAB is a space; any other
    /// control character is dropped.
    static func string(_ bytes: [UInt8]) -> String {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            // DLE marks a fixed space before the space it precedes (`Tampa DLE SP Bay`): dropped.
            case Control.tab: cleaned.append(0x20)
            case 0..<0x20, 0x7F: continue
            default: cleaned.append(byte)
            }
        }
        let text = String(validating: cleaned, as: UTF8.self) ?? String(bytes: cleaned, encoding: .isoLatin1) ?? ""
        return text.replacingOccurrences(of: "{", with: "\u{BD}")
    }
}
