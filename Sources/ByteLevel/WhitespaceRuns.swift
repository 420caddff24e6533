/// XML whitespace (space, tab, line feed, carriage return) collapsed into single spaces, on the
/// UTF-8 bytes, eight at a time where no byte is 0x20 or below; beside the plain version it must
/// agree with.
///
/// Why: every text node of a NITF or XHTML body is collapsed, and nearly all are already clean:
/// the word-at-a-time scan finds that at a fraction of a byte loop's cost (G2ToJSON).
public enum WhitespaceRuns {
    /// The text with every run of XML whitespace as one space; nil when it has none to change
    /// (no tab, line end or double space), so that the caller keeps its string.
    @inlinable
    public static func collapsed(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var previousSpace = false
            var clean = true
            var i = 0
            let count = bytes.count
            while i < count {
                // Eight bytes at a time while none is 0x20 or below (no whitespace among them):
                // `(word - 0x21 in each byte) & ~word & 0x80 in each byte` is nonzero exactly when
                // some byte is below 0x21 (the has-less-than test; `~word` rules out bytes >= 0x80).
                if i + 8 <= count, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        previousSpace = false
                        continue
                    }
                }
                let byte = bytes[i]
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if isSpace && (byte != 0x20 || previousSpace) {
                    clean = false
                    break
                }
                previousSpace = isSpace
                i += 1
            }
            if clean { return nil }
            // Indentation between elements, the commonest case, is one space.
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return " " }
            // Written straight into the new string's storage; it is never longer than the text.
            return String(unsafeUninitializedCapacity: count) { out in
                var written = 0
                var space = false
                for byte in bytes {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        space = true
                    } else {
                        if space {
                            out[written] = 0x20
                            written += 1
                        }
                        space = false
                        out[written] = byte
                        written += 1
                    }
                }
                if space {
                    out[written] = 0x20
                    written += 1
                }
                return written
            }
        }
    }

    /// ``collapsed(_:)``, plainly.
    public static func referenceCollapsed(_ text: String) -> String? {
        var result: [UInt8] = []
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = true
            } else {
                if space { result.append(0x20) }
                space = false
                result.append(byte)
            }
        }
        if space { result.append(0x20) }
        let collapsed = String(decoding: result, as: UTF8.self)
        return collapsed == text ? nil : collapsed
    }
}
