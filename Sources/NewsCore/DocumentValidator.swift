import Foundation

/// Checks a document against its format's official schema (an XSD, a JSON Schema).
public protocol DocumentValidator: Sendable {
    /// The schema file this validator uses, relative to the standards folder
    /// (`newsml-g2/2.35/wrapper-g2-nitf-odrl.xsd`), for messages.
    var schemaPath: String { get }

    /// The schema errors of the input (empty when valid), each located. `standards` is the folder
    /// that holds IPTC's schemas (`--schemas DIR`, `NEWSCONV_SCHEMAS`). Throws when the input is
    /// not well-formed or the schema cannot be loaded.
    func validate(_ input: ImportInput, standards: URL) throws -> [Diagnostic]
}
