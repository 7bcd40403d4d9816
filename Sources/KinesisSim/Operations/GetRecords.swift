import IAMPolicy

/// `GetRecords`' input.
public struct GetRecordsInput: Sendable, Equatable {
    /// `ShardIterator` (required): from GetShardIterator or a previous GetRecords.
    public var shardIterator: String?
    /// `Limit`: 1–10,000 records (default 10,000).
    public var limit: Int?
    /// `StreamARN`: when given, it must be the iterator's stream.
    public var streamARN: String?

    /// Creates an input.
    public init(shardIterator: String?, limit: Int? = nil, streamARN: String? = nil) {
        self.shardIterator = shardIterator
        self.limit = limit
        self.streamARN = streamARN
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        v.required(shardIterator, at: "shardIterator")
        v.check(shardIterator, at: "shardIterator", length: 1...512)
        v.check(limit, at: "limit", range: 1...GetRecordsOutput.maxRecords)
        v.check(streamARN, at: "streamARN", length: 1...2048, pattern: .streamARN)
        try v.throwIfAny()
    }
}

/// A record as GetRecords returns it.
public struct Record: Sendable, Equatable {
    /// The record's sequence number.
    public var sequenceNumber: String
    /// When the stream accepted it.
    public var approximateArrivalTimestamp: Timestamp
    /// The data. A copy: a slice would pin the shard's whole arena and make the next write
    /// copy it.
    public var data: [UInt8]
    /// The partition key.
    public var partitionKey: String
    /// `KMS` when the record was written encrypted; absent otherwise.
    public var encryptionType: String?
}

/// A shard that a closed shard's keys moved to, as GetRecords reports at the shard's end.
public struct ChildShard: Sendable, Equatable {
    /// The child's id.
    public var shardId: String
    /// Its parents: one for a split, two for a merge.
    public var parentShards: [String]
    /// The keys it owns.
    public var hashKeyRange: HashKeyRange
}

/// `GetRecords`' output.
public struct GetRecordsOutput: Sendable, Equatable {
    /// The most records one call returns.
    public static let maxRecords = 10_000
    /// The most bytes (data plus keys) one call returns.
    public static let maxBytes = 10 * 1_048_576

    /// Records in sequence-number order (empty when caught up).
    public var records: [Record]
    /// Where to read next; absent once the end of a closed shard has been read.
    public var nextShardIterator: String?
    /// How far (ms) the end of this response is behind the newest record of the shard:
    /// 0 when caught up, else the age of the first record not yet returned.
    public var millisBehindLatest: Int64
    /// At the end of a closed shard: the shards its keys went to. Absent otherwise.
    public var childShards: [ChildShard]?
}

