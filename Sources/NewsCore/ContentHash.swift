import Foundation

/// A 128-bit FNV-1a hash, for stable identifiers made from content (the same input gives the
/// same id). Not for security.
package enum ContentHash {
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B
        var hash: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - text.count) + text
    }
}

extension Article {
    /// `urn:newsconv:<hash>` of the article's content (its IR JSON without origin): the same
    /// input gives the same id. For formats that require an id the article lacks.
    package var contentURN: String {
        var copy = self
        copy.origin = nil
        let bytes = (try? OrderedJSONEncoder(prettyPrinted: false).encode(copy)) ?? Data()
        return "urn:newsconv:" + ContentHash.hex(bytes)
    }
}
