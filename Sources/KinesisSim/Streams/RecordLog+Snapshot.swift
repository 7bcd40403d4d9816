/// Reading a shard's records out for a snapshot of the world, and putting them back.
extension RecordLog {
    /// One stored record, as a snapshot keeps it.
    public struct SnapshotRecord {
        /// When it arrived, in epoch milliseconds.
        public var arrival: Int64
        /// The shard's counter in its sequence number.
        public var counter: UInt64
        /// The KMS key it was encrypted with, or `nil`.
        public var keyId: String?
        /// The partition key's UTF-8 bytes.
        public var partitionKey: UnsafeRawBufferPointer
        /// The data.
        public var data: UnsafeRawBufferPointer

        /// Creates a record's view.
        public init(arrival: Int64, counter: UInt64, keyId: String?, partitionKey: UnsafeRawBufferPointer,
                    data: UnsafeRawBufferPointer) {
            self.arrival = arrival
            self.counter = counter
            self.keyId = keyId
            self.partitionKey = partitionKey
            self.data = data
        }
    }

    /// The bytes of data and partition keys of the readable records.
    public var readableByteCount: Int {
        firstReadable < entries.count ? bytes.count - entries[firstReadable].offset : 0
    }

    /// The stable position of the first readable record (``count`` records follow it).
    public var snapshotFirstPosition: Int { firstReadablePosition }

    /// Calls `body` with every readable record, oldest first. The buffers are valid only
    /// during the call.
    public func forEachReadable(_ body: (SnapshotRecord) -> Void) {
        bytes.withUnsafeBytes { arena in
            for i in firstReadable..<entries.count {
                let e = entries[i]
                let dataEnd = e.offset + Int(e.dataCount)
                body(SnapshotRecord(
                    arrival: e.arrival, counter: e.counter, keyId: keyId(i),
                    partitionKey: UnsafeRawBufferPointer(rebasing: arena[dataEnd..<(dataEnd + Int(e.keyCount))]),
                    data: UnsafeRawBufferPointer(rebasing: arena[e.offset..<dataEnd])))
            }
        }
    }

    /// Appends a record read back from a snapshot.
    mutating func restore(_ record: SnapshotRecord) {
        append(data: record.data, partitionKeyBytes: record.partitionKey, arrival: record.arrival, counter: record.counter,
               keyId: record.keyId)
    }
}