extension KinesisWorld {
    /// `GetRecords`: records from the iterator's position.
    ///
    /// Order: model validation, the iterator (refused when garbled, edited, or for another
    /// `StreamARN`), its age, authorization (`kinesis:GetRecords` on the iterator's stream),
    /// the stream (a deleted or re-created stream refuses its old iterators), the shard's read
    /// budget, then `kms:Decrypt` on the key of any encrypted record returned.
    public mutating func getRecords(_ input: GetRecordsInput, as caller: Caller) throws(KinesisError) -> GetRecordsOutput {
        try input.validate()
        guard let token = ShardIteratorToken(opening: input.shardIterator ?? "", key: iteratorKey),
              let ref = Self.streamRef(arn: token.streamARN) else {
            throw KinesisError(.invalidArgument, "Invalid ShardIterator.")
        }
        if let arn = input.streamARN, arn != token.streamARN {
            throw KinesisError(.invalidArgument, "StreamARN \(arn) does not match the stream of the ShardIterator.")
        }
        let now = self.now.milliseconds
        if now - token.issuedAt > settings.iteratorLifetimeMilliseconds {
            throw KinesisError(.expiredIterator,
                "Iterator expired. The iterator was created at time \(Timestamp(milliseconds: token.issuedAt).javaDateString) while right now it is \(self.now.javaDateString) which is further in the future than the tolerated delay of \(settings.iteratorLifetimeMilliseconds) milliseconds.")
        }
        try authorize(caller, "kinesis:GetRecords", stream: ref)
        let shard = token.shardIndex
        let enforce = settings.enforceThroughputLimits
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            guard s.createdAt.milliseconds == token.streamCreatedAt, s.status != .deleting, shard < s.shards.count else {
                throw .shardNotFound(Shard.id(shard), stream: s.name, account: s.account)
            }
            if enforce, !s.shards[shard].throughput.admitRead(now: now) {
                throw .rateExceeded(shard: shard, stream: s.name, account: s.account)
            }
        }
        let batch = readBatch(ref, shard: shard, from: token.position, limit: input.limit ?? GetRecordsOutput.maxRecords)
        if !batch.keyIds.isEmpty {
            // Only the stream's record for the KMS request is needed; it is read, not kept.
            guard let s = stream(ref) else { throw .streamNotFound(ref.name, account: ref.account) }
            for keyId in batch.keyIds { try authorizeKMS(caller, "kms:Decrypt", keyId: keyId, stream: s) }
        }
        if enforce, batch.bytes > 0 {
            try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
                s.shards[shard].throughput.chargeRead(bytes: batch.bytes, now: now)
            }
        }
        var output = batch.output
        if !batch.atClosedEnd {
            let next = ShardIteratorToken(streamARN: token.streamARN, streamCreatedAt: token.streamCreatedAt,
                                          shardIndex: shard, position: batch.nextPosition, issuedAt: now)
            output.nextShardIterator = next.sealed(with: iteratorKey)
        }
        return output
    }

    /// What one GetRecords call reads, computed without changing (or copying) the shard.
    private struct Batch {
        var output: GetRecordsOutput
        var keyIds: [String]
        var bytes: Int
        var nextPosition: Int
        var atClosedEnd: Bool
    }

    private func readBatch(_ ref: StreamRef, shard: Int, from position: Int, limit: Int) -> Batch {
        let empty = GetRecordsOutput(records: [], nextShardIterator: nil, millisBehindLatest: 0, childShards: nil)
        guard let s = stream(ref) else { return Batch(output: empty, keyIds: [], bytes: 0, nextPosition: position, atClosedEnd: false) }
        let log = s.shards[shard].records
        let start = log.index(atPosition: position)
        let available = log.entries.count - start
        var records = [Record]()
        records.reserveCapacity(min(limit, available))
        var keyIds = [String]()
        var bytes = 0
        var i = start
        let created = s.createdAt.milliseconds
        while i < log.entries.count && records.count < limit {
            let e = log.entries[i]
            if bytes + e.size > GetRecordsOutput.maxBytes && !records.isEmpty { break }
            bytes += e.size
            var encryption: String?
            if e.keySlot != 0, let keyId = log.keyId(i) {
                encryption = "KMS"
                if !keyIds.contains(keyId) { keyIds.append(keyId) }
            }
            let number = SequenceNumber(streamCreatedAt: created, shardIndex: shard, arrival: e.arrival, counter: e.counter)
            records.append(Record(sequenceNumber: number.description,
                                  approximateArrivalTimestamp: Timestamp(milliseconds: e.arrival),
                                  data: Array(log.data(i)), partitionKey: log.partitionKey(i), encryptionType: encryption))
            i += 1
        }
        let caughtUp = i == log.entries.count
        let behind = caughtUp ? 0 : max(0, now.milliseconds - log.entries[i].arrival)
        let closedEnd = caughtUp && !s.shards[shard].isOpen
        var output = GetRecordsOutput(records: records, nextShardIterator: nil, millisBehindLatest: behind, childShards: nil)
        if closedEnd { output.childShards = Self.children(of: shard, in: s) }
        return Batch(output: output, keyIds: keyIds, bytes: bytes, nextPosition: log.position(ofIndex: i), atClosedEnd: closedEnd)
    }

    /// The shards split or merged from shard `index`.
    static func children(of index: Int, in s: Stream) -> [ChildShard] {
        s.shards.indices.compactMap { i -> ChildShard? in
            let c = s.shards[i]
            guard c.parentIndex == index || c.adjacentParentIndex == index else { return nil }
            let parents = [c.parentIndex, c.adjacentParentIndex].compactMap { $0 }.map(Shard.id)
            return ChildShard(shardId: c.id, parentShards: parents, hashKeyRange: c.hashKeyRange)
        }
    }

    /// The stream an ARN inside an iterator names.
    static func streamRef(arn: String) -> StreamRef? {
        StreamRef(arn: arn)
    }
}
