import Foundation
import NewsCore

/// `-M KEY=VALUE`: article metadata the input lacks, given by the user (a provider for a
/// reporter's Markdown draft, a language for wire text). A value fills a field only when the
/// article has none: what the input says is never replaced. Each value set is said in a note.
public struct ArticleMetadata: Sendable {
    /// The fields that can be set, by their newsconv JSON name: text, whole numbers, dates
    /// (ISO 8601, partial dates allowed), and the provider by its name.
    public static let textKeys = [
        "id", "language", "headline", "slugline", "takeKey", "signOff", "creditline", "copyrightHolder", "copyrightNotice", "usageTerms",
    ]
    public static let numberKeys = ["version", "urgency", "priority"]
    public static let dateKeys = ["firstCreated", "versionCreated", "contentCreated", "contentModified", "embargoed", "expires"]
    public static let conceptKeys = ["provider"]
    public static var keys: [String] { textKeys + numberKeys + dateKeys + conceptKeys }

    /// The values, by key, as given.
    public let values: [String: String]
    private let fields: [String: JSONValue]

    /// Checks each key and value; the error is a sentence that says what was expected.
    public init(_ values: [String: String]) throws(NewsConvError) {
        var fields: [String: JSONValue] = [:]
        for (key, value) in values {
            if Self.textKeys.contains(key) {
                fields[key] = .string(value)
            } else if Self.numberKeys.contains(key) {
                guard let number = Int(value) else { throw .usage("-M \(key) takes a whole number, got '\(value)'") }
                fields[key] = .number(Double(number))
            } else if Self.dateKeys.contains(key) {
                guard NewsDate(iso8601: value) != nil else {
                    throw .usage("-M \(key) takes an ISO 8601 date (2024-05-03, 2024-05-03T14:00:00Z), got '\(value)'")
                }
                fields[key] = .string(value)
            } else if Self.conceptKeys.contains(key) {
                fields[key] = .object(["name": .string(value)])
            } else {
                throw .usage(
                    "-M \(key): no such metadata\(Suggestion.phrase(for: key, among: Self.keys)); keys: \(Self.keys.joined(separator: ", "))"
                )
            }
        }
        self.values = values
        self.fields = fields
    }

    /// The article with each value set where it had none, and a note for each.
    func applied(to article: Article, at location: SourceLocation) -> (Article, [Diagnostic]) {
        guard !fields.isEmpty else { return (article, []) }
        // The values were checked when given; should the article's JSON still not take them,
        // that is said, never passed over.
        let notApplied = Diagnostic.warning(
            "metadata.not-set", "the metadata given with -M or --defaults could not be set on this article", at: location)
        guard let data = try? JSONEncoder().encode(article),
            case .object(var object)? = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return (article, [notApplied]) }
        var notes: [Diagnostic] = []
        for key in fields.keys.sorted() {
            switch object[key] {
            case nil, .null?: break
            case .string(let text)? where text.isEmpty: break
            default: continue
            }
            object[key] = fields[key]
            notes.append(
                .note("metadata.set", "\(key) set to '\(values[key] ?? "")', given with -M or --defaults; the input had none", at: location)
            )
        }
        guard !notes.isEmpty else { return (article, []) }
        guard let changed = try? JSONEncoder().encode(JSONValue.object(object)),
            let result = try? JSONDecoder().decode(Article.self, from: changed)
        else { return (article, [notApplied]) }
        return (result, notes)
    }
}
