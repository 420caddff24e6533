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
    public init?(iso8601 text: String) {
        // A byte parser: dates are read for every item, and Substring work showed in profiles.
        var bytes = Array(text.utf8)[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        func number(_ count: Int) -> Int? {
            guard bytes.count >= count else { return nil }
            var value = 0
            for byte in bytes.prefix(count) {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            bytes = bytes.dropFirst(count)
            return value
        }
        func take(_ c: Character) -> Bool {
            if let first = bytes.first, first == c.asciiValue { bytes = bytes.dropFirst(); return true }
            return false
        }
        var result = NewsDate()
        if bytes.starts(with: [0x2D, 0x2D]) {
            bytes = bytes.dropFirst(2)
            guard let m = number(2) else { return nil }
            result.month = m
            if take("-") {
                guard let d = number(2) else { return nil }
                result.day = d
            }
        } else {
            guard let y = number(4) else { return nil }
            result.year = y
            if take("-") {
                guard let m = number(2) else { return nil }
                result.month = m
                if take("-") {
                    guard let d = number(2) else { return nil }
                    result.day = d
                }
            }
        }
        if result.day != nil, take("T") {
            guard let h = number(2), take(":"), let mi = number(2) else { return nil }
            var second = 0
            var fraction: String?
            if take(":") {
                guard let sec = number(2) else { return nil }
                second = sec
                if take(".") || take(",") {
                    let digits = bytes.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
                    guard !digits.isEmpty else { return nil }
                    fraction = String(decoding: digits, as: UTF8.self)
                    bytes = bytes.dropFirst(digits.count)
                }
            }
            result.time = TimeOfDay(hour: h, minute: mi, second: second, fraction: fraction)
        }
        if take("Z") {
            result.utcOffsetMinutes = 0
        } else if let sign = bytes.first, sign == 0x2B || sign == 0x2D, result.day != nil || result.time != nil {
            bytes = bytes.dropFirst()
            guard let oh = number(2) else { return nil }
            _ = take(":")
            let om = number(2) ?? 0
            result.utcOffsetMinutes = (sign == 0x2D ? -1 : 1) * (oh * 60 + om)
        }
        guard bytes.isEmpty, result.isValid else { return nil }
        self = result
    }

    /// True when every known part is in range (month 1-12, day valid for the month, and so on).
    public var isValid: Bool {
        if day != nil, month == nil { return false }
        if month != nil, year == nil, day == nil, time != nil { return false }
        if time != nil, day == nil { return false }
        if utcOffsetMinutes != nil, day == nil { return false }
        if year == nil, month == nil { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard (1...31).contains(day) else { return false }
            if let month {
                let maxDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
                if day > maxDay { return false }
                if month == 2, day == 29, let year, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
                    return false
                }
            }
        }
        if let time {
            guard (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second)
            else { return false }
        }
        if let utcOffsetMinutes, abs(utcOffsetMinutes) > 14 * 60 { return false }
        return true
    }

    /// The ISO 8601 / XML Schema text of the known parts.
    public var iso8601: String {
        var out = ""
        if let year {
            out += pad(year, 4)
            if let month {
                out += "-" + pad(month, 2)
                if let day { out += "-" + pad(day, 2) }
            }
        } else if let month, let day {
            out += "--" + pad(month, 2) + "-" + pad(day, 2)
        } else if let month {
            out += "--" + pad(month, 2)
        }
        if let time, day != nil {
            out += "T" + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
            if let fraction = time.fraction { out += "." + fraction }
        }
        if let utcOffsetMinutes, day != nil || time != nil {
            if utcOffsetMinutes == 0 {
                out += "Z"
            } else {
                let sign = utcOffsetMinutes < 0 ? "-" : "+"
                let m = abs(utcOffsetMinutes)
                out += sign + pad(m / 60, 2) + ":" + pad(m % 60, 2)
            }
        }
        return out
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
                in: container, debugDescription: "'\(text)' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or a full timestamp)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

@inline(__always)
private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
}
