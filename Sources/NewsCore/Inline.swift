import Foundation

/// Inline content of a paragraph, heading or caption.
///
/// In JSON each inline is an object with a `type` (`text`, `emphasis`, `strong`, `code`, `link`,
/// `lineBreak`, `quote`, `mention`, `raw`) and that type's fields.
public indirect enum Inline: Sendable, Hashable, Codable {
    /// Plain text.
    case text(String)
    /// Emphasised (usually italic) content.
    case emphasis([Inline])
    /// Strong (usually bold) content.
    case strong([Inline])
    /// Code or literal text.
    case code(String)
    /// A hyperlink.
    case link(href: String, title: String?, content: [Inline])
    /// A hard line break.
    case lineBreak
    /// A quotation (NITF `q`).
    case quote([Inline])
    /// A mention of a named entity (NITF `person`, `org`, `location`, ...).
    case mention(Mention)
    /// Markup of another format kept as is (`format` is e.g. `nitf`, `html`).
    case raw(format: String, text: String)

    /// A mention of a named entity in running text.
    public struct Mention: Sendable, Hashable, Codable {
        /// What kind of entity is mentioned.
        public var kind: Kind
        /// An identifier (a qcode, URI or the source format's id value), if given.
        public var id: String?
        /// The text of the mention.
        public var content: [Inline]

        /// Entity kinds, after NITF's inline semantic elements.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case person, organisation, place, event, object, function, date, money, number, other
        }

        public init(kind: Kind, id: String? = nil, content: [Inline]) {
            self.kind = kind
            self.id = id
            self.content = content
        }
    }

    private enum CodingKeys: String, CodingKey { case type, text, content, href, title, mention, format }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(try c.decodeArray([Inline].self, forKey: .content))
        case "strong": self = .strong(try c.decodeArray([Inline].self, forKey: .content))
        case "code": self = .code(try c.decode(String.self, forKey: .text))
        case "link":
            self = .link(
                href: try c.decode(String.self, forKey: .href),
                title: try c.decodeIfPresent(String.self, forKey: .title),
                content: try c.decodeArray([Inline].self, forKey: .content))
        case "lineBreak": self = .lineBreak
        case "quote": self = .quote(try c.decodeArray([Inline].self, forKey: .content))
        case "mention": self = .mention(try c.decode(Mention.self, forKey: .mention))
        case "raw": self = .raw(format: try c.decode(String.self, forKey: .format), text: try c.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown inline type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try c.encode("text", forKey: .type)
            try c.encode(text, forKey: .text)
        case .emphasis(let content):
            try c.encode("emphasis", forKey: .type)
            try c.encode(content, forKey: .content)
        case .strong(let content):
            try c.encode("strong", forKey: .type)
            try c.encode(content, forKey: .content)
        case .code(let text):
            try c.encode("code", forKey: .type)
            try c.encode(text, forKey: .text)
        case .link(let href, let title, let content):
            try c.encode("link", forKey: .type)
            try c.encode(href, forKey: .href)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encode(content, forKey: .content)
        case .lineBreak:
            try c.encode("lineBreak", forKey: .type)
        case .quote(let content):
            try c.encode("quote", forKey: .type)
            try c.encode(content, forKey: .content)
        case .mention(let mention):
            try c.encode("mention", forKey: .type)
            try c.encode(mention, forKey: .mention)
        case .raw(let format, let text):
            try c.encode("raw", forKey: .type)
            try c.encode(format, forKey: .format)
            try c.encode(text, forKey: .text)
        }
    }

    /// The text of this inline with all markup removed (a line break is a newline).
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): return text
        case .emphasis(let content), .strong(let content), .quote(let content), .link(_, _, let content):
            return content.plainText
        case .mention(let mention): return mention.content.plainText
        case .lineBreak: return "\n"
        case .raw: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines.
    public var plainText: String { map(\.plainText).joined() }
}
