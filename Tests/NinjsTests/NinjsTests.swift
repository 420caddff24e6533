import Foundation
import NewsCore
import TestSupport
import Testing

@testable import Ninjs

func readNinjs(_ json: String, path: String = "test.json") throws -> ImportResult {
    try NinjsImporter().read(ImportInput(data: Data(json.utf8), path: path), options: ConversionOptions())
}

func writeNinjs(_ article: Article, profile: NinjsProfile) throws -> ExportResult {
    try NinjsExporter().write([article], options: ConversionOptions(formatOptions: [NinjsFormatOptions.profile: String(profile.rawValue)]))
}

@Suite struct NinjsTests {
    @Test func profilesAreNamedByMajorOrVersion() {
        #expect(
            NinjsProfile(option: "3") == .v3 && NinjsProfile(option: "3.1") == .v3 && NinjsProfile(option: "2.2") == .v2
                && NinjsProfile(option: "1") == .v1)
        #expect(NinjsProfile(option: "4") == nil && NinjsProfile(option: "x") == nil && NinjsProfile(option: "22") == nil)
        #expect(throws: ConversionError.self) {
            try NinjsExporter().write([Article()], options: ConversionOptions(formatOptions: ["ninjs.profile": "9"]))
        }
    }

    @Test func theFamilyComesFromTheStandardOrTheSpelling() throws {
        func family(_ json: String) throws -> NinjsProfile {
            guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
                throw CancellationError()
            }
            return NinjsReader.family(of: object)
        }
        #expect(try family(#"{"uri":"x","$standard":{"version":"1.4"}}"#) == .v1)
        #expect(try family(#"{"uri":"x","standard":{"version":"2.1"}}"#) == .v2)
        #expect(try family(#"{"uri":"x","versionCreated":"2020-01-01T00:00:00Z"}"#) == .v3)
        #expect(try family(#"{"uri":"x","headlines":[{"value":"h"}]}"#) == .v2)
        #expect(try family(#"{"uri":"x","bodies":[{"contentType":"text/plain","value":"b"}]}"#) == .v3)
        #expect(try family(#"{"uri":"x","headline":"h","body_html":"<p>b</p>"}"#) == .v1)
    }

    @Test func datesWithEveryOffsetSpelling() throws {
        let json =
            #"{"uri":"x","firstCreated":"2020-01-02T03:04:05Z","versionCreated":"2020-01-02T03:04:05+00:00","contentCreated":"2020-01-02T03:04:05+0000","embargoedUntil":"2020-01-02T05:04:05+0200"}"#
        let article = try readNinjs(json).articles[0]
        let utc = NewsDate(iso8601: "2020-01-02T03:04:05Z")
        #expect(article.firstCreated == utc && article.versionCreated == utc && article.contentCreated == utc)
        #expect(article.embargoed?.date == utc?.date)
    }

    /// A rich article survives IR -> ninjs -> IR in every profile.
    @Test(arguments: NinjsProfile.allCases)
    func everyMappedFieldRoundTrips(_ profile: NinjsProfile) throws {
        var article = Article(
            id: "urn:test:1", version: 2, language: "en", status: .withheld, firstCreated: NewsDate(iso8601: "2024-05-01T09:00:00Z"),
            versionCreated: NewsDate(iso8601: "2024-05-01T10:00:00-04:00"), contentCreated: NewsDate(iso8601: "2024-05-01T08:00:00Z"),
            embargoed: NewsDate(iso8601: "2024-05-01T12:00:00-04:00"), expires: NewsDate(iso8601: "2024-06-01T00:00:00Z"), urgency: 4,
            headline: "Main head", subheadlines: ["Sub one", "Sub two"], slugline: "SLUG", bylines: [Byline(name: "Ann Lee")],
            dateline: Dateline(
                text: "OSLO, May 1 (Agency) -", place: "OSLO", region: "Norway", date: NewsDate(month: 5, day: 1), source: "Agency"),
            abstract: [.paragraph([.text("Summary.")])],
            body: [
                .paragraph([.text("Body "), .strong([.text("text")]), .text(" & "), .emphasis([.text("more")]), .text(".")]),
                .heading(level: 3, content: [.text("More")]),
                .list(ordered: true, items: [[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
                .blockQuote([.paragraph([.text("quoted")])]),
                .paragraph([.link(href: "https://example.org/?a=1&b=2", title: nil, content: [.text("a link")])]),
                .paragraph([.mention(.init(kind: .person, id: "p1", content: [.text("Ann")])), .text(" said "), .quote([.text("yes")])]),
            ],
            signOff: "Agency", trailers: ["al/bc"], editorialNotes: ["Eds: note"],
            subjects: [Concept(qcode: "medtop:20000763", uri: "http://cv.iptc.org/newscodes/mediatopic/20000763", name: "football")],
            genres: [Concept(qcode: "genre:Current", uri: "http://cv.iptc.org/newscodes/genre/Current", name: "Current")],
            keywords: ["k1", "k2"],
            people: [Concept(uri: "http://example.org/p/1", name: "Ann Lee")], organisations: [Concept(literal: "club", name: "Club")],
            places: [Concept(literal: "oslo", name: "Oslo")], provider: Concept(literal: "Agency", name: "Agency"),
            infoSources: [Concept(literal: "stringer", name: "A stringer", role: "originator")],
            copyrightHolder: "Agency", copyrightNotice: "(c) 2024 Agency", usageTerms: "No archive",
            media: [
                MediaItem(
                    id: "urn:media:1", kind: .picture, href: "https://example.org/p.jpg", mediaType: "image/jpeg", caption: "A picture",
                    credit: "Photographer",
                    title: "Picture title",
                    renditions: [.init(name: "thumb", href: "https://example.org/t.jpg", mediaType: "image/jpeg", width: 100, height: 80)])
            ])
        let exported = try writeNinjs(article, profile: profile)
        var back = try readNinjs(String(decoding: exported.data, as: UTF8.self)).articles[0]
        back.origin = nil
        article.origin = nil
        #expect(back == article, "ninjs \(profile.version) reads back what it wrote\n\(String(decoding: exported.data, as: UTF8.self))")
    }

    /// ninjs 3 bounds urgency to 1-9 (JSON -> ninjs wrote 0, found by the fuzzer's schema check);
    /// 1.x and 2.x take any number, and get it.
    @Test func anUrgencyOutsideNinjs3sRangeIsDroppedWithAWarning() throws {
        var article = Article()
        article.id = "urn:newsconv:test:urgency"
        article.urgency = 0
        let v3 = try writeNinjs(article, profile: .v3)
        #expect(!String(decoding: v3.data, as: UTF8.self).contains(#""urgency""#))
        let warning = try #require(v3.diagnostics.first { $0.code == "ninjs.export.urgency-range" })
        #expect(warning.severity == .warning && warning.message == "urgency 0 is outside ninjs 3's 1-9; dropped")
        for profile in [NinjsProfile.v1, .v2] {
            let written = try writeNinjs(article, profile: profile)
            #expect(String(decoding: written.data, as: UTF8.self).contains(#""urgency": 0"#))
            #expect(!written.diagnostics.contains { $0.code == "ninjs.export.urgency-range" })
        }
        article.urgency = 9
        #expect(String(decoding: try writeNinjs(article, profile: .v3).data, as: UTF8.self).contains(#""urgency": 9"#))
    }

    @Test func whatNinjsCannotHoldIsAWarning() throws {
        let article = Article(
            signals: ["sig:update"], contentModified: NewsDate(iso8601: "2024-01-01"), priority: 2, takeKey: "2nd Lead",
            bylines: [Byline(name: "A", title: "Writer")], creditline: "Credit",
            extensions: ["g2:itemMeta/service": .array([.string("<service/>")])])
        let result = try writeNinjs(article, profile: .v3)
        let dropped = try #require(result.diagnostics.first { $0.code == "ninjs.export.dropped-fields" })
        for field in ["signals", "contentModified", "priority", "takeKey", "creditline"] { #expect(dropped.message.contains(field)) }
        #expect(result.diagnostics.contains { $0.code == "ninjs.export.byline-flattened" })
        #expect(result.diagnostics.contains { $0.code == "ninjs.export.foreign-extensions" })
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.contains("\"by\": \"By A, Writer\"") && !text.contains("service"))
    }

    @Test func aPropertyKeptFromAnInvalidSourceIsNotWritten() throws {
        // Superdesk's renditions carry `media` and `poi`, which ninjs 1.x does not define.
        let json =
            #"{"uri":"x","type":"picture","renditions":{"original":{"href":"https://example.org/a.jpg","media":"abc","poi":{"x":1}}}}"#
        let article = try readNinjs(json).articles[0]
        #expect(article.extensions["ninjs1:renditions"] != nil)
        let result = try writeNinjs(article, profile: .v1)
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(!text.contains("\"poi\"") && !text.contains("\"media\""))
        #expect(result.diagnostics.contains { $0.code == "ninjs.export.invalid-kept" })
        // The picture's file itself is the IR's, and written from it.
        #expect(text.contains("https://example.org/a.jpg"))
    }

    /// An association kept from a ninjs 2.x source needs its `name` and `uri`, and a place's
    /// GeoJSON must be GeoJSON: a property that breaks either is not written back.
    @Test func keptAssociationsAndPlacesAreCheckedWhole() throws {
        let associations = try #require(NinjsShape.properties[.v2]?["associations"])
        let named = try JSONDecoder().decode(JSONValue.self, from: Data(#"[{"name":"pic","uri":"u","type":"picture"}]"#.utf8))
        let nameless = try JSONDecoder().decode(JSONValue.self, from: Data(#"[{"name":"pic","type":"picture"}]"#.utf8))
        #expect(associations.problem(named, profile: .v2, path: "associations") == nil)
        #expect(associations.problem(nameless, profile: .v2, path: "associations") == "associations/0/uri: required, and missing")
        let place = #"{"uri":"a","type":"text","places":[{"name":"Turkey","geojson":{"coordinates":[35,39]}}]}"#
        let withPlace = try writeNinjs(readNinjs(place).articles[0], profile: .v2)
        #expect(!String(decoding: withPlace.data, as: UTF8.self).contains("geojson"))
        #expect(withPlace.diagnostics.contains { $0.code == "ninjs.export.invalid-kept" && $0.message.contains("geojson") })
    }

    /// GeoJSON kept in a place is checked as geojson.org's schema has it.
    @Test(arguments: [
        (#"{"type":"Point","coordinates":[35.2,39.1]}"#, true), (#"{"type":"Point","coordinates":[35.2,39.1],"bbox":[1,2,3,4]}"#, true),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#, true),
        (#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}"#, true),
        (#"{"type":"Feature","properties":null,"geometry":null}"#, true),
        (
            #"{"type":"FeatureCollection","features":[{"type":"Feature","id":7,"properties":{"a":1},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#,
            true
        ),
        (#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}"#, true),
        (#"{"coordinates":[35,39]}"#, false), (#"{"type":"Foo","co-ordinates":["dog","cat"]}"#, false),
        (#"{"type":"Point","coordinates":[35]}"#, false), (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#, false),
        (#"{"type":"Feature","geometry":null}"#, false), (#"{"type":"Point","coordinates":[1,2],"bbox":[1,2]}"#, false),
        (#"{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}"#, false),
        (#"[1,2]"#, false),
    ])
    func geoJSONIsChecked(_ text: String, _ valid: Bool) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            (GeoJSONShape.problem(value, path: "geojson") == nil) == valid, "\(GeoJSONShape.problem(value, path: "geojson") ?? "valid")")
    }

    /// ninjs 1.x's pattern properties need a character after the prefix: `headline_` alone is
    /// not one (a source's `headline_` made invalid 1.6 output).
    @Test func patternPropertiesOfNinjs1() {
        #expect(NinjsProfile.v1.defines("headline_en") && NinjsProfile.v1.defines("body_html5") && NinjsProfile.v1.defines("description_2"))
        #expect(!NinjsProfile.v1.defines("headline_") && !NinjsProfile.v1.defines("body_-x") && !NinjsProfile.v2.defines("headline_en"))
    }

    /// Members a schema requires count too: ninjs 3.1's `rightsInfo` needs exactly one of
    /// `linkedRights` and `encodedRights`, so one with neither (or both) is not written back.
    @Test(arguments: [
        (#"{"langId":"http://www.w3.org/ns/odrl/2/"}"#, false), (#"{"linkedRights":"https://example.org/rights"}"#, true),
        (#"{"linkedRights":"https://example.org/r","encodedRights":"{}"}"#, false),
    ])
    func requiredMembersOfAKeptPropertyAreChecked(_ rights: String, _ written: Bool) throws {
        let json = #"{"$schema":"http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json","uri":"x","type":"text","rightsInfo":"# + rights + "}"
        let article = try readNinjs(json).articles[0]
        let result = try writeNinjs(article, profile: .v3)
        #expect(String(decoding: result.data, as: UTF8.self).contains("rightsInfo") == written)
        #expect(result.diagnostics.contains { $0.code == "ninjs.export.invalid-kept" } == !written)
    }

    /// Rules nested as IPTC nests them: 3.1's event `dates` need a start or an end, each given
    /// once (`anyOf` two `oneOf`s); `"dates": {}` (which the fuzzer's schema check found written
    /// back) has neither.
    @Test(arguments: [
        (#"{}"#, false), (#"{"startDate":"2024-05-01T10:00:00Z"}"#, true), (#"{"expectedEndDate":"2024-05"}"#, true),
        (#"{"startDate":"2024-05-01T10:00:00Z","expectedStartDate":"2024-05"}"#, false),
        (#"{"startDate":"2024-05-01T10:00:00Z","expectedStartDate":"2024-05","endDate":"2024-05-02T10:00:00Z"}"#, true),
    ])
    func nestedMemberRulesOfAKeptPropertyAreChecked(_ dates: String, _ written: Bool) throws {
        let json =
            #"{"$schema":"http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json","uri":"x","type":"text","eventDetails":{"dates":"# + dates
            + "}}"
        let result = try writeNinjs(try readNinjs(json).articles[0], profile: .v3)
        #expect(String(decoding: result.data, as: UTF8.self).contains("eventDetails") == written)
        let warning = result.diagnostics.first { $0.code == "ninjs.export.invalid-kept" }
        #expect((warning == nil) == written)
        if !written {
            #expect(
                warning?.message.contains(
                    "eventDetails/dates: needs one of (exactly one of startDate, expectedStartDate), (exactly one of endDate, expectedEndDate)"
                )
                    == true, "\(warning?.message ?? "")")
        }
    }

    @Test func superdeskPropertiesAreReadOrKeptWithAWarning() throws {
        let json = #"{"guid":"urn:sd:1","priority":6,"keywords":["a"],"service":[{"code":"n"}],"headline":"h","body_html":"<p>b</p>"}"#
        let result = try readNinjs(json)
        let article = result.articles[0]
        #expect(article.id == "urn:sd:1" && article.priority == 6 && article.keywords == ["a"])
        #expect(article.extensions["ninjs:service"] != nil)
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["ninjs.import.guid-as-uri", "ninjs.import.superdesk-property", "ninjs.import.unknown-property"]))
        let unknown = try #require(result.diagnostics.first { $0.code == "ninjs.import.unknown-property" })
        #expect(unknown.location.line == 1 && (unknown.location.column ?? 0) > 1, "located at the property")
    }

    @Test func badInputIsALocatedError() throws {
        do {
            _ = try readNinjs("{\n  \"uri\": \"x\",\n  \"headline\": \n}")
            Issue.record("malformed JSON was read")
        } catch let error as ConversionError {
            #expect(error.diagnostic.code == "json.syntax")
            #expect(error.diagnostic.location.line == 4)
        }
        // A string with a raw control character is a syntax error, in any member and in arrays:
        // it was read as "not a string" and reported as a type error of some member, which one
        // depending on the order the decoder happened to read them in.
        for document in ["{\"uri\": \"x\", \"headline\": \"a\u{16}b\"}", "{\"uri\": \"x\", \"keywords\": [\"a\", \"b\u{16}\"]}"] {
            do {
                _ = try readNinjs(document)
                Issue.record("a raw control character in a string was read")
            } catch let error as ConversionError {
                #expect(error.diagnostic.code == "json.syntax", "\(error.diagnostic.message)")
            }
        }
        #expect(throws: ConversionError.self) { try readNinjs("\"just a string\"") }
        #expect(throws: ConversionError.self) { try readNinjs("[1, 2]") }
    }

    @Test func severalArticlesAreRefused() {
        #expect(throws: ConversionError.self) { try NinjsExporter().write([Article(), Article()], options: ConversionOptions()) }
    }
}

/// Headlines of other roles are further headlines of the IR, kept with their roles.
@Suite struct NinjsHeadlineRoleTests {
    @Test func aHeadlineOfAnotherRoleIsAFurtherHeadlineWithItsRole() throws {
        let json =
            #"{"uri":"x","headlines":[{"role":"main","value":"Main"},{"role":"sub","value":"Sub"},{"role":"seo","value":"Short"},{"value":"No role"}]}"#
        let article = try readNinjs(json).articles[0]
        #expect(article.headline == "Main" && article.subheadlines == ["Sub"])
        #expect(
            article.alternatives == [
                TaggedText(text: "Short", role: "seo", field: "headline"), TaggedText(text: "No role", field: "headline"),
            ])
        #expect(article.extensions.values.isEmpty)
        let back = try readNinjs(String(decoding: try writeNinjs(article, profile: .v3).data, as: UTF8.self)).articles[0]
        #expect(back.headline == article.headline && back.subheadlines == article.subheadlines && back.alternatives == article.alternatives)
    }

    @Test func ninjsOnePatternHeadlinesAreFurtherHeadlinesNamedByTheirSuffix() throws {
        let json = #"{"uri":"x","headline":"Main","headline_sub":"Sub","headline_test_text":"Extra","body_text":"b"}"#
        let article = try readNinjs(json).articles[0]
        #expect(article.headline == "Main" && article.subheadlines == ["Sub"])
        #expect(article.alternatives == [TaggedText(text: "Extra", role: "test_text", field: "headline")])
        let written = try writeNinjs(article, profile: .v1)
        #expect(String(decoding: written.data, as: UTF8.self).contains(#""headline_test_text": "Extra""#))
        #expect(!written.diagnostics.contains { $0.code == "ninjs.export.dropped-fields" })
    }

    @Test func aFurtherHeadlineThatOneXCannotNameIsReported() throws {
        var article = Article(id: "x", language: "en", headline: "Main")
        article.alternatives = [
            TaggedText(text: "Other", role: "ü-title", field: "headline"), TaggedText(text: "Titel", language: "de", field: "headline"),
        ]
        let written = try writeNinjs(article, profile: .v1)
        #expect(!String(decoding: written.data, as: UTF8.self).contains("Other"))
        let dropped = written.diagnostics.filter { $0.code == "ninjs.export.dropped-fields" }
        #expect(dropped.count == 1 && dropped[0].severity == .warning && dropped[0].message.contains("further headline"))
        // 3.x writes both, and says that the German one's language is not written.
        let three = try writeNinjs(article, profile: .v3)
        #expect(String(decoding: three.data, as: UTF8.self).contains("Titel"))
        #expect(three.diagnostics.contains { $0.code == "ninjs.export.dropped-fields" && $0.message.contains("further headline") })
    }
}

/// Numbers an Int cannot hold: kept or dropped, never a trap (issue 21).
@Suite struct NinjsHugeNumberTests {
    @Test func aVersionOrSizeBeyondIntIsNoCrash() throws {
        let json = #"{"uri":"x","version":1e19,"headline":"h","renditions":{"a":{"href":"http://x/a.jpg","width":1e300,"height":2e19}}}"#
        let article = try readNinjs(json).articles[0]
        #expect(article.version == nil && article.extensions["ninjs1:version"] == .number(1e19))
        #expect(article.media.first?.renditions.first?.width == nil && article.media.first?.renditions.first?.height == nil)
    }
}
