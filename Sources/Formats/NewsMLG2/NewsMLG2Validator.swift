import Foundation
import NewsCore
import NewsXML

/// Validates NewsML-G2 against IPTC's 2.35 schema through the wrapper that also checks inline
/// NITF 3.6 and ODRL 2.2 (`newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd` in the standards folder).
public struct NewsMLG2Validator: DocumentValidator {
    public init() {}

    public var schemaPath: String { "newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd" }

    public func validate(_ input: ImportInput, standards: URL) throws -> [Diagnostic] {
        let validator = try SchemaCache.shared.validator(at: standards.appendingPathComponent(schemaPath).path)
        let document = try XMLDocument.parse(input.data, path: input.path)
        return validator.validate(document)
    }
}
