import Foundation

/// newsconv's conventions for Markdown.
enum MarkdownVocabulary {
    /// Front matter keys newsconv does not know are kept under this prefix, and written back.
    static let extensionPrefix = "markdown:"
    /// A body picture's credit follows it as `*Credit: ...*`.
    static let creditPrefix = "Credit: "

    /// The keys site generators (Hugo, Jekyll) and drafts use, by the front matter key newsconv
    /// writes for the same field: read as that field, and written back under the key the source
    /// used (kept in ``spellingsKey``).
    static let siteGeneratorKeys: [String: String] = [
        "tags": "keywords", "slug": "slugline", "author": "bylines", "authors": "bylines", "byline": "bylines",
        "description": "summary", "abstract": "summary", "categories": "subjects", "headline": "title", "subtitle": "subheadlines",
        "date": "versionCreated", "lastmod": "contentModified", "publishDate": "firstCreated", "expiryDate": "expires",
        "embargo": "embargoed", "embargoed": "embargoed", "draft": "status", "credit": "creditline",
        "lang": "language", "guid": "id", "uri": "id",
    ]

    /// The extension that remembers which site-generator spelling a source used for a field
    /// (`{"keywords": "tags"}`); not written as a key of its own.
    static let spellingsKey = extensionPrefix + "@spellings"

    /// Every key the front matter reader maps, for "did you mean" on an unknown one.
    static let knownKeys: [String] =
        [
            "title", "subheadlines", "slugline", "takeKey", "bylines", "dateline", "summary", "id", "version", "language", "kind",
            "status", "signals", "urgency", "priority", "dates", "subjects", "genres", "keywords", "people", "organisations",
            "places", "provider", "infoSources", "creditline", "rights", "editorialNotes", "signOff", "trailers", "media", "extensions",
            "dates.firstCreated", "dates.versionCreated", "dates.contentCreated", "dates.contentModified", "dates.embargoed",
            "dates.expires",
        ] + siteGeneratorKeys.keys.sorted()

    /// The known key closest to an unknown one (by edit distance, ignoring case), when it is close.
    static func suggestion(for key: String) -> String? {
        let lower = key.lowercased()
        var best: (key: String, distance: Int)?
        for known in knownKeys {
            // `dates.embargoed` is suggested for `embargoUntil` as for `embargoed`.
            let candidate = known.hasPrefix("dates.") ? String(known.dropFirst(6)).lowercased() : known.lowercased()
            let distance = min(editDistance(lower, candidate), lower.hasPrefix(candidate) || candidate.hasPrefix(lower) ? 1 : .max)
            if distance < (best?.distance ?? .max) { best = (known, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.key
    }

    /// Levenshtein distance (keys are short: a plain two-row table).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
