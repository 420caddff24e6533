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
        let head = data.prefix(200)
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")),
            head[..<end].firstRange(of: Array("ncoding".utf8)) != nil
        else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding=") else { return nil }
        let value = declaration[range.upperBound...].dropFirst().prefix(while: { $0 != "\"" && $0 != "'" })
        let valueStart = declaration.utf8.distance(from: declaration.startIndex, to: range.upperBound) + 1
        let singleByte = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15"]
        guard singleByte.contains(String(value)) else { return nil }
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
}
