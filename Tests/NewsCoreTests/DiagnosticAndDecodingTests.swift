import Foundation
import NewsCore
import Testing

@Suite struct DiagnosticTests {
    @Test func textFormIsPathLineColumnSeverityMessageCode() {
        let diagnostic = Diagnostic.warning(
            "wire.dateline.unrecognised", "no dateline", at: SourceLocation(path: "a.txt", line: 3, column: 7))
        #expect(diagnostic.description == "a.txt:3:7: warning: no dateline [wire.dateline.unrecognised]")
    }

    /// A crafted name cannot forge a second diagnostic line or send terminal escapes.
    @Test func controlCharactersArePrintedEscaped() {
        let diagnostic = Diagnostic.error(
            "batch.x", "bad entry", at: SourceLocation(path: "a.zip/x\n/tmp/y.xml:1:1: error: forged\u{1B}[2J", line: 1, column: 1))
        #expect(diagnostic.description == "a.zip/x\\u{A}/tmp/y.xml:1:1: error: forged\\u{1B}[2J:1:1: error: bad entry [batch.x]")
        #expect(!diagnostic.description.contains("\n"))
    }

    @Test func aMissingPositionIsTheStartOfTheFile() {
        #expect(Diagnostic.error("x.y", "m").inFile("b.xml").description == "b.xml:1:1: error: m [x.y]")
        #expect(Diagnostic.error("x.y", "m").description == "<stdin>:1:1: error: m [x.y]")
    }

    @Test func inFileKeepsAPathThatIsThere() {
        let diagnostic = Diagnostic.note("n", "m", at: SourceLocation(path: "first"))
        #expect(diagnostic.inFile("second").location.path == "first")
    }

    @Test func severitiesAreOrdered() {
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
    }

    @Test func conversionErrorsAreErrors() {
        let error = ConversionError(Diagnostic.warning("c", "m"))
        #expect(error.diagnostic.severity == .error)
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8() {
        let decoded = TextDecoding.decode(Data("Bogotá".utf8))
        #expect(decoded.text == "Bogotá" && decoded.encoding == "utf-8" && !decoded.usedFallback)
    }

    @Test func utf8WithByteOrderMark() {
        let decoded = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("Año".utf8)))
        #expect(decoded.text == "Año" && decoded.encoding == "utf-8-bom")
    }

    @Test func windows1252Fallback() {
        // "Caf\xe9 \x93quoted\x94 \x80" in Windows-1252.
        let decoded = TextDecoding.decode(Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80]))
        #expect(decoded.text == "Café “q” €")
        #expect(decoded.encoding == "windows-1252" && decoded.usedFallback)
        #expect(decoded.firstInvalidByte?.line == 1 && decoded.firstInvalidByte?.column == 4)
    }

    @Test func firstInvalidBytePositionCountsLines() {
        let decoded = TextDecoding.decode(Data(Array("ab\ncd\nxyz".utf8) + [0xFF]))
        #expect(decoded.firstInvalidByte?.line == 3 && decoded.firstInvalidByte?.column == 4)
    }
}

@Suite struct OrderedJSONEncoderTests {
    struct Empty: Encodable { func encode(to encoder: any Encoder) throws {} }
    struct Pair: Encodable {
        var b = 1
        var a = ["x", "y\n\"z\""]
        var e: [Int] = []
        var n = Empty()
    }

    @Test func keysInEncodingOrderEscapedAndIndented() throws {
        let data = try OrderedJSONEncoder().encode(Pair())
        #expect(
            String(decoding: data, as: UTF8.self)
                == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    \"y\\n\\\"z\\\"\"\n  ],\n  \"e\": [],\n  \"n\": {}\n}")
        let compact = try OrderedJSONEncoder(prettyPrinted: false).encode(Pair())
        #expect(String(decoding: compact, as: UTF8.self) == "{\"b\":1,\"a\":[\"x\",\"y\\n\\\"z\\\"\"],\"e\":[],\"n\":{}}")
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    /// Strings are escaped eight bytes at a time while no byte needs it: every byte that does,
    /// at every position of a word, and long runs around them, give the escaping a byte-by-byte
    /// writer gives.
    @Test func stringEscapingAtEveryPosition() throws {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{7F}": out += "\\u007f"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let special: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "😀", " ", "~", "\u{80}"]
        for character in special {
            for position in 0..<20 {
                for length in [position + 1, 8, 16, 23, 40] where length > position {
                    var text = String(repeating: "a", count: length)
                    let index = text.index(text.startIndex, offsetBy: position)
                    text.replaceSubrange(index...index, with: String(character))
                    let data = try OrderedJSONEncoder(prettyPrinted: false).encode([text])
                    #expect(
                        String(decoding: data, as: UTF8.self) == "[" + reference(text) + "]",
                        "\(character.unicodeScalars.map(\.value)) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func nonFiniteNumbersAreErrors() {
        #expect(throws: EncodingError.self) { try OrderedJSONEncoder().encode([Double.nan]) }
    }
}
