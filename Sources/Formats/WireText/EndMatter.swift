import Datelines
import Foundation

/// The end of a dispatch: trailer lines after the body and the sign-off word.
struct EndMatter {
    var trailers: [String] = []
    var signOff: String?

    /// Takes trailer lines off the end of the paragraphs (desk initials, reporting credits,
    /// contribution lines, end markers), then the sign-off word at the end of the last paragraph.
    static func extract(from paragraphs: inout [WireParagraph], agency: String?) -> EndMatter {
        var end = EndMatter()
        var trailers: [String] = []
        while let line = paragraphs.last?.lines.last {
            let text = String(line.trimmed)
            guard text.isEmpty || isTrailer(text) else { break }
            if !text.isEmpty { trailers.append(text) }
            // In place: a copy of the paragraph would copy its lines for every trailer taken,
            // quadratic in a dispatch of 200,000 trailer lines.
            paragraphs[paragraphs.count - 1].lines.removeLast()
            if paragraphs[paragraphs.count - 1].lines.isEmpty { paragraphs.removeLast() }
        }
        end.trailers = trailers.reversed()

        // A sign-off alone on the last line, or the last word of the last paragraph.
        guard var last = paragraphs.last, var line = last.lines.last else { return end }
        let words = signOffWords(agency: agency)
        let text = String(line.trimmed)
        if words.contains(text), paragraphs.count > 1 || last.lines.count > 1 {
            end.signOff = text
            last.lines.removeLast()
            if last.lines.isEmpty { paragraphs.removeLast() } else { paragraphs[paragraphs.count - 1] = last }
            return end
        }
        for word in words where text.hasSuffix(" " + word) {
            let before = text.dropLast(word.count + 1)
            guard let mark = before.last, ".!?\"”»)'’".contains(mark) else { continue }
            end.signOff = word
            var kept = line.trimmed
            kept.removeLast(word.count + 1)
            line.text = kept
            last.lines[last.lines.count - 1] = line
            paragraphs[paragraphs.count - 1] = last
            break
        }
        return end
    }

    private static func signOffWords(agency: String?) -> [String] {
        var words = AgencyTable.allSignOffs
        if let agency, agency.count >= 2, agency == agency.uppercased() { words.insert(agency) }
        return words.sorted { $0.count > $1.count }
    }

    static func isTrailer(_ text: String) -> Bool {
        if AgencyTable.endMarkers.contains(text) { return true }
        if isDeskInitials(text) { return true }
        let lower = text.lowercased()
        if text.hasPrefix("("), text.hasSuffix(")") {
            for credit in [
                "reporting by", "additional reporting", "writing by", "editing by", "compiled by", "written by", "edited by",
                "reporting and writing by",
            ] where lower.contains(credit) {
                return true
            }
            if isDeskInitials(String(text.dropFirst().dropLast())) { return true }
        }
        if text.count <= 300, lower.hasSuffix("contributed to this report.") || lower.hasSuffix("contributed reporting.") {
            return true
        }
        return false
    }

    /// `aa-ssk`, `jlm/rcf`, `jm/rl`, `bur-jm/rl`, `dpa grj rmo`: short lowercase letter groups
    /// joined by `-`, `/` or (after an agency name) spaces.
    static func isDeskInitials(_ text: String) -> Bool {
        guard text.count <= 30 else { return false }
        let groups = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        if groups.count >= 2, !text.contains(" "),
            groups.allSatisfy({ $0.count <= 5 && $0.allSatisfy { $0.isLetter && $0.isLowercase } })
        {
            return true
        }
        let words = text.split(separator: " ")
        if words.count >= 2, let first = words.first, AgencyTable.agency(named: String(first)) != nil,
            words.dropFirst().allSatisfy({
                $0.count <= 8 && $0.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "/" || $0 == "-" }
            })
        {
            return true
        }
        return false
    }
}
