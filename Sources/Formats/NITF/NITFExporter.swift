import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Writes one article as a NITF 3.6 document, valid against IPTC's `nitf-3-6.xsd`. NITF holds
/// one article per document (the CLI writes several into a directory, one file each). What NITF
/// has no element for is reported as a warning, never dropped silently.
public struct NITFExporter: ArticleExporter {
    /// IPTC's schema: what `validate` reads from the standards folder, and what outputs holding
    /// kept XML are held to (built in).
    static let schema = "nitf/3.6/nitf-3-6.xsd"

    public init() {}

    public func write(_ articles: [Article], options: ConversionOptions) throws -> ExportResult {
        guard articles.count == 1 else {
            throw ConversionError(
                "nitf.export.one-article", "a NITF document holds one article, and \(articles.count) were given; write them one per file")
        }
        // An article with headlines of other roles or languages but no plain one (a ninjs
        // `headlines` entry with a role, a G2 headline in another language): NITF's one `hl1`
        // holds the first of them rather than none; its role or language is named as dropped.
        if articles[0].headline == nil, let index = articles[0].alternatives.firstIndex(where: { $0.field == "headline" }) {
            var article = articles[0]
            let promoted = article.alternatives.remove(at: index)
            article.headline = promoted.text
            var result = Self.write(article, reportsNotes: options.reportsNotes)
            let language = promoted.language == article.language ? nil : promoted.language
            let tags = [promoted.role.map { "role '\($0)'" }, language.map { "language '\($0)'" }].compactMap { $0 }
            if !tags.isEmpty {
                result.diagnostics.append(
                    .warning(
                        "nitf.export.headline-tags",
                        "the headline has the \(tags.joined(separator: " and ")), which NITF's hl1 cannot hold; written as hl1 without it",
                        at: article.origin?.location ?? SourceLocation()))
            }
            return result
        }
        return Self.write(articles[0], reportsNotes: options.reportsNotes)
    }

    /// The article borrowed: written without copies of it. Elements kept whole from an invalid
    /// source are checked against the schema; the document is written again without those it
    /// refuses.
    private static func write(_ article: borrowing Article, reportsNotes: Bool) -> ExportResult {
        RawXMLSchemaCheck.write(
            schema: schema, schemaName: "NITF 3.6", codePrefix: "nitf.export", at: article.origin?.location ?? SourceLocation()
        ) { refused in
            write(article, reportsNotes: reportsNotes, refused: refused)
        }
    }

    private static func write(_ article: borrowing Article, reportsNotes: Bool, refused: Set<String>) -> (
        writer: XMLWriter, diagnostics: [Diagnostic]
    ) {
        let location = article.origin?.location ?? SourceLocation()
        var w = XMLWriter()
        w.refusedFragments = refused
        w.declaration()
        var attributes = [
            ("xmlns", NITFVocabulary.namespace), ("version", NITFVocabulary.version),
            ("change.date", NITFVocabulary.changeDate), ("change.time", NITFVocabulary.changeTime),
        ]
        if let language = article.language { attributes.append(("baselang", language)) }
        // Most articles (all but NITF's own) hold nothing kept from NITF: no look-ups then.
        let hasKept = article.extensions.values.keys.contains { $0.hasUTF8Prefix("nitf:") }
        for name in NITFVocabulary.keptRootAttributes where hasKept {
            if case .string(let value)? = article.extensions["nitf:nitf/@\(name)"] { attributes.append((name, value)) }
        }
        w.start("nitf", attributes)

        var head = NITFHeadWriter(location: location)
        head.write(article, to: &w)

        var body = NITFBodyWriter(codePrefix: "nitf.export", location: location)
        for (key, value) in article.extensions.values where hasKept && (key.hasPrefix("nitf:body.head/") || key.hasPrefix("nitf:body.end/"))
        {
            if case .array(let fragments) = value {
                body.standalone.kept[String(key.dropFirst("nitf:".count))] = fragments.compactMap(\.stringValue)
            }
        }
        body.standalone.distributor = article.provider.flatMap { $0.name ?? $0.literal ?? $0.qcode ?? $0.uri }
        body.standalone.distributorCode = article.provider.flatMap(NITFVocabulary.organisationCode)
        body.standalone.rightsNotice = article.copyrightNotice
        body.standalone.associatedMedia = article.media
        body.writeBody(article, to: &w)
        // Elements of other namespaces after body (NITF 3.6 allows them there).
        head.writeOthers("nitf", known: [], of: article, to: &w)
        w.end()
        w.finish()

        var diagnostics = head.diagnostics + body.diagnostics
        let dropped = Self.droppedFields(article)
        if !dropped.isEmpty {
            diagnostics.append(
                .warning(
                    "nitf.export.dropped-fields", "NITF has no element for the article's \(dropped.joined(separator: ", ")); dropped",
                    at: location))
        }
        let foreign = reportsNotes ? Self.foreignPrefixes(article) : []
        if !foreign.isEmpty {
            diagnostics.append(
                .note(
                    "nitf.export.foreign-extensions",
                    "extensions kept from other formats (\(foreign.joined(separator: ", "))) are not written to NITF", at: location))
        }
        if w.replacedCharacters > 0 {
            diagnostics.append(
                .warning(
                    "nitf.export.invalid-characters", "\(w.replacedCharacters) characters that XML 1.0 forbids were replaced by U+FFFD",
                    at: location))
        }
        return (w, diagnostics)
    }

    /// The IR fields with a value that NITF cannot hold.
    static func droppedFields(_ article: Article) -> [String] {
        var dropped: [String] = []
        if article.version != nil { dropped.append("version") }
        if article.kind != .text && article.kind != .composite { dropped.append("kind (\(article.kind.rawValue))") }
        if !article.signals.isEmpty { dropped.append("signals") }
        // date.issue is the version's date: a first-created date is not written as it.
        if let first = article.firstCreated, first != article.versionCreated { dropped.append("firstCreated") }
        if let urgency = article.urgency, !(1...8).contains(urgency) { dropped.append("urgency \(urgency) (NITF's ed-urg is 1-8)") }
        if article.contentCreated != nil { dropped.append("contentCreated") }
        if article.contentModified != nil { dropped.append("contentModified") }
        if article.priority != nil { dropped.append("priority") }
        if !article.infoSources.isEmpty { dropped.append("infoSources") }
        if article.creditline != nil { dropped.append("creditline") }
        // NITF holds one headline, copyright notice and usage terms, and no parties with roles.
        return dropped + article.fieldsWithRolesAndLanguages()
    }

    /// The prefixes (`g2:`, `ninjs:`) of the extension keys that are not NITF's, found on the
    /// keys' UTF-8 bytes (Character-by-Character work showed in batch profiles).
    static func foreignPrefixes(_ article: Article) -> [String] {
        var prefixes: [String] = []
        for (key, value) in article.extensions.values where !key.hasUTF8Prefix("nitf:") {
            // Plain facts are written as `meta`.
            if Extensions.isPlainFact(key, value) { continue }
            let end = key.firstUTF8Index(of: UInt8(ascii: ":")) ?? key.endIndex
            let prefix = String(key[..<end]) + ":"
            if !prefixes.contains(prefix) { prefixes.append(prefix) }
        }
        return prefixes.sorted()
    }
}
