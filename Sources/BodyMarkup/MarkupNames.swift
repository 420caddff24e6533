import Foundation
import NewsCore

/// Namespaces and the element names that carry the IR's inline entity mentions.
package enum MarkupNames {
    package static let nitf = "http://iptc.org/std/NITF/2006-10-18/"
    package static let xhtml = "http://www.w3.org/1999/xhtml"
    /// newsconv's own namespace, for the few attributes NITF 3.6 allows from other namespaces
    /// (`##other`) that keep IR data with no NITF element (the dateline's agency).
    package static let newsconv = "urn:newsconv:extension"
    /// The class of the `block` at the end of `body.content` that holds an article's associated
    /// media (pictures that go with the story but are not placed in its text).
    package static let associatedMediaClass = "associated-media"

    /// NITF inline element for each mention kind, and back.
    package static let nitfMention: [Inline.Mention.Kind: String] = [
        .person: "person", .organisation: "org", .place: "location", .event: "event", .object: "object.title",
        .function: "function", .date: "chron", .money: "money", .number: "num", .other: "classifier",
    ]
    package static let mentionForNITF: [String: Inline.Mention.Kind] = Dictionary(uniqueKeysWithValues: nitfMention.map { ($1, $0) })

    /// The NITF attribute that carries a mention's id.
    package static func nitfIdentifierAttribute(_ kind: Inline.Mention.Kind) -> String {
        switch kind {
        case .place: "location-code"
        case .date: "norm"
        case .money: "unit"
        case .number: "units"
        default: "value"
        }
    }
}
