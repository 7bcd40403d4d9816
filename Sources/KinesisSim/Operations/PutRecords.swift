/// One entry of `PutRecords`' `Records`.
public struct PutRecordsRequestEntry: Sendable, Equatable {
    /// `Data` (required).
    public var data: [UInt8]?
    /// `PartitionKey` (required): 1–256 characters.
    public var partitionKey: String?
    /// `ExplicitHashKey`.
    public var explicitHashKey: String?

    /// Creates an entry.
    public init(data: [UInt8]?, partitionKey: String?, explicitHashKey: String? = nil) {
        self.data = data
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
    }
}

/// `PutRecords`' input.
public struct PutRecordsInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `Records` (required): 1–500 entries.
    public var records: [PutRecordsRequestEntry]?

    /// Creates an input.
    public init(_ target: StreamTarget, records: [PutRecordsRequestEntry]?) {
        self.target = target
        self.records = records
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(records, at: "records")
        if let records {
            if records.isEmpty {
                v.fail("[]", at: "records", "Member must have length greater than or equal to 1")
            } else if records.count > RecordRules.putRecordsMaxEntries {
                v.fail("[\(records.count) entries]", at: "records",
                       "Member must have length less than or equal to \(RecordRules.putRecordsMaxEntries)")
            }
            for (i, r) in records.enumerated() {
                RecordRules.validate(data: r.data, partitionKey: r.partitionKey, explicitHashKey: r.explicitHashKey,
                                     member: "records.\(i + 1).member.", into: &v)
                if v.messages.count >= 10 { break }
            }
        }
        try v.throwIfAny()
    }
}

/// One entry of `PutRecords`' result, in request order: a `ShardId` and `SequenceNumber`, or
/// an `ErrorCode` and `ErrorMessage`.
public struct PutRecordsResultEntry: Sendable, Equatable {
    /// The record's sequence number (success).
    public var sequenceNumber: String?
    /// The shard the record went to (success).
    public var shardId: String?
    /// `ProvisionedThroughputExceededException` or `InternalFailure` (failure).
    public var errorCode: KinesisError.Code?
    /// Why it failed (failure).
    public var errorMessage: String?

    /// Whether the record was written.
    public var succeeded: Bool { errorCode == nil }
}

/// `PutRecords`' output.
public struct PutRecordsOutput: Sendable, Equatable {
    /// How many entries failed (0 when all succeeded, as AWS sends it).
    public var failedRecordCount: Int
    /// One result per request entry, in request order.
    public var records: [PutRecordsResultEntry]
    /// `KMS` when the records were encrypted; absent otherwise.
    public var encryptionType: String?
}

extension KinesisWorld {
    /// `PutRecords`: up to 500 records in one call. Request-level problems (validation,
    /// access, a missing stream, sizes, KMS) fail the whole call; a shard over its write
    /// budget fails just the entries it cannot take, which come back with
    /// `ProvisionedThroughputExceededException` while the rest are written. Entries for one
    /// shard get increasing sequence numbers in request order.
    public mutating func putRecords(_ input: PutRecordsInput, as caller: Caller) throws(KinesisError) -> PutRecordsOutput {
        try input.validate()
        let entries = input.records ?? []
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:PutRecords", stream: ref)
        let prepared = try preparePut(ref, caller: caller) { (s: Stream) throws(KinesisError) -> [UInt128] in
            let maxBytes = s.maxRecordSizeKiB * 1024
            var total = 0
            var hashKeys = [UInt128]()
            hashKeys.reserveCapacity(entries.count)
            for (i, e) in entries.enumerated() {
                // Validated above: both are present.
                guard let data = e.data, let key = e.partitionKey else { throw KinesisError(.internalFailure, "") }
                hashKeys.append(try RecordRules.check(data: data, partitionKey: key, explicitHashKey: e.explicitHashKey,
                                                      member: "records.\(i + 1).member.", maxRecordBytes: maxBytes))
                total += data.count + key.utf8.count
            }
            if total > RecordRules.putRecordsMaxBytes {
                throw KinesisError(.invalidArgument, "Records size exceeds 5 MB limit")
            }
            return hashKeys
        }
        let now = self.now.milliseconds
        let enforce = settings.enforceThroughputLimits
        let keyId = prepared.keyId
        let hashKeys = prepared.value
        return try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> PutRecordsOutput in
            let router = ShardRouter(s)
            let created = s.createdAt.milliseconds
            var shardIds = [String?](repeating: nil, count: s.shards.count)
            var results = [PutRecordsResultEntry]()
            results.reserveCapacity(entries.count)
            var failed = 0
            for (i, e) in entries.enumerated() {
                guard let data = e.data, let key = e.partitionKey, let shard = router.shard(for: hashKeys[i]) else {
                    failed += 1
                    results.append(PutRecordsResultEntry(errorCode: .internalFailure, errorMessage: "Internal service failure."))
                    continue
                }
                if enforce, !s.shards[shard].throughput.admitWrite(size: data.count + key.utf8.count, now: now) {
                    failed += 1
                    results.append(PutRecordsResultEntry(
                        errorCode: .provisionedThroughputExceeded,
                        errorMessage: KinesisError.rateExceededMessage(shard: shard, stream: s.name, account: s.account)))
                    continue
                }
                let counter = s.shards[shard].nextCounter
                s.shards[shard].nextCounter += 1
                s.shards[shard].records.append(data: data, partitionKey: key, arrival: now, counter: counter, keyId: keyId)
                let id: String
                if let cached = shardIds[shard] { id = cached } else { id = Shard.id(shard); shardIds[shard] = id }
                let number = SequenceNumber(streamCreatedAt: created, shardIndex: shard, arrival: now, counter: counter)
                results.append(PutRecordsResultEntry(sequenceNumber: number.description, shardId: id))
            }
            return PutRecordsOutput(failedRecordCount: failed, records: results, encryptionType: keyId == nil ? nil : "KMS")
        }
    }
}
