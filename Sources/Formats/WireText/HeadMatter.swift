import Datelines
import Foundation
import NewsCore

/// What the lines before the dateline say: headline, take key, bylines, slugline, notes.
struct HeadMatter {
    var headline: String?
    var subheadlines: [String] = []
    var takeKey: String?
    var genres: [String] = []
    var slugline: String?
    var keywords: [String] = []
    var bylines: [Byline] = []
    var editorialNotes: [String] = []

    /// Reads head lines in order: `By NAME` bylines and the title line after them, `Eds:` notes,
    /// a slug line, then the headline (without version prefixes) and subheadlines.
    static func parse(_ lines: [SourceLine]) -> HeadMatter {
        var head = HeadMatter()
        var afterByline = false
        var texts = lines.map { String($0.trimmed) }.filter { !$0.isEmpty }
        // 7901 heads end their last line with ` =`.
        if let last = texts.last, last.hasSuffix("=") {
            texts[texts.count - 1] = String(last.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        var index = 0
        while index < texts.count {
            let text = texts[index]
            index += 1
            guard !text.isEmpty else { continue }
            // A parenthesised note, possibly over several lines: `(Berichtigung: ...)`, `(Foto Produktion)`.
            if text.hasPrefix("(") {
                var note = text
                while !note.hasSuffix(")"), index < texts.count, note.count < 600 {
                    note += " " + texts[index]
                    index += 1
                }
                head.editorialNotes.append(note)
                afterByline = false
                continue
            }
            if let bylines = parseByline(text) {
                head.bylines.append(contentsOf: bylines)
                afterByline = true
                continue
            }
            if afterByline, isBylineTitle(text) {
                for index in head.bylines.indices where head.bylines[index].title == nil && head.bylines[index].affiliation == nil {
                    if AgencyTable.agency(named: text) != nil {
                        head.bylines[index].affiliation = text
                    } else {
                        head.bylines[index].title = text
                    }
                }
                afterByline = false
                continue
            }
            afterByline = false
            if let note = editorialNote(text) {
                head.editorialNotes.append(note)
                continue
            }
            if head.headline == nil, isTakeLine(text) {
                head.takeKey = [head.takeKey, text].compactMap { $0 }.joined(separator: " ")
                continue
            }
            if head.slugline == nil, head.headline == nil, text.hasSuffix("/"), !text.contains(" ") || text.filter({ $0 == "/" }).count >= 2
            {
                // A 7901-style keyword line: `Verkehr/Bahn/Berlin/`, `American Football/NFL/`.
                let keywords = text.split(separator: "/").map(String.init)
                head.slugline = keywords.joined(separator: "/")
                head.keywords = keywords
                continue
            }
            if head.slugline == nil, head.headline == nil, isSlug(text) {
                head.slugline = text
                continue
            }
            if head.headline == nil {
                let (markers, genres, rest) = stripHeadlinePrefixes(text)
                if !markers.isEmpty { head.takeKey = ([head.takeKey].compactMap { $0 } + markers).joined(separator: " ") }
                head.genres = genres
                head.headline = rest
            } else {
                head.subheadlines.append(text)
            }
        }
        return head
    }

    /// A line that is only a take or version marker: `REFILE`, `EXTRA`, `1ST LEAD`, `2nd Ld-Writethru`.
    static func isTakeLine(_ text: String) -> Bool {
        guard text.count <= 24 else { return false }
        if AgencyTable.versionMarkers.contains(text) || ["EXTRA", "NEW LEAD", "WRITETHRU", "SUB"].contains(text) { return true }
        let lower = text.lowercased()
        return (lower.hasSuffix(" lead") || lower.hasSuffix("ld-writethru") || lower.hasSuffix(" writethru"))
            && text.first?.isNumber == true
    }

    /// `By JANE DOE`, `By JANE DOE, Associated Press Writer`, `Von Marco Krefting und Sunrita Sen, dpa`.
    static func parseByline(_ text: String) -> [Byline]? {
        guard text.count <= 160 else { return nil }
        for word in AgencyTable.bylineWords {
            guard text.hasPrefix(word + " ") else { continue }
            var rest = text.dropFirst(word.count + 1).trimmingCharacters(in: .whitespaces)
            guard let first = rest.first, first.isUppercase || AgencyTable.agency(named: String(rest.prefix(while: { $0 != " " }))) != nil
            else { return nil }
            var title: String?
            var affiliation: String?
            if let comma = rest.firstIndex(of: ",") {
                let tail = rest[rest.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                rest = String(rest[..<comma])
                if AgencyTable.agency(named: tail) != nil { affiliation = tail } else if !tail.isEmpty { title = tail }
            }
            var names = [rest]
            for joiner in AgencyTable.nameJoiners {
                names = names.flatMap { $0.components(separatedBy: joiner) }
            }
            names = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // A byline names people: at most six words each, no sentence punctuation.
            guard !names.isEmpty, !rest.hasSuffix("."),
                names.allSatisfy({ $0.split(separator: " ").count <= 6 && !$0.contains(where: { "!?:;\"“”".contains($0) }) })
            else { return nil }
            // One person's byline keeps its printed text; several are printed from their parts.
            return names.map {
                let byline = Byline(name: $0, title: title, affiliation: affiliation)
                return names.count == 1 ? byline.printed(as: text) : byline
            }
        }
        return nil
    }

    /// A line after a byline that names the writer's title or agency (`Associated Press Writer`).
    private static func isBylineTitle(_ text: String) -> Bool {
        guard text.count <= 60, let last = text.last, !".!?".contains(last) else { return false }
        if AgencyTable.agency(named: text) != nil { return true }
        let words = [
            "Writer", "Correspondent", "Editor", "Reporter", "Press", "Staff", "Columnist", "Redakteur", "Korrespondent", "Corresponsal",
            "Redactor",
        ]
        return words.contains { text.contains($0) }
    }

    private static func editorialNote(_ text: String) -> String? {
        for prefix in ["Eds:", "EDS:", "EDITOR'S NOTE:", "EDITOR'S NOTE _", "Editor's note:", "Note to editors:", "NOTE TO EDITORS:"]
        where text.hasPrefix(prefix) {
            return text
        }
        if text.hasPrefix("("), text.hasSuffix(")"),
            text.lowercased().contains("berichtigung") || text.lowercased().contains("correction") || text.contains("KORR")
        {
            return text
        }
        return nil
    }

    /// A slug: one token of capitals, digits and `-` `/` `_` (`PAKISTAN-US/ARMY`, `BC-LT--Argentina-Cancer`).
    private static func isSlug(_ text: String) -> Bool {
        guard !text.contains(" "), text.count >= 3, text.count <= 80, text.contains(where: { "-/_".contains($0) }) else { return false }
        let letters = text.filter(\.isLetter)
        let upper = letters.filter(\.isUppercase)
        return !letters.isEmpty && Double(upper.count) >= Double(letters.count) * 0.5
    }

    /// Strips `UPDATE 1-`, `REFILE-`, `ANALYSIS-` style prefixes.
    static func stripHeadlinePrefixes(_ text: String) -> (markers: [String], genres: [String], rest: String) {
        var rest = Substring(text)
        var markers: [String] = []
        var genres: [String] = []
        loop: while true {
            for marker in AgencyTable.versionMarkers + AgencyTable.genreMarkers where rest.hasPrefix(marker) {
                var after = rest.dropFirst(marker.count)
                var label = marker
                if after.first == " ", let digit = after.dropFirst().first, digit.isNumber {
                    let number = after.dropFirst().prefix(while: \.isNumber)
                    label += " " + number
                    after = after.dropFirst(1 + number.count)
                }
                guard let dash = after.first, dash == "-" || dash == ":" else { continue }
                let remaining = after.dropFirst().drop(while: { $0 == " " })
                guard !remaining.isEmpty else { continue }
                if AgencyTable.genreMarkers.contains(marker) { genres.append(marker) } else { markers.append(label) }
                rest = remaining
                continue loop
            }
            break
        }
        return (markers, genres, String(rest))
    }
}
