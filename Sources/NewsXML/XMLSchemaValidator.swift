import CLibXML2
import Foundation
import NewsCore

/// Validates documents against an XML Schema (XSD) with libxml2. A parsed schema is kept and
/// can validate many documents, from several threads (one validation context each).
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The schema file.
    public let path: String

    /// Loads and compiles the schema at `path` (its includes and imports are read from disk,
    /// never the network). Throws a located error when the schema itself is broken.
    public convenience init(path: String) throws(ConversionError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConversionError("xml.schema.missing", "no schema file at \(path)", at: SourceLocation(path: path))
        }
        try self.init(location: path)
    }

    /// Compiles the schema at a file path or a built-in file's URI (``BuiltInSchemas``).
    init(location path: String) throws(ConversionError) {
        _ = XMLRuntime.ready
        self.path = path
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw ConversionError("xml.schema.unreadable", "cannot read the schema", at: SourceLocation(path: path))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = XMLIssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetParserStructuredErrors(parser, collectorErrorHandler, UnsafeMutableRawPointer(box.toOpaque()))
        guard let schema = xmlSchemaParse(parser) else {
            let first =
                collector.errors.first?.diagnostic(code: "xml.schema", path: path)
                ?? .error("xml.schema.invalid", "the schema does not compile", at: SourceLocation(path: path))
            throw ConversionError(first)
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The schema errors of a document (empty when it is valid), located by line. Throws the
    /// document's first well-formedness error, as ``XMLDocument/parse(_:path:encoding:)`` does.
    public func validate(_ data: Data, path: String?) throws(ConversionError) -> [Diagnostic] {
        // Validation reads libxml2's own tree, not newsconv's lean one.
        let parsed = try XMLDocument.parseWithLibXML2(data, path: path, encoding: nil, into: nil)
        defer { xmlFreeDoc(parsed.document) }
        return validate(parsed.document, path: path)
    }

    private func validate(_ tree: xmlDocPtr, path documentPath: String?) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [
                .error("xml.schema.unavailable", "libxml2 could not create a validation context", at: SourceLocation(path: documentPath))
            ]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = XMLIssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(context, collectorErrorHandler, UnsafeMutableRawPointer(box.toOpaque()))
        let result = xmlSchemaValidateDoc(context, tree)
        var diagnostics = collector.issues.map { $0.diagnostic(code: "xml.schema", path: documentPath) }
        if result != 0, diagnostics.isEmpty {
            diagnostics.append(
                .error(
                    "xml.schema.invalid", "the document does not validate against \(path)",
                    at: SourceLocation(path: documentPath, line: 1, column: 1)))
        }
        return diagnostics
    }
}
