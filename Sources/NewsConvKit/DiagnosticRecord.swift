import Foundation
import NewsCore

/// One diagnostic as a JSON object, the same in every machine-read output: the `--log` JSON
/// Lines, the batch report's `diagnostics` and `newsconv stream`'s answers. The keys are `path`,
/// `line`, `column`, `severity`, `code` and `message`, in that order; a location part that is
/// not known is left out.
package enum DiagnosticRecord {
    package static func json(_ diagnostic: Diagnostic) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = []
        if let path = diagnostic.location.path { fields.append(("path", .string(path))) }
        if let line = diagnostic.location.line { fields.append(("line", .number(Double(line)))) }
        if let column = diagnostic.location.column { fields.append(("column", .number(Double(column)))) }
        fields += [
            ("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
        ]
        return .object(fields)
    }
}
