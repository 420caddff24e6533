import Foundation

/// The error an importer or exporter throws when a document cannot be converted.
///
/// It carries the diagnostic that explains why (with the file, line and column) and any
/// warnings gathered before the failure.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    /// The reason, as an error diagnostic.
    public var diagnostic: Diagnostic
    /// Diagnostics gathered before the failure.
    public var earlier: [Diagnostic]

    public init(_ diagnostic: Diagnostic, earlier: [Diagnostic] = []) {
        var diagnostic = diagnostic
        diagnostic.severity = .error
        self.diagnostic = diagnostic
        self.earlier = earlier
    }

    /// An error with a stable code, a message and a location.
    public init(_ code: String, _ message: String, at location: SourceLocation = SourceLocation()) {
        self.init(Diagnostic(.error, code, message, at: location))
    }

    /// The same error with the path filled in where it was missing.
    public func inFile(_ path: String?) -> ConversionError {
        ConversionError(diagnostic.inFile(path), earlier: earlier.map { $0.inFile(path) })
    }

    public var description: String { diagnostic.description }
}
