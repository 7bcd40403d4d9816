import IAMPolicy
import KinesisSim

/// SigV4's basic ISO 8601 timestamps: `20150830T123600Z` (`X-Amz-Date`) and the
/// `20150830` date of a credential scope.
public enum AmzDate {
    /// The instant `text` (`YYYYMMDDTHHMMSSZ`) names; `nil` if it is not of that form.
    public static func parse(_ text: String) -> Timestamp? {
        let c = Array(text.utf8)
        guard c.count == 16, c[8] == UInt8(ascii: "T"), c[15] == UInt8(ascii: "Z") else { return nil }
        for i in 0..<15 where i != 8 {
            guard c[i] >= UInt8(ascii: "0"), c[i] <= UInt8(ascii: "9") else { return nil }
        }
        let s = String(decoding: c, as: UTF8.self)
        func part(_ from: Int, _ count: Int) -> Substring {
            let start = s.index(s.startIndex, offsetBy: from)
            return s[start..<s.index(start, offsetBy: count)]
        }
        let iso = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(9, 2)):\(part(11, 2)):\(part(13, 2))Z"
        guard let date = PolicyDate(parsing: iso) else { return nil }
        return Timestamp(milliseconds: date.epochMilliseconds)
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
