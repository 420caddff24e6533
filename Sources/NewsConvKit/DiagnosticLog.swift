import Foundation
import NewsCore

/// Diagnostics as JSON Lines (the `--log FILE` format): one ``DiagnosticRecord`` per line, with
/// its location always complete (`<stdin>`, line 1, column 1 where the diagnostic has none).
public enum DiagnosticLog {
    public static func jsonLines(_ diagnostics: [Diagnostic]) -> Data {
        var out = Data()
        let encoder = OrderedJSONEncoder(prettyPrinted: false)
        for diagnostic in diagnostics {
            var located = diagnostic
            located.location = SourceLocation(
                path: diagnostic.location.path ?? "<stdin>", line: diagnostic.location.line ?? 1,
                column: diagnostic.location.column ?? 1)
            if let line = try? encoder.encode(DiagnosticRecord.json(located)) {
                out.append(line)
                out.append(0x0A)
            }
        }
        return out
    }
}
