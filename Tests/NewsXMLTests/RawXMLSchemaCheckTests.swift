import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

/// The schemas built into newsconv are IPTC's files, and XML kept from a source that the schema
/// refuses is written out of the document, with a warning, leaving it valid.
@Suite struct RawXMLSchemaCheckTests {
    /// Every built-in file is the standards folder's file, byte for byte (the files are generated
    /// by scripts/embed-schemas.py; this fails when they were not regenerated after a change).
    @Test(.enabled(if: Fixtures.shared != nil, Comment(rawValue: Fixtures.sharedMissing)))
    func theBuiltInSchemasAreTheStandardsFiles() throws {
        let standards = try #require(Fixtures.shared).appendingPathComponent("standards")
        #expect(BuiltInSchemas.paths.count == 7)
        for path in BuiltInSchemas.paths {
            let original = try Data(contentsOf: standards.appendingPathComponent(path))
            #expect(BuiltInSchemas.file(path).map { Data($0) } == original, "\(path)")
        }
    }

    /// The built-in schema and the standards folder's decide alike, error for error.
    @Test(.enabled(if: Fixtures.shared != nil, Comment(rawValue: Fixtures.sharedMissing)))
    func theBuiltInSchemaDecidesAsTheFile() throws {
        let standards = try #require(Fixtures.shared).appendingPathComponent("standards")
        let file = try SchemaCache.shared.validator(at: standards.appendingPathComponent("nitf/3.6/nitf-3-6.xsd").path)
        let builtIn = try BuiltInSchemas.validator("nitf/3.6/nitf-3-6.xsd")
        for document in [Self.nitf(head: ""), Self.nitf(head: "<docdata><doc-id regsrcing=\"x\"/></docdata>"), Self.nitf(head: "<bogus/>")]
        {
            let expected = try file.validate(Data(document.utf8), path: "doc.xml")
            #expect(try builtIn.validate(Data(document.utf8), path: "doc.xml") == expected, "\(document)")
        }
        #expect(try builtIn.validate(Data(Self.nitf(head: "<bogus/>").utf8), path: "doc.xml").count == 1)
    }

    @Test func anUnknownBuiltInSchemaIsAnError() {
        #expect(throws: ConversionError.self) { try BuiltInSchemas.validator("nitf/9.9/nitf.xsd") }
    }

