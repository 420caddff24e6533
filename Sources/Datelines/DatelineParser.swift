import Foundation
import NewsCore

/// A dateline found at the start of a paragraph, and the paragraph's text after it.
package struct DatelineMatch {
    package var dateline: Dateline
    package var remainder: Substring
}

/// Recognises datelines at the start of a paragraph:
///
/// - `PLACE[, REGION][, DATE] (AGENCY)SEP` — `Islamabad, Dec 15 (EFE).-`, `BUENOS AIRES, Argentina (AP) _`,
///   `STOCKHOLM, Aug 29, 2014 (AFP) -`, `Berlin (dpa) -`, `BRUXELLES 23/07 (BELGA) =`;
/// - `DATE (AGENCY) SEP` — `Jan 30 (Reuters) -`;
/// - `(AGENCY) SEP PLACE, DATE SEP` — `(ANSA) - ROMA, 1 LUG -`.
///
/// Agencies come from ``AgencyTable``; an agency not in the table is accepted only with a
/// separator and a place in capitals or a date, so that `The World Health Organization (WHO) -`
/// is not taken for a dateline.
package enum DatelineParser {
    package static func parse(_ text: Substring) -> DatelineMatch? {
        guard let first = text.first else { return nil }
        if first == "(" { return parseAgencyFirst(text) }
        let window = text.prefix(160)
        guard let open = window.firstIndex(of: "("),
            let close = window[open...].firstIndex(of: ")"),
            text.distance(from: open, to: close) <= 40
        else { return nil }
        let credit = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        // A co-credit (`dpa/lni`, `tca/dpa`) counts as known when one of its parts is.
        let known =
            AgencyTable.agency(named: credit)
            ?? credit.split(separator: "/").lazy.compactMap { AgencyTable.agency(named: String($0)) }.first
        guard known != nil || looksLikeAgency(credit) else { return nil }
        let source = credit.contains("/") || known == nil ? credit : known!.name

        var prefix = text[..<open].trimmingCharacters(in: .whitespaces)
        while prefix.hasSuffix(",") { prefix.removeLast() }
        guard !prefix.isEmpty, let parts = parsePlaceAndDate(Substring(prefix)) else { return nil }
        if known == nil, parts.date == nil, parts.place.map(isAllCaps) != true { return nil }

        var rest = text[text.index(after: close)...]
        let separator = takeSeparator(&rest)
        if separator == nil {
            // Without a separator only a known agency counts (`Strasbourg, 10 juil 2024 (AFP) Le ...`).
            guard known != nil, rest.first.map({ $0 == " " }) ?? true else { return nil }
        }
        let printed = text[text.startIndex..<rest.startIndex].trimmingCharacters(in: .whitespaces)
        let remainder = rest.drop(while: { $0 == " " || $0 == "\t" })
        return DatelineMatch(
            dateline: Dateline(
                text: printed, place: parts.place, region: parts.region, date: parts.date, source: source),
            remainder: remainder)
    }

    /// `(ANSA) - ROMA, 1 LUG - text`.
    private static func parseAgencyFirst(_ text: Substring) -> DatelineMatch? {
        guard let close = text.prefix(40).firstIndex(of: ")") else { return nil }
        let credit = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        guard let agency = AgencyTable.agency(named: credit) else { return nil }
        var rest = text[text.index(after: close)...]
        guard takeSeparator(&rest) != nil else { return nil }
        rest = rest.drop(while: { $0 == " " })
        let window = rest.prefix(80)
        for separator in [" - ", " -- ", " — ", " – ", " _ "] {
            guard let range = window.range(of: separator) else { continue }
            let placePart = rest[rest.startIndex..<range.lowerBound]
            guard let parts = parsePlaceAndDate(placePart), parts.place != nil else { return nil }
            let end = text.index(range.upperBound, offsetBy: -1)
            let printed = text[text.startIndex..<end].trimmingCharacters(in: .whitespaces)
            return DatelineMatch(
                dateline: Dateline(text: printed, place: parts.place, region: parts.region, date: parts.date, source: agency.name),
                remainder: text[range.upperBound...].drop(while: { $0 == " " }))
        }
        return nil
    }

    /// Consumes a separator (`.-`, `-`, `--`, `—`, `_`, `=`) and the spaces before it.
    private static func takeSeparator(_ rest: inout Substring) -> String? {
        var probe = rest
        if probe.first != "." { probe = probe.drop(while: { $0 == " " }) }
        for separator in AgencyTable.separators where probe.hasPrefix(separator) {
            let after = probe.dropFirst(separator.count)
            guard after.isEmpty || after.first == " " || after.first == "\t" else { continue }
            rest = after
            return separator
        }
        return nil
    }

    private static func looksLikeAgency(_ credit: String) -> Bool {
        let words = credit.split(separator: " ")
        guard (1...3).contains(words.count), credit.count <= 30 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase || first.isLowercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." }
        }
    }

    private static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return !letters.isEmpty && letters == letters.uppercased()
    }

    package struct PlaceAndDate {
        package var place: String?
        package var region: String?
        package var date: NewsDate?
    }

    /// Splits the text before the agency credit into place, region and date.
    package static func parsePlaceAndDate(_ text: Substring) -> PlaceAndDate? {
        let components = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !components.isEmpty, components.count <= 4,
            text.split(whereSeparator: { $0 == " " || $0 == "," }).count <= 9
        else { return nil }
        var result = PlaceAndDate()
        for (index, component) in components.enumerated() {
            if let date = parseDate(Substring(component)) {
                guard result.date == nil else { return nil }
                result.date = date
                continue
            }
            if let year = Int(component), component.count == 4, (1900...2100).contains(year), var date = result.date, date.year == nil {
                date.year = year
                guard date.isValid else { return nil }
                result.date = date
                continue
            }
            if index == 0 {
                // `BRUXELLES 23/07`, `ROMA 1 LUG`: a place followed by a date without a comma.
                let words = component.split(separator: " ")
                var split = false
                for cut in 1..<max(words.count, 1) {
                    let head = words[..<cut].joined(separator: " ")
                    if let date = parseDate(Substring(words[cut...].joined(separator: " "))), isPlace(head) {
                        result.place = head
                        result.date = date
                        split = true
                        break
                    }
                }
                if split { continue }
                guard isPlace(component) else { return nil }
                result.place = component
            } else if result.region == nil, result.date == nil, isPlace(component) {
                result.region = component
            } else {
                return nil
            }
        }
        guard result.place != nil || result.date != nil else { return nil }
        return result
    }

    /// A place name: one to five words, starting with a letter, without digits or sentence punctuation.
    private static func isPlace(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isUppercase, text.count <= 40 else { return false }
        let words = text.split(separator: " ")
        guard words.count <= 5 else { return false }
        return !text.contains(where: { $0.isNumber || "\"“”«»:;!?()[]".contains($0) })
    }

    /// Parses a printed date: `Dec 15`, `Dec. 15`, `15 dic`, `10 juil 2024`, `15. Dezember`,
    /// `15 de diciembre`, `23/07`, `15.12.2023`. Returns the known parts, or nil.
    package static func parseDate(_ text: Substring) -> NewsDate? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { !["de", "del", "le"].contains($0.lowercased()) }
        switch tokens.count {
        case 1:
            return parseNumericDate(tokens[0])
        case 2, 3:
            var date: NewsDate
            if let month = MonthNames.month(tokens[0]), let day = dayNumber(tokens[1]) {
                date = NewsDate(month: month, day: day)
            } else if let day = dayNumber(tokens[0]), let month = MonthNames.month(tokens[1]) {
                date = NewsDate(month: month, day: day)
            } else {
                return nil
            }
            if tokens.count == 3 {
                guard let year = yearNumber(tokens[2]) else { return nil }
                date.year = year
            }
            return date.isValid ? date : nil
        default:
            return nil
        }
    }

    private static func parseNumericDate(_ token: Substring) -> NewsDate? {
        let separator: Character
        if token.contains("/") { separator = "/" } else if token.contains(".") { separator = "." } else { return nil }
        let parts = token.split(separator: separator, omittingEmptySubsequences: false)
        let fields = parts.last == "" ? Array(parts.dropLast()) : parts
        guard (2...3).contains(fields.count), let day = Int(fields[0]), let month = Int(fields[1]),
            fields[0].count <= 2, fields[1].count <= 2
        else { return nil }
        var date = NewsDate(month: month, day: day)
        if fields.count == 3 {
            guard let year = yearNumber(fields[2]) else { return nil }
            date.year = year
        }
        return date.isValid ? date : nil
    }

    private static func dayNumber(_ token: Substring) -> Int? {
        var digits = token
        while let last = digits.last, last == "." || last == "," { digits.removeLast() }
        for suffix in ["st", "nd", "rd", "th", "º", "er"] where digits.hasSuffix(suffix) {
            digits.removeLast(suffix.count)
            break
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber), let day = Int(digits), (1...31).contains(day) else {
            return nil
        }
        return day
    }

    private static func yearNumber(_ token: Substring) -> Int? {
        var digits = token
        while let last = digits.last, last == "." || last == "," { digits.removeLast() }
        guard digits.count == 4, let year = Int(digits), (1900...2100).contains(year) else { return nil }
        return year
    }
}
