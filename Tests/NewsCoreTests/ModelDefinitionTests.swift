import Foundation
import NewsCore
import TestSupport
import Testing

/// The article model has one definition, `scripts/model/article.json`: `Article.swift`, its
/// direct JSON writer, the JSON Schema's `article` and the table of `docs/ir.md` are generated
/// from it, and fail here when one of them is edited by hand or the definition is changed without
/// generating them again.
@Suite struct ModelDefinitionTests {
    @Test func generatedFilesMatchTheDefinition() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/generate-model.py", "--check"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    /// Every member the Codable encoder writes for a full article is in the schema's `article`
    /// and in the ir.md table, and nothing else is: the three agree with the type itself.
    @Test func theSchemaAndTheTableNameEveryEncodedMember() throws {
        var article = Article(
            id: "i", version: 1, language: "en", status: .usable, signals: ["sig:update"], firstCreated: NewsDate(iso8601: "2024"),
            versionCreated: NewsDate(iso8601: "2024"), contentCreated: NewsDate(iso8601: "2024"),
            contentModified: NewsDate(iso8601: "2024"), embargoed: NewsDate(iso8601: "2024"), expires: NewsDate(iso8601: "2024"),
            urgency: 1, priority: 1, headline: "h", subheadlines: ["s"], slugline: "s", takeKey: "t", useKeys: [UseKey(key: "k")],
            bylines: [Byline(name: "n")], creators: [Concept(qcode: "a:b")], contributors: [Concept(qcode: "a:b")],
            dateline: Dateline(text: "X -"), abstract: [.paragraph([.text("a")])], descriptions: [TaggedText(text: "d")],
            body: [.paragraph([.text("b")])], signOff: "EFE", trailers: ["t"], editorialNotes: ["e"], subjects: [Concept(qcode: "a:b")],
            genres: [Concept(qcode: "a:b")], keywords: ["k"], people: [Concept(qcode: "a:b")], organisations: [Concept(qcode: "a:b")],
            places: [Concept(qcode: "a:b")], provider: Concept(qcode: "a:b"), infoSources: [Concept(qcode: "a:b")], creditline: "c",
            copyrightHolder: "c", copyrightNotice: "c", usageTerms: "u", alternatives: [TaggedText(text: "a")],
            media: [MediaItem(id: "m")], extensions: ["x:y": .string("z")], origin: Origin(format: "wire"))
        article.kind = .picture
        let encoded = try JSONEncoder().encode(article)
        let members = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).keys
        let schemaURL = Fixtures.packageRoot.appendingPathComponent("docs/schema/newsconv-ir.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let properties = try #require((definitions["article"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(members) == Set(properties.keys))
        let table = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/ir.md"), encoding: .utf8)
        let section = try #require(table.components(separatedBy: "\n## ").first { $0.hasPrefix("Article\n") })
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { $0.split(separator: "`")[1] }
        #expect(Set(rows.map(String.init)) == Set(members))
    }
}
