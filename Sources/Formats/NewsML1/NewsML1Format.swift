import Foundation
import NewsCore

extension FormatModule {
    /// NewsML 1.2 (IPTC, 2003): the envelope format AFP, ANA, EFE, Reuters and Business Wire
    /// send; read only, each NewsItem one article.
    public static let newsml1 = FormatModule(
        name: "newsml1",
        aliases: ["newsml12"],
        title: "IPTC NewsML 1.2 (read only); each NewsItem is one article",
        fileExtensions: ["newsml1", "xml"],
        // NewsML 1.2 has no registered media type; a server sees it as XML and detects it.
        mediaTypes: [],
        importer: NewsML1Importer(),
        exporter: nil,
        holdsManyArticles: true,
        readsExtensions: ["newsml1:"]
    )
}
