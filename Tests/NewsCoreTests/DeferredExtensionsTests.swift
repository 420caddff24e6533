import Foundation
import Testing

@testable import NewsCore

@Suite struct DeferredExtensionsTests {
    /// Values are made in the order kept, only under the prefixes asked for, and only then.
    @Test func valuesAreMadeWhenAndWhereWanted() {
        var made: [String] = []
        func maker(_ text: String) -> () -> JSONValue {
            {
                made.append(text)
                return .string(text)
            }
        }
        var kept = DeferredExtensions()
        kept.append(article: 0, key: "g2:itemMeta/link", maker("a"))
        kept.append(article: 0, key: "nitf:docdata/series", maker("b"))
        kept.append(article: 0, key: "g2:itemMeta/link", maker("c"))
        var item = DeferredExtensions()
        item.append(article: 0, key: "g2:catalogRef", maker("d"))
        kept.append(item, article: 1)
        #expect(made.isEmpty)

        var result = ImportResult(articles: [Article(), Article()])
        result.keep(kept, deferring: true)
        #expect(made.isEmpty && result.articles.allSatisfy { $0.extensions.values.isEmpty })
        result.resolveKept(keeping: ["g2:"])
        #expect(made == ["a", "c", "d"])
        #expect(result.articles[0].extensions["g2:itemMeta/link"] == .array([.string("a"), .string("c")]))
        #expect(result.articles[0].extensions["nitf:docdata/series"] == nil)
        #expect(result.articles[1].extensions["g2:catalogRef"] == .array([.string("d")]))
        // Made once: resolving again makes nothing more.
        result.resolveKept()
        #expect(made == ["a", "c", "d"])

        var now = ImportResult(articles: [Article(), Article()])
        now.keep(kept, deferring: false)
        #expect(now.articles[0].extensions["nitf:docdata/series"] == .array([.string("b")]))
    }
}
