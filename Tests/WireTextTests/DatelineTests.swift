import Datelines
import Foundation
import NewsCore
import Testing

@testable import WireText

@Suite struct DatelineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var paragraph: String
        var printed: String
        var place: String?
        var region: String?
        var date: String?
        var source: String
        var rest: String
        var testDescription: String { printed }
    }

    static let cases: [Case] = [
        Case(
            paragraph: "Islamabad, Dec 15 (EFE).- Pakistan Army Chief", printed: "Islamabad, Dec 15 (EFE).-", place: "Islamabad",
            date: "--12-15", source: "EFE", rest: "Pakistan Army Chief"),
        Case(
            paragraph: "Madrid, 3 mar (EFE).- La Agencia", printed: "Madrid, 3 mar (EFE).-", place: "Madrid", date: "--03-03",
            source: "EFE", rest: "La Agencia"),
        Case(
            paragraph: "Tegucigalpa, Jan 2 (EFE).- Honduras", printed: "Tegucigalpa, Jan 2 (EFE).-", place: "Tegucigalpa", date: "--01-02",
            source: "EFE", rest: "Honduras"),
        Case(
            paragraph: "WASHINGTON (AP) — The Senate", printed: "WASHINGTON (AP) —", place: "WASHINGTON", source: "AP", rest: "The Senate"),
        Case(
            paragraph: "BUENOS AIRES, Argentina (AP) _ Every evening", printed: "BUENOS AIRES, Argentina (AP) _", place: "BUENOS AIRES",
            region: "Argentina", source: "AP", rest: "Every evening"),
        Case(
            paragraph: "FORT WASHINGTON, Pa. (AP) _ A man", printed: "FORT WASHINGTON, Pa. (AP) _", place: "FORT WASHINGTON", region: "Pa.",
            source: "AP", rest: "A man"),
        Case(
            paragraph: "GROSSETO, Italy (AP) -- The", printed: "GROSSETO, Italy (AP) --", place: "GROSSETO", region: "Italy", source: "AP",
            rest: "The"),
        Case(
            paragraph: "LONDON, Dec 15 (Reuters) - Britain's", printed: "LONDON, Dec 15 (Reuters) -", place: "LONDON", date: "--12-15",
            source: "Reuters", rest: "Britain's"),
        Case(paragraph: "Jan 30 (Reuters) - Shares", printed: "Jan 30 (Reuters) -", date: "--01-30", source: "Reuters", rest: "Shares"),
        Case(paragraph: "Paris (AFP) - Le", printed: "Paris (AFP) -", place: "Paris", source: "AFP", rest: "Le"),
        Case(
            paragraph: "STOCKHOLM, Aug 29, 2014 (AFP) - Sweden's", printed: "STOCKHOLM, Aug 29, 2014 (AFP) -", place: "STOCKHOLM",
            date: "2014-08-29", source: "AFP", rest: "Sweden's"),
        Case(
            paragraph: "Strasbourg, 10 juil 2024 (AFP) Le Parlement", printed: "Strasbourg, 10 juil 2024 (AFP)", place: "Strasbourg",
            date: "2024-07-10", source: "AFP", rest: "Le Parlement"),
        Case(paragraph: "Berlin (dpa) - Die", printed: "Berlin (dpa) -", place: "Berlin", source: "dpa", rest: "Die"),
        Case(paragraph: "Peine (dpa/lni) - Ein", printed: "Peine (dpa/lni) -", place: "Peine", source: "dpa/lni", rest: "Ein"),
        Case(
            paragraph: "Berlin, 15. Dezember (dpa) - Die", printed: "Berlin, 15. Dezember (dpa) -", place: "Berlin", date: "--12-15",
            source: "dpa", rest: "Die"),
        Case(
            paragraph: "BEIJING, Jan. 8 (Xinhua) -- China's", printed: "BEIJING, Jan. 8 (Xinhua) --", place: "BEIJING", date: "--01-08",
            source: "Xinhua", rest: "China's"),
        Case(
            paragraph: "WASHINGTON, Dec. 15 (UPI) -- The", printed: "WASHINGTON, Dec. 15 (UPI) --", place: "WASHINGTON", date: "--12-15",
            source: "UPI", rest: "The"),
        Case(
            paragraph: "(ANSA) - ROMA, 1 LUG - Il Comune", printed: "(ANSA) - ROMA, 1 LUG -", place: "ROMA", date: "--07-01",
            source: "ANSA", rest: "Il Comune"),
        Case(
            paragraph: "BRUXELLES 23/07 (BELGA) = Le", printed: "BRUXELLES 23/07 (BELGA) =", place: "BRUXELLES", date: "--07-23",
            source: "BELGA", rest: "Le"),
        Case(
            paragraph: "Jan. 12 (BusinessDesk) - Fletcher", printed: "Jan. 12 (BusinessDesk) -", date: "--01-12", source: "BusinessDesk",
            rest: "Fletcher"),
        Case(
            paragraph: "Bogotá, 15 de diciembre de 2023 (EFE).- El", printed: "Bogotá, 15 de diciembre de 2023 (EFE).-", place: "Bogotá",
            date: "2023-12-15", source: "EFE", rest: "El"),
        Case(
            paragraph: "KUALA LUMPUR, March 3 (Bernama) -- Malaysia", printed: "KUALA LUMPUR, March 3 (Bernama) --", place: "KUALA LUMPUR",
            date: "--03-03", source: "Bernama", rest: "Malaysia"),
        Case(
            paragraph: "NAIROBI (Capital FM) - Kenya", printed: "NAIROBI (Capital FM) -", place: "NAIROBI", source: "Capital FM",
            rest: "Kenya"),
    ]

    @Test(arguments: cases)
    func recognised(_ c: Case) throws {
        let match = try #require(DatelineParser.parse(Substring(c.paragraph)))
        #expect(match.dateline.text == c.printed)
        #expect(match.dateline.place == c.place)
        #expect(match.dateline.region == c.region)
        #expect(match.dateline.date?.iso8601 == c.date)
        #expect(match.dateline.source == c.source)
        #expect(String(match.remainder) == c.rest)
    }

    @Test(arguments: [
        "The World Health Organization (WHO) - said on Monday",
        "Pakistan Army Chief General Asim Munir has sought cooperation",
        "He said (in a statement) - that nothing changed",
        "In a press statement released on Friday (local time) the army said",
        "(Reporting by Jane Smith; Editing by Tom Brown)",
        "Members of Tehreek-e-Taliban Pakistan (TTP) - the group",
    ])
    func notADateline(_ paragraph: String) {
        #expect(DatelineParser.parse(Substring(paragraph)) == nil)
    }

    @Test(arguments: [
        ("Dec 15", "--12-15"), ("15 Dec", "--12-15"), ("December 15", "--12-15"), ("15. Dezember 2023", "2023-12-15"),
        ("3 mar", "--03-03"), ("1 LUG", "--07-01"), ("10 juil 2024", "2024-07-10"), ("23/07", "--07-23"),
        ("15.12.2023", "2023-12-15"), ("août 3", "--08-03"), ("15 de diciembre", "--12-15"), ("Sept. 4", "--09-04"),
    ])
    func printedDates(_ text: String, _ expected: String) {
        #expect(DatelineParser.parseDate(Substring(text))?.iso8601 == expected)
    }

    @Test(arguments: ["Dec 32", "31/02", "Friday", "15", "mar mar", "13/13/2023"])
    func notADate(_ text: String) {
        #expect(DatelineParser.parseDate(Substring(text)) == nil)
    }
}
