import Foundation

/// A message about a conversion: an error that stopped it, or a warning about data that did
/// not map (a lossy mapping is never silent).
///
/// `code` is stable and dotted (`wire.dateline.unrecognised`, `nitf.export.dropped-table`): tools
/// match on it. The text form is `path:line:column: severity: message [code]`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var code: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation = SourceLocation()) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// A warning.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation = SourceLocation()) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location)
    }

    /// A note: information that is not a problem.
    public static func note(_ code: String, _ message: String, at location: SourceLocation = SourceLocation()) -> Diagnostic {
        Diagnostic(.note, code, message, at: location)
    }

    /// An error.
    public static func error(_ code: String, _ message: String, at location: SourceLocation = SourceLocation()) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    /// The same diagnostic with the path filled in where it was missing.
    public func inFile(_ path: String?) -> Diagnostic {
        var copy = self
        if copy.location.path == nil { copy.location.path = path }
        return copy
    }

    /// `path:line:column: severity: message [code]`.
    /// `path:line:column: severity: message [code]`, one line: control characters of a path or
    /// message (a crafted archive entry's name) are escaped (`\u{1B}`), so that none can forge
    /// another diagnostic line or drive the terminal.
    public var description: String {
        Self.escapingControls("\(location): \(severity.rawValue): \(message) [\(code)]")
    }

    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Array where Element == Diagnostic {
    /// Appends a warning unless the same code and message are there already (a lossy mapping
    /// that happens for every paragraph is reported once).
    package mutating func appendWarningOnce(_ code: String, _ message: String, at location: SourceLocation) {
        if !contains(where: { $0.code == code && $0.message == message }) {
            append(.warning(code, message, at: location))
        }
    }
}
