import IAMPolicy
import KinesisSim

/// A line of a compacted journal that holds one shard's records (or a part of them) rather
/// than a request: a compaction writes the requests that changed anything but records as
/// they were made, then the records of every shard as these lines (see
/// ``KinesisWorld/forEachWrittenShard(_:)``).
///
/// ```
/// {"v":1,"records":{"time":T,"account":"…","region":"…","stream":"…","streamId":"…","shard":0,
///  "nextCounter":N,"firstPosition":P,"part":0,"keys":["…"],"count":K,"data":"BASE64"}}
/// ```
/// `time` is the world's clock when the snapshot was taken (replay moves the clock to it
/// first); `part` numbers a shard's lines from 0, as a long log is split; `keys` are the
/// KMS keys the records were encrypted with. `data` is the records in a compact binary
/// form, base64: for each, LEB128 varints of the arrival time and the counter (each as the
/// difference from the previous record's, modulo 2^64), the key's index in `keys` plus one
/// (0: unencrypted), the partition key's length and bytes, the data's length and bytes.
public struct JournalRecordsLine: Sendable, Equatable {
    /// The world's clock at the snapshot.
    public var time: Timestamp
    /// The shard the records go to, with its counter and first position.
    public var place: KinesisWorld.ShardPlace
    /// The line's number among its shard's lines, from 0.
    public var part: Int
    /// The KMS keys of encrypted records.
    public var keys: [String]
    /// How many records `payload` holds.
    public var count: Int
    /// The records, binary, as described above.
    public var payload: [UInt8]

    /// The most records on one line, and about the most payload bytes.
    static let recordsPerLine = 8192
    static let payloadBytesPerLine = 1 << 20

    /// Writes the records lines for every written shard of `world`, each through `emit` (with
    /// its newline); stops early when `emit` returns `false`. Returns the records written.
    @discardableResult
    public static func write(_ world: KinesisWorld, emit: ([UInt8]) -> Bool) -> Int {
        var going = true
        var written = 0
        world.forEachWrittenShard { place, log in
            guard going else { return }
            var line = JournalRecordsLine(time: world.now, place: place, part: 0, keys: [], count: 0, payload: [])
            var previous: (arrival: UInt64, counter: UInt64) = (0, 0)
            func flush() {
                guard going else { return }
                going = emit(line.text)
                written += line.count
                line.part += 1
                line.keys = []
                line.count = 0
                line.payload.removeAll(keepingCapacity: true)
                previous = (0, 0)
            }
            log.forEachReadable { record in
                guard going else { return }
                let arrival = UInt64(bitPattern: record.arrival)
                var slot = 0
                if let key = record.keyId {
                    if let i = line.keys.firstIndex(of: key) {
                        slot = i + 1
                    } else {
                        line.keys.append(key)
                        slot = line.keys.count
                    }
                }
                Self.appendVarint(arrival &- previous.arrival, to: &line.payload)
                Self.appendVarint(record.counter &- previous.counter, to: &line.payload)
                Self.appendVarint(UInt64(slot), to: &line.payload)
                Self.appendVarint(UInt64(record.partitionKey.count), to: &line.payload)
                line.payload.append(contentsOf: record.partitionKey)
                Self.appendVarint(UInt64(record.data.count), to: &line.payload)
                line.payload.append(contentsOf: record.data)
                previous = (arrival, record.counter)
                line.count += 1
                if line.count == recordsPerLine || line.payload.count >= payloadBytesPerLine { flush() }
            }
            // A shard whose records have all aged out still keeps its counter: one empty line.
            if line.count > 0 || line.part == 0 { flush() }
        }
        return written
    }

    /// The line, with its newline.
    var text: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count * 4 / 3 + 512)
        out += Array(#"{"v":\#(JournalEntry.formatVersion),"records":{"time":\#(time.milliseconds),"account":"#.utf8)
        JSONWriter.appendString(place.account, to: &out)
        out += Array(#","region":"#.utf8)
        JSONWriter.appendString(place.region, to: &out)
        out += Array(#","stream":"#.utf8)
        JSONWriter.appendString(place.stream, to: &out)
        out += Array(#","streamId":"#.utf8)
        JSONWriter.appendString(place.streamId, to: &out)
        out += Array(#","shard":\#(place.shard),"nextCounter":\#(place.nextCounter),"firstPosition":\#(place.firstPosition),"part":\#(part),"keys":["#.utf8)
        for (i, key) in keys.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.appendString(key, to: &out)
        }
        out += Array(#"],"count":\#(count),"data":""#.utf8)
        Base64.append(encoding: payload, to: &out)
        out += Array(#""}}"#.utf8)
        out.append(0x0A)
        return out
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
