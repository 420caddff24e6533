import Foundation

/// The root element's name of an XML document, found without parsing (for format detection).
public enum XMLRootName {
    /// The name of the first element, after the XML declaration, comments, processing
    /// instructions and a DOCTYPE.
    public static func of(_ bytes: Data) -> String? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
            let next = bytes.index(after: open)
            guard next < end else { return nil }
            switch bytes[next] {
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                // A comment ends with `-->`; a declaration or DOCTYPE with `>` (an internal subset is rare in news).
                if bytes[next...].starts(with: Array("!--".utf8)) {
                    guard let close = bytes[next...].firstRange(of: Array("-->".utf8)) else { return nil }
                    index = close.upperBound
                } else {
                    guard let close = bytes[next...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    index = bytes.index(after: close)
                }
            default:
                let name = bytes[next...].prefix { byte in
                    !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/"))
                }
                return String(decoding: name, as: UTF8.self)
            }
        }
        return nil
    }
}
