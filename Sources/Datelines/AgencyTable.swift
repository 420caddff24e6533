import Foundation

/// The news agencies whose datelines and sign-offs newsconv knows (wire text, Markdown drafts).
///
/// This is data, not code: add an agency by adding a row. `forms` are matched case-insensitively
/// against the parenthesised credit of a dateline (`(EFE)`, `(Reuters)`); `signOffs` are the words
/// an agency prints at the end of its last paragraph (`EFE`); `endMarkers` close a dispatch.
package struct Agency: Sendable {
    /// The name as the agency writes it.
    package var name: String
    /// Spellings seen in datelines.
    package var forms: [String]
    /// Words that close the last paragraph.
    package var signOffs: [String] = []
}

package enum AgencyTable {
    package static let agencies: [Agency] = [
        Agency(name: "EFE", forms: ["EFE"], signOffs: ["EFE"]),
        Agency(name: "AP", forms: ["AP", "Associated Press"]),
        Agency(name: "Reuters", forms: ["Reuters"]),
        Agency(name: "AFP", forms: ["AFP"], signOffs: ["AFP"]),
        Agency(name: "dpa", forms: ["dpa", "DPA"]),
        Agency(name: "Xinhua", forms: ["Xinhua"]),
        Agency(name: "UPI", forms: ["UPI"]),
        Agency(name: "ANSA", forms: ["ANSA"], signOffs: ["ANSA"]),
        Agency(name: "Europa Press", forms: ["Europa Press"]),
        Agency(name: "BELGA", forms: ["BELGA", "Belga"]),
        Agency(name: "BusinessDesk", forms: ["BusinessDesk"]),
        Agency(name: "AAP", forms: ["AAP"]),
        Agency(name: "PA", forms: ["PA"]),
        Agency(name: "CP", forms: ["CP", "The Canadian Press"]),
        Agency(name: "NTB", forms: ["NTB"]),
        Agency(name: "TT", forms: ["TT"]),
        Agency(name: "STT", forms: ["STT"]),
        Agency(name: "Ritzau", forms: ["Ritzau"]),
        Agency(name: "APA", forms: ["APA"]),
        Agency(name: "Keystone-SDA", forms: ["Keystone-SDA", "sda", "SDA", "ATS"]),
        Agency(name: "KNA", forms: ["KNA"]),
        Agency(name: "epd", forms: ["epd"]),
        Agency(name: "Lusa", forms: ["Lusa"]),
        Agency(name: "Anadolu", forms: ["AA", "Anadolu"]),
        Agency(name: "TASS", forms: ["TASS"]),
        Agency(name: "Kyodo", forms: ["Kyodo"]),
        Agency(name: "Yonhap", forms: ["Yonhap"]),
        Agency(name: "PTI", forms: ["PTI"]),
        Agency(name: "IANS", forms: ["IANS"]),
        Agency(name: "Bernama", forms: ["Bernama"]),
        Agency(name: "Antara", forms: ["Antara"]),
        Agency(name: "Prensa Latina", forms: ["Prensa Latina", "PL"]),
        Agency(name: "Notimex", forms: ["Notimex"]),
        Agency(name: "Bloomberg", forms: ["Bloomberg"]),
    ]

    /// End-of-dispatch markers, alone on their line.
    package static let endMarkers: Set<String> = [
        "END", "ENDS", "Enditem", "ENDITEM", "-0-", "###", "(END)", "(Ends)", "(ENDS)", "XXX", "FIN", "(FIN)", "ENDE", "Ende",
        "FINE", "(FINE)", "--END--", "=END=",
    ]

    /// Headline prefixes that mark a version or take (`UPDATE 1-`), not part of the headline.
    package static let versionMarkers: [String] = [
        "UPDATE", "REFILE", "CORRECTED", "CORRECTION", "RPT", "WRAPUP", "URGENT", "FLASH", "BULLETIN", "REPEAT",
        "RECASTS", "ADVISORY",
    ]

    /// Headline prefixes that mark a genre (`ANALYSIS-`), kept as a genre.
    package static let genreMarkers: [String] = [
        "ANALYSIS", "FACTBOX", "INSIGHT", "EXPLAINER", "EXCLUSIVE", "COLUMN", "BREAKINGVIEWS", "POLL", "PREVIEW",
        "INTERVIEW", "TIMELINE", "FEATURE", "OBITUARY",
    ]

    /// Words that introduce a byline, by language.
    package static let bylineWords: [String] = ["By", "BY", "Von", "VON", "Por", "POR", "Par", "PAR", "Di", "DI", "Door"]

    /// Words that join several names in one byline.
    package static let nameJoiners: [String] = [" and ", " und ", " y ", " et ", " e ", " en ", " & "]

    /// Separators printed after the agency credit, longest first.
    package static let separators: [String] = [".--", ".-", "--", "—", "–", "-", "_", "=", ":"]

    private static let byForm: [String: Agency] = {
        var map: [String: Agency] = [:]
        for agency in agencies {
            for form in agency.forms { map[form.lowercased()] = agency }
        }
        return map
    }()

    /// The agency with this form (case-insensitive).
    package static func agency(named form: String) -> Agency? { byForm[form.lowercased()] }

    /// Every sign-off word of every agency.
    package static let allSignOffs: Set<String> = Set(agencies.flatMap(\.signOffs))
}
