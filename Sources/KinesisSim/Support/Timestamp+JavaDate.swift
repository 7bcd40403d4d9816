import IAMPolicy

extension Timestamp {
    /// The instant as Java's `Date.toString()` prints it in UTC, which is how Kinesis writes
    /// times in its messages: `Thu Jan 22 01:22:02 UTC 2015`.
    var javaDateString: String {
        // Floor division without `milliseconds - 999`, which overflows at Int64.min.
        let seconds = milliseconds / 1000 - (milliseconds % 1000 < 0 ? 1 : 0)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = PolicyDate.civil(fromDays: days)
        // 1970-01-01 was a Thursday.
        let weekday = Int(((days % 7) + 7 + 4) % 7)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        return "\(weekdays[weekday]) \(months[Int(month) - 1]) \(two(day)) \(time) UTC \(year)"
    }
}
