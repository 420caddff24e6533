import Foundation
import NewsCore
import NewsXML

extension FormatModule {
    /// NITF: 3.0 to 3.6 in (with or without the namespace), 3.6 out; one article per document.
    public static let nitf = FormatModule(
        name: "nitf",
        title: "IPTC NITF 3.x (News Industry Text Format); reads 3.0-3.6, writes 3.6",
        fileExtensions: ["nitf", "xml"],
        mediaTypes: ["application/nitf+xml"],
        importer: NITFImporter(),
        exporter: NITFExporter(),
        holdsManyArticles: false,
        // A DTD-era document without the namespace fails it, as IPTC's own NTB sample does.
        validator: XSDDocumentValidator(schemaPath: NITFExporter.schema),
        readsExtensions: ["nitf:"]
    )
}
