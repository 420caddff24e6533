import Foundation
import NewsCore

extension FormatModule {
    /// Plain agency wire text: datelines, bylines, sign-offs and desk initials, IPTC 7901 envelopes.
    public static let wireText = FormatModule(
        name: "wire",
        aliases: ["text", "txt"],
        title: "Plain agency wire text (dateline, body, sign-off; IPTC 7901 envelopes), read and written",
        fileExtensions: ["txt", "text", "wire", "iptc", "7901"],
        mediaTypes: ["text/plain"],
        importer: WireTextImporter(),
        exporter: WireTextExporter(),
        holdsManyArticles: false,
        options: [
            .init(
                key: WireTextExporter.Option.framing, help: "plain text (the default) or an IPTC 7901 message",
                values: ["plain", "iptc7901"]),
            .init(key: WireTextExporter.Option.width, help: "wrap lines at this many characters; 0 does not wrap (69 for 7901)"),
            .init(key: WireTextExporter.Option.lineEnds, help: "lf, or crlf (the 7901 default)", values: ["lf", "crlf"]),
            .init(
                key: WireTextExporter.Option.encoding, help: "utf-8 (the default), or latin1 with stated transliterations",
                values: ["utf-8", "latin1"]),
        ],
        // Reads the 7901 header, category and date-time group a 7901 source kept.
        readsExtensions: [IPTC7901Envelope.Key.prefix]
    )
}
