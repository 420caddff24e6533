import Foundation
import NewsCore

extension FormatModule {
    /// ANPA 1312: the framing AP's wire still uses (SYN SYN SOH, header, STX, text, ETX).
    public static let anpa = FormatModule(
        name: "anpa",
        aliases: ["anpa1312"],
        title: "ANPA 1312 wire messages (AP); read only",
        fileExtensions: ["anpa"],
        mediaTypes: [],
        importer: ANPAImporter(),
        exporter: nil,
        holdsManyArticles: false,
        readsExtensions: ["anpa:"]
    )
}
