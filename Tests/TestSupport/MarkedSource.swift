import Foundation
import NewsCore
import Testing

/// A test document with markers (`1️⃣`, `2️⃣`, ... `9️⃣`) where diagnostics are expected, as
/// swift-format's tests mark each finding: the markers are taken out, and each one's line and
/// column (1-based, the column in UTF-8 bytes, as the importers count) is remembered, so that a
/// test pins a diagnostic to a place in the text it shows rather than to numbers beside it.
public struct MarkedSource: Sendable {
    public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The text without its markers.
    public let text: String
    /// Where each marker was.
    public let locations: [String: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var locations: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        scan: while !rest.isEmpty {
            for marker in Self.markerNames where rest.hasPrefix(marker) {
                precondition(locations[marker] == nil, "marker \(marker) is used twice")
                locations[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue scan
            }
            let character = rest.removeFirst()
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        self.text = text
        self.locations = locations
    }

    /// The text's UTF-8 bytes, as an importer is given them.
    public var data: Data { Data(text.utf8) }

    /// The location of a marker in a file at `path`.
    public func location(_ marker: String, path: String?) -> NewsCore.SourceLocation {
        guard let place = locations[marker] else {
            Issue.record("no marker \(marker) in the source")
            return NewsCore.SourceLocation(path: path)
        }
        return NewsCore.SourceLocation(path: path, line: place.line, column: place.column)
    }
}

/// A diagnostic a test expects: its code and severity, at a marker of a ``MarkedSource``.
public struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    public var marker: String
    public var code: String
    public var severity: Diagnostic.Severity

    public init(_ marker: String, _ code: String, _ severity: Diagnostic.Severity) {
        self.marker = marker
        self.code = code
        self.severity = severity
    }

    public var description: String { "\(severity) \(code) at \(marker)" }
}

/// Expects exactly these diagnostics (notes too, when `notes` is true) in any order: each code with
/// its severity at its marker's line and column, and no other.
public func expectDiagnostics(
    _ diagnostics: [Diagnostic], _ expected: [ExpectedDiagnostic], in source: MarkedSource, path: String?, notes: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    func key(_ code: String, _ severity: Diagnostic.Severity, _ at: NewsCore.SourceLocation) -> String {
        "\(severity) \(code) at \(at.path ?? "-"):\(at.line ?? 0):\(at.column ?? 0)"
    }
    let actual = diagnostics.filter { notes || $0.severity >= .warning }.map { key($0.code, $0.severity, $0.location) }.sorted()
    let wanted = expected.map { key($0.code, $0.severity, source.location($0.marker, path: path)) }.sorted()
    #expect(actual == wanted, sourceLocation: sourceLocation)
}
