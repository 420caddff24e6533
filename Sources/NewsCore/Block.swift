import Foundation

/// A block of an article's body or abstract.
///
/// In JSON each block is an object with a `type` (`paragraph`, `heading`, `blockQuote`, `list`,
/// `preformatted`, `media`, `table`, `horizontalRule`, `raw`) and that type's fields.
public indirect enum Block: Sendable, Hashable, Codable {
    /// A paragraph of running text.
    case paragraph([Inline])
    /// A heading inside the body (NITF `hl2`); level 1 is the highest.
    case heading(level: Int, content: [Inline])
    /// A quoted passage (NITF `bq`).
    case blockQuote([Block])
    /// A list; each item is a sequence of blocks.
    case list(ordered: Bool, items: [[Block]])
    /// Preformatted text (tables of results, code), printed as is.
    case preformatted(String)
    /// A picture, video or other media placed in the body.
    case media(MediaItem)
    /// A table.
    case table(Table)
    /// A thematic break.
    case horizontalRule
    /// Markup of another format kept as is (`format` is e.g. `nitf`, `html`).
    case raw(format: String, text: String)

    /// A table: an optional caption and rows of cells.
    public struct Table: Sendable, Hashable, Codable {
        public var caption: [Inline]
        public var rows: [Row]

        /// One table row; header rows hold column headings.
        public struct Row: Sendable, Hashable, Codable {
            public var isHeader: Bool
            public var cells: [[Inline]]

            public init(isHeader: Bool = false, cells: [[Inline]]) {
                self.isHeader = isHeader
                self.cells = cells
            }

            private enum CodingKeys: String, CodingKey {
                case isHeader = "header"
                case cells
            }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                isHeader = try c.decodeFlag(forKey: .isHeader)
                cells = try c.decodeArray([[Inline]].self, forKey: .cells)
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeIfTrue(isHeader, forKey: .isHeader)
                try c.encode(cells, forKey: .cells)
            }
        }

        public init(caption: [Inline] = [], rows: [Row]) {
            self.caption = caption
            self.rows = rows
        }

        private enum CodingKeys: String, CodingKey { case caption, rows }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            caption = try c.decodeArray([Inline].self, forKey: .caption)
            rows = try c.decodeArray([Row].self, forKey: .rows)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeNonEmpty(caption, forKey: .caption)
            try c.encode(rows, forKey: .rows)
        }
    }

    private enum CodingKeys: String, CodingKey { case type, content, level, blocks, ordered, items, text, media, table, format }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(try c.decodeArray([Inline].self, forKey: .content))
        case "heading":
            self = .heading(level: try c.decode(Int.self, forKey: .level), content: try c.decodeArray([Inline].self, forKey: .content))
        case "blockQuote": self = .blockQuote(try c.decodeArray([Block].self, forKey: .blocks))
        case "list":
            self = .list(ordered: try c.decodeFlag(forKey: .ordered), items: try c.decodeArray([[Block]].self, forKey: .items))
        case "preformatted": self = .preformatted(try c.decode(String.self, forKey: .text))
        case "media": self = .media(try c.decode(MediaItem.self, forKey: .media))
        case "table": self = .table(try c.decode(Table.self, forKey: .table))
        case "horizontalRule": self = .horizontalRule
        case "raw": self = .raw(format: try c.decode(String.self, forKey: .format), text: try c.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown block type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let content):
            try c.encode("paragraph", forKey: .type)
            try c.encode(content, forKey: .content)
        case .heading(let level, let content):
            try c.encode("heading", forKey: .type)
            try c.encode(level, forKey: .level)
            try c.encode(content, forKey: .content)
        case .blockQuote(let blocks):
            try c.encode("blockQuote", forKey: .type)
            try c.encode(blocks, forKey: .blocks)
        case .list(let ordered, let items):
            try c.encode("list", forKey: .type)
            try c.encode(ordered, forKey: .ordered)
            try c.encode(items, forKey: .items)
        case .preformatted(let text):
            try c.encode("preformatted", forKey: .type)
            try c.encode(text, forKey: .text)
        case .media(let media):
            try c.encode("media", forKey: .type)
            try c.encode(media, forKey: .media)
        case .table(let table):
            try c.encode("table", forKey: .type)
            try c.encode(table, forKey: .table)
        case .horizontalRule:
            try c.encode("horizontalRule", forKey: .type)
        case .raw(let format, let text):
            try c.encode("raw", forKey: .type)
            try c.encode(format, forKey: .format)
            try c.encode(text, forKey: .text)
        }
    }

    /// The text of this block with all markup removed; blocks inside are separated by blank lines.
    public var plainText: String {
        switch self {
        case .paragraph(let content), .heading(_, let content): return content.plainText
        case .blockQuote(let blocks): return blocks.plainText
        case .list(_, let items): return items.map(\.plainText).joined(separator: "\n")
        case .preformatted(let text): return text
        case .media(let media): return media.caption ?? ""
        case .table(let table): return table.rows.map { $0.cells.map(\.plainText).joined(separator: "\t") }.joined(separator: "\n")
        case .horizontalRule, .raw: return ""
        }
    }
}

extension Array where Element == Block {
    /// The plain text of the blocks, separated by blank lines.
    public var plainText: String { map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n") }
}
