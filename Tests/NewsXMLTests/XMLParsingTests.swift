import CLibXML2
import Foundation
import NewsCore
import TestSupport
import Testing

@testable import NewsXML

private func parse(_ text: String, path: String = "t.xml") throws(ConversionError) -> XMLDocument {
    try XMLDocument.parse(Data(text.utf8), path: path)
}

private func parseError(_ data: Data) -> ConversionError? {
    do {
        _ = try XMLDocument.parse(data, path: "bad.xml")
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLParsingTests {
    @Test func elementsAttributesAndText() throws {
        let document = try parse("<a xmlns=\"urn:x\" xml:lang=\"en\" k=\"v &amp; w\"><b>one</b>two<![CDATA[<three>]]><c/></a>")
        let root = try #require(document.root)
        #expect(root.name == "a" && root.namespaceURI == "urn:x")
        #expect(root.attribute("k") == "v & w")
        #expect(root.attribute("lang", namespace: XMLElement.xmlNamespace) == "en")
        #expect(root.text == "onetwo<three>")
        #expect(root.elements.map(\.name) == ["b", "c"])
        #expect(root.first("c") != nil && root.first("d") == nil)
        #expect(root.first("b")?.line == 1)
    }

    @Test func anExternalEntityIsNeverExpanded() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>before &e; after</x>"
        let root = try #require(try parse(text).root)
        #expect(!root.text.contains("root:"))
        #expect(root.text == "before  after")
        let references = root.children.compactMap { child -> String? in
            if case .entityReference(let name) = child { return name }
            return nil
        }
        #expect(references == ["e"])
        #expect(!root.serialized(defaultNamespace: nil).contains("root:"))
    }

    @Test func aNetworkEntityIsNeverFetched() throws {
        let text = "<!DOCTYPE x SYSTEM \"http://192.0.2.1/x.dtd\" [<!ENTITY e SYSTEM \"http://192.0.2.1/e\">]><x>&e;</x>"
        #expect(try parse(text).root?.text == "")
    }

    @Test func billionLaughsIsRefused() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        text += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            text += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        // Without XML_PARSE_NOENT and XML_PARSE_HUGE, libxml2 checks the references and refuses
        // the amplification (error 89, "entity reference loop") instead of expanding it.
        let error = parseError(Data(text.utf8))
        #expect(error?.diagnostic.code == "xml.parse.89")
    }

    @Test func malformedXMLIsLocated() throws {
        let error = try #require(parseError(Data("<a>\n  <b>text</c>\n</a>".utf8)))
        #expect(error.diagnostic.location.path == "bad.xml")
        #expect(error.diagnostic.location.line == 2)
        #expect((error.diagnostic.location.column ?? 0) > 1)
        #expect(error.diagnostic.code == "xml.parse.76")
        #expect(error.diagnostic.message.contains("b") && error.diagnostic.message.contains("c"))
    }

    @Test func invalidUTF8IsAnError() throws {
        let error = try #require(parseError(Data(Array("<a>\nok\n".utf8) + [0xC3, 0x28] + Array("</a>".utf8))))
        #expect(error.diagnostic.location.line == 3)
        #expect(error.diagnostic.message.lowercased().contains("utf-8"))
    }

    /// Elements nested deeper than libxml2's limit are an error that names the limit, and does
    /// not advise lifting it (newsconv never passes XML_PARSE_HUGE).
    @Test func excessiveDepthIsAnErrorThatKeepsTheLimit() throws {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let error = try #require(parseError(Data(deep.utf8)))
        #expect(error.diagnostic.message.contains("Excessive depth"), "\(error)")
        #expect(error.diagnostic.message.contains("a libxml2 limit newsconv keeps for untrusted input"), "\(error)")
        #expect(!error.diagnostic.message.contains("XML_PARSE_HUGE"), "\(error)")
    }

    /// libxml2 gives some details on a line of their own: the diagnostic stays one line.
    @Test func anErrorMessageIsOneLine() throws {
        let error = try #require(parseError(Data(Array("<a>caf".utf8) + [0xE9] + Array(" noir</a>".utf8))))
        #expect(!error.diagnostic.message.contains("\n") && error.diagnostic.message.contains("Bytes: 0xE9"), "\(error)")
    }

    @Test func anUnknownEncodingDeclarationIsAnError() throws {
        let error = try #require(parseError(Data("<?xml version=\"1.0\" encoding=\"x-klingon\"?><a/>".utf8)))
        #expect(error.diagnostic.message.lowercased().contains("encoding"))
    }

    @Test func aWrongUTF16DeclarationIsAnError() throws {
        let error = try #require(parseError(Data("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>x</a>".utf8)))
        #expect(error.diagnostic.message.lowercased().contains("utf-16") || error.diagnostic.message.lowercased().contains("encoding"))
    }

    @Test func theDeclaredEncodingIsFoundInTheDeclarationOnly() {
        func declared(_ text: String) -> String? { EncodingDeclaration.declaredEncoding(Data(text.utf8))?.0 }
        #expect(declared("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>") == "ISO-8859-1")
        #expect(declared("<?xml version='1.0' encoding = 'latin1'?><a/>") == "latin1")
        #expect(EncodingDeclaration.declaredEncoding(Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8))?.1 == 30)
        #expect(declared("<?xml version=\"1.0\"?><a encoding=\"latin1\"/>") == nil)
        #expect(declared("<a encoding=\"latin1\"/>") == nil)
        #expect(declared("<?xml") == nil)
        #expect(declared("") == nil)
        #expect(declared("<?xml version=\"1.0\"" + String(repeating: " ", count: 200) + " encoding=\"latin1\"?>") == nil)
    }

    @Test func aLatin1DeclarationOnUTF8BytesIsCorrectedWithAWarning() throws {
        let data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Décès à Paris</a>".utf8)
        let document = try XMLDocument.parse(data, path: "afp.xml")
        #expect(document.root?.text == "Décès à Paris")
        #expect(document.warnings.map(\.code) == ["xml.encoding.mislabelled"])
        var seen = ""
        let warnings = try XMLStreamReader.read(data, path: "afp.xml", decide: { _ in .expand }, visit: { seen = $0.text })
        #expect(seen == "Décès à Paris" && warnings.map(\.code) == ["xml.encoding.mislabelled"])
    }

    @Test func aLatin1DeclarationIsHonoured() throws {
        let data = Data(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array("</a>".utf8))
        #expect(try XMLDocument.parse(data, path: nil).root?.text == "Café")
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 5000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = try #require(parseError(Data(text.utf8)))
        #expect(error.diagnostic.message.lowercased().contains("depth"))
    }

    /// UTF-8 input is parsed in place (no copy into libxml2's growable buffer); other encodings,
    /// and input libxml2 would read as another encoding, take the copying path.
    @Test func onlyPlainUTF8IsParsedInPlace() {
        func inPlace(_ bytes: [UInt8]) -> Bool { newsconv_is_plain_utf8_xml(bytes, bytes.count) != 0 }
        func inPlace(_ text: String) -> Bool { inPlace(Array(text.utf8)) }
        #expect(inPlace("<a/>"))
        #expect(inPlace("<?xml version=\"1.0\"?><a/>"))
        #expect(inPlace("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>"))
        #expect(inPlace("<?xml version='1.0' encoding = 'UTF8' ?><a/>"))
        #expect(inPlace([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>".utf8)))
        #expect(!inPlace("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"))
        #expect(!inPlace("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"))
        #expect(!inPlace("<?xml version=\"1.0\" encoding=UTF-8?><a/>"))
        #expect(!inPlace([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00]))
        #expect(!inPlace([0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]))
        #expect(!inPlace([0x4C, 0x6F, 0xA7, 0x94, 0x93]))
        #expect(!inPlace("<a"))
    }

    /// A document parsed in place is read once to its end, however far libxml2 would otherwise
    /// have dropped what it had read (it moved its cursor back over an immutable buffer).
    @Test func aLargeDocumentParsedInPlaceIsReadOnce() throws {
        let items = (0..<20_000).map { "<i n=\"\($0)\">text \($0)</i>" }
        let root = try #require(
            try parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n" + items.joined(separator: "\n") + "\n</r>\n").root)
        let all = root.all("i")
        #expect(all.count == 20_000)
        #expect(all.last?.attribute("n") == "19999" && all.last?.line == 20_002)
    }

    @Test func emptyInputIsAnError() {
        #expect(parseError(Data()) != nil)
    }

    @Test func documentsParseOnSeveralThreadsAtOnce() async throws {
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let document = try XMLDocument.parse(Data("<a><b>\(index)</b></a>".utf8), path: "p\(index).xml")
                    return document.root?.text ?? ""
                }
            }
            var seen = Set<String>()
            for try await text in group { seen.insert(text) }
            #expect(seen.count == 64)
        }
    }

    @Test func serializationDeclaresPrefixesInScopeForQNameValues() throws {
        let root = try #require(
            try parse("<r xmlns=\"urn:g2\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><related valuedatatype=\"xs:boolean\"/></r>").root)
        let text = try #require(root.first("related")).serialized(defaultNamespace: "urn:g2")
        #expect(text == "<related xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" valuedatatype=\"xs:boolean\"/>")
    }

    @Test func serializationKeepsNonASCIIAndForeignDefaultNamespaces() throws {
        // No encoding declaration: attribute characters stay characters, not references.
        let root = try #require(
            try parse("<r xmlns=\"urn:g2\" xmlns:p=\"urn:p\"><n a=\"Köln\">Zürich</n><f xmlns=\"urn:f\"><g/></f></r>").root)
        // A prefix in scope that the element does not use is not declared on it.
        #expect(try #require(root.first("n")).serialized(defaultNamespace: "urn:g2") == "<n a=\"Köln\">Zürich</n>")
        #expect(try #require(root.first("f")).serialized(defaultNamespace: "urn:g2") == "<f xmlns=\"urn:f\"><g/></f>")
        // An element whose default namespace comes from an ancestor, kept for a document in another one.
        #expect(try #require(root.first("n")).serialized(defaultNamespace: "urn:other") == "<n xmlns=\"urn:g2\" a=\"Köln\">Zürich</n>")
    }

    @Test func serializationWithADTDWritesEntityReferencesAsText() throws {
        let root = try #require(try parse("<!DOCTYPE r [<!ENTITY e \"x\">]><r><k>a &e; b</k></r>").root)
        #expect(try #require(root.first("k")).serialized(defaultNamespace: nil) == "<k>a &amp;e; b</k>")
    }

    /// A UTF-8 document's elements are kept as their own bytes, found from the positions the
    /// parser recorded: with a BOM, on one line among same-named siblings, with CDATA and comments.
    @Test func serializationKeepsTheSourceBytes() throws {
        let text =
            "\u{FEFF}<?xml version=\"1.0\"?><r xmlns='urn:g2' xmlns:p='urn:p'><k  a='1' /><k a=\"2\"><![CDATA[<x>]]><!-- <k> --><p:q/></k><k\ta='3'>&#233;</k></r>"
        let root = try #require(try parse(text).root)
        let kept = root.all("k").map { $0.serialized(defaultNamespace: "urn:g2") }
        #expect(
            kept == [
                "<k  a='1' />",
                "<k xmlns:p=\"urn:p\" a=\"2\"><![CDATA[<x>]]><!-- <k> --><p:q/></k>",
                "<k\ta='3'>&#233;</k>",
            ])
        // Far into a large document, where the parser has shrunk its input buffer many times.
        let many = (0..<5000).map { "<k  n='\($0)'>t\($0)</k>" }
        let large = try #require(try parse("<r>" + many.joined(separator: "\n") + "</r>").root)
        #expect(large.all("k").map { $0.serialized(defaultNamespace: nil) } == many)
    }

    /// Where the parser's offsets are not the input's bytes (a converted encoding) or no position
    /// was recorded (an element of a streamed message), the element is written from the tree.
    @Test func serializationWithoutSourceBytesIsWrittenFromTheTree() throws {
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><k  a='\u{E9}' /></r>"
        let bytes = try #require(latin1.data(using: .isoLatin1))
        let root = try #require(try XMLDocument.parse(bytes, path: "l.xml").root)
        #expect(try #require(root.first("k")).serialized(defaultNamespace: nil) == "<k a=\"\u{E9}\"/>")
        var streamed: [String] = []
        _ = try XMLStreamReader.read(
            Data("<m><k  a='1' /></m>".utf8), path: "m.xml", decide: { $0.name == "k" ? .expand : .descend },
            visit: {
                streamed.append($0.serialized(defaultNamespace: nil))
            })
        #expect(streamed == ["<k a=\"1\"/>"])
    }

    /// A streamed item is copied out of libxml2's nodes without its ancestors: the prefixes they
    /// declare are still in scope for its attributes and QName values.
    @Test func aStreamedElementKeepsThePrefixesItsAncestorsDeclare() throws {
        var kept: [String] = []
        let text = "<m xmlns='urn:g2' xmlns:p='urn:p' xmlns:q='urn:q'><s xmlns:q='urn:q2'><k p:a='1' type='q:x'/></s></m>"
        _ = try XMLStreamReader.read(
            Data(text.utf8), path: "m.xml", decide: { $0.name == "k" ? .expand : .descend },
            visit: {
                kept.append($0.serialized(defaultNamespace: "urn:g2"))
            })
        #expect(kept == ["<k xmlns:q=\"urn:q2\" xmlns:p=\"urn:p\" p:a=\"1\" type=\"q:x\"/>"])
    }

    /// Attribute values hold character and entity references resolved: predefined and character
    /// references, and an internal entity whose text holds no further reference; one that does is
    /// left as written, never expanded further.
    @Test func attributeValuesResolveReferencesOneLevelDeep() throws {
        let text = "<!DOCTYPE r [<!ENTITY e \"x\"><!ENTITY n \"&e;\">]><r a='1 &amp; 2 &#38; &e; &n;' b='&lt;&#x41;&amp;#38;'/>"
        let root = try #require(try parse(text).root)
        #expect(root.attribute("a") == "1 & 2 & x &n;")
        #expect(root.attribute("b") == "<A&#38;")
    }

    @Test func serializationKeepsNamespacesAndEscapes() throws {
        let root = try #require(
            try parse("<r xmlns=\"urn:g2\"><x a=\"1 &lt; 2\" xmlns:o=\"urn:other\" o:b=\"q\">t &amp; <o:y>z</o:y></x></r>").root)
        let x = try #require(root.first("x"))
        let text = x.serialized(defaultNamespace: "urn:g2")
        // The element's own bytes: its attributes and declarations in their source order.
        #expect(text == "<x a=\"1 &lt; 2\" xmlns:o=\"urn:other\" o:b=\"q\">t &amp; <o:y>z</o:y></x>")
        let again = try parse("<r xmlns=\"urn:g2\">\(text)</r>").root?.first("x")
        #expect(again?.first("y")?.namespaceURI == "urn:other")
        #expect(again?.attribute("b", namespace: "urn:other") == "q")
    }
}

