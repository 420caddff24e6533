import Foundation

/// Month names and abbreviations in English, Spanish, French, German and Italian, as they are
/// printed in datelines (`Dec 15`, `3 mar`, `10 juil`, `15. Dezember`, `1 LUG`). Looked up
/// lowercased without a trailing dot. No spelling means two different months across these languages.
package enum MonthNames {
    private static let table: [Int: [String]] = [
        1: ["jan", "january", "ene", "enero", "janv", "janvier", "januar", "jänner", "jän", "gen", "gennaio"],
        2: ["feb", "february", "febr", "febrero", "fév", "févr", "février", "fev", "fevr", "fevrier", "februar", "febbraio"],
        3: ["mar", "march", "marzo", "mars", "märz", "mär", "marz"],
        4: ["apr", "april", "abr", "abril", "avr", "avril", "aprile"],
        5: ["may", "mayo", "mai", "mag", "maggio"],
        6: ["jun", "june", "junio", "juin", "juni", "giu", "giugno"],
        7: ["jul", "july", "julio", "juil", "juillet", "juli", "lug", "luglio"],
        8: ["aug", "august", "ago", "agosto", "août", "aout", "aoû"],
        9: ["sep", "sept", "september", "septiembre", "set", "setiembre", "septembre", "settembre"],
        10: ["oct", "october", "octubre", "octobre", "okt", "oktober", "ott", "ottobre"],
        11: ["nov", "november", "noviembre", "novembre"],
        12: ["dec", "december", "dic", "diciembre", "déc", "décembre", "decembre", "dez", "dezember", "dicembre"],
    ]

    private static let lookup: [String: Int] = {
        var map: [String: Int] = [:]
        for (month, names) in table {
            for name in names {
                precondition(map[name] == nil || map[name] == month, "month name '\(name)' is ambiguous")
                map[name] = month
            }
        }
        return map
    }()

    /// The month number for a printed month name (`Dec.`, `DICIEMBRE`, `juil`), or nil.
    package static func month(_ word: Substring) -> Int? {
        var key = word.lowercased()
        while key.hasSuffix(".") || key.hasSuffix(",") { key.removeLast() }
        return lookup[key]
    }
}
