import Foundation
import NewsCore

/// A format's validator against one of IPTC's XML Schemas, read from the standards folder (the
/// schemas are never copied into newsconv) and cached per process.
public struct XSDDocumentValidator: DocumentValidator {
    /// The schema's path inside the standards folder (`nitf/3.6/nitf-3-6.xsd`).
    public let schemaPath: String

    public init(schemaPath: String) { self.schemaPath = schemaPath }

    public func validate(_ input: ImportInput, standards: URL) throws -> [Diagnostic] {
        let validator = try SchemaCache.shared.validator(at: standards.appendingPathComponent(schemaPath).path)
        return try validator.validate(input.data, path: input.path)
    }
}
