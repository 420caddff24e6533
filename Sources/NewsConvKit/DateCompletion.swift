import NewsCore

/// Completes partial dates after import: a dateline's `Dec 15` gets its year from the
/// `--date-context` date, else from the article's own full dates (versionCreated, firstCreated,
/// contentCreated).
enum DateCompletion {
    /// Completes the article in place (most need nothing, and copying one costs).
    static func complete(_ article: inout Article, context: NewsDate?) {
        guard let date = article.dateline?.date, date.year == nil else { return }
        let candidates = [context, article.contentCreated, article.versionCreated, article.firstCreated]
        guard let reference = candidates.compactMap({ $0 }).first(where: { $0.year != nil }) else { return }
        article.dateline?.date = date.completingYear(from: reference)
    }
}
