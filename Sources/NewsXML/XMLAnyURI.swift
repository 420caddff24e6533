import CLibXML2

/// XML Schema's `xs:anyURI`, the type of NewsML-G2's `uri`, `href`, `typeuri`, `roleuri` and
/// `reluri` attributes. An exporter writes a value there only when it is one: a text that is not
/// (`htt$p://`, two URIs run together) makes the whole document invalid against the schema, so
/// the exporter drops it with a warning instead (the fuzzer's schema check found such values
/// coming from JSON and ninjs).
public enum XMLAnyURI {
    /// Whether `text` is a valid `xs:anyURI` value, decided as libxml2's schema validator decides
    /// (the validator newsconv's outputs are checked with): its whitespace collapsed, each byte a
    /// URI may not hold unescaped (controls, non-ASCII, space, `<>"{}|\^`'`) read as an escaped
    /// one, what remains must parse as an RFC 3986 URI reference.
    public static func isValid(_ text: String) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 1)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(UInt8(ascii: "_"))
                pendingSpace = false
            }
            bytes.append(Self.mayStandUnescaped(byte) ? byte : UInt8(ascii: "_"))
        }
        if bytes.isEmpty { return true }
        // ASCII without NUL by now, so a C string of it is the whole value.
        guard let uri = String(decoding: bytes, as: UTF8.self).withCString({ xmlParseURI($0) }) else { return false }
        xmlFreeURI(uri)
        return true
    }

    /// What libxml2 replaces with `_` before it parses an `xs:anyURI`.
    private static func mayStandUnescaped(_ byte: UInt8) -> Bool {
        guard byte >= 32, byte < 127 else { return false }
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"),
            UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "'"):
            return false
        default:
            return true
        }
    }
}