@Suite struct XMLStreamReaderTests {
    @Test func itemsAreHandedOverOneAtATime() throws {
        var items = ""
        for index in 0..<100 { items += "<newsItem guid=\"g\(index)\"><title>T\(index)</title></newsItem>\n" }
        let text = "<newsMessage><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet>\(items)</itemSet></newsMessage>"
        var guids: [String] = []
        var sent: String?
        var itemSetLine = 0
        try XMLStreamReader.read(
            Data(text.replacingOccurrences(of: "<itemSet>", with: "\n\n<itemSet>").utf8), path: "m.xml",
            decide: { (start: XMLStreamReader.Start) -> XMLStreamReader.Step in
                if start.name == "itemSet" { itemSetLine = start.line }
                switch start.name {
                case "newsMessage", "itemSet": return .descend
                case "header", "newsItem": return .expand
                default: return .skip
                }
            },
            visit: { element in
                if element.isNamed("header") { sent = element.first("sent")?.text } else { guids.append(element.attribute("guid") ?? "") }
            })
        #expect(sent == "2024-01-01T00:00:00Z")
        #expect(itemSetLine == 3)
        #expect(guids.count == 100 && guids.first == "g0" && guids.last == "g99")
    }

    @Test func aBrokenItemIsALocatedError() {
        let text = "<newsMessage><itemSet><newsItem guid=\"a\"/>\n<newsItem guid=\"b\"><x></newsItem></itemSet></newsMessage>"
        do {
            try XMLStreamReader.read(Data(text.utf8), path: "m.xml", decide: { _ in .descend }, visit: { _ in })
            Issue.record("a broken document was read")
        } catch let error as ConversionError {
            #expect(error.diagnostic.location.line == 2)
            #expect(error.diagnostic.location.path == "m.xml")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct XMLWriterTests {
    @Test func escapingAndPrettyPrinting() throws {
        var writer = XMLWriter()
        writer.declaration()
        writer.start("root", [("xmlns", "urn:x"), ("a", "1 < 2 & \"q\"\n")])
        writer.element("empty")
        writer.element("t", text: "a < b & c > d")
        writer.start("p")
        writer.text("mixed ")
        writer.element("em", text: "content")
        writer.text(" here")
        writer.end()
        writer.finish()
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root xmlns="urn:x" a="1 &lt; 2 &amp; &quot;q&quot;&#10;">
              <empty/>
              <t>a &lt; b &amp; c &gt; d</t>
              <p>mixed <em>content</em> here</p>
            </root>

            """
        #expect(writer.string == expected)
        #expect(writer.replacedCharacters == 0)
        #expect(try XMLDocument.parse(writer.data, path: nil).root?.attribute("a") == "1 < 2 & \"q\"\n")
    }

    @Test func forbiddenCharactersAreReplacedAndCounted() throws {
        var writer = XMLWriter()
        writer.start("a", [("k", "x\u{01}y")])
        writer.text("bell\u{07} nul\u{00} ok\u{FFFE}\r\n")
        writer.finish()
        #expect(writer.replacedCharacters == 4)
        let root = try #require(try XMLDocument.parse(writer.data, path: nil).root)
        #expect(root.text == "bell\u{FFFD} nul\u{FFFD} ok\u{FFFD}\r\n")
        #expect(root.attribute("k") == "x\u{FFFD}y")
    }

    @Test func names() {
        #expect(XMLWriter.isName("body.head") && XMLWriter.isName("xml:lang") && XMLWriter.isName("ünïcode"))
        #expect(!XMLWriter.isName("1a") && !XMLWriter.isName("a b") && !XMLWriter.isName("") && !XMLWriter.isName("a<b"))
        #expect(XMLWriter.isName("_x") && XMLWriter.isName("a-1.b_c:d") && XMLWriter.isName("x9") && XMLWriter.isName("Z"))
        #expect(!XMLWriter.isName("-a") && !XMLWriter.isName(".a") && !XMLWriter.isName("a\u{7F}") && !XMLWriter.isName("a/b"))
    }
}

@Suite struct XMLChildGroupTests {
    /// Groups in first-seen order, each in document order; the merged namespace and no namespace
    /// are one group per local name, another namespace's elements a group of their own.
    @Test func childrenAreGroupedByName() throws {
        let document = try parse(
            """
            <m xmlns="urn:g2" xmlns:o="urn:other" xmlns:p="urn:other"><a n="1"/>text<b/><a n="2" xmlns=""/><!-- c --><o:a n="3"/>\
            <c/><p:a n="4"/><b n="5"/><o:b/></m>
            """)
        let root = try #require(document.root)
        let groups = root.childGroups(mergingNoNamespaceWith: "urn:g2")
        #expect(groups.map(\.name) == ["a", "b", "{urn:other}a", "c", "{urn:other}b"])
        #expect(groups.map { $0.map { $0.attribute("n") ?? "-" } } == [["1", "2"], ["-", "5"], ["3", "4"], ["-"], ["-"]])
        #expect(groups.map(\.count).reduce(0, +) == root.childElementCount)
        let empty = try #require(try parse("<m>only text</m>").root)
        #expect(empty.childGroups(mergingNoNamespaceWith: "urn:g2").isEmpty)
    }

}

@Suite struct XMLRootNameTests {
    /// The root element's name is found past the declaration, comments (with `-` and `>` in
    /// them) and a DOCTYPE; a document that ends early has none.
    @Test func theRootNameIsFoundWithoutParsing() {
        func root(_ text: String) -> String? { XMLRootName.of(Data(text.utf8)) }
        #expect(root("<?xml version=\"1.0\"?>\n<!-- a -> b -- c > d -->\n<!DOCTYPE nitf>\n<nitf version=\"3.6\">") == "nitf")
        #expect(root("<!----><g2:newsItem/>") == "g2:newsItem")
        #expect(root("<!-->--><a>") == "a")
        #expect(root("<!-- never closed <a>") == nil)
        #expect(root("<?xml version=\"1.0\"?>") == nil)
        #expect(root("no markup") == nil)
        #expect(root("") == nil)
    }
}

@Suite struct XMLSchemaTests {
    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func validAndInvalidDocuments() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let validator = try XMLSchemaValidator(path: shared.appendingPathComponent("standards/nitf/3.6/nitf-3-6.xsd").path)
        let ns = "http://iptc.org/std/NITF/2006-10-18/"
        let good = Data("<nitf xmlns=\"\(ns)\"><body><body.content><p>x</p></body.content></body></nitf>".utf8)
        #expect(try validator.validate(good, path: "good.xml").isEmpty)
        let bad = Data("<nitf xmlns=\"\(ns)\">\n<body>\n<bogus/></body></nitf>".utf8)
        let errors = try validator.validate(bad, path: "bad.xml")
        #expect(!errors.isEmpty)
        #expect(errors.first?.location.line == 3 && errors.first?.location.path == "bad.xml")
    }

    @Test(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
    func aDocumentThatIsNotWellFormedIsTheParseError() throws {
        let shared = try #require(Fixtures.shared, Comment(rawValue: Fixtures.sharedMissing))
        let validator = try XMLSchemaValidator(path: shared.appendingPathComponent("standards/nitf/3.6/nitf-3-6.xsd").path)
        let error = #expect(throws: ConversionError.self) { try validator.validate(Data("<nitf>\n<body></nitf>".utf8), path: "broken.xml") }
        #expect(error?.diagnostic.code.hasPrefix("xml.parse.") == true && error?.diagnostic.location.line == 2)
    }

    @Test func aMissingSchemaIsAnError() {
        #expect(throws: ConversionError.self) { try XMLSchemaValidator(path: "/no/such/schema.xsd") }
    }
}
