import Foundation
import NewsCore

/// Compiled schemas by path: compiling IPTC's NewsML-G2 schema takes a noticeable time, so each
/// is compiled once per process and shared (validation itself is thread-safe).
public final class SchemaCache: @unchecked Sendable {
    public static let shared = SchemaCache()

    private let lock = NSLock()
    private var validators: [String: XMLSchemaValidator] = [:]

    public func validator(at path: String) throws(ConversionError) -> XMLSchemaValidator {
        lock.lock()
        defer { lock.unlock() }
        if let existing = validators[path] { return existing }
        let validator = try XMLSchemaValidator(path: path)
        validators[path] = validator
        return validator
    }
}
