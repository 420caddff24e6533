// Kept apart from IPTCSchemeAliases.swift, which scripts/generate-iptc-schemes.py rewrites whole.

extension IPTCSchemeAliases {
    /// The URI a qcode stands for (`medtop:20000763` -> `http://cv.iptc.org/newscodes/mediatopic/20000763`).
    package static func uri(forQCode qcode: String) -> String? {
        // On the UTF-8 bytes: the colon found, the alias looked up, and the URI made in one copy
        // of the scheme's base and the code (String's generic append cost more than the rest).
        var qcode = qcode
        return qcode.withUTF8 { bytes -> String? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 1 < bytes.count else { return nil }
            guard var base = uris[String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)] else { return nil }
            let code = UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
            return base.withUTF8 { prefix in
                String(unsafeUninitializedCapacity: prefix.count + code.count) { out in
                    _ = out.initialize(fromContentsOf: prefix)
                    _ = UnsafeMutableBufferPointer(rebasing: out[prefix.count...]).initialize(fromContentsOf: code)
                    return prefix.count + code.count
                }
            }
        }
    }

    /// The qcode of a URI in a known scheme, the longest scheme URI that prefixes it.
    package static func qcode(forURI uri: String) -> String? {
        var best: (alias: String, base: String)?
        for (alias, base) in uris where uri.hasPrefix(base) && uri.count > base.count {
            if best == nil || base.count > best!.base.count || (base.count == best!.base.count && alias < best!.alias) {
                best = (alias, base)
            }
        }
        guard let best else { return nil }
        return best.alias + ":" + uri.dropFirst(best.base.count)
    }

    /// A scheme URI and a code for a qcode (ninjs 1.x `scheme`/`code`).
    package static func schemeAndCode(forQCode qcode: String) -> (scheme: String, code: String)? {
        guard let colon = qcode.firstUTF8Index(of: UInt8(ascii: ":")) else { return nil }
        let alias = String(qcode[..<colon])
        let code = String(qcode[qcode.index(after: colon)...])
        guard !code.isEmpty else { return nil }
        return (uris[alias] ?? alias, code)
    }
}
