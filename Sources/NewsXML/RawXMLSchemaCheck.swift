import Foundation
import NewsCore

/// Keeps an exporter's output valid when it holds XML the exporter did not make: elements kept
/// whole from a source, a raw block of a newsconv JSON document. ``XMLWriter/raw(_:)`` writes
/// such XML only when it is well-formed, but it can still break the schema: a source that was
/// itself invalid (`<provider literel="...">`), an element out of its place. The output is
/// validated against a built-in schema (``BuiltInSchemas``); the fragments its errors fall in
/// are refused, and the document is written again without them, the exporter writing its own
/// element where a kept one stood instead of it (a required `itemClass`). Outputs without raw
/// XML are not checked: what the exporters make themselves is held valid by the corpus tests.
public enum RawXMLSchemaCheck {
    /// After this many writings every fragment still in the output is refused: a document with
    /// thousands of fragments refused one at a time costs at most this many validations.
    static let rounds = 16

    /// Writes a document with `write`, which is given the fragments to refuse (none at first)
    /// and returns the writer and its diagnostics; when the document holds raw XML, checks it
    /// against the built-in schema `schema` (`nitf/3.6/nitf-3-6.xsd`) and writes it again
    /// without what the schema refuses. Each fragment refused is a warning
    /// `<codePrefix>.kept-invalid`; a schema error no fragment can be blamed for (an exporter's
    /// bug) is a warning `<codePrefix>.invalid-output`, and that output is kept.
    public static func write(
        schema: String, schemaName: String, codePrefix: String, at location: SourceLocation,
        _ write: (_ refused: Set<String>) -> (writer: XMLWriter, diagnostics: [Diagnostic])
    ) -> ExportResult {
        var refused: Set<String> = []
        var warnings: [Diagnostic] = []
        // Each writing but the last refuses a fragment not refused before: the loop ends.
        var round = 0
        while true {
            let (writer, diagnostics) = write(refused)
            let fragments = writer.rawFragments
            let errors: [Diagnostic]
            do {
                errors =
                    fragments.isEmpty && refused.isEmpty
                    ? [] : try BuiltInSchemas.validator(schema).validate(writer.data, path: nil).filter { $0.severity == .error }
            } catch {
                errors = [error.diagnostic]
            }
            let blamed = errors.isEmpty ? [] : self.blamed(fragments, by: errors, in: writer.bytes, all: round >= rounds)
            let new = blamed.filter { !refused.contains(fragments[$0.index].text) }
            if new.isEmpty {
                if let first = errors.first {
                    let line = first.location.line.map { " (line \($0) of the output)" } ?? ""
                    warnings.append(
                        .warning(
                            "\(codePrefix).invalid-output",
                            "the output does not validate against \(schemaName)'s schema: \(first.message)\(line)", at: location))
                }
                return ExportResult(data: writer.data, diagnostics: diagnostics + warnings)
            }
            for (index, reason) in new where !refused.contains(fragments[index].text) {
                refused.insert(fragments[index].text)
                warnings.append(
                    .warning(
                        "\(codePrefix).kept-invalid",
                        "kept XML (<\(elementName(fragments[index].text))>) that \(schemaName)'s schema refuses is dropped: \(reason)",
                        at: location))
            }
            round += 1
        }
    }

    /// The fragments, by index in document order, that the errors fall in, each with its first
    /// error's message; when none, the nearest fragment before the first error (which an element
    /// out of its place, or one too many, makes in the exporter's own XML); every fragment when
    /// `all`.
    static func blamed(_ fragments: [(text: String, range: Range<Int>)], by errors: [Diagnostic], in bytes: [UInt8], all: Bool)
        -> [(index: Int, reason: String)]
    {
        if all { return fragments.indices.map { ($0, "the schema still refused the document after \(rounds) writings") } }
        let lines = LineTable(bytes)
        let spans = fragments.map { lines.lines(of: $0.range, in: bytes) }
        var reasons: [Int: String] = [:]
        for error in errors {
            guard let line = error.location.line, let index = spans.firstIndex(where: { $0.contains(line) }) else { continue }
            if reasons[index] == nil { reasons[index] = error.message }
        }
        if reasons.isEmpty, let line = errors.first?.location.line, let index = spans.lastIndex(where: { $0.lowerBound <= line }) {
            reasons[index] = errors[0].message
        }
        return reasons.keys.sorted().map { ($0, reasons[$0] ?? "") }
    }

    /// The name of the element a fragment begins with (`provider`), or `text`.
    static func elementName(_ fragment: String) -> String {
        let content = fragment.utf8.drop { $0 == 0x0A || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard content.first == UInt8(ascii: "<") else { return "text" }
        let name = content.dropFirst().prefix { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x2F || $0 == 0x3E) }
        return String(decoding: name, as: UTF8.self)
    }

    /// Line numbers (from 1) of byte offsets.
    struct LineTable {
        /// The offset of every line break.
        let breaks: [Int]

        init(_ bytes: [UInt8]) { breaks = bytes.indices.filter { bytes[$0] == 0x0A } }

        /// The line of the byte at `offset`: one more than the line breaks before it.
        func line(of offset: Int) -> Int {
            var low = 0
            var high = breaks.count
            while low < high {
                let middle = (low + high) / 2
                if breaks[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low + 1
        }

        /// The lines a fragment's XML spans, from its first byte that is not the line break and
        /// indentation written before it.
        func lines(of range: Range<Int>, in bytes: [UInt8]) -> ClosedRange<Int> {
            var first = range.lowerBound
            while first < range.upperBound - 1, bytes[first] == 0x0A || bytes[first] == 0x20 { first += 1 }
            return line(of: first)...line(of: max(first, range.upperBound - 1))
        }
    }
}
