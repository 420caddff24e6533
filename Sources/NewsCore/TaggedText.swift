import Foundation

/// A text with the language and role its source gave it: a description (`descRole:shotlist`), or a
/// second value of a field that holds one (a copyright notice in another language).
public struct TaggedText: Sendable, Hashable, Codable {
    /// The text, whitespace normalized.
    public var text: String
    /// Its language, as a BCP 47 tag, when the source said it.
    public var language: String?
    /// Its role, as the source's qcode or URI (`descRole:caption`, `usageRole:content`).
    public var role: String?
    /// In ``Article/alternatives``: the IR field this text is another value of (`headline`,
    /// `copyrightNotice`, `usageTerms`); nil elsewhere.
    public var field: String?

    public init(text: String, language: String? = nil, role: String? = nil, field: String? = nil) {
        self.text = text
        self.language = language
        self.role = role
        self.field = field
    }

    private enum CodingKeys: String, CodingKey { case field, text, language, role }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        text = try c.decode(String.self, forKey: .text)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        role = try c.decodeIfPresent(String.self, forKey: .role)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(field, forKey: .field)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(role, forKey: .role)
    }
}
