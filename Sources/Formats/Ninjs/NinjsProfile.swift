import Foundation

/// The three incompatible families of ninjs, each written as its latest version: 3.x (3.1,
/// camelCase), 2.x (2.2, lowercase, arrays of typed objects) and 1.x (1.6, flat: `body_html`,
/// `headline`, `subject`). Property names differ between them; this type spells them.
public enum NinjsProfile: Int, Sendable, CaseIterable {
    case v1 = 1
    case v2 = 2
    case v3 = 3

    /// The version written, and the schema file it is valid against.
    public var version: String {
        switch self {
        case .v1: "1.6"
        case .v2: "2.2"
        case .v3: "3.1"
        }
    }

    var schemaURI: String { "https://www.iptc.org/std/ninjs/ninjs-schema_\(version).json" }

    /// The profile an option value names: `3`, `3.1`, `2`, `2.2`, `1`, `1.6`, `ninjs3` ...
    public init?(option: String) {
        var text = option.lowercased()
        if text.hasPrefix("ninjs") { text.removeFirst(5) }
        guard let first = text.first, let major = Int(String(first)), let profile = NinjsProfile(rawValue: major) else { return nil }
        guard text.count == 1 || text.dropFirst().first == "." || text.dropFirst().first == "x" else { return nil }
        self = profile
    }

    /// The spelling of a property in this family, from its 3.x name.
    func key(_ name: String) -> String {
        switch self {
        case .v3:
            return name
        case .v2:
            if name == "embargoedUntil" { return "embargoed" }
            if name == "by" { return "by" }
            return name.lowercased()
        case .v1:
            switch name {
            case "embargoedUntil": return "embargoed"
            case "by": return "byline"
            case "standard": return "$standard"
            case "people": return "person"
            case "organisations": return "organisation"
            case "places": return "place"
            case "subjects": return "subject"
            case "events": return "event"
            case "objects": return "object"
            case "infoSources": return "infosource"
            case "genres": return "genre"
            case "trustIndicators": return "trustindicator"
            default: return name.lowercased()
            }
        }
    }

    /// The top-level properties the family's schema defines (it rejects others), by their 3.x names.
    static let properties: [NinjsProfile: Set<String>] = {
        let common: Set<String> = [
            "uri", "type", "representationType", "profile", "version", "firstCreated", "versionCreated", "contentCreated",
            "embargoedUntil", "pubStatus", "urgency", "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "language",
            "people", "organisations", "places", "subjects", "events", "objects", "infoSources", "title", "by", "slugline",
            "located", "renditions", "associations", "altIds", "trustIndicators", "standard", "genres", "expires", "rightsInfo",
            "digitalSourceType",
        ]
        return [
            .v3: common.union(["descriptions", "bodies", "headlines", "eventDetails", "plannedCoverage"]),
            .v2: common.union(["descriptions", "bodies", "headlines"]),
            .v1: common.union(["mimetype", "headline", "charCount", "wordCount"]),
        ]
    }()

    /// Whether a property, as spelled in a document of this family, is one the schema defines.
    func defines(_ spelled: String) -> Bool {
        // 1.x's pattern properties, `^body_[a-zA-Z0-9_]+` and the like: the prefix and at least
        // one such character (`headline_` alone is not one).
        if self == .v1, let prefix = ["body_", "headline_", "description_"].first(where: spelled.hasPrefix) {
            if let next = spelled.utf8.dropFirst(prefix.utf8.count).first {
                return (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x5F
            }
            return false
        }
        return Self.properties[self]!.contains { key($0) == spelled }
    }

    /// The 3.x name of a property as spelled in this family, when the family defines it.
    func canonical(_ spelled: String) -> String? {
        Self.properties[self]!.first { key($0) == spelled }
    }
}
