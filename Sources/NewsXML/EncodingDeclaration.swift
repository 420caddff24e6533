import Foundation
import NewsCore

/// Catches a wrong encoding declaration that libxml2 would silently honour: a document that
/// declares ISO-8859-1 / Latin-1 / Windows-1252 but whose bytes are valid UTF-8 with non-ASCII
/// characters (Superdesk's `afp20.xml`). Read as declared it turns into mojibake (`DÃ©cÃ¨s`).
enum EncodingDeclaration {
    /// The bytes with the declaration corrected to UTF-8, and the warning to give, when the
    /// declaration is wrong. (libxml2 2.9's streaming reader lets the declaration win over an
    /// encoding passed in, so the declaration itself is corrected; only line 1 shifts.)
    static func corrected(_ data: Data, path: String?) -> (data: Data, warning: Diagnostic)? {
        // Only a declaration that names a single-byte encoding can be wrong this way; most name
        // UTF-8 or none, and are let through after a byte scan of the declaration.
        guard let (value, valueStart) = declaredEncoding(data) else { return nil }
        guard singleByte.contains(value.lowercased()) else { return nil }
        let isNonASCIIUTF8 = data.withUnsafeBytes { raw in
            raw.contains(where: { $0 >= 0x80 }) && String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil
        }
        guard isNonASCIIUTF8 else { return nil }
        let warning = Diagnostic.warning(
            "xml.encoding.mislabelled",
            "the document declares encoding \"\(value)\" but its bytes are UTF-8; read as UTF-8",
            at: SourceLocation(path: path, line: 1, column: 1))
        var fixed = Data(data[data.startIndex..<(data.startIndex + valueStart)])
        fixed.append(contentsOf: Array("UTF-8".utf8))
        fixed.append(data[(data.startIndex + valueStart + value.utf8.count)...])
        return (fixed, warning)
    }

    private static let singleByte: Set<String> = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15"]

    /// The value of `encoding="..."` in the XML declaration, and its byte offset.
    static func declaredEncoding(_ data: Data) -> (String, Int)? {
        data.withUnsafeBytes { raw -> (String, Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return nil }
            let head = min(bytes.count, 200)
            func matches(_ literal: StaticString, at offset: Int, before limit: Int) -> Bool {
                offset + literal.utf8CodeUnitCount <= limit && memcmp(base + offset, literal.utf8Start, literal.utf8CodeUnitCount) == 0
            }
            guard matches("<?xml", at: 0, before: head), let end = bytes[..<head].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            var index = 5
            while index + 8 <= end, !matches("encoding", at: index, before: end) { index += 1 }
            guard index + 8 <= end else { return nil }
            index += 8
            while index < end, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "=") { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            let start = index + 1
            var stop = start
            while stop < end, bytes[stop] != quote { stop += 1 }
            return (String(decoding: bytes[start..<stop], as: UTF8.self), start)
        }
    }
}
