import IAMPolicy
import IAMPolicy

/// SigV4's basic ISO 8601 timestamps: `20150830T123600Z` (`X-Amz-Date`) and the
/// `20150830` date of a credential scope.
public enum AmzDate {
    /// The instant `text` (`YYYYMMDDTHHMMSSZ`) names; `nil` if it is not of that form or
    /// not a real date and time.
    public static func parse(_ text: String) -> Timestamp? {
        var t = text
        return t.withUTF8 { c -> Timestamp? in
            guard c.count == 16, c[8] == UInt8(ascii: "T"), c[15] == UInt8(ascii: "Z") else { return nil }
            for i in 0..<15 where i != 8 {
                guard c[i] >= UInt8(ascii: "0"), c[i] <= UInt8(ascii: "9") else { return nil }
            }
            func number(_ from: Int, _ count: Int) -> Int {
                var n = 0
                for i in from..<from + count { n = n * 10 + Int(c[i] - UInt8(ascii: "0")) }
                return n
            }
            let (year, month, day) = (number(0, 4), number(4, 2), number(6, 2))
            let (hour, minute, second) = (number(9, 2), number(11, 2), number(13, 2))
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...12).contains(month), day >= 1, day <= monthDays[month - 1], hour < 24, minute < 60, second < 60 else {
                return nil
            }
            // Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic).
            let y = month <= 2 ? year - 1 : year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            return Timestamp(milliseconds: seconds * 1000)
        }
    }

    /// `YYYYMMDDTHHMMSSZ` for `time` (whole seconds, rounded down).
    public static func format(_ time: Timestamp) -> String {
        let whole = time.milliseconds - ((time.milliseconds % 1000) + 1000) % 1000
        return Timestamp(milliseconds: whole).iso8601.filter { $0 != "-" && $0 != ":" }
    }

    /// `YYYYMMDD`, the date of a credential scope.
    public static func day(_ time: Timestamp) -> String {
        String(format(time).prefix(8))
    }
}
