import Foundation

/// Inputs in UTF-16 or UTF-32, which Windows tools still write, made UTF-8 before any format
/// looks at them: every detector and importer reads UTF-8 (or a single-byte fallback), and the
/// XML importers' byte ranges assume it. Recognised by a byte-order mark, or, for XML without
/// one, by `<?` in UTF-16 (XML 1.0, appendix F). An XML declaration's encoding is rewritten to
/// UTF-8, since the bytes now are.
package enum UnicodeInput {
    /// The input as UTF-8 and the encoding it was in (`utf-16le`, `utf-32be`), or nil when it
    /// is not in a UTF-16 or UTF-32 form (UTF-8, with or without a mark, stays as it is).
    package static func transcoded(_ data: Data) -> (data: Data, encoding: String)? {
        // Most inputs are told apart by their first two bytes, without copying any.
        guard data.count >= 2 else { return nil }
        let first = data[data.startIndex]
        let second = data[data.startIndex + 1]
        guard
            (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || (first == 0x3C && second == 0x00)
                || (first == 0x00 && (second == 0x3C || second == 0x00))
        else { return nil }
        let b = [UInt8](data.prefix(4))
        let form: (name: String, width: Int, bigEndian: Bool, skip: Int)
        if b.count == 4, b == [0xFF, 0xFE, 0x00, 0x00] {
            form = ("utf-32le", 4, false, 4)
        } else if b.count == 4, b == [0x00, 0x00, 0xFE, 0xFF] {
            form = ("utf-32be", 4, true, 4)
        } else if b[0] == 0xFF, b[1] == 0xFE {
            form = ("utf-16le", 2, false, 2)
        } else if b[0] == 0xFE, b[1] == 0xFF {
            form = ("utf-16be", 2, true, 2)
        } else if b == [0x3C, 0x00, 0x3F, 0x00] {
            form = ("utf-16le", 2, false, 0)
        } else if b == [0x00, 0x3C, 0x00, 0x3F] {
            form = ("utf-16be", 2, true, 0)
        } else {
            return nil
        }
        var text = decode(data.dropFirst(form.skip), width: form.width, bigEndian: form.bigEndian)
        text = declaringUTF8(text)
        return (Data(text.utf8), form.name)
    }

    /// Code units read in the given width and byte order; invalid ones (a lone surrogate, a
    /// trailing odd byte) become U+FFFD.
    private static func decode(_ bytes: Data.SubSequence, width: Int, bigEndian: Bool) -> String {
        let count = bytes.count / width
        let raw = Array(bytes)
        func unit(_ index: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in 0..<width {
                let byte = UInt32(raw[index * width + (bigEndian ? offset : width - 1 - offset)])
                value = value << 8 | byte
            }
            return value
        }
        var text: String
        if width == 2 {
            text = String(decoding: (0..<count).map { UInt16(unit($0)) }, as: UTF16.self)
        } else {
            text = String(decoding: (0..<count).map { unit($0) }, as: UTF32.self)
        }
        if bytes.count % width != 0 { text.append("\u{FFFD}") }
        return text
    }

    /// The text with its XML declaration's encoding (if it has both) set to UTF-8.
    private static func declaringUTF8(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>"),
            text.distance(from: text.startIndex, to: end.lowerBound) < 300,
            let name = text.range(of: "encoding", range: text.startIndex..<end.lowerBound)
        else { return text }
        var cursor = name.upperBound
        while cursor < end.lowerBound, text[cursor] == " " || text[cursor] == "=" || text[cursor] == "\t" {
            cursor = text.index(after: cursor)
        }
        guard cursor < end.lowerBound, text[cursor] == "\"" || text[cursor] == "'" else { return text }
        let quote = text[cursor]
        let valueStart = text.index(after: cursor)
        guard let valueEnd = text[valueStart..<end.lowerBound].firstIndex(of: quote) else { return text }
        return text.replacingCharacters(in: valueStart..<valueEnd, with: "UTF-8")
    }
}
