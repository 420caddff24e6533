import Foundation
import NewsCore
import NewsXML

extension FormatModule {
    /// NewsML-G2 2.x: newsItem, packageItem and newsMessage in; 2.35 out (inline NITF bodies).
    public static let newsMLG2 = FormatModule(
        name: "newsml-g2",
        aliases: ["newsml", "g2"],
        title: "IPTC NewsML-G2 2.x (newsItem, packageItem, newsMessage); writes 2.35 with inline NITF",
        fileExtensions: ["xml", "g2", "newsml"],
        mediaTypes: ["application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml"],
        importer: NewsMLG2Importer(),
        exporter: NewsMLG2Exporter(),
        holdsManyArticles: true,
        // Reads every extension: an item without a guid gets one from a hash of the whole article.
        validator: XSDDocumentValidator(schemaPath: NewsMLG2Exporter.schema)
    )
}
