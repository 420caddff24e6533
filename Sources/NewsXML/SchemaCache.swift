import Foundation
import NewsCore

/// Compiled schemas by path: compiling IPTC's NewsML-G2 schema takes a noticeable time, so each
/// is compiled once per process and shared (validation itself is thread-safe).
public final class SchemaCache: @unchecked Sendable {
    public static let shared = SchemaCache()

    private let lock = NSLock()
    private var validators: [String: XMLSchemaValidator] = [:]

    /// The compiled schema in the file at `path`.
    public func validator(at path: String) throws(ConversionError) -> XMLSchemaValidator {
        try cached(path) { () throws(ConversionError) in try XMLSchemaValidator(path: path) }
    }

    /// The compiled built-in schema whose URI is `uri` (``BuiltInSchemas``).
    func validator(builtIn uri: String) throws(ConversionError) -> XMLSchemaValidator {
        try cached(uri) { () throws(ConversionError) in try XMLSchemaValidator(location: uri) }
    }

    private func cached(_ key: String, compile: () throws(ConversionError) -> XMLSchemaValidator) throws(ConversionError)
        -> XMLSchemaValidator
    {
        lock.lock()
        defer { lock.unlock() }
        if let existing = validators[key] { return existing }
        let validator = try compile()
        validators[key] = validator
        return validator
    }
}
