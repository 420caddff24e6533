import BodyMarkup
import Foundation
import NewsCore

/// NITF names and the small rules shared by the importer and the exporter.
enum NITFVocabulary {
    static let namespace = MarkupNames.nitf
    /// The fixed root attributes of NITF 3.6 (the schema allows only these values).
    static let version = "-//IPTC//DTD NITF 3.6//EN"
    static let changeDate = "September 11, 2009"
    static let changeTime = "12:26"

    /// An organisation's code as NITF's `org` holds it: a qcode's scheme (all before its last colon,
    /// as NITF sources write `idsrc="OTC:BB" value="XML"`) as `@idsrc` and its code as `@value`; a
    /// literal other than the name as `@value` alone.
    static func organisationCode(_ concept: Concept) -> (source: String?, value: String)? {
        if let qcode = concept.qcode, let colon = qcode.lastIndex(of: ":"), colon != qcode.startIndex,
            qcode.index(after: colon) != qcode.endIndex
        {
            return (String(qcode[..<colon]), String(qcode[qcode.index(after: colon)...]))
        }
        if let literal = concept.literal, let name = concept.name, literal != name { return (nil, literal) }
        return nil
    }

    /// `head` children in schema order.
    static let headOrder = ["title", "meta", "tobject", "iim", "docdata", "pubdata", "revision-history"]
    /// `docdata` children in the order the exporter writes them (`docdata` is a choice, any order is valid).
    enum DocdataChild: String, CaseIterable {
        case correction
        case evloc
        case docID = "doc-id"
        case delList = "del-list"
        case urgency
        case fixture
        case dateIssue = "date.issue"
        case dateRelease = "date.release"
        case dateExpire = "date.expire"
        case docScope = "doc-scope"
        case series
        case edMsg = "ed-msg"
        case duKey = "du-key"
        case docCopyright = "doc.copyright"
        case docRights = "doc.rights"
        case keyList = "key-list"
        case identifiedContent = "identified-content"
    }
    /// The names of ``DocdataChild``, in its order.
    static let docdataOrder = DocdataChild.allCases.map(\.rawValue)
    /// Root attributes kept in extensions (`nitf:nitf/@uno`); `baselang` is the language, the version attributes are rewritten.
    static let keptRootAttributes = ["uno", "id", "class"]

    /// The `meta` names that map to IR fields (AAP's ANPA fields).
    static let sluglineMeta = "anpa-keyword"
    static let takeKeyMeta = "anpa-takekey"

    /// `subj:` is IPTC's Subject Codes scheme, the vocabulary of `tobject.subject/@tobject.subject.refnum`.
    static let subjectScheme = "subj:"
    /// `genre:` is IPTC's Genre scheme, whose codes NITF's `tobject.property.type` uses (`Current`, `Analysis`).
    static let genreScheme = "genre:"

    /// The attribute of an `identified-content` element that holds its concept's identifier.
    static func idAttribute(_ element: String) -> String { element == "location" ? "location-code" : "value" }

    /// The identifier written in `@value` for a concept: its qcode, URI or literal.
    static func value(of concept: Concept) -> String? { concept.qcode ?? concept.uri ?? concept.literal }

    /// A concept for `@value` text: a URI, a qcode (`medtop:123`) or a literal.
    static func concept(value: String?, name: String?) -> Concept {
        var concept = Concept(name: name)
        guard let value, !value.isEmpty else { return concept }
        if value.contains("://") {
            concept.uri = value
        } else if isQCode(value) {
            concept.qcode = value
        } else {
            concept.literal = value
        }
        return concept
    }

    /// NewsML-G2's QCode pattern `[^\s:]+:[^\s]+`.
    static func isQCode(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
            return false
        }
        return !text.contains(where: \.isWhitespace) && !text[..<colon].contains(":")
    }
}
