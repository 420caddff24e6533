import Foundation

/// A text with the language and role its source gave it: a description (`descRole:shotlist`), or a
/// second value of a field that holds one (a copyright notice in another language).
///
/// Its synthesized Codable writes the members in declaration order, as `ArticleJSONWriter` does.
public struct TaggedText: Sendable, Hashable, Codable {
    /// In ``Article/alternatives``: the IR field this text is another value of (`headline`,
    /// `copyrightNotice`, `usageTerms`); nil elsewhere.
    public var field: String?
    /// The text, whitespace normalized.
    public var text: String
    /// Its language, as a BCP 47 tag, when the source said it.
    public var language: String?
    /// Its role, as the source's qcode or URI (`descRole:caption`, `usageRole:content`).
    public var role: String?

    public init(text: String, language: String? = nil, role: String? = nil, field: String? = nil) {
        self.field = field
        self.text = text
        self.language = language
        self.role = role
    }
}
