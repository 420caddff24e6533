import Foundation
import NewsCore

/// `newsconv validate`: checks files against their format's official schema.
public struct ValidationRequest: Sendable {
    public var files: [String]
    public var from: String?
    /// The folder of IPTC standards (`--schemas DIR`, else `NEWSCONV_SCHEMAS`).
    public var schemas: String?

    public init(files: [String], from: String? = nil, schemas: String? = nil) {
        self.files = files
        self.from = from
        self.schemas = schemas
    }
}

/// The result of validating files: one line per valid file, diagnostics for the others.
public struct ValidationOutcome: Sendable {
    public var valid: [(path: String, schema: String)] = []
    public var diagnostics: [Diagnostic] = []
    /// 0 when every file is valid, 1 otherwise.
    public var exitCode: Int32 { diagnostics.contains { $0.severity == .error } ? 1 : 0 }
}

extension Converter {
    /// Checks the files of a request; `-` is standard input (read by `readStandardInput`, once).
    public func validate(_ request: ValidationRequest, readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws(NewsConvError) -> ValidationOutcome
    {
        guard let schemas = request.schemas, !schemas.isEmpty else {
            throw .usage("name the folder of the official schemas with --schemas DIR or NEWSCONV_SCHEMAS (for example ../shared/standards)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("the schema folder \(schemas) does not exist")
        }
        guard !request.files.isEmpty else { throw .usage("name the files to validate") }
        if request.files.filter({ $0 == "-" }).count > 1 { throw .usage("standard input (-) can be read only once") }
        for file in request.files where file != "-" && !FileManager.default.fileExists(atPath: file) {
            throw .usage("no such file: \(file)")
        }
        var outcome = ValidationOutcome()
        for file in request.files {
            let path = file == "-" ? "<stdin>" : file
            guard let data = file == "-" ? readStandardInput() : FileManager.default.contents(atPath: file) else {
                throw .usage("cannot read \(file)")
            }
            let checked = try validateDocument(data, path: path, requested: request.from, standards: URL(fileURLWithPath: schemas))
            outcome.diagnostics += checked.diagnostics
            if let schema = checked.schema { outcome.valid.append((path, schema)) }
        }
        return outcome
    }

    /// Checks one document against its format's official schema: the schema's path when it is
    /// valid, and the diagnostics (the located schema errors when it is not). A format named
    /// (`requested`) that has no schema is a usage error; one detected is this document's error.
    public func validateDocument(_ data: Data, path: String, requested: String?, standards: URL) throws(NewsConvError) -> (
        schema: String?, diagnostics: [Diagnostic]
    ) {
        if data.isEmpty, requested == nil {
            return (nil, [.error("input.empty", "the input is empty", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        // UTF-16 and UTF-32 are checked as `convert` reads them: as UTF-8 (see UnicodeInput).
        let data = UnicodeInput.transcoded(data)?.data ?? data
        let format: FormatModule
        do {
            format = try inputFormat(of: data, path: path, requested: requested)
        } catch .conversion(let error) {
            return (nil, [error.diagnostic])
        }
        guard let validator = format.validator else {
            let withSchema = registry.modules.filter { $0.validator != nil }.map(\.name).joined(separator: ", ")
            if requested != nil {
                throw .usage("format '\(format.name)' has no official schema to validate against; formats with one: \(withSchema)")
            }
            return (
                nil,
                [
                    .error(
                        "validate.no-schema",
                        "the file reads as \(format.name), a format with no official schema to validate against; formats with one: \(withSchema)",
                        at: SourceLocation(path: path, line: 1, column: 1))
                ]
            )
        }
        do {
            let errors = try validator.validate(ImportInput(data: data, path: path), standards: standards).map { $0.inFile(path) }
            return (errors.contains { $0.severity == .error } ? nil : validator.schemaPath, errors)
        } catch let error as ConversionError {
            return (nil, [error.diagnostic.inFile(path)])
        } catch {
            return (nil, [.error("validate.failed", "\(error)", at: SourceLocation(path: path, line: 1, column: 1))])
        }
    }
}
