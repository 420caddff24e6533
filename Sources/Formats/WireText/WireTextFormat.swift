import Foundation
import NewsCore

extension FormatModule {
    /// Plain agency wire text: datelines, bylines, sign-offs and desk initials, IPTC 7901 envelopes.
    public static let wireText = FormatModule(
        name: "wire",
        aliases: ["text", "txt"],
        title: "Plain agency wire text (dateline, body, sign-off; IPTC 7901 envelopes)",
        fileExtensions: ["txt", "text", "wire", "iptc", "7901"],
        mediaTypes: ["text/plain"],
        importer: WireTextImporter(),
        holdsManyArticles: false
    )
}
