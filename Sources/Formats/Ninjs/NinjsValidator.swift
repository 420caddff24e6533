import Foundation
import NewsCore

/// Validates ninjs against IPTC's JSON Schema for its version (the version the document
/// declares when the standards folder has that schema, else its family's latest: 1.6, 2.2, 3.1),
/// with GeoJSON's schema from `geojson/GeoJSON-schema.json`. `format` is not checked, as IPTC's own
/// test runner does not.
public struct NinjsValidator: DocumentValidator {
    /// A version to check against instead of the document's (`1.3`, `3.0`).
    public var version: String?

    public init(version: String? = nil) { self.version = version }

    public var schemaPath: String {
        version.map { "ninjs/\($0)/ninjs-schema_\($0).json" } ?? "ninjs/VERSION/ninjs-schema_VERSION.json, VERSION the document's"
    }

    public func validate(_ input: ImportInput, standards: URL) throws -> [Diagnostic] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: input.data)
        } catch {
            throw JSONErrorLocator.conversionError(error, data: input.data, path: input.path)
        }
        guard case .object(let object) = value else {
            return [
                .error(
                    "ninjs.schema.root", "the document is not a JSON object; ninjs is one object",
                    at: SourceLocation(path: input.path, line: 1, column: 1))
            ]
        }
        let version = self.version ?? Self.version(of: object, standards: standards)
        let schema = try Self.load(standards.appendingPathComponent("ninjs/\(version)/ninjs-schema_\(version).json"))
        let geojson = try? Self.load(standards.appendingPathComponent("geojson/GeoJSON-schema.json"))
        let checker = JSONSchemaChecker(external: geojson.map { ["https://geojson.org/schema/GeoJSON.json": $0] } ?? [:])
        let scanner = JSONPathScanner(data: input.data)
        return checker.check(value, against: schema).map { problem in
            let (line, column) = scanner.position(of: problem.path)
            return .error(
                "ninjs.schema.invalid", "\(problem.message) (ninjs \(version))",
                at: SourceLocation(path: input.path, line: line, column: column))
        }
    }

    /// The declared version when its schema is there, else the family's latest.
    static func version(of object: [String: JSONValue], standards: URL) -> String {
        for key in ["$standard", "standard"] {
            if case .object(let standard)? = object[key], case .string(let declared)? = standard["version"] {
                let path = standards.appendingPathComponent("ninjs/\(declared)/ninjs-schema_\(declared).json").path
                if FileManager.default.fileExists(atPath: path) { return declared }
            }
        }
        return NinjsReader.family(of: object).version
    }

    static func load(_ url: URL) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConversionError(
                "ninjs.schema.missing",
                "the schema \(url.path) cannot be read; name IPTC's standards folder with --schemas or NEWSCONV_SCHEMAS",
                at: SourceLocation(path: url.path))
        }
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }
}
