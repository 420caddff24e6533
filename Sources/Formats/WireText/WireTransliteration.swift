import Foundation

/// What a character that ISO-8859-1 lacks is written as in Latin-1 wire text: the stated
/// transliterations of typographic punctuation and common symbols; anything else is `?`.
enum WireTransliteration {
    static let table: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"",
        "\u{2032}": "'", "\u{2033}": "\"", "\u{2013}": "-", "\u{2014}": "--", "\u{2015}": "--", "\u{2212}": "-", "\u{2026}": "...",
        "\u{2022}": "*", "\u{20AC}": "EUR", "\u{2122}": "(TM)", "\u{0152}": "OE", "\u{0153}": "oe", "\u{0160}": "S", "\u{0161}": "s",
        "\u{017D}": "Z", "\u{017E}": "z", "\u{0178}": "Y", "\u{02C6}": "^", "\u{02DC}": "~", "\u{2039}": "<", "\u{203A}": ">",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{200B}": "",
    ]

    /// Latin-1 bytes for a text, and the characters that had to be replaced.
    static func latin1(_ text: String) -> (bytes: [UInt8], replaced: Set<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var replaced: Set<Unicode.Scalar> = []
        // By scalar: CR LF is one Character, and a combining accent another scalar of its letter's.
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else {
                replaced.insert(scalar)
                bytes += Array((table[scalar] ?? "?").utf8)
            }
        }
        return (bytes, replaced)
    }
}
