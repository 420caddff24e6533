import Foundation
import NewsCore

/// Simpler articles than a failing one, for property tests to shrink it: each without one of its
/// members, or with one of its lists cut to a half. It works on the article's JSON form, so it
/// knows every field the model has without a list of its own (the model is defined once, in
/// `scripts/model/article.json`).
public enum ArticleShrinker {
    /// The candidates, simplest changes first: whole members left out, then lists halved.
    public static func candidates(_ article: Article) -> [Article] {
        guard let data = try? JSONEncoder().encode(article),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [] }
        var variants: [[String: Any]] = []
        for key in object.keys.sorted() where key != "kind" {
            var without = object
            without[key] = nil
            variants.append(without)
        }
        for key in object.keys.sorted() {
            guard let list = object[key] as? [Any], list.count > 1 else { continue }
            for half in [Array(list[..<(list.count / 2)]), Array(list[(list.count / 2)...])] {
                var cut = object
                cut[key] = half
                variants.append(cut)
            }
        }
        return variants.compactMap { variant in
            guard let data = try? JSONSerialization.data(withJSONObject: variant) else { return nil }
            return try? JSONDecoder().decode(Article.self, from: data)
        }
    }
}
