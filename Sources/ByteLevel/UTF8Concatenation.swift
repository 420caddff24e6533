/// Strings made by joining UTF-8 parts in one allocation, written straight into the new
/// string's storage, beside the plain version they must agree with.
///
/// Why: appending to a `String` part by part checks and grows it each time, which cost more than
/// the bytes in the G2 reader's extension keys and the IPTC qcode-to-URI look-up (G2ToJSON).
public enum UTF8Concatenation {
    /// The parts, joined.
    @inlinable
    public static func join(_ parts: String...) -> String {
        var total = 0
        for part in parts { total += part.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for var part in parts {
                at += part.withUTF8 { bytes in UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: bytes) }
            }
            return at
        }
    }

    /// ``join(_:)``, plainly.
    public static func referenceJoin(_ parts: [String]) -> String { parts.joined() }

    /// A string of ASCII `text` with each byte mapped by `map` and `prefix` before it, or nil
    /// when `text` is not all ASCII (the caller then takes its Unicode path).
    @inlinable
    public static func mappedASCII(_ text: Substring, prefix: UInt8? = nil, _ map: (UInt8) -> UInt8) -> String? {
        let utf8 = text.utf8
        for byte in utf8 where byte >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: utf8.count + 1) { out in
            var written = 0
            if let prefix {
                out[0] = prefix
                written = 1
            }
            for byte in utf8 {
                out[written] = map(byte)
                written += 1
            }
            return written
        }
    }

    /// ``mappedASCII(_:prefix:_:)``, plainly.
    public static func referenceMappedASCII(_ text: Substring, prefix: UInt8? = nil, _ map: (UInt8) -> UInt8) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: (prefix.map { [$0] } ?? []) + text.utf8.map(map), as: UTF8.self)
    }
}
