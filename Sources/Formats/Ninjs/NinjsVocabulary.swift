import Foundation
import NewsCore

/// The conventions newsconv uses where ninjs has no property of its own.
enum NinjsVocabulary {
    /// Keywords are written as subjects with this `rel`, and read back from it.
    static let keywordRel = "keyword"
    /// The provider is written as an info source with this role.
    static let providerRole = "provider"
    /// ninjs's events and objects are subjects of these NewsML-G2 concept types in the IR, and
    /// subjects of these types are written back as events and objects.
    static let conceptTypes: [(property: String, type: String)] = [("events", "cpnat:event"), ("objects", "cpnat:object")]
    /// The name of the rendition that is a media item's main file.
    static let originalRendition = "original"

    /// A name ninjs 1.x accepts as a property name: its pattern `^[a-zA-Z0-9_]+` asks only that
    /// it begin with one of those (`16-9` is fine).
    static func safeName(_ text: String) -> String {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber || first == "_" else { return "_" + text }
        return text
    }

    /// An association's name: the media's id when it is a plain name, else by kind and position.
    static func associationName(_ media: MediaItem, index: Int) -> String {
        if let id = media.id, !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) { return id }
        return "\((media.kind ?? .picture).rawValue)\(index + 1)"
    }
}
