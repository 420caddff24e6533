import NewsCore
import Testing

@testable import BodyMarkup

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

/// NITF's `norm` attributes take ISO 8601's basic form.
@Suite struct NormTests {
    @Test(arguments: [
        ("2023-12-15T10:30:00-05:30", "20231215T103000-0530"), ("2023-12-15T10:30:00Z", "20231215T103000Z"),
        ("2023-12-15T10:30:00.5+01:00", "20231215T103000.5+0100"), ("2023-12-15", "20231215"),
        ("2023-12-15T10:30:00", "20231215T103000"), ("--12-15", "--12-15"), ("2023-12", "2023-12"),
    ])
    func basicForm(_ extended: String, _ basic: String) throws {
        #expect(NITFBodyWriter.norm(try #require(NewsDate(iso8601: extended))) == basic)
    }
}

/// Media ids become XML IDs: letters, digits, `-`, `_` and `.` stay, the rest become `_`, and an
/// ID begins with a letter or `_`.
@Suite struct XMLIDTests {
    @Test(arguments: [
        ("photo 1.jpg", "photo_1.jpg"), ("1abc", "_1abc"), ("", "_"), ("-x", "_-x"), ("urn:newsml:x/1", "urn_newsml_x_1"),
        ("é-1", "é-1"), ("1é", "_1é"), ("a😀b", "a_b"), ("urn:x:tutorial—item-B", "urn_x_tutorial_item-B"),
        ("e\u{301}:x", "e\u{301}_x"), ("ü\r\nb", "ü_b"), ("٣ü", "_٣ü"),
    ])
    func xmlID(_ id: String, _ expected: String) {
        #expect(NITFBodyWriter.xmlID(id) == expected)
    }
}
