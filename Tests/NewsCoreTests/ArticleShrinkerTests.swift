import Foundation
import NewsCore
import TestSupport
import Testing

/// The generator's shrinker leads a failing article down to what makes it fail.
@Suite struct ArticleShrinkerTests {
    /// Shrinks as a property test does: takes the first candidate that still fails, until none does.
    static func shrink(_ article: Article, failing: (Article) -> Bool) -> Article {
        var current = article
        while let simpler = ArticleShrinker.candidates(current).first(where: failing) { current = simpler }
        return current
    }

    @Test func aFailingArticleShrinksToTheFieldThatFails() {
        let article = Article(
            id: "i", headline: "h", subheadlines: ["a", "b", "c", "d"], body: [.paragraph([.text("b")])],
            subjects: [Concept(qcode: "x:1"), Concept(qcode: "bad:2"), Concept(qcode: "x:3")], extensions: ["k:v": .string("s")])
        let minimal = Self.shrink(article) { $0.subjects.contains { $0.qcode == "bad:2" } }
        #expect(minimal == Article(subjects: [Concept(qcode: "bad:2")]))
    }

    @Test func candidatesAreSimplerAndDecode() {
        let article = Article(headline: "h", keywords: ["a", "b"])
        let candidates = ArticleShrinker.candidates(article)
        #expect(candidates.contains(Article(keywords: ["a", "b"])))
        #expect(candidates.contains(Article(headline: "h")))
        #expect(candidates.contains(Article(headline: "h", keywords: ["a"])))
        #expect(candidates.contains(Article(headline: "h", keywords: ["b"])))
        #expect(candidates.count == 4)
    }
}
