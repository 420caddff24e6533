import ByteLevel
import Foundation

/// Decodes text input: UTF-8 (with or without a byte-order mark) first, else Windows-1252
/// (a superset of Latin-1 for printable text), which real agency feeds still send.
package enum TextDecoding {
    /// The decoded text and the encoding's name (`utf-8`, `utf-8-bom`, `windows-1252`).
    package struct Decoded: Sendable {
        package var text: String
        package var encoding: String
        /// True when the input was not valid UTF-8 and the fallback was used.
        package var usedFallback: Bool
        /// Line and column of the first byte that was not valid UTF-8, when the fallback was used.
        package var firstInvalidByte: (line: Int, column: Int)?
    }

    package static func decode(_ data: Data) -> Decoded {
        var bytes = data[...]
        var bom = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            bom = true
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: bom ? "utf-8-bom" : "utf-8", usedFallback: false)
        }
        let position = firstInvalidUTF8(bytes)
        return Decoded(text: windows1252(bytes), encoding: "windows-1252", usedFallback: true, firstInvalidByte: position)
    }

    /// Decodes bytes as Windows-1252; the five bytes it leaves undefined map to the C1 controls, as in Latin-1.
    package static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let mapped = cp1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The 1-based line and column (in bytes) of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(_ bytes: Data.SubSequence) -> (line: Int, column: Int)? {
        var line = 1
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i - lineStart + 1)
            }
            if length > 1 {
                guard i + length <= bytes.endIndex,
                    String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
                else { return (line, i - lineStart + 1) }
            }
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        return nil
    }

    /// The line and column of what makes bytes binary rather than text: a NUL, or more C0
    /// control bytes outside `allowed` than text has (over 1% of the first 64 KB; the first of
    /// them). Nil for text.
    public static func binaryPosition(in data: Data, allowing allowed: Set<UInt8>) -> (line: Int, column: Int)? {
        ControlBytes.binaryPosition(in: data, allowing: allowed)
    }
}
