/// A string written as a JSON string: quoted, with `"`, `\`, control characters and DEL
/// escaped, and runs that need no escape copied at once, found eight bytes at a time; beside the
/// plain version it must agree with.
///
/// Why: strings are most of a JSON export's bytes, and nearly all of them are long runs of plain
/// bytes (WireToJSON, G2ToJSON).
public enum JSONStringEscaper {
    /// The bytes a JSON string holds as they are (not a control character, `"`, `\\` or DEL).
    @usableFromInline static let plainBytes: [Bool] = (0..<256).map { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F }

    /// True when one of the eight bytes is below 0x20 or is `"`, `\\` or DEL (the has-zero and
    /// has-less-than tests on the word; bytes of 0x80 and above never match).
    @inlinable @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let control = (word &- ones &* 0x20) & ~word & high
        return (control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0x7F))) != 0
    }

    /// Appends `text` as a JSON string (with its quotes) to `out`.
    @inlinable
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            out.reserveCapacity(out.count + utf8.count + 2)
            out.append(UInt8(ascii: "\""))
            guard let base = utf8.baseAddress else {
                out.append(UInt8(ascii: "\""))
                return
            }
            var runStart = 0
            var i = 0
            let count = utf8.count
            plainBytes.withUnsafeBufferPointer { plain in
                while i < count {
                    while i + 8 <= count, !mayNeedEscaping(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                    guard i < count else { break }
                    let byte = base[i]
                    if plain[Int(byte)] {
                        i += 1
                        continue
                    }
                    if i > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                    appendEscape(byte, to: &out)
                    i += 1
                    runStart = i
                }
            }
            if count > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// ``appendQuoted(_:to:)``, plainly.
    public static func referenceAppendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if plainBytes[Int(byte)] { out.append(byte) } else { appendEscape(byte, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    @usableFromInline static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The escape of a byte that is not plain: `\"`, `\\`, `\n`, `\r`, `\t` or `\u00XX`.
    @usableFromInline
    static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append(contentsOf: [
                UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
            ])
        }
    }
}
