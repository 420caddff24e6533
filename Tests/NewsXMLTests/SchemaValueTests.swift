import Foundation
import NewsXML
import Testing

/// `XMLAnyURI.isValid` and `XMLNameToken.isValid` must decide as libxml2's schema validator
/// decides on an `xs:anyURI` and an `xs:NMTOKEN` attribute: the reference here is that validator,
/// given a schema of one element with one attribute of each type.
@Suite struct SchemaValueTests {
    static let schema: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-schema-values-\(getpid()).xsd")
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="e"><xs:complexType><xs:attribute name="u" type="xs:anyURI"/><xs:attribute name="n" type="xs:NMTOKEN"/></xs:complexType></xs:element>
            </xs:schema>
            """
        try! Data(text.utf8).write(to: url)
        return url
    }()

    static let validator = try! XMLSchemaValidator(path: schema.path)

    /// What the schema validator says of `value` in `attribute` (`u`, an `xs:anyURI`; `n`, an `xs:NMTOKEN`).
    static func validatorAccepts(_ value: String, in attribute: String = "u") throws -> Bool {
        // newsconv's writer escapes the value (tabs and line ends as references, which attribute
        // normalization would otherwise turn into spaces), so the validator reads it unchanged.
        var writer = XMLWriter(pretty: false)
        writer.element("e", [(attribute, value)])
        writer.finish()
        return try validator.validate(writer.data, path: "t.xml").isEmpty
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

    static let tokens = [
        "", "name", "markdown:title", "markdown:tit\u{B3}\u{B3}", "a b", " padded ", "x.y-z_1", "caf\u{E9}", "\u{B7}middle", "-lead", "1st",
        "\u{300}combining", "ta\u{300}", "\u{2070}", "\u{F900}", "semi;colon", "a/b", "\u{1F600}", "\u{FFFD}", "\u{E000}private",
    ]

    @Test(arguments: tokens) func aNameTokenIsDecidedAsTheSchemaValidatorDecides(_ value: String) throws {
        #expect(XMLNameToken.isValid(value) == (try Self.validatorAccepts(value, in: "n")), "\(value.debugDescription)")
    }

    @Test func refusesTheNameTheFuzzerFound() {
        #expect(!XMLNameToken.isValid("markdown:tit\u{B3}\u{B3}\u{B3}"))
        #expect(XMLNameToken.isValid("markdown:title"))
    }
}
