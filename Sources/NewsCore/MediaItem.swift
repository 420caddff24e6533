import Foundation

/// A picture, video, audio or graphic associated with an article or placed in its body.
public struct MediaItem: Sendable, Hashable, Codable {
    /// An identifier (guid, residref or NITF `media@id`).
    public var id: String?
    /// What the media is.
    public var kind: Article.Kind?
    /// Where the main rendition is.
    public var href: String?
    /// The MIME type of the main rendition.
    public var mediaType: String?
    /// The caption.
    public var caption: String?
    /// The credit line (`AP Photo/Jane Doe`).
    public var credit: String?
    /// A title or alternative text.
    public var title: String?
    /// Further renditions (thumbnail, preview, high resolution...).
    public var renditions: [Rendition]

    /// One rendition of a media item.
    public struct Rendition: Sendable, Hashable, Codable {
        public var name: String?
        public var href: String?
        public var mediaType: String?
        public var width: Int?
        public var height: Int?
        public var sizeInBytes: Int?
        /// Duration in seconds, for audio and video.
        public var duration: Double?

        public init(
            name: String? = nil, href: String? = nil, mediaType: String? = nil, width: Int? = nil, height: Int? = nil,
            sizeInBytes: Int? = nil, duration: Double? = nil
        ) {
            self.name = name
            self.href = href
            self.mediaType = mediaType
            self.width = width
            self.height = height
            self.sizeInBytes = sizeInBytes
            self.duration = duration
        }
    }

    public init(
        id: String? = nil, kind: Article.Kind? = nil, href: String? = nil, mediaType: String? = nil,
        caption: String? = nil, credit: String? = nil, title: String? = nil, renditions: [Rendition] = []
    ) {
        self.id = id
        self.kind = kind
        self.href = href
        self.mediaType = mediaType
        self.caption = caption
        self.credit = credit
        self.title = title
        self.renditions = renditions
    }

    private enum CodingKeys: String, CodingKey { case id, kind, href, mediaType, caption, credit, title, renditions }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        kind = try c.decodeIfPresent(Article.Kind.self, forKey: .kind)
        href = try c.decodeIfPresent(String.self, forKey: .href)
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        credit = try c.decodeIfPresent(String.self, forKey: .credit)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        renditions = try c.decodeArray([Rendition].self, forKey: .renditions)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(href, forKey: .href)
        try c.encodeIfPresent(mediaType, forKey: .mediaType)
        try c.encodeIfPresent(caption, forKey: .caption)
        try c.encodeIfPresent(credit, forKey: .credit)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeNonEmpty(renditions, forKey: .renditions)
    }
}
