import Foundation
import NewsCore

/// How diagnostics and progress look on standard error: severities coloured on a terminal, never
/// when `NO_COLOR` is set (no-color.org) or standard error is a file or a pipe; a progress line
/// cut to the terminal's width, so that it is redrawn in place instead of wrapping.
enum TerminalStyle {
    static let colours: Bool = {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return isatty(STDERR_FILENO) != 0 && noColor.isEmpty
    }()

    /// A diagnostic's line, its severity coloured when colours are on.
    static func line(_ diagnostic: Diagnostic) -> String {
        let text = diagnostic.description
        guard colours, let range = text.range(of: ": \(diagnostic.severity.rawValue): ") else { return text }
        let colour =
            switch diagnostic.severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .note: "36"
            }
        return text.replacingCharacters(in: range, with: ": \u{1B}[\(colour)m\(diagnostic.severity.rawValue)\u{1B}[0m: ")
    }

    /// The terminal's width in columns, when standard error is one.
    static var width: Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` cut to fit one line of the terminal (one column short, so that the cursor does not wrap).
    static func fitted(_ text: String) -> String {
        guard let width, text.count >= width else { return text }
        return String(text.prefix(max(1, width - 1)))
    }
}
