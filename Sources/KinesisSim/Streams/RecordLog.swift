/// A shard's records, stored compactly: one byte arena for every record's data and
/// partition key, and one small fixed-size entry per record.
///
/// A million 100-byte records take about 100 MB of arena plus 32 MB of entries.
// INVARIANT: `entries` are in write order, so their sequence counters strictly increase;
// entries before `trimmed` have aged out of retention and are never returned.
public struct RecordLog: Sendable {
    /// One record's fixed-size part.
    public struct Entry: Sendable {
        /// Where the record's bytes start in the arena: data first, then the partition key.
        var offset: Int
        /// Bytes of data.
        var dataCount: Int32
        /// Bytes of partition key (at most 256 characters, so at most 1,024 bytes).
        var keyCount: UInt16
        /// Whether the record was written while the stream was KMS-encrypted.
        var encrypted: Bool
        /// When the record arrived, in epoch milliseconds.
        var arrival: Int64
        /// The per-shard counter in the record's sequence number.
        var counter: UInt64
    }

    /// The arena.
    private(set) var bytes: [UInt8] = []
    /// Every record still stored, oldest first.
    private(set) var entries: [Entry] = []
    /// How many leading entries have aged out.
    private(set) var trimmed = 0

    /// Creates an empty log.
    public init() {}

    /// Records still readable.
    public var count: Int { entries.count - trimmed }

    /// Appends one record.
    mutating func append(data: some Collection<UInt8>, partitionKey: String, arrival: Int64, counter: UInt64, encrypted: Bool) {
        let offset = bytes.count
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: partitionKey.utf8)
        entries.append(Entry(offset: offset, dataCount: Int32(data.count), keyCount: UInt16(partitionKey.utf8.count),
                             encrypted: encrypted, arrival: arrival, counter: counter))
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

    /// The index of the first readable entry.
    var firstReadable: Int { trimmed }

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

    /// Entries dropped from the front by compaction: a record's stable position is
    /// `positionShift + index`.
    private(set) var positionShift = 0
}
