import ByteLevel
import Foundation

extension String {
    /// Whether the string's UTF-8 bytes begin with `prefix`'s (``ByteLevel/ByteSearch``: one
    /// comparison on the string's own storage).
    package func hasUTF8Prefix(_ prefix: StaticString) -> Bool { ByteSearch.hasPrefix(self, prefix) }

    /// The index of the first `byte` (an ASCII byte, so the index is a character boundary).
    package func firstUTF8Index(of byte: UInt8) -> Index? {
        ByteSearch.firstOffset(of: byte, in: self).map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// The index of the last `byte` (an ASCII byte, so the index is a character boundary).
    package func lastUTF8Index(of byte: UInt8) -> Index? {
        ByteSearch.lastOffset(of: byte, in: self).map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
