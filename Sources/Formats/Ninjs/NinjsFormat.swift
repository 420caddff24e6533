import Foundation
import NewsCore

extension FormatModule {
    /// IPTC ninjs ("news in JSON"): 1.x, 2.x and 3.x in; out as 3.1 (default), 2.2 or 1.6.
    public static let ninjs = FormatModule(
        name: "ninjs",
        title: "IPTC ninjs 1.x, 2.x, 3.x (news in JSON); writes 3.1, 2.2 or 1.6",
        fileExtensions: ["json", "ninjs"],
        mediaTypes: ["application/ninjs+json"],
        importer: NinjsImporter(),
        exporter: NinjsExporter(),
        holdsManyArticles: false,
        validator: NinjsValidator(),
        options: [
            .init(
                key: NinjsFormatOptions.profile, help: "the profile written: 3 (ninjs 3.1, the default), 2 (2.2) or 1 (1.6)",
                values: ["3", "2", "1"])
        ]
        // Reads every extension: an article without an id gets a uri from a hash of all of it.
    )
}
