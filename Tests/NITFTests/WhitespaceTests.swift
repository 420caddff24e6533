import BodyMarkup
import Testing

/// XML whitespace in body text collapses to one space. The scan skips eight bytes at a time
/// while none is whitespace: every kind of whitespace at every position of a word is checked
/// against a plain byte-by-byte collapse.
@Suite struct WhitespaceTests {
    private func reference(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if [" ", "\n", "\t", "\r"].contains(scalar) {
                space = true
            } else {
                if space { out += " " }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return space ? out + " " : out
    }

    @Test func collapseAtEveryPosition() {
        for whitespace in [" ", "  ", "\n", "\t", "\r\n", " \n "] {
            for position in 0..<20 {
                for length in [position, 8, 16, 25] where length >= position {
                    var text = String(repeating: "é", count: 2) + String(repeating: "a", count: length)
                    text.insert(contentsOf: whitespace, at: text.index(text.startIndex, offsetBy: position))
                    #expect(NITFBodyReader.collapse(text) == reference(text), "\(whitespace.unicodeScalars.map(\.value)) at \(position)")
                }
            }
        }
        #expect(NITFBodyReader.collapse("   ") == " ")
        #expect(NITFBodyReader.collapse("") == "")
    }
}
