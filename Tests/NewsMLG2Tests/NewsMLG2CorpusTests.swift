import Foundation
import NewsCore
import NewsXML
import TestSupport
import Testing

@testable import NewsMLG2

/// Every NewsML-G2 document of ../shared/corpus: IPTC's examples, the `should_pass` unit tests
/// and Superdesk's agency files.
@Suite(.enabled(if: Fixtures.sharedAvailableOrCI, Comment(rawValue: Fixtures.sharedMissing)))
struct NewsMLG2CorpusTests {
    static var files: [URL] {
        guard let shared = Fixtures.shared else { return [] }
        let examples = Fixtures.files(in: shared.appendingPathComponent("corpus/iptc/newsml-g2/examples"), extensions: ["xml"])
        let unitTests = Fixtures.files(in: shared.appendingPathComponent("corpus/iptc/newsml-g2/unit-tests"), extensions: ["xml"])
            .filter { $0.path.contains("/should_pass/") }
        let superdesk = Fixtures.files(in: shared.appendingPathComponent("corpus/superdesk/newsml-g2"), extensions: ["xml"])
        return examples + unitTests + superdesk
    }

    /// Documents that are not news items, or are fragments or placeholders, and the error each gets.
    static func expectedError(for url: URL, data: Data) -> String? {
        let name = url.lastPathComponent
        if ["LISTING_7_", "LISTING_8_", "LISTING_9_", "LISTING_25_", "LISTING_28_"].contains(where: name.hasPrefix) {
            return "newsml-g2.root.unexpected"
        }
        if name.hasPrefix("LISTING_24_") { return "newsml-g2.message.empty" }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let root = head.range(
            of: #"<(\w+:)?(conceptItem|knowledgeItem|planningItem|catalogItem|catalog)[\s>]"#, options: .regularExpression)
        let news = head.range(of: #"<(\w+:)?(newsItem|packageItem|newsMessage)[\s>]"#, options: .regularExpression)
        if let root, news == nil || root.lowerBound < news!.lowerBound { return "newsml-g2.item.not-news" }
        return nil
    }

    /// Sources that are not valid G2 themselves: what the exporter had to drop, and the warning it gave.
    static let invalidSources: [String: (field: String, warning: String)] = [
        "scoop.xml": ("subjects", "newsml-g2.export.invalid-qcode")
    ]

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 200, "expected the IPTC examples, unit tests and Superdesk files")
    }

    /// A newsMessage larger than the tree-parse limit is streamed; everything else is parsed as a
    /// tree. Both ways give the same articles and diagnostics for every document. Kept elements are
    /// compared as XML: the tree keeps their source spelling, the stream libxml2's serialization.
    @Test(arguments: files)
    func streamingAndTreeParsingAgree(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        guard Self.expectedError(for: url, data: data) == nil else { return }
        let input = ImportInput(data: data, path: url.path)
        let tree = try NewsMLG2Importer().read(input, treeParseLimit: .max)
        let streamed = try NewsMLG2Importer().read(input, treeParseLimit: 0)
        #expect(try tree.articles.map(Self.canonical) == streamed.articles.map(Self.canonical), "\(url.lastPathComponent)")
        #expect(tree.diagnostics == streamed.diagnostics, "\(url.lastPathComponent)")
    }

    /// The article with each kept XML fragment re-serialized (through the streaming reader, which
    /// records no source bytes). A fragment means what it says inside newsconv's G2 output, whose
    /// default namespace is G2's: it is read there.
    static func canonical(_ article: Article) throws -> Article {
        func canonical(_ value: JSONValue) throws -> JSONValue {
            switch value {
            case .string(let text) where text.hasPrefix("<"):
                var serialized: String?
                let wrapped = Data("<wrapper xmlns=\"\(G2Vocabulary.namespace)\">\(text)</wrapper>".utf8)
                try XMLStreamReader.read(
                    wrapped, path: "fragment", decide: { $0.depth == 0 ? .descend : .expand },
                    visit: {
                        serialized = $0.serialized(defaultNamespace: G2Vocabulary.namespace)
                    })
                return .string(serialized ?? text)
            case .array(let values): return .array(try values.map(canonical))
            case .object(let members): return .object(try members.mapValues(canonical))
            default: return value
            }
        }
        var article = article
        article.extensions.values = try article.extensions.values.mapValues(canonical)
        return article
    }

    @Test(arguments: files)
    func importsExportsValidAndRoundTrips(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        if let code = Self.expectedError(for: url, data: data) {
            do {
                _ = try importG2(data, path: url.path)
                Issue.record("\(url.lastPathComponent) was imported; expected \(code)")
            } catch let error as ConversionError {
                #expect(error.diagnostic.code == code, "\(url.lastPathComponent): \(error)")
                #expect(error.diagnostic.location.path == url.path)
            }
            return
        }
        let first = try importG2(data, path: url.path)
        #expect(!first.articles.isEmpty)
        let exported = try exportG2(first.articles)
        let shared = try #require(Fixtures.shared)
        let validator = try SchemaCache.shared.validator(
            at: shared.appendingPathComponent("standards/newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd").path)
        let errors = try validator.validate(exported.data, path: "export of \(url.lastPathComponent)")
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors.prefix(3).map(\.description))")

        let second = try importG2(exported.data, path: url.path)
        #expect(second.articles.count == first.articles.count)
        for (before, after) in zip(first.articles, second.articles) {
            var expected = before
            var actual = after
            expected.origin = nil
            actual.origin = nil
            // NewsML-G2 requires versionCreated: the exporter adds one when the source had none.
            if expected.versionCreated == nil { actual.versionCreated = nil }
            // An XHTML body's header/aside sections have no place in the inline NITF body: mapped
            // to contentMeta on import, dropped on export with a warning.
            let sections = expected.extensions.values.keys.filter { $0.hasPrefix("g2:xhtml/") }
            if !sections.isEmpty {
                #expect(exported.diagnostics.contains { $0.code == "newsml-g2.export.dropped-body-sections" })
                for key in sections { expected.extensions[key] = nil }
            }
            // A single newsItem has no header, so no priority: the exporter says it dropped it.
            if first.articles.count == 1, let priority = expected.priority {
                #expect(
                    actual.priority == nil
                        && exported.diagnostics.contains {
                            $0.code == "newsml-g2.export.dropped-priority" && $0.message.contains("\(priority)")
                        })
                actual.priority = priority
            }
            if let known = Self.invalidSources[url.lastPathComponent] {
                #expect(exported.diagnostics.contains { $0.code == known.warning })
                continue
            }
            #expect(expected == actual, "\(url.lastPathComponent): \(Self.difference(expected, actual))")
        }
    }

    /// The top-level fields that differ, for the failure message.
    static func difference(_ a: Article, _ b: Article) -> String {
        let encoder = JSONEncoder()
        guard let x = try? JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any],
            let y = try? JSONSerialization.jsonObject(with: encoder.encode(b)) as? [String: Any]
        else { return "" }
        return Set(x.keys).union(y.keys).filter { !NSDictionary(dictionary: [$0: x[$0] ?? NSNull()]).isEqual(to: [$0: y[$0] ?? NSNull()]) }
            .sorted().joined(separator: ", ")
    }
}
