import IAMPolicy
import KinesisSim

/// Reading a records line back, checking its payload, and walking its records.
extension JournalRecordsLine {
    /// The bytes every records line starts with.
    static let prefix = Array(#"{"v":\#(JournalEntry.formatVersion),"records":{"#.utf8)

    /// Reads a records line (without its newline); `nil` when it is not one, or its payload
    /// does not hold what it says.
    init?(line bytes: UnsafeBufferPointer<UInt8>) {
        guard let line = Self.scanning(bytes) ?? Self.reading(bytes), line.isWellFormed else { return nil }
        self = line
    }

    /// The exact layout ``text`` writes.
    static func scanning(_ bytes: UnsafeBufferPointer<UInt8>) -> JournalRecordsLine? {
        var s = JournalScanner(bytes: bytes)
        guard s.take(#"{"v":"#), s.take(String(JournalEntry.formatVersion)), s.take(#","records":{"time":"#),
              let ms = s.number(), let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
              s.take(#","account":"#), let account = s.string(), s.take(#","region":"#), let region = s.string(),
              s.take(#","stream":"#), let stream = s.string(), s.take(#","streamId":"#), let streamId = s.string(),
              s.take(#","shard":"#), let shard = s.unsigned(), s.take(#","nextCounter":"#), let nextCounter = s.unsigned(),
              s.take(#","firstPosition":"#), let first = s.unsigned(), s.take(#","part":"#), let part = s.unsigned(),
              s.take(#","keys":["#) else { return nil }
        var keys: [String] = []
        if !s.take("]") {
            repeat {
                guard let key = s.string() else { return nil }
                keys.append(key)
            } while s.take(",")
            guard s.take("]") else { return nil }
        }
        guard s.take(#","count":"#), let count = s.unsigned(), s.take(#","data":"#), let data = s.plainString(),
              s.take("}}"), s.atEnd, shard <= Int32.max, first <= Int64.max, part <= Int32.max, count <= Int32.max,
              let payload = Base64.decode(bytes: UnsafeBufferPointer(rebasing: bytes[data])) else { return nil }
        return JournalRecordsLine(
            time: time, place: KinesisWorld.ShardPlace(account: account, region: region, stream: stream, streamId: streamId,
                                                       shard: Int(shard), nextCounter: nextCounter, firstPosition: Int(first)),
            part: Int(part), keys: keys, count: Int(count), payload: payload)
    }

    /// Any other layout of the same members, through the JSON reader.
    static func reading(_ bytes: UnsafeBufferPointer<UInt8>) -> JournalRecordsLine? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let v = try? JSONReader(limits: .init(maxBytes: 64 << 20, maxDepth: 8)).read(text),
              case .number(let version)? = v["v"]?.kind, Int(version) == JournalEntry.formatVersion,
              let r = v["records"], case .number(let ms)? = r["time"]?.kind,
              let time = Int64(ms).flatMap(Timestamp.init(wireMilliseconds:)),
              let account = r["account"]?.stringValue, let region = r["region"]?.stringValue,
              let stream = r["stream"]?.stringValue, let streamId = r["streamId"]?.stringValue,
              let shard = Self.integer(r["shard"]), let nextCounter = Self.integer(r["nextCounter"]),
              let first = Self.integer(r["firstPosition"]), let part = Self.integer(r["part"]),
              let count = Self.integer(r["count"]), let elements = r["keys"]?.elements,
              let data = r["data"]?.stringValue, let payload = Base64.decode(data) else { return nil }
        var keys: [String] = []
        for element in elements {
            guard let key = element.stringValue else { return nil }
            keys.append(key)
        }
        guard shard <= Int32.max, first <= Int64.max, part <= Int32.max, count <= Int32.max else { return nil }
        return JournalRecordsLine(
            time: time, place: KinesisWorld.ShardPlace(account: account, region: region, stream: stream, streamId: streamId,
                                                       shard: Int(shard), nextCounter: nextCounter, firstPosition: Int(first)),
            part: Int(part), keys: keys, count: Int(count), payload: payload)
    }

    private static func integer(_ value: JSONValue?) -> UInt64? {
        guard case .number(let literal)? = value?.kind else { return nil }
        return UInt64(literal)
    }

    /// Whether the payload holds exactly `count` records, each whole, with keys in `keys`.
    var isWellFormed: Bool {
        var n = 0
        let whole = payload.withUnsafeBytes { buffer -> Bool in
            var reader = PayloadReader(buffer: buffer, keys: keys)
            while !reader.atEnd {
                guard reader.next() != nil else { return false }
                n += 1
            }
            return true
        }
        return whole && n == count
    }

    /// Calls `body` with the records, oldest first (the payload is checked at reading).
    func withRecords(_ body: (PayloadRecords) throws(KinesisWorld.RestoreError) -> Void) throws(KinesisWorld.RestoreError) {
        var failure: KinesisWorld.RestoreError?
        payload.withUnsafeBytes { buffer in
            do throws(KinesisWorld.RestoreError) {
                try body(PayloadRecords(buffer: buffer, keys: keys))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// The records of a payload, as a sequence (valid while the payload's buffer is).
    struct PayloadRecords: Sequence {
        let buffer: UnsafeRawBufferPointer
        let keys: [String]

        func makeIterator() -> PayloadReader {
            PayloadReader(buffer: buffer, keys: keys)
        }
    }

    /// Decodes one record after another; `nil` at the end or at a record cut short.
    struct PayloadReader: IteratorProtocol {
        let buffer: UnsafeRawBufferPointer
        let keys: [String]
        var i = 0
        var previous: (arrival: UInt64, counter: UInt64) = (0, 0)

        init(buffer: UnsafeRawBufferPointer, keys: [String]) {
            self.buffer = buffer
            self.keys = keys
        }

        var atEnd: Bool { i == buffer.count }

        mutating func next() -> RecordLog.SnapshotRecord? {
            guard !atEnd, let arrival = varint(), let counter = varint(), let slot = varint(),
                  slot <= UInt64(keys.count), let keyLength = varint(), let key = bytes(keyLength),
                  let dataLength = varint(), let data = bytes(dataLength) else { return nil }
            previous = (previous.arrival &+ arrival, previous.counter &+ counter)
            return RecordLog.SnapshotRecord(arrival: Int64(bitPattern: previous.arrival), counter: previous.counter,
                                            keyId: slot == 0 ? nil : keys[Int(slot) - 1], partitionKey: key, data: data)
        }

        private mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while i < buffer.count && shift < 64 {
                let b = buffer[i]
                i += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        private mutating func bytes(_ count: UInt64) -> UnsafeRawBufferPointer? {
            guard count <= UInt64(buffer.count - i) else { return nil }
            defer { i += Int(count) }
            return UnsafeRawBufferPointer(rebasing: buffer[i..<(i + Int(count))])
        }
    }
}
