import Foundation
import NewsCore
import PropertyBased
import TestSupport
import Testing

@testable import NativeJSON

private func export(_ articles: [Article]) throws -> Data {
    try NativeJSONExporter().write(articles, options: ConversionOptions()).data
}

private func importJSON(_ data: Data, path: String? = "in.json") throws -> ImportResult {
    try NativeJSONImporter().read(ImportInput(data: data, path: path), options: ConversionOptions())
}

private func conversionError(_ text: String) -> ConversionError? {
    do {
        _ = try importJSON(Data(text.utf8))
        return nil
    } catch {
        return error as? ConversionError
    }
}

@Suite struct NativeJSONRoundTripTests {
    @Test func importOfExportIsIdentity() async {
        await propertyCheck(count: 300, input: ArticleGenerator.article) { article in
            let data = try export([article])
            let back = try importJSON(data).articles
            #expect(back == [article])
        }
    }

    /// The encoder writes IR types directly for speed; the bytes are those of their Codable
    /// `encode(to:)`, for every generated article, pretty and compact.
    @Test func directWritingEqualsCodable() async {
        await propertyCheck(count: 300, input: ArticleGenerator.article) { article in
            for pretty in [true, false] {
                var direct = OrderedJSONEncoder(prettyPrinted: pretty)
                direct.directIR = true
                var reference = OrderedJSONEncoder(prettyPrinted: pretty)
                reference.directIR = false
                let document = ArticleDocument(articles: [article, article])
                let directDocument = try direct.encode(document)
                let referenceDocument = try reference.encode(document)
                #expect(directDocument == referenceDocument)
                let directArticle = try direct.encode(article)
                let referenceArticle = try reference.encode(article)
                #expect(directArticle == referenceArticle)
            }
        }
    }

    @Test func severalArticlesKeepTheirOrder() async {
        await propertyCheck(count: 50, input: ArticleGenerator.article, ArticleGenerator.article) { first, second in
            let back = try importJSON(try export([first, second])).articles
            #expect(back == [first, second])
        }
    }

    @Test func exportIsDeterministic() async {
        await propertyCheck(count: 50, input: ArticleGenerator.article) { article in
            let once = try export([article])
            let twice = try export([article])
            #expect(once == twice)
        }
    }

    @Test func topLevelShape() throws {
        let data = try export([Article(headline: "H")])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"newsconv\": \"\(NativeJSONVersion.string)\",\n  \"articles\": ["))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func emptyFieldsAreLeftOut() throws {
        let text = String(decoding: try export([Article()]), as: UTF8.self)
        #expect(text.contains("\"kind\": \"text\""))
        #expect(!text.contains("\"body\""))
        #expect(!text.contains("null"))
    }
}

@Suite struct NativeJSONVersionTests {
    @Test func anUnknownMajorVersionIsRejectedNamingBothVersions() throws {
        let error = try #require(conversionError("{\"newsconv\": \"2.0\", \"articles\": []}"))
        #expect(error.diagnostic.code == "json.version.unsupported")
        #expect(error.diagnostic.message.contains("2.0"))
        #expect(error.diagnostic.message.contains("\(NativeJSONVersion.major).x"))
        #expect(error.diagnostic.location.line == 1 && error.diagnostic.location.column == 14)
    }

    @Test func aNewerMinorVersionIsReadWithAWarning() throws {
        let result = try importJSON(Data("{\"newsconv\": \"1.9\", \"articles\": [{\"kind\": \"text\", \"futureField\": 1}]}".utf8))
        #expect(result.articles == [Article()])
        #expect(result.diagnostics.map(\.code) == ["json.version.newer"])
    }

    @Test func aMissingVersionIsAnError() {
        #expect(conversionError("{\"articles\": []}")?.diagnostic.code == "json.version.missing")
        #expect(conversionError("{\"newsconv\": \"one\", \"articles\": []}")?.diagnostic.code == "json.version.invalid")
    }

    @Test func aSyntaxErrorHasItsLineAndColumn() throws {
        let error = try #require(conversionError("{\n  \"newsconv\": \"1.0\",\n  \"articles\": [}\n}"))
        #expect(error.diagnostic.code == "json.syntax")
        #expect(error.diagnostic.location.line == 3 && error.diagnostic.location.column == 16)
        #expect(error.diagnostic.location.path == "in.json")
    }

    @Test func aWrongTypeIsLocatedByItsPath() throws {
        let text =
            "{\n  \"newsconv\": \"1.0\",\n  \"articles\": [\n    {\"kind\": \"text\"},\n    {\"kind\": \"text\", \"urgency\": \"high\"}\n  ]\n}"
        let error = try #require(conversionError(text))
        #expect(error.diagnostic.code == "json.value.type")
        #expect(error.diagnostic.message.contains("$.articles[1].urgency"))
        #expect(error.diagnostic.location.line == 5 && error.diagnostic.location.column == 33)
    }

    @Test func anUnknownBlockTypeIsAnError() throws {
        let error = try #require(conversionError("{\"newsconv\": \"1.0\", \"articles\": [{\"body\": [{\"type\": \"poem\"}]}]}"))
        #expect(error.diagnostic.message.contains("poem"))
    }

    @Test func emptyInputIsAnError() {
        #expect(conversionError("  \n")?.diagnostic.code == "json.input.empty")
    }

    @Test func detection() {
        let importer = NativeJSONImporter()
        #expect(importer.detect(InputSample(bytes: Data("{\"newsconv\": \"1.0\"".utf8))) > 0.9)
        #expect(importer.detect(InputSample(bytes: Data("{\"uri\": \"x\"}".utf8))) < 0.5)
        #expect(importer.detect(InputSample(bytes: Data("<xml/>".utf8))) == 0)
    }
}

/// The exporter's output validates against the published JSON Schema (docs/schema/newsconv-ir.schema.json).
@Suite struct NativeJSONSchemaTests {
    @Test func generatedArticlesValidateAgainstTheSchema() async throws {
        var articles: [Article] = []
        await propertyCheck(count: 200, input: ArticleGenerator.article) { article in articles.append(article) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, chunk) in stride(from: 0, to: articles.count, by: 20).enumerated() {
            try export(Array(articles[chunk..<min(chunk + 20, articles.count)])).write(
                to: directory.appendingPathComponent("doc\(index).json"))
        }
        let schema = Fixtures.packageRoot.appendingPathComponent("docs/schema/newsconv-ir.schema.json")
        let result = try JSONSchemaCheck.validate(directory: directory, schema: schema)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderr)")
        #expect(result.stdoutText.contains("valid: 10"))
    }

    @Test func theSchemaRejectsWhatIsNotTheFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-schema-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"newsconv\": \"1.0\", \"articles\": [{\"kind\": \"text\", \"headlin\": \"typo\"}]}".utf8).write(
            to: directory.appendingPathComponent("bad.json"))
        let schema = Fixtures.packageRoot.appendingPathComponent("docs/schema/newsconv-ir.schema.json")
        let result = try JSONSchemaCheck.validate(directory: directory, schema: schema)
        #expect(result.status != 0)
        #expect(result.stdoutText.contains("invalid: bad.json"))
    }
}
