import Foundation

/// Where bytes stop being text: the scan an importer of text (wire, Markdown) runs over every
/// input before decoding it, beside the plain version it must agree with (`ByteLevelTests`).
///
/// Why: iterating `Data` a byte at a time goes through its iterator (a call and a bounds check
/// per byte), which was 8% of a Markdown -> JSON batch (`swift package benchmark --target
/// MarkdownBatch`); this reads the bytes' own storage and computes a column only when it needs one.
public enum ControlBytes {
    /// The line and column of what makes bytes binary rather than text: a NUL, or more C0
    /// control bytes outside `allowed` than text has (over 1% of the first `limit` bytes; the
    /// first of them). Nil for text.
    public static func binaryPosition(in data: Data, allowing allowed: Set<UInt8>, limit: Int = 65536) -> (line: Int, column: Int)? {
        var isAllowed = [Bool](repeating: false, count: 32)
        for byte in allowed where byte < 32 { isAllowed[Int(byte)] = true }
        return data.withUnsafeBytes { buffer -> (line: Int, column: Int)? in
            let count = min(buffer.count, limit)
            var line = 1
            var lineStart = 0
            var suspicious = 0
            var firstSuspicious: (line: Int, column: Int)?
            var offset = 0
            while offset < count {
                let byte = buffer[offset]
                if byte < 0x20 {
                    if byte == 0 { return (line, offset - lineStart + 1) }
                    if !isAllowed[Int(byte)] {
                        suspicious += 1
                        if firstSuspicious == nil { firstSuspicious = (line, offset - lineStart + 1) }
                    }
                    if byte == 0x0A {
                        line += 1
                        lineStart = offset + 1
                    }
                }
                offset += 1
            }
            return suspicious > max(2, count / 100) ? firstSuspicious : nil
        }
    }

    /// ``binaryPosition(in:allowing:limit:)``, plainly.
    public static func referenceBinaryPosition(in data: Data, allowing allowed: Set<UInt8>, limit: Int = 65536) -> (
        line: Int, column: Int
    )? {
        var line = 1
        var column = 1
        var suspicious = 0
        var firstSuspicious: (Int, Int)?
        for byte in data.prefix(limit) {
            if byte == 0 { return (line, column) }
            if byte < 0x20, !allowed.contains(byte) {
                suspicious += 1
                if firstSuspicious == nil { firstSuspicious = (line, column) }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let sampled = min(data.count, limit)
        return suspicious > max(2, sampled / 100) ? firstSuspicious : nil
    }
}
