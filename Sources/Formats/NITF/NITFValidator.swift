import Foundation
import NewsCore
import NewsXML

/// Validates NITF against IPTC's NITF 3.6 schema (`nitf/3.6/nitf-3-6.xsd` in the standards folder).
/// A DTD-era document without the namespace fails it, as IPTC's own NTB sample does.
public struct NITFValidator: DocumentValidator {
    public init() {}

    public var schemaPath: String { "nitf/3.6/nitf-3-6.xsd" }

    public func validate(_ input: ImportInput, standards: URL) throws -> [Diagnostic] {
        let validator = try SchemaCache.shared.validator(at: standards.appendingPathComponent(schemaPath).path)
        let document = try XMLDocument.parse(input.data, path: input.path)
        return validator.validate(document)
    }
}
