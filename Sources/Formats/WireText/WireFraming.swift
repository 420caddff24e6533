import Foundation

/// How wire text is framed on output: plain text, or an IPTC 7901 message (SOH header, STX,
/// text, ETX and the date-time group).
enum WireFraming: String, CaseIterable, Sendable {
    case plain
    case iptc7901

    static let soh: Character = "\u{01}"
    static let stx: Character = "\u{02}"
    static let etx: Character = "\u{03}"
}
