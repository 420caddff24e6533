import Foundation

/// A concept from a controlled vocabulary or a free one: a subject, genre, person,
/// organisation, place, provider or source.
///
/// A concept is identified by a `qcode` (`medtop:20000763`), a `uri`
/// (`http://cv.iptc.org/newscodes/mediatopic/20000763`) or a `literal`, and named by `name`.
public struct Concept: Sendable, Hashable, Codable {
    /// A scheme-alias-qualified code, e.g. `medtop:20000763`.
    public var qcode: String?
    /// The concept's URI.
    public var uri: String?
    /// A free-text identifier, when the concept has no code.
    public var literal: String?
    /// The human-readable name.
    public var name: String?
    /// The concept type (`cpnat:person`, `cpnat:geoArea`, ...).
    public var type: String?
    /// The role of the concept for the article (e.g. an info source's role, a subject's relevance role).
    public var role: String?
    /// Broader concepts (NewsML-G2 `broader`).
    public var broader: [Concept]

    public init(
        qcode: String? = nil, uri: String? = nil, literal: String? = nil, name: String? = nil,
        type: String? = nil, role: String? = nil, broader: [Concept] = []
    ) {
        self.qcode = qcode
        self.uri = uri
        self.literal = literal
        self.name = name
        self.type = type
        self.role = role
        self.broader = broader
    }

    private enum CodingKeys: String, CodingKey { case qcode, uri, literal, name, type, role, broader }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        qcode = try c.decodeIfPresent(String.self, forKey: .qcode)
        uri = try c.decodeIfPresent(String.self, forKey: .uri)
        literal = try c.decodeIfPresent(String.self, forKey: .literal)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        broader = try c.decodeArray([Concept].self, forKey: .broader)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(qcode, forKey: .qcode)
        try c.encodeIfPresent(uri, forKey: .uri)
        try c.encodeIfPresent(literal, forKey: .literal)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeNonEmpty(broader, forKey: .broader)
    }
}
