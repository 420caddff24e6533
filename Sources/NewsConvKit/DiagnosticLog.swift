import Foundation
import NewsCore

/// Diagnostics as JSON Lines: one object per line with `path`, `line`, `column`, `severity`,
/// `code` and `message` (the `--log FILE` format).
public enum DiagnosticLog {
    public static func jsonLines(_ diagnostics: [Diagnostic]) -> Data {
        var out = Data()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for diagnostic in diagnostics {
            let record = Record(
                path: diagnostic.location.path ?? "<stdin>", line: diagnostic.location.line ?? 1,
                column: diagnostic.location.column ?? 1, severity: diagnostic.severity.rawValue, code: diagnostic.code,
                message: diagnostic.message)
            if let line = try? encoder.encode(record) {
                out.append(line)
                out.append(0x0A)
            }
        }
        return out
    }

    private struct Record: Encodable {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var code: String
        var message: String
    }
}
