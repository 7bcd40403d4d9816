/// A shard's records, stored compactly: one byte arena for every record's data and
/// partition key, and one small fixed-size entry per record.
///
/// A million 100-byte records take about 100 MB of arena plus 32 MB of entries.
// INVARIANT: `entries` are in write order, so their arrival times never decrease and their
// counters strictly increase; entries before `trimmed` have aged out and are never returned.
public struct RecordLog: Sendable {
    /// One record's fixed-size part (32 bytes).
    public struct Entry: Sendable {
        /// Where the record's bytes start in the arena: data first, then the partition key.
        var offset: Int
        /// Bytes of data.
        var dataCount: Int32
        /// Bytes of partition key (at most 256 characters, so at most 1,024 bytes).
        var keyCount: UInt16
        /// 0 when the record was written unencrypted; else 1 + the index in `keyIds` of the
        /// KMS key the stream used.
        var keySlot: UInt16
        /// When the record arrived, in epoch milliseconds.
        var arrival: Int64
        /// The per-shard counter in the record's sequence number.
        var counter: UInt64

        /// The record's size as Kinesis counts it: data plus partition key bytes.
        var size: Int { Int(dataCount) + Int(keyCount) }
    }

    /// The arena.
    private(set) var bytes: [UInt8] = []
    /// Every record still stored, oldest first.
    private(set) var entries: [Entry] = []
    /// How many leading entries have aged out.
    private(set) var trimmed = 0
    /// The KMS keys records were encrypted with, as the stream named them.
    private(set) var keyIds: [String] = []
    /// Entries dropped from the front by compaction: a record's stable position is
    /// `positionShift + index`.
    private(set) var positionShift = 0

    /// Creates an empty log.
    public init() {}

    /// An empty log whose first record will have stable position `firstPosition` (a
    /// snapshot's log, whose earlier records had aged out).
    init(startingAt firstPosition: Int) {
        positionShift = firstPosition
    }

    /// Records still readable.
    public var count: Int { entries.count - trimmed }

    /// Reserves room for `records` more records of about `bytesEach` bytes.
    mutating func reserve(records: Int, bytesEach: Int) {
        entries.reserveCapacity(entries.count + records)
        bytes.reserveCapacity(bytes.count + records * bytesEach)
    }

    /// Appends one record; `keyId` is the stream's KMS key when it is encrypted.
    mutating func append(data: some Collection<UInt8>, partitionKey: String, arrival: Int64, counter: UInt64,
                         keyId: String? = nil) {
        append(data: data, partitionKeyBytes: partitionKey.utf8, arrival: arrival, counter: counter, keyId: keyId)
    }

    /// Appends one record whose partition key is given as UTF-8 bytes.
    mutating func append(data: some Collection<UInt8>, partitionKeyBytes: some Collection<UInt8>, arrival: Int64,
                         counter: UInt64, keyId: String? = nil) {
        let offset = bytes.count
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: partitionKeyBytes)
        var slot: UInt16 = 0
        if let keyId {
            if let i = keyIds.lastIndex(of: keyId) {
                slot = UInt16(i + 1)
            } else {
                keyIds.append(keyId)
                slot = UInt16(truncatingIfNeeded: keyIds.count)
            }
        }
        entries.append(Entry(offset: offset, dataCount: Int32(data.count), keyCount: UInt16(bytes.count - offset - data.count),
                             keySlot: slot, arrival: arrival, counter: counter))
    }

    /// The data of entry `i`.
    func data(_ i: Int) -> ArraySlice<UInt8> {
        let e = entries[i]
        return bytes[e.offset..<(e.offset + Int(e.dataCount))]
    }

    /// The partition key of entry `i`.
    func partitionKey(_ i: Int) -> String {
        let e = entries[i]
        let start = e.offset + Int(e.dataCount)
        return String(decoding: bytes[start..<(start + Int(e.keyCount))], as: UTF8.self)
    }

    /// The KMS key entry `i` was encrypted with, or `nil` when it was written unencrypted.
    func keyId(_ i: Int) -> String? {
        let slot = Int(entries[i].keySlot)
        return slot == 0 ? nil : keyIds[slot - 1]
    }

    /// The index of the first readable entry.
    var firstReadable: Int { trimmed }

    /// The stable position of the first readable record (TRIM_HORIZON).
    var firstReadablePosition: Int { positionShift + trimmed }

    /// The stable position just after the newest record (LATEST).
    var endPosition: Int { positionShift + entries.count }

    /// The entry index a stable position refers to, moved past records that have aged out.
    func index(atPosition position: Int) -> Int {
        min(max(position - positionShift, trimmed), entries.count)
    }

    /// The stable position of entry `index`.
    func position(ofIndex index: Int) -> Int { positionShift + index }

    /// The first readable entry whose counter is at least `counter` (or the end).
    func firstIndex(counterAtLeast counter: UInt64) -> Int {
        partition(from: trimmed) { $0.counter >= counter }
    }

    /// The first readable entry that arrived at or after `time` (or the end).
    func firstIndex(arrivedAtOrAfter time: Int64) -> Int {
        partition(from: trimmed) { $0.arrival >= time }
    }

    /// Binary search for the first entry from `start` satisfying a monotone predicate.
    private func partition(from start: Int, _ isAfter: (Entry) -> Bool) -> Int {
        var low = start, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(entries[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Marks every entry that arrived before `cutoff` as aged out.
    mutating func trim(arrivedBefore cutoff: Int64) {
        while trimmed < entries.count && entries[trimmed].arrival < cutoff { trimmed += 1 }
        // Reclaim memory once most of the log has aged out.
        if trimmed > 4096 && trimmed * 2 > entries.count { compact() }
    }

    private mutating func compact() {
        guard trimmed > 0 else { return }
        let base = trimmed < entries.count ? entries[trimmed].offset : bytes.count
        bytes.removeFirst(base)
        entries.removeFirst(trimmed)
        for i in entries.indices { entries[i].offset -= base }
        positionShift += trimmed
        trimmed = 0
    }
}
