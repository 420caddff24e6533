import Foundation
import NewsCore
import PropertyBased

/// Random articles that exercise every IR field, nested blocks and inlines, partial dates,
/// extension values and awkward strings (quotes, backslashes, control characters, non-ASCII).
public enum ArticleGenerator {
    /// Random articles; a failing one is shrunk (``ArticleShrinker``) to the fewest fields that
    /// still fail, so that a report names what matters.
    public static let article = Generator<Article, [Article]>(
        run: { rng in
            var g = Source(rng: rng)
            return g.article()
        },
        shrink: { ArticleShrinker.candidates($0) })

    struct Source {
        var rng: any SeededRandomNumberGenerator

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func chance(_ p: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func maybe<T>(_ make: (inout Source) -> T) -> T? { chance() ? make(&self) : nil }
        mutating func many<T>(_ max: Int, _ make: (inout Source) -> T) -> [T] {
            (0..<int(0...max)).map { _ in make(&self) }
        }

        static let pieces = [
            "Islamabad", "EFE", "a\"quote\"", "back\\slash", "tab\there", "line\nbreak", "Bogotá", "«Mythos»", "日本語", "emoji 🗞️",
            "<tag>&amp;", "", " ", "\u{01}ctl", "/slash/", "null", "1.5",
        ]

        mutating func string() -> String {
            (0..<int(1...3)).map { _ in Self.pieces[int(0...(Self.pieces.count - 1))] }.joined(separator: " ")
        }

        mutating func date() -> NewsDate {
            switch int(0...4) {
            case 0: return NewsDate(month: int(1...12), day: int(1...28))
            case 1: return NewsDate(year: int(1990...2030))
            case 2: return NewsDate(year: int(1990...2030), month: int(1...12))
            case 3: return NewsDate(year: int(1990...2030), month: int(1...12), day: int(1...28))
            default:
                let fraction: String? = chance(0.3) ? String(int(0...999)) : nil
                return NewsDate(
                    year: int(1990...2030), month: int(1...12), day: int(1...28),
                    time: .init(hour: int(0...23), minute: int(0...59), second: int(0...59), fraction: fraction),
                    utcOffsetMinutes: chance() ? int(-12...14) * 60 : (chance() ? 0 : nil))
            }
        }

        mutating func concept(depth: Int = 0) -> Concept {
            Concept(
                qcode: maybe { $0.string() }, uri: maybe { $0.string() }, literal: maybe { $0.string() }, name: maybe { $0.string() },
                type: maybe { $0.string() }, role: maybe { $0.string() }, broader: depth < 1 ? many(2) { $0.concept(depth: depth + 1) } : []
            )
        }

        mutating func inline(depth: Int = 0) -> Inline {
            let leaf = depth >= 2
            switch int(0...(leaf ? 2 : 8)) {
            case 0: return .text(string())
            case 1: return .lineBreak
            case 2: return .code(string())
            case 3: return .emphasis(inlines(depth + 1))
            case 4: return .strong(inlines(depth + 1))
            case 5: return .link(href: string(), title: maybe { $0.string() }, content: inlines(depth + 1))
            case 6: return .quote(inlines(depth + 1))
            case 7:
                let kinds = Inline.Mention.Kind.allCases
                return .mention(.init(kind: kinds[int(0...(kinds.count - 1))], id: maybe { $0.string() }, content: inlines(depth + 1)))
            default: return .raw(format: "html", text: string())
            }
        }

        mutating func inlines(_ depth: Int = 0) -> [Inline] { many(3) { $0.inline(depth: depth) } }

        mutating func media() -> MediaItem {
            MediaItem(
                id: maybe { $0.string() }, kind: maybe { s in Article.Kind.allCases[s.int(0...5)] }, href: maybe { $0.string() },
                mediaType: maybe { $0.string() }, caption: maybe { $0.string() }, credit: maybe { $0.string() },
                title: maybe { $0.string() },
                renditions: many(2) { s in
                    MediaItem.Rendition(
                        name: s.maybe { $0.string() }, href: s.maybe { $0.string() }, mediaType: s.maybe { $0.string() },
                        width: s.maybe { $0.int(1...4000) }, height: s.maybe { $0.int(1...4000) },
                        sizeInBytes: s.maybe { $0.int(0...1_000_000) }, duration: s.maybe { Double($0.int(0...7200)) / 4 })
                })
        }

        mutating func block(depth: Int = 0) -> Block {
            let leaf = depth >= 2
            switch int(0...(leaf ? 4 : 8)) {
            case 0, 1: return .paragraph(inlines(depth))
            case 2: return .heading(level: int(1...6), content: inlines(depth))
            case 3: return .preformatted(string())
            case 4: return .horizontalRule
            case 5: return .blockQuote(many(2) { $0.block(depth: depth + 1) })
            case 6: return .list(ordered: chance(), items: many(3) { s in s.many(2) { $0.block(depth: depth + 1) } })
            case 7: return .media(media())
            default:
                return .table(
                    .init(caption: inlines(2), rows: many(3) { s in .init(isHeader: s.chance(), cells: s.many(3) { $0.inlines(2) }) }))
            }
        }

        mutating func json(depth: Int = 0) -> JSONValue {
            switch int(0...(depth >= 2 ? 3 : 5)) {
            case 0: return .null
            case 1: return .bool(chance())
            case 2: return .number(chance() ? Double(int(-1_000_000...1_000_000)) : Double(int(-1000...1000)) / 8)
            case 3: return .string(string())
            case 4: return .array(many(3) { $0.json(depth: depth + 1) })
            default:
                var object: [String: JSONValue] = [:]
                for _ in 0..<int(0...3) { object[string()] = json(depth: depth + 1) }
                return .object(object)
            }
        }

        mutating func article() -> Article {
            var extensions = Extensions()
            for _ in 0..<int(0...3) { extensions["ns:" + string()] = json() }
            return Article(
                id: maybe { $0.string() }, version: maybe { $0.int(1...50) }, language: maybe { $0.string() },
                kind: Article.Kind.allCases[int(0...5)], status: maybe { s in Article.Status.allCases[s.int(0...2)] },
                signals: many(2) { $0.string() }, firstCreated: maybe { $0.date() }, versionCreated: maybe { $0.date() },
                contentCreated: maybe { $0.date() }, contentModified: maybe { $0.date() }, embargoed: maybe { $0.date() },
                expires: maybe { $0.date() }, urgency: maybe { $0.int(1...9) }, priority: maybe { $0.int(1...9) },
                headline: maybe { $0.string() }, subheadlines: many(2) { $0.string() }, slugline: maybe { $0.string() },
                takeKey: maybe { $0.string() },
                useKeys: many(1) { s in
                    UseKey(key: s.string(), version: s.maybe { String($0.int(1...99)) }, generation: s.maybe { String($0.int(1...9)) })
                },
                bylines: many(2) { s in
                    Byline(
                        name: s.string(), title: s.maybe { $0.string() }, affiliation: s.maybe { $0.string() },
                        role: s.maybe { $0.string() }, id: s.maybe { $0.string() },
                        text: s.maybe { $0.string() })
                },
                creators: many(2) { $0.concept() }, contributors: many(1) { $0.concept() },
                dateline: maybe { s in
                    Dateline(
                        text: s.string(), place: s.maybe { $0.string() }, region: s.maybe { $0.string() }, date: s.maybe { $0.date() },
                        source: s.maybe { $0.string() })
                },
                abstract: many(2) { $0.block() },
                descriptions: many(2) { s in TaggedText(text: s.string(), language: s.maybe { _ in "en" }, role: s.maybe { $0.string() }) },
                body: many(6) { $0.block() }, signOff: maybe { $0.string() },
                trailers: many(2) { $0.string() }, editorialNotes: many(2) { $0.string() }, subjects: many(3) { $0.concept() },
                genres: many(2) { $0.concept() }, keywords: many(3) { $0.string() }, people: many(2) { $0.concept() },
                organisations: many(2) { $0.concept() }, places: many(2) { $0.concept() }, provider: maybe { $0.concept() },
                infoSources: many(2) { $0.concept() }, creditline: maybe { $0.string() }, copyrightHolder: maybe { $0.string() },
                copyrightNotice: maybe { $0.string() }, usageTerms: maybe { $0.string() },
                alternatives: many(2) { s in
                    TaggedText(text: s.string(), language: s.maybe { _ in "de" }, role: s.maybe { $0.string() }, field: "usageTerms")
                },
                media: many(2) { $0.media() },
                extensions: extensions,
                origin: maybe { s in
                    Origin(
                        format: s.string(), path: s.maybe { $0.string() }, encoding: s.maybe { $0.string() },
                        line: s.maybe { $0.int(1...999) }, column: s.maybe { $0.int(1...99) })
                })
        }
    }
}