    static func nitf(head: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head>\(head)</head><body/></nitf>
        """
    }

    /// A NITF document written as an exporter writes one: `kept` as raw XML inside `docdata`,
    /// the exporter's own `doc-id` standing in for a kept one when the kept one is refused.
    static func write(kept: [String], own: String = "") -> (Set<String>) -> (writer: XMLWriter, diagnostics: [Diagnostic]) {
        { refused in
            var w = XMLWriter()
            w.refusedFragments = refused
            w.declaration()
            w.start("nitf", [("xmlns", "http://iptc.org/std/NITF/2006-10-18/")])
            w.start("head")
            w.start("docdata")
            if !w.raw(fragments: kept).written { w.element("doc-id", [("id-string", "own")]) }
            if !own.isEmpty { w.element(own) }
            w.end()
            w.end()
            w.element("body")
            w.end()
            w.finish()
            return (w, [.note("test.written", "written with \(refused.count) refused")])
        }
    }

    static func check(_ write: (Set<String>) -> (writer: XMLWriter, diagnostics: [Diagnostic])) -> ExportResult {
        RawXMLSchemaCheck.write(
            schema: "nitf/3.6/nitf-3-6.xsd", schemaName: "NITF 3.6", codePrefix: "test.export", at: SourceLocation(path: "in.xml", line: 3),
            write)
    }

    static func isValid(_ data: Data) throws -> Bool {
        try BuiltInSchemas.validator("nitf/3.6/nitf-3-6.xsd").validate(data, path: nil).isEmpty
    }

    @Test func aValidDocumentIsWrittenOnce() throws {
        let result = Self.check(Self.write(kept: ["<doc-id id-string=\"kept\"/>"]))
        #expect(result.diagnostics.map(\.code) == ["test.written"])
        #expect(result.diagnostics[0].message == "written with 0 refused")
        #expect(String(decoding: result.data, as: UTF8.self).contains("<doc-id id-string=\"kept\"/>"))
        #expect(try Self.isValid(result.data))
    }

    /// A kept element with an attribute NITF does not have is refused; the exporter's own
    /// element stands in its place, and the warning names the element and the schema's reason.
    @Test func aRefusedFragmentIsDroppedWithAWarning() throws {
        let result = Self.check(Self.write(kept: ["<doc-id regsrcing=\"x\"/>", "<del-list/>"]))
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(!text.contains("regsrcing") && text.contains("<del-list/>") && text.contains("<doc-id id-string=\"own\"/>") == false)
        #expect(try Self.isValid(result.data))
        let warnings = result.diagnostics.filter { $0.code == "test.export.kept-invalid" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == SourceLocation(path: "in.xml", line: 3))
        #expect(
            warnings.first?.message
                == "kept XML (<doc-id>) that NITF 3.6's schema refuses is dropped: Element '{http://iptc.org/std/NITF/2006-10-18/}doc-id', attribute 'regsrcing': The attribute 'regsrcing' is not allowed."
        )
        // The diagnostics of the last writing only, after the warnings' round.
        #expect(result.diagnostics.filter { $0.code == "test.written" }.map(\.message) == ["written with 1 refused"])
    }

    /// When every kept fragment is refused, the exporter writes its own element instead.
    @Test func theExportersOwnElementStandsInForARefusedOne() throws {
        let result = Self.check(Self.write(kept: ["<doc-id regsrcing=\"x\"/>"]))
        #expect(String(decoding: result.data, as: UTF8.self).contains("<doc-id id-string=\"own\"/>"))
        #expect(try Self.isValid(result.data))
    }

    /// Errors inside two kept elements (an element that is no `docdata` child; an `ed-urg` that
    /// is no NMTOKEN): both are refused after one validation.
    @Test func everyRefusedFragmentIsDroppedAtOnce() throws {
        let result = Self.check(Self.write(kept: ["<p>text</p>", "<urgency ed-urg=\"not one\"/>", "<del-list/>"]))
        let warnings = result.diagnostics.filter { $0.code == "test.export.kept-invalid" }
        #expect(warnings.map { $0.message.prefix(while: { $0 != ")" }) } == ["kept XML (<p>", "kept XML (<urgency>"])
        #expect(result.diagnostics.filter { $0.code == "test.written" }.map(\.message) == ["written with 2 refused"])
        #expect(String(decoding: result.data, as: UTF8.self).contains("<del-list/>"))
        #expect(try Self.isValid(result.data))
    }

    /// A kept element that is valid itself but puts the exporter's next element out of place:
    /// the error names the exporter's `title`, and the nearest fragment before it is refused.
    @Test func aFragmentThatPutsTheNextElementOutOfPlaceIsRefused() throws {
        let result = Self.check { refused in
            var w = XMLWriter()
            w.refusedFragments = refused
            w.start("nitf", [("xmlns", "http://iptc.org/std/NITF/2006-10-18/")])
            w.start("head")
            w.raw("<docdata/>")
            w.element("title", text: "Title")
            w.end()
            w.element("body")
            w.finish()
            return (w, [])
        }
        let warnings = result.diagnostics.filter { $0.code == "test.export.kept-invalid" }
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.message.hasPrefix(
                "kept XML (<docdata>) that NITF 3.6's schema refuses is dropped: Element '{http://iptc.org/std/NITF/2006-10-18/}title': This element is not expected."
            ) == true)
        #expect(try Self.isValid(result.data))
    }

    /// The exporter's own XML invalid (a bug) with no fragment to blame: the output is kept and
    /// the first schema error is a warning.
    @Test func theExportersOwnInvalidXMLIsAWarning() throws {
        let result = Self.check(Self.write(kept: ["<doc-id id-string=\"kept\"/>"], own: "bogus"))
        // The fragment before the error is tried first (it could have put `bogus` out of place).
        #expect(
            result.diagnostics.map(\.code).filter { $0.hasPrefix("test.export") } == [
                "test.export.kept-invalid", "test.export.invalid-output",
            ])
        let last = try #require(result.diagnostics.last)
        #expect(last.severity == .warning)
        #expect(
            last.message.hasPrefix(
                "the output does not validate against NITF 3.6's schema: Element '{http://iptc.org/std/NITF/2006-10-18/}bogus'"))
        #expect(last.message.hasSuffix("(line 6 of the output)"))
        #expect(String(decoding: result.data, as: UTF8.self).contains("<bogus/>"))
    }
}
