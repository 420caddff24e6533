// Kept apart from IPTCSchemeAliases.swift, which scripts/generate-iptc-schemes.py rewrites whole.

import ByteLevel

extension IPTCSchemeAliases {
    /// The URI a qcode stands for (`medtop:20000763` -> `http://cv.iptc.org/newscodes/mediatopic/20000763`).
    package static func uri(forQCode qcode: String) -> String? {
        // The URI made in one copy of the scheme's base and the code (ByteLevel's join: String's
        // appends cost more than the rest of the look-up).
        guard let colon = qcode.firstUTF8Index(of: UInt8(ascii: ":")) else { return nil }
        let code = qcode[qcode.index(after: colon)...]
        guard !code.isEmpty, let base = uris[String(qcode[..<colon])] else { return nil }
        return UTF8Concatenation.join(base, String(code))
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
