import Foundation
import NewsCore
import Testing

@Suite struct NewsDateTests {
    @Test(arguments: [
        "2023-12-15T10:30:00+01:00", "2023-12-15T10:30:00Z", "2023-12-15T10:30:00.123Z", "2023-12-15T10:30:00",
        "2023-12-15", "2023-12", "2023", "--12-15", "--12", "2023-12-15T23:59:59-05:30",
    ])
    func textFormsRoundTrip(_ text: String) throws {
        let date = try #require(NewsDate(iso8601: text))
        #expect(date.iso8601 == text)
    }

    @Test func partsOfAFullTimestamp() throws {
        let date = try #require(NewsDate(iso8601: "2023-12-15T10:30:05.5+01:00"))
        #expect(date.year == 2023 && date.month == 12 && date.day == 15)
        #expect(date.time == NewsDate.TimeOfDay(hour: 10, minute: 30, second: 5, fraction: "5"))
        #expect(date.utcOffsetMinutes == 60)
        #expect(date.isComplete)
        #expect(date.date == Date(timeIntervalSince1970: 1_702_632_605.5))
    }

    @Test func offsetWithoutColonIsRead() throws {
        let date = try #require(NewsDate(iso8601: "2023-12-15T10:30:00+0100"))
        #expect(date.utcOffsetMinutes == 60)
        #expect(date.iso8601 == "2023-12-15T10:30:00+01:00")
    }

    @Test func surroundingSpacesAreIgnored() {
        #expect(NewsDate(iso8601: "  2023-12-15T10:30:00Z ")?.iso8601 == "2023-12-15T10:30:00Z")
        #expect(NewsDate(iso8601: " --12-15")?.iso8601 == "--12-15")
    }

    @Test(arguments: [
        "", "15 Dec", "2023-13-01", "2023-02-30", "2023-02-29", "2023-12-15T25:00:00Z", "2023-12-15T10:30:00+15:00", "2023-12-15X",
        "20231215", "2016-10-19T13:15:60Z", "2016-12-31T23:59:60Z", "0000-01-01",
    ])
    func invalidTextIsRejected(_ text: String) {
        #expect(NewsDate(iso8601: text) == nil)
    }

    @Test func leapDayIsValidInLeapYears() {
        #expect(NewsDate(iso8601: "2024-02-29") != nil)
        #expect(NewsDate(iso8601: "2000-02-29") != nil)
        #expect(NewsDate(iso8601: "1900-02-29") == nil)
    }

    @Test func completingTheYearPicksTheNearestYear() {
        let dec31 = NewsDate(month: 12, day: 31)
        #expect(dec31.completingYear(from: NewsDate(year: 2024, month: 1, day: 2)).year == 2023)
        #expect(NewsDate(month: 1, day: 2).completingYear(from: NewsDate(year: 2023, month: 12, day: 30)).year == 2024)
        #expect(NewsDate(month: 12, day: 15).completingYear(from: NewsDate(year: 2023, month: 12, day: 15)).year == 2023)
        // A known year is kept.
        #expect(NewsDate(year: 2020, month: 1, day: 1).completingYear(from: NewsDate(year: 2023, month: 6, day: 1)).year == 2020)
    }

    @Test func fromFoundationDate() {
        let date = NewsDate(Date(timeIntervalSince1970: 0), utcOffsetMinutes: 60)
        #expect(date.iso8601 == "1970-01-01T01:00:00+01:00")
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([NewsDate(month: 12, day: 15)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"--12-15\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NewsDate].self, from: Data("[\"Dec 15\"]".utf8)) }
    }
}

/// The spellings feeds use beside ISO 8601: a space for the `T` (AAP's NITF `norm`, STT's G2).
struct FeedSpellingTests {
    @Test func aSpaceForTheTIsRead() {
        #expect(NewsDate(feedSpelling: "2016-04-13 04:52:21+00:00") == NewsDate(iso8601: "2016-04-13T04:52:21+00:00"))
        #expect(NewsDate(feedSpelling: "2016-01-12 12:35:40") == NewsDate(iso8601: "2016-01-12T12:35:40"))
        #expect(NewsDate(feedSpelling: " 2016-01-12 12:35:40.250+0100 ") == NewsDate(iso8601: "2016-01-12T12:35:40.250+0100"))
    }

    @Test func whatIsNotSuchASpellingIsNil() {
        #expect(NewsDate(feedSpelling: "2016-04-13T04:52:21Z") == nil)
        #expect(NewsDate(feedSpelling: "13.04.2016 04:52") == nil)
        #expect(NewsDate(feedSpelling: "2016-04-13 nonsense") == nil)
        #expect(NewsDate(feedSpelling: "") == nil)
    }
}
