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
    public func validate(_ request: ValidationRequest) throws(NewsConvError) -> ValidationOutcome {
        guard let schemas = request.schemas, !schemas.isEmpty else {
            throw .usage("name the folder of the official schemas with --schemas DIR or NEWSCONV_SCHEMAS (for example ../shared/standards)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("the schema folder \(schemas) does not exist")
        }
        guard !request.files.isEmpty else { throw .usage("name the files to validate") }
        for file in request.files where !FileManager.default.fileExists(atPath: file) {
            throw .usage("no such file: \(file)")
        }
        var outcome = ValidationOutcome()
        for file in request.files {
            guard let data = FileManager.default.contents(atPath: file) else { throw .usage("cannot read \(file)") }
            let format: FormatModule
            do {
                format = try inputFormat(of: data, path: file, requested: request.from)
            } catch .conversion(let error) {
                outcome.diagnostics.append(error.diagnostic)
                continue
            }
            guard let validator = format.validator else {
                let withSchema = registry.modules.filter { $0.validator != nil }.map(\.name).joined(separator: ", ")
                // Named with --from, the request is wrong; detected, this one file is.
                if request.from != nil {
                    throw .usage("format '\(format.name)' has no official schema to validate against; formats with one: \(withSchema)")
                }
                outcome.diagnostics.append(
                    .error(
                        "validate.no-schema",
                        "the file reads as \(format.name), a format with no official schema to validate against; formats with one: \(withSchema)",
                        at: SourceLocation(path: file, line: 1, column: 1)))
                continue
            }
            do {
                let errors = try validator.validate(ImportInput(data: data, path: file), standards: URL(fileURLWithPath: schemas))
                if errors.contains(where: { $0.severity == .error }) {
                    outcome.diagnostics += errors.map { $0.inFile(file) }
                } else {
                    outcome.diagnostics += errors.map { $0.inFile(file) }
                    outcome.valid.append((file, validator.schemaPath))
                }
            } catch let error as ConversionError {
                outcome.diagnostics.append(error.diagnostic.inFile(file))
            } catch {
                outcome.diagnostics.append(.error("validate.failed", "\(error)", at: SourceLocation(path: file, line: 1, column: 1)))
            }
        }
        return outcome
    }
}
