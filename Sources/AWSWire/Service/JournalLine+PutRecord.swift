import IAMPolicy
import KinesisSim

/// Reading a PutRecord line the quickest way, since a journal is mostly PutRecords: an ASCII
/// line in ``JournalEntry/line``'s exact layout whose body is a flat JSON object of strings
/// is decoded straight from its bytes to the call, without the entry's strings or the JSON
/// reader's tree. Anything else (another layout, an escape in a value, a member that is not
/// a string, an unknown or repeated member, bad base64) is left to the general reading,
/// which decides as the service does.
extension JournalLine {
    /// The PutRecord a line holds, read the quick way; `nil` when it must be read the
    /// general way (which does not mean it is not one).
    static func scanningPutRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Content? {
        guard isASCII(bytes) else { return nil }
        var s = JournalScanner(bytes: bytes)
        guard s.take(#"{"v":"#), s.take(String(JournalEntry.formatVersion)), s.take(#","time":"#),
              let ms = s.number(), let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
              s.take(#","service":"kinesis","operation":"PutRecord","accessKeyId":"#), let key = s.string(),
              s.take(#","caller":"#), s.plainString() != nil, s.take(#","region":"#), let region = s.string(),
              s.take(#","body":""#) else { return nil }
        // The body, unescaped: only `\"` may appear (a value holding an escape goes the
        // general way).
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count - s.i)
        var i = s.i
        var run = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") else { return nil }
                // The run before the escape, then its quote (which starts the next run).
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                i += 1
                run = i
            }
            i += 1
        }
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<min(i, bytes.count)]))
        guard i + 2 == bytes.count, bytes[i] == UInt8(ascii: "\""), bytes[i + 1] == UInt8(ascii: "}"),
              let input = body.withUnsafeBufferPointer({ putRecordInput($0) }) else { return nil }
        return .putRecord(time: time, accessKeyId: key, region: region, call: KinesisCall(putRecord: input))
    }

    /// Whether every byte is ASCII (and so the line valid UTF-8).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < raw.count {
            if raw[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// PutRecord's input from a flat JSON object whose members are all strings without
    /// escapes (spaces allowed, any order); `nil` for anything else.
    static func putRecordInput(_ body: UnsafeBufferPointer<UInt8>) -> PutRecordInput? {
        var i = 0
        func skipSpace() {
            while i < body.count, body[i] == 0x20 || body[i] == 0x0A || body[i] == 0x0D || body[i] == 0x09 { i += 1 }
        }
        func string() -> Range<Int>? {
            guard i < body.count, body[i] == UInt8(ascii: "\"") else { return nil }
            let start = i + 1
            var k = start
            while k < body.count {
                let b = body[k]
                if b == UInt8(ascii: "\"") {
                    i = k + 1
                    return start..<k
                }
                guard b != UInt8(ascii: "\\"), b >= 0x20 else { return nil }
                k += 1
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: body[range]), as: UTF8.self)
        }
        var name: String?, arn: String?, key: String?, data: [UInt8]?, explicit: String?, ordering: String?
        skipSpace()
        guard i < body.count, body[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while true {
            skipSpace()
            guard let member = string() else { return nil }
            skipSpace()
            guard i < body.count, body[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            guard let value = string() else { return nil }
            switch text(member) {
            case "StreamName" where name == nil: name = text(value)
            case "StreamARN" where arn == nil: arn = text(value)
            case "PartitionKey" where key == nil: key = text(value)
            case "ExplicitHashKey" where explicit == nil: explicit = text(value)
            case "SequenceNumberForOrdering" where ordering == nil: ordering = text(value)
            case "Data" where data == nil:
                guard value.count % 4 == 0, let decoded = Base64.decode(bytes: UnsafeBufferPointer(rebasing: body[value])) else { return nil }
                data = decoded
            default:
                return nil
            }
            skipSpace()
            guard i < body.count else { return nil }
            if body[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard body[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            break
        }
        skipSpace()
        guard i == body.count else { return nil }
        return PutRecordInput(StreamTarget(name: name, arn: arn), data: data, partitionKey: key, explicitHashKey: explicit,
                              sequenceNumberForOrdering: ordering)
    }
}
