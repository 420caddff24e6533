import CLibXML2

/// XML's `NMTOKEN`, the type of NITF's `meta/@name` and other token attributes: an exporter writes
/// a name there only when it is one (a fact named `markdown:tit³` would make the whole document
/// invalid against the schema; the fuzzer's schema check found it).
public enum XMLNameToken {
    /// Whether `text` is a valid `NMTOKEN` value, decided by the routine libxml2's schema
    /// validator uses (the validator newsconv's outputs are checked with), spaces around it allowed
    /// as the type's whitespace rule allows them.
    public static func isValid(_ text: String) -> Bool {
        guard !text.utf8.contains(0) else { return false }
        return text.withCString { xmlValidateNMToken(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), 1) } == 0
    }
}
