import IAMPolicy
import KinesisSim

/// Reading a PutRecord line the quickest way, since a journal is mostly PutRecords: an ASCII
/// line in ``JournalEntry/line``'s exact layout whose body is a flat JSON object of strings
/// (spaces allowed) is decoded straight from its bytes to the call, without the entry's
/// strings, an unescaped copy of the body or the JSON reader's tree. Anything else (another
/// layout, an escape in a value, a member that is not a string, an unknown or repeated
/// member, bad base64) is left to the general reading, which decides as the service does.
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
        // The body is a JSON string holding the request's JSON: its quotes appear as `\"`.
        // It is read where it lies, without unescaping it first.
        guard let (input, end) = putRecordInput(bytes, from: s.i), end + 2 == bytes.count,
              bytes[end] == UInt8(ascii: "\""), bytes[end + 1] == UInt8(ascii: "}") else { return nil }
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
    /// escapes (spaces allowed, any order), written inside a JSON string (its quotes as `\"`)
    /// from `start`; with where the string's text ends. `nil` for anything else.
    static func putRecordInput(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (PutRecordInput, end: Int)? {
        let backslash = UInt8(ascii: "\\"), quote = UInt8(ascii: "\"")
        var i = start
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        }
        /// `\"`, then bytes up to the next `\"`.
        func string() -> Range<Int>? {
            guard i + 1 < bytes.count, bytes[i] == backslash, bytes[i + 1] == quote else { return nil }
            let first = i + 2
            var k = first
            while k < bytes.count {
                let b = bytes[k]
                if b == backslash {
                    guard k + 1 < bytes.count, bytes[k + 1] == quote else { return nil }
                    i = k + 2
                    return first..<k
                }
                guard b != quote, b >= 0x20 else { return nil }
                k += 1
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func named(_ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            let p = name.utf8Start
            for k in 0..<range.count where bytes[range.lowerBound + k] != p[k] { return false }
            return true
        }
        var name: String?, arn: String?, key: String?, data: [UInt8]?, explicit: String?, ordering: String?
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while true {
            skipSpace()
            guard let member = string() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            guard let value = string() else { return nil }
            if named(member, "Data") {
                guard data == nil, value.count % 4 == 0,
                      let decoded = Base64.decode(bytes: UnsafeBufferPointer(rebasing: bytes[value])) else { return nil }
                data = decoded
            } else if named(member, "PartitionKey") {
                guard key == nil else { return nil }
                key = text(value)
            } else if named(member, "StreamName") {
                guard name == nil else { return nil }
                name = text(value)
            } else if named(member, "StreamARN") {
                guard arn == nil else { return nil }
                arn = text(value)
            } else if named(member, "ExplicitHashKey") {
                guard explicit == nil else { return nil }
                explicit = text(value)
            } else if named(member, "SequenceNumberForOrdering") {
                guard ordering == nil else { return nil }
                ordering = text(value)
            } else {
                return nil
            }
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            break
        }
        skipSpace()
        let input = PutRecordInput(StreamTarget(name: name, arn: arn), data: data, partitionKey: key, explicitHashKey: explicit,
                                   sequenceNumberForOrdering: ordering)
        return (input, i)
    }
}
