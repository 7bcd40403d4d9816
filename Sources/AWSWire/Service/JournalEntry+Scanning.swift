import IAMPolicy
import KinesisSim

/// Reading a journal line the quick way: a line exactly as ``JournalEntry/line`` writes it
/// (members in its order, no spaces) is scanned byte by byte, which replay needs for files of
/// hundreds of thousands of lines; anything else (an edited line, another order, a
/// `\u` escape beyond the Basic Multilingual Plane) is left to the JSON reader.
extension JournalEntry {
    /// The entry `line` holds when it has ``line``'s exact layout; `nil` otherwise (which
    /// does not mean it is not an entry).
    static func scanning(_ line: String) -> JournalEntry? {
        var text = line
        return text.withUTF8 { bytes -> JournalEntry? in
            var scanner = JournalScanner(bytes: bytes)
            guard scanner.take(#"{"v":"#), scanner.take(String(formatVersion)), scanner.take(#","time":"#),
                  let ms = scanner.number(), let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
                  scanner.take(#","service":"#), let service = scanner.string(),
                  scanner.take(#","operation":"#), let operation = scanner.string(),
                  scanner.take(#","accessKeyId":"#), let key = scanner.string(),
                  scanner.take(#","caller":"#), let arn = scanner.string(),
                  scanner.take(#","region":"#), let region = scanner.string(),
                  scanner.take(#","body":"#), let body = scanner.string() else { return nil }
            var issued: [String] = []
            if scanner.take(#","issued":["#) {
                repeat {
                    guard let value = scanner.string() else { return nil }
                    issued.append(value)
                } while scanner.take(",")
                guard scanner.take("]") else { return nil }
            }
            guard scanner.take("}"), scanner.atEnd else { return nil }
            return JournalEntry(time: time, service: service, operation: operation, accessKeyId: key, callerArn: arn,
                                region: region, body: body, issued: issued)
        }
    }
}
