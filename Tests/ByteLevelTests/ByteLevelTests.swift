import ByteLevel
import Foundation
import Testing

/// Every byte-level routine agrees with its plain reference version on every substring (every
/// offset and length) of texts made of the bytes the routines treat specially: whitespace,
/// control characters, quotes and backslashes, DEL, `:` `.` `/`, and multi-byte UTF-8 — so that
/// the word-at-a-time paths meet every alignment and every tail length.
@Suite struct ByteLevelTests {
    static let pieces: [String] = [
        "a", " ", "  ", "\t", "\n", "\r\n", "\"", "\\", "\u{7F}", "\u{01}", ":", ".", "/", "é", "日", "🗞️", "Z", "0",
    ]

    /// Texts of up to 40 characters, deterministic: every piece in turn, and pseudo-random mixes.
    static var texts: [String] {
        var result: [String] = ["", String(repeating: "abcdefgh", count: 5), String(repeating: " ", count: 33)]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly plain letters, so that long plain runs meet special bytes at every offset.
                let pick = Int(state >> 33) % (pieces.count * 3)
                text += pick < pieces.count ? pieces[pick] : "abcdefg".map(String.init)[pick % 7]
            }
            result.append(text)
        }
        return result
    }

    /// Every substring of every text, by Character offsets and lengths.
    static var substrings: [String] {
        var result: [String] = []
        for text in texts {
            let characters = Array(text)
            for start in 0...characters.count {
                for end in start...min(characters.count, start + 24) { result.append(String(characters[start..<end])) }
            }
        }
        return result
    }

    @Test func whitespaceRunsAgreeWithTheReference() {
        for text in Self.substrings {
            #expect(WhitespaceRuns.collapsed(text) == WhitespaceRuns.referenceCollapsed(text), "\(text.debugDescription)")
        }
    }

    @Test func jsonEscapingAgreesWithTheReference() throws {
        for text in Self.substrings {
            var fast: [UInt8] = [0x5B]
            var plain: [UInt8] = [0x5B]
            JSONStringEscaper.appendQuoted(text, to: &fast)
            JSONStringEscaper.referenceAppendQuoted(text, to: &plain)
            #expect(fast == plain, "\(text.debugDescription)")
        }
        // And the reference is JSON that says the text.
        for text in Self.texts {
            var quoted: [UInt8] = []
            JSONStringEscaper.referenceAppendQuoted(text, to: &quoted)
            #expect(try JSONDecoder().decode(String.self, from: Data(quoted)) == text)
        }
    }

    @Test func searchesAgreeWithTheReference() {
        for text in Self.substrings {
            for byte: UInt8 in [0x20, 0x3A, 0x2E, 0x2F, 0x22, 0x61, 0xC3] {
                #expect(ByteSearch.firstOffset(of: byte, in: text) == ByteSearch.referenceFirstOffset(of: byte, in: text))
                #expect(ByteSearch.lastOffset(of: byte, in: text) == ByteSearch.referenceLastOffset(of: byte, in: text))
            }
            #expect(ByteSearch.hasPrefix(text, "a") == ByteSearch.referenceHasPrefix(text, "a"))
            #expect(ByteSearch.hasPrefix(text, "") == ByteSearch.referenceHasPrefix(text, ""))
        }
        for text in Self.texts {
            let data = Data(text.utf8)
            for needle in Self.substrings.prefix(400) + ["", "zz", "é:", text] {
                #expect(
                    ByteSearch.contains(needle, in: data) == ByteSearch.referenceContains(needle, in: data), "\(needle.debugDescription)")
                for limit in [0, 1, 2, 1_000] {
                    #expect(
                        ByteSearch.occurrences(of: needle, in: data, upTo: limit)
                            == ByteSearch.referenceOccurrences(of: needle, in: data, upTo: limit), "\(needle.debugDescription)")
                }
            }
        }
    }

    @Test func concatenationAgreesWithTheReference() {
        let subs: [Substring] = Self.substrings.prefix(300).map { Substring($0) }
        for (a, b) in zip(subs, subs.reversed()) {
            #expect(UTF8Concatenation.join(String(a), ":", String(b)) == UTF8Concatenation.referenceJoin([String(a), ":", String(b)]))
            #expect(UTF8Concatenation.join() == UTF8Concatenation.referenceJoin([]))
            let lower: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            #expect(UTF8Concatenation.mappedASCII(a, lower) == UTF8Concatenation.referenceMappedASCII(a, lower))
            #expect(
                UTF8Concatenation.mappedASCII(b, prefix: 0x5F, lower) == UTF8Concatenation.referenceMappedASCII(b, prefix: 0x5F, lower))
        }
    }

    @Test func binaryPositionsAgreeWithTheReference() {
        // Texts of the pieces (control bytes among them), dense with controls, with NULs, and
        // limits that cut them anywhere.
        var samples = Self.texts.map { Data($0.utf8) }
        samples += Self.texts.map { Data($0.utf8.map { $0 == UInt8(ascii: "a") ? 0x01 : $0 }) }
        samples += Self.texts.map { Data($0.utf8.map { $0 == UInt8(ascii: "Z") ? 0x00 : $0 }) }
        // Not a test that cannot fail: the samples hold binary ones, by NUL and by control bytes.
        #expect(samples.filter { ControlBytes.referenceBinaryPosition(in: $0, allowing: [0x09, 0x0A, 0x0D]) != nil }.count > 40)
        for data in samples {
            for allowed: Set<UInt8> in [[0x09, 0x0A, 0x0D], [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x01], []] {
                for limit in [0, 1, 7, 40, 65536] {
                    let fast = ControlBytes.binaryPosition(in: data, allowing: allowed, limit: limit)
                    let plain = ControlBytes.referenceBinaryPosition(in: data, allowing: allowed, limit: limit)
                    #expect(fast?.line == plain?.line && fast?.column == plain?.column, "\(Array(data)) \(limit)")
                }
            }
            // A slice (its indices start past 0) reads its own bytes.
            if data.count > 3 {
                let slice = data.dropFirst(3)
                #expect(
                    ControlBytes.binaryPosition(in: slice, allowing: [0x0A])?.column
                        == ControlBytes.referenceBinaryPosition(in: slice, allowing: [0x0A])?.column)
            }
        }
    }
}
