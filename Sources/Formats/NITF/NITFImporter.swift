import BodyMarkup
import Foundation
import NewsCore
import NewsXML

/// Reads NITF 3.0 to 3.6, with or without the NITF namespace, in any encoding libxml2 knows
/// (UTF-8, ISO-8859-1, ...): one document is one article. See `docs/formats/nitf.md`.
public struct NITFImporter: ArticleImporter {
    public init() {}

    public func detect(_ sample: InputSample) -> Double {
        guard let root = XMLRootName.of(sample.bytes) else { return 0 }
        guard root == "nitf" || root.hasSuffix(":nitf") else { return 0 }
        return sample.contains(NITFVocabulary.namespace) ? 0.95 : 0.9
    }

    public func read(_ input: ImportInput, options: ConversionOptions) throws -> ImportResult {
        let path = input.path
        let document = try XMLDocument.parse(input.data, path: path, limits: options.limits)
        guard let root = document.root else {
            throw ConversionError(
                "nitf.input.empty", "the document has no root element", at: SourceLocation(path: path, line: 1, column: 1))
        }
        let location = SourceLocation(path: path, line: root.line, column: 1)
        guard root.isNamed("nitf") else {
            throw ConversionError("nitf.root.unexpected", "the root element is <\(root.name)>; expected <nitf>", at: location)
        }
        var diagnostics = document.warnings
        let namespace = root.namespaceURI
        if let namespace, namespace != NITFVocabulary.namespace {
            throw ConversionError(
                "nitf.namespace.unknown", "<nitf> is in the namespace \(namespace); expected NITF's \(NITFVocabulary.namespace) or none",
                at: location)
        }
        guard let body = root.first("body") else {
            throw ConversionError("nitf.body.missing", "<nitf> has no <body> (NITF requires one); expected head? then body", at: location)
        }

        var article = Article()
        article.origin = Origin(format: FormatModule.nitf.name, path: path, line: root.line, column: 1)
        for attribute in root.attributes where attribute.namespaceURI == nil {
            switch attribute.name {
            case "baselang": article.language = attribute.value.isEmpty ? nil : attribute.value
            case "version", "change.date", "change.time": break  // rewritten for 3.6 on output
            case let name where NITFVocabulary.keptRootAttributes.contains(name):
                article.extensions["nitf:nitf/@\(name)"] = .string(attribute.value)
            default:
                diagnostics.append(
                    .warning("nitf.import.unknown-attribute", "<nitf \(attribute.name)=...> is not a NITF attribute; dropped", at: location)
                )
            }
        }
        if let lang = root.attribute("lang", namespace: XMLElement.xmlNamespace), article.language == nil { article.language = lang }

        var head = NITFHeadReader(path: path, keepNamespace: namespace, article: article, reportsNotes: options.reportsNotes)
        for child in root.childElements {
            switch child.name {
            case "head": head.read(child)
            case "body": break
            default:
                if let other = child.namespaceURI, other != NITFVocabulary.namespace {
                    head.keep(child, container: "nitf")
                } else {
                    diagnostics.append(
                        .warning(
                            "nitf.import.unknown-element",
                            "<\(child.name)> is not a NITF element (after head and body only other namespaces may follow); dropped",
                            at: SourceLocation(path: path, line: child.line, column: 1)))
                }
            }
        }
        article = head.article
        diagnostics += head.diagnostics

        var reader = NITFBodyReader(
            codePrefix: "nitf.import", path: path, keepsUnmapped: true, keepNamespace: namespace, reportsNotes: options.reportsNotes)
        let content = reader.readBody(body)
        diagnostics += content.diagnostics
        article.headline = content.headline ?? head.title
        if let title = head.title, title != article.headline { article.extensions["nitf:head/title"] = .string(title) }
        article.subheadlines = content.subheadlines
        article.bylines = content.bylines
        article.dateline = content.dateline
        if let (place, region) = head.eventPlace {
            // `evloc` names the located place that the printed dateline does not.
            if article.dateline == nil { article.dateline = Dateline(text: "") }
            if article.dateline?.place == nil {
                article.dateline?.place = place
                article.dateline?.region = region
            } else if article.dateline?.place != place {
                article.places.appendUnique(Concept(name: place))
            }
        }
        article.abstract = content.abstract
        article.body = content.blocks
        article.media = content.associatedMedia
        article.signOff = content.signOff
        article.trailers = content.trailers
        if let distributor = content.distributor {
            // The org's identifier is the provider's code: `idsrc:value` (`OTC:BB:XML`), else the value.
            if let (source, value) = content.distributorCode {
                article.provider = Concept(qcode: source.map { "\($0):\(value)" }, literal: source == nil ? value : nil, name: distributor)
            } else {
                article.provider = Concept(literal: distributor, name: distributor)
            }
        }
        if let notice = content.rightsNotice { article.copyrightNotice = notice }
        if article.copyrightHolder == nil, let owner = content.rightsOwner { article.copyrightHolder = owner }
        var kept = head.kept
        for (key, element) in content.kept {
            kept.append(article: 0, key: "nitf:\(key)") { .string(element.serialized(defaultNamespace: namespace)) }
        }
        var result = ImportResult(articles: [article], diagnostics: diagnostics)
        result.keep(kept, deferring: options.defersKeptElements)
        return result
    }
}
