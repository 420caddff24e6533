import NewsCore

/// NewsML-G2 names, element orders and qcode resolution.
enum G2Vocabulary {
    static let namespace = "http://iptc.org/std/nar/2006-10-01/"
    static let standardVersion = "2.35"

    /// The children of `newsItem` after the catalogs, in schema order.
    static let newsItemOrder = [
        "hopHistory", "pubHistory", "rightsInfo", "itemMeta", "contentMeta", "partMeta", "assert", "inlineRef", "derivedFrom",
        "derivedFromValue", "contentSet",
    ]

    /// The children of `itemMeta`, in schema order.
    static let itemMetaOrder = [
        "itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus", "role", "fileName", "generator",
        "profile", "service", "title", "edNote", "memberOf", "instanceOf", "signal", "altRep", "deliverableOf", "hash", "expires",
        "origRep", "incomingFeedId", "metadataCreator", "link", "itemMetaExtProperty",
    ]

    /// The children of `contentMeta`, in the order newsconv writes them (the schema fixes the
    /// administrative head; the rest may come in any order).
    static let contentMetaOrder = [
        "icon", "urgency", "contentCreated", "contentModified", "digitalSourceType",
        "located", "infoSource", "creator", "contributor", "audience", "exclAudience", "altId", "rating", "userInteraction",
        "language", "genre", "keyword", "subject", "slugline", "headline", "dateline", "by", "creditline", "description",
        "contentMetaExtProperty",
    ]

    /// Item kinds and `ninat:` codes.
    static let itemClass: [Article.Kind: String] = [
        .text: "ninat:text", .picture: "ninat:picture", .video: "ninat:video", .audio: "ninat:audio", .graphic: "ninat:graphic",
        .composite: "ninat:composite",
    ]

    static let subheadlineRole = "hld:subHeadline"
    static let summaryRole = "drol:summary"
    static let captionRole = "drol:caption"
    /// The relation of an `itemMeta/link` to media that go with a text item (IPTC's LISTING 5 uses it).
    static let associatedWith = "irel:associatedWith"

    /// Whether an item of this kind is a story whose pictures and video are linked, not its content.
    static func linksMedia(_ kind: Article.Kind) -> Bool { kind == .text || kind == .composite }

    /// The `reluri` of the `contentMetaExtProperty` that carries a dynamic use key (NITF's
    /// `du-key`, which G2 has no element for); `<reluri>:version`, `:generation` and `:part`
    /// carry its attributes, after the key they belong to.
    static let useKeyRelation = "urn:newsconv:nitf:du-key"

    /// The `reluri` of the `contentMetaExtProperty` that carries an ANPA or wire take key
    /// (`UPDATE 1`), which G2 has no element for.
    static let takeKeyRelation = "urn:newsconv:take-key"

    /// The `reluri` prefix of the `contentMetaExtProperty` that carries a plain fact of another
    /// format (``Extensions/textEntries(excludingPrefix:)``): `urn:newsconv:extension:iptc7901:header`.
    static let extensionRelation = "urn:newsconv:extension:"
    static let useKeyAttributes = ["version", "generation", "part"]

    /// The elements whose text is G2's `g2normalizedString` (`[\S ]*`: no tab, no line end), in
    /// NewsML-G2 2.35's power schema: a kept one that holds line breaks is written with spaces.
    static let oneLineElements: Set<String> = [
        "creditline", "fileName", "generator", "keyword", "line", "name", "postalCode", "profile", "slugline",
    ]

    /// What a description's role says it is, whatever the scheme's prefix (IPTC's `drol:`,
    /// Reuters' `descRole:`, an agency's own): the code after the colon.
    enum DescriptionRole { case summary, caption, other }

    static func descriptionRole(_ role: String?) -> DescriptionRole {
        guard let role else { return .summary }
        switch G2ItemReader.code(ofQCode: role).lowercased() {
        case "summary", "abstract", "synopsis": return .summary
        case "caption": return .caption
        default: return .other
        }
    }

    /// The concept properties newsconv writes that have a `role` (and `roleuri`): `infoSource`
    /// only; `provider`, `subject`, `genre` and `broader` have none.
    static let conceptsWithRole: Set<String> = ["infoSource", "creator", "contributor"]

    /// True for an `xs:language` value: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.enumerated().allSatisfy { index, part in
            (1...8).contains(part.utf8.count)
                && part.utf8.allSatisfy {
                    ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || (index > 0 && $0 >= 0x30 && $0 <= 0x39)
                }
        }
    }

    /// True for a value that is a URI, not a qcode, though both have a colon (`http://...`).
    static func isURI(_ text: String) -> Bool { text.contains("://") }

    /// True for a qcode as G2's QCodeType has it: `[^\s:]+:[^\s]+`.
    static func isQCode(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let after = text[text.index(after: colon)...]
        return !after.isEmpty && !text.contains(where: \.isWhitespace) && !text[..<colon].contains(":")
    }

    /// The URI a qcode stands for, through the IPTC catalog's scheme aliases.
    static func uri(forQCode qcode: String) -> String? { IPTCSchemeAliases.uri(forQCode: qcode) }

    /// A G2 `xs:dateTime` for an IR date; a date without a time gets midnight. Nil when the date is partial.
    static func dateTime(_ date: NewsDate) -> String? {
        guard date.hasFullDate else { return nil }
        if date.time != nil { return date.iso8601 }
        var copy = date
        copy.time = .init(hour: 0, minute: 0)
        return copy.iso8601
    }

    /// A G2 `TruncatedDateTime` (date, dateTime, gYearMonth or gYear): nil for a date without a year.
    static func truncatedDateTime(_ date: NewsDate) -> String? {
        date.year == nil ? nil : date.iso8601
    }

    /// A G2 `DateOptTimeType` (date or dateTime): nil unless year, month and day are known.
    static func dateOptTime(_ date: NewsDate) -> String? {
        date.hasFullDate ? date.iso8601 : nil
    }
}
