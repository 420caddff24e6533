import Foundation

/// A news date that may be partial.
///
/// Real feeds print dates at every precision: a dateline says `Dec 15` (no year), a NewsML-G2
/// `contentCreated` may be a bare year, `versionCreated` is a full timestamp. A `NewsDate` keeps
/// exactly what is known. Its text form is ISO 8601 / XML Schema: `2023-12-15T10:30:00+01:00`,
/// `2023-12-15`, `2023-12`, `2023`, and `--12-15` for a month and day without a year.
public struct NewsDate: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The year, if known.
    public var year: Int?
    /// The month (1-12), if known.
    public var month: Int?
    /// The day of the month (1-31), if known.
    public var day: Int?
    /// The time of day, if known.
    public var time: TimeOfDay?
    /// The offset from UTC in minutes, if known (`Z` is 0).
    public var utcOffsetMinutes: Int?

    /// A time of day with optional fractional seconds (kept as the digits printed).
    public struct TimeOfDay: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// The digits after the decimal point, as printed (`"123"` for `.123`), or nil.
        public var fraction: String?

        public init(hour: Int, minute: Int, second: Int = 0, fraction: String? = nil) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.fraction = fraction
        }
    }

    /// Creates a date from its known parts.
    public init(
        year: Int? = nil, month: Int? = nil, day: Int? = nil, time: TimeOfDay? = nil,
        utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Creates a full timestamp from a `Date`, expressed at the given UTC offset.
    public init(_ date: Date, utcOffsetMinutes: Int = 0) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetMinutes * 60) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        self.init(
            year: c.year, month: c.month, day: c.day,
            time: TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0),
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// True when year, month, day, time and UTC offset are all known.
    public var isComplete: Bool {
        year != nil && month != nil && day != nil && time != nil && utcOffsetMinutes != nil
    }

    /// True when year, month and day are known.
    public var hasFullDate: Bool { year != nil && month != nil && day != nil }

    /// The instant this date names, when it is complete.
    public var date: Date? {
        guard isComplete, let year, let month, let day, let time, let utcOffsetMinutes else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetMinutes * 60) ?? TimeZone(identifier: "UTC")!
        var c = DateComponents(year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: time.second)
        if let fraction = time.fraction, let value = Double("0." + fraction) {
            c.nanosecond = Int(value * 1_000_000_000)
        }
        return calendar.date(from: c)
    }

    /// Parses the ISO 8601 / XML Schema text forms listed in the type's documentation.
    /// Returns nil for anything else.
    /// A date as news feeds spell it when they stray from ISO 8601: a space instead of the `T`
    /// (`2016-04-13 04:52:21+00:00`, AAP, STT). Nil for an ISO 8601 spelling (read it with
    /// ``init(iso8601:)``) and for what is no date; importers read such a date with a warning.
    public init?(feedSpelling text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count > 11, let space = trimmed.firstIndex(of: " "),
            trimmed.utf8.distance(from: trimmed.startIndex, to: space) == 10
        else { return nil }
        self.init(iso8601: trimmed.replacingCharacters(in: space...space, with: "T"))
    }

    public init?(iso8601 text: String) {
        // A byte parser over the string's own UTF-8: dates are read for every item.
        var text = text
        guard let result = NewsDate.parse(Array(text.utf8)) else { return nil }
        self = result
    }

    /// A cursor over a date's bytes (a struct: nested functions capturing the index cost more).
    private struct Cursor {
        let utf8: [UInt8]
        var i: Int
        var end: Int

        /// `count` decimal digits as a number, consumed; nil (nothing consumed) otherwise.
        mutating func number(_ count: Int) -> Int? {
            guard end - i >= count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = utf8[i + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            i += count
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            if i < end, utf8[i] == byte {
                i += 1
                return true
            }
            return false
        }
    }

    private static func parse(_ utf8: [UInt8]) -> NewsDate? {
        var cursor = Cursor(utf8: utf8, i: 0, end: utf8.count)
        while cursor.i < cursor.end, utf8[cursor.i] == 0x20 { cursor.i += 1 }
        while cursor.end > cursor.i, utf8[cursor.end - 1] == 0x20 { cursor.end -= 1 }
        return parse(&cursor)
    }

    private static func parse(_ c: inout Cursor) -> NewsDate? {
        let utf8 = c.utf8
        let dash = UInt8(ascii: "-")
        var result = NewsDate()
        if c.end - c.i >= 2, utf8[c.i] == dash, utf8[c.i + 1] == dash {
            c.i += 2
            guard let m = c.number(2) else { return nil }
            result.month = m
            if c.take(dash) {
                guard let d = c.number(2) else { return nil }
                result.day = d
            }
        } else {
            guard let y = c.number(4) else { return nil }
            result.year = y
            if c.take(dash) {
                guard let m = c.number(2) else { return nil }
                result.month = m
                if c.take(dash) {
                    guard let d = c.number(2) else { return nil }
                    result.day = d
                }
            }
        }
        let colon = UInt8(ascii: ":")
        if result.day != nil, c.take(UInt8(ascii: "T")) {
            guard let h = c.number(2), c.take(colon), let mi = c.number(2) else { return nil }
            var second = 0
            var fraction: String?
            if c.take(colon) {
                guard let sec = c.number(2) else { return nil }
                second = sec
                if c.take(UInt8(ascii: ".")) || c.take(UInt8(ascii: ",")) {
                    let start = c.i
                    while c.i < c.end, utf8[c.i] >= 0x30 && utf8[c.i] <= 0x39 { c.i += 1 }
                    guard c.i > start else { return nil }
                    fraction = String(decoding: utf8[start..<c.i], as: UTF8.self)
                }
            }
            result.time = TimeOfDay(hour: h, minute: mi, second: second, fraction: fraction)
        }
        if c.take(UInt8(ascii: "Z")) {
            result.utcOffsetMinutes = 0
        } else if c.i < c.end, utf8[c.i] == 0x2B || utf8[c.i] == dash, result.day != nil || result.time != nil {
            let sign = utf8[c.i]
            c.i += 1
            guard let oh = c.number(2) else { return nil }
            _ = c.take(colon)
            let om = c.number(2) ?? 0
            result.utcOffsetMinutes = (sign == dash ? -1 : 1) * (oh * 60 + om)
        }
        guard c.i == c.end, result.isValid else { return nil }
        return result
    }

    /// True when every known part is in range (month 1-12, day valid for the month, and so on).
    public var isValid: Bool {
        if day != nil, month == nil { return false }
        if month != nil, year == nil, day == nil, time != nil { return false }
        if time != nil, day == nil { return false }
        if utcOffsetMinutes != nil, day == nil { return false }
        if year == nil, month == nil { return false }
        // No year 0000: XML Schema 1.0's dates, which NewsML-G2 and NITF write, have none.
        if year == 0 { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard (1...31).contains(day) else { return false }
            if let month {
                let maxDay = month == 2 ? 29 : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
                if day > maxDay { return false }
                if month == 2, day == 29, let year, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
                    return false
                }
            }
        }
        // No second 60: XML Schema's dateTime, which NewsML-G2 and NITF write, has no leap
        // second (the fuzzer's schema check found `13:15:60Z` read from a G2 item and written
        // into an invalid one); a source that has one gets the importer's invalid-date warning.
        if let time {
            guard (0...23).contains(time.hour), (0...59).contains(time.minute), (0...59).contains(time.second)
            else { return false }
        }
        if let utcOffsetMinutes, abs(utcOffsetMinutes) > 14 * 60 { return false }
        return true
    }

    /// The ISO 8601 / XML Schema text of the known parts.
    public var iso8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ISO 8601 basic form of a date with a year, month and day (`20231215T103000+0500`: no
    /// `-` in the date, no `:` in the time and offset), as NITF's `norm` attributes want it;
    /// ``iso8601`` for another date.
    package var basicISO8601: String {
        guard hasFullDate else { return iso8601 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendISO8601(to: &bytes, basic: true)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``iso8601``'s UTF-8 bytes (the basic form's with `basic`): writers call this for
    /// every date they write.
    func appendISO8601(to out: inout [UInt8], basic: Bool = false) {
        let dash = UInt8(ascii: "-")
        let colon = UInt8(ascii: ":")
        if let year {
            appendPadded(year, 4, to: &out)
            if let month {
                if !basic { out.append(dash) }
                appendPadded(month, 2, to: &out)
                if let day {
                    if !basic { out.append(dash) }
                    appendPadded(day, 2, to: &out)
                }
            }
        } else if let month {
            out.append(dash)
            out.append(dash)
            appendPadded(month, 2, to: &out)
            if let day {
                out.append(dash)
                appendPadded(day, 2, to: &out)
            }
        }
        if let time, day != nil {
            out.append(UInt8(ascii: "T"))
            appendPadded(time.hour, 2, to: &out)
            if !basic { out.append(colon) }
            appendPadded(time.minute, 2, to: &out)
            if !basic { out.append(colon) }
            appendPadded(time.second, 2, to: &out)
            if let fraction = time.fraction {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: fraction.utf8)
            }
        }
        if let utcOffsetMinutes, day != nil || time != nil {
            if utcOffsetMinutes == 0 {
                out.append(UInt8(ascii: "Z"))
            } else {
                out.append(utcOffsetMinutes < 0 ? dash : UInt8(ascii: "+"))
                let m = abs(utcOffsetMinutes)
                appendPadded(m / 60, 2, to: &out)
                if !basic { out.append(colon) }
                appendPadded(m % 60, 2, to: &out)
            }
        }
    }

    public var description: String { iso8601 }

    /// Orders dates by their text form, which sorts correctly for dates with the same precision and offset.
    public static func < (lhs: NewsDate, rhs: NewsDate) -> Bool {
        if let l = lhs.date, let r = rhs.date { return l < r }
        return lhs.iso8601 < rhs.iso8601
    }

    /// Completes a date that lacks its year from a reference date: the year that puts this
    /// month and day nearest to the reference (a `Dec 31` dateline read on Jan 2 is last year's).
    public func completingYear(from reference: NewsDate) -> NewsDate {
        guard year == nil, let month, let refYear = reference.year else { return self }
        let refMonth = reference.month ?? 6
        var candidate = self
        candidate.year = refYear
        let delta = month - refMonth
        if delta > 6 { candidate.year = refYear - 1 } else if delta < -6 { candidate.year = refYear + 1 }
        return candidate.isValid ? candidate : self
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = NewsDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or a full timestamp)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// A number in decimal with at least `width` digits (zero-padded), a minus sign before them.
@inline(__always)
private func appendPadded(_ value: Int, _ width: Int, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    // The highest power of ten in the number, then a digit for each power down to one.
    var power: UInt = 1
    var digits = 1
    while magnitude / power >= 10 {
        power *= 10
        digits += 1
    }
    for _ in digits..<max(digits, width) { out.append(UInt8(ascii: "0")) }
    while power > 0 {
        out.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
        power /= 10
    }
}
