import Foundation
import NewsXML
import Testing

/// `XMLAnyURI.isValid` must decide as libxml2's schema validator decides on an `xs:anyURI`
/// attribute: the reference here is that validator, given a one-attribute schema.
@Suite struct XMLAnyURITests {
    static let schema: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-anyuri-\(getpid()).xsd")
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="e"><xs:complexType><xs:attribute name="u" type="xs:anyURI"/></xs:complexType></xs:element>
            </xs:schema>
            """
        try! Data(text.utf8).write(to: url)
        return url
    }()

    static let validator = try! XMLSchemaValidator(path: schema.path)

    /// What the schema validator says of `value` as an `xs:anyURI`.
    static func validatorAccepts(_ value: String) throws -> Bool {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case "\"": escaped += "&quot;"
            case "\t": escaped += "&#9;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return try validator.validate(Data("<e u=\"\(escaped)\"/>".utf8), path: "t.xml").isEmpty
    }

    static let values = [
        "", "http://cv.iptc.org/newscodes/genre/Current", "htt$p://cv.iptc.org/newscodes/genre/Current",
        "http://sv.ipthttp://cv.iptc.org/newscodes/newsitemtype/c.org/newscodes/mediatopic/20000771", "urn:newsml:x:1",
        "tag:reuters.com,0000:x", "relative/path", "#fragment", "?query", "http://example.org/a b", " http://example.org/ ",
        "http://example.org/caf\u{E9}", "http://example.org/<x>", "http://[::1]:80/", "http://[::1/", "http://host:port/",
        "http://example.org/%zz", "http://example.org/%41", "1http://x", "a:b:c", ":nothing", "//host/path", "http:///x",
        "mailto:desk@example.org", "http://example.org/{id}", "http://x/\t y", "%", "[", "]", "@", "a@b:c",
    ]

    @Test(arguments: values) func decidesAsTheSchemaValidator(_ value: String) throws {
        #expect(XMLAnyURI.isValid(value) == (try Self.validatorAccepts(value)), "\(value.debugDescription)")
    }

    @Test func refusesTheValuesTheFuzzerFound() {
        #expect(!XMLAnyURI.isValid("htt$p://cv.iptc.org/newscodes/genre/Current"))
        #expect(!XMLAnyURI.isValid("http://sv.ipthttp://cv.iptc.org/newscodes/newsitemtype/c.org/newscodes/mediatopic/20000771"))
        #expect(XMLAnyURI.isValid("http://cv.iptc.org/newscodes/genre/Current"))
    }

    /// Every printable ASCII byte in every place of a small URI, against the validator.
    @Test func everyASCIIByteInEveryPlace() throws {
        let base = Array("h://a:1/p?q#f".utf8)
        for position in 0...base.count {
            for byte in UInt8(0x20)..<0x7F {
                var bytes = base
                bytes.insert(byte, at: position)
                let value = String(decoding: bytes, as: UTF8.self)
                #expect(XMLAnyURI.isValid(value) == (try Self.validatorAccepts(value)), "\(value.debugDescription)")
            }
        }
    }
}
