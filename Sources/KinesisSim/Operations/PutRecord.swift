import Digests

/// `PutRecord`'s input. `Data` is raw bytes here; base64 is the wire's business.
public struct PutRecordInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `Data` (required): 0 bytes up to the stream's maximum record size.
    public var data: [UInt8]?
    /// `PartitionKey` (required): 1–256 characters.
    public var partitionKey: String?
    /// `ExplicitHashKey`: a decimal hash key that overrides the partition key's MD5.
    public var explicitHashKey: String?
    /// `SequenceNumberForOrdering`: the sequence number of the producer's previous record
    /// with this key; the new record's number is then greater.
    public var sequenceNumberForOrdering: String?

    /// Creates an input.
    public init(_ target: StreamTarget, data: [UInt8]?, partitionKey: String?, explicitHashKey: String? = nil,
                sequenceNumberForOrdering: String? = nil) {
        self.target = target
        self.data = data
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.sequenceNumberForOrdering = sequenceNumberForOrdering
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        RecordRules.validate(data: data, partitionKey: partitionKey, explicitHashKey: explicitHashKey, member: "", into: &v)
        v.check(sequenceNumberForOrdering, at: "sequenceNumberForOrdering", length: 0...Int.max, pattern: .sequenceNumber)
        try v.throwIfAny()
    }
}

/// `PutRecord`'s output.
public struct PutRecordOutput: Sendable, Equatable {
    /// The shard the record went to.
    public var shardId: String
    /// The record's sequence number (a big decimal integer).
    public var sequenceNumber: String
    /// `KMS` when the record was encrypted; absent otherwise.
    public var encryptionType: String?
}

/// A PutRecord input checked against the model, with its hash key: the work that needs no
/// stream, done ahead (a journal's reader does it on another thread while earlier records
/// are applied). `nil` for an input the model refuses; putting the input itself then fails
/// as the service does.
public struct PreparedPutRecord: Sendable {
    /// The input.
    public let input: PutRecordInput
    let data: [UInt8]
    let partitionKey: String
    /// The partition key's MD5, or the explicit hash key.
    let hashKey: UInt128

    /// Validates `input` and works out its hash key.
    public init?(_ input: PutRecordInput) {
        guard (try? input.validate()) != nil, let data = input.data, let partitionKey = input.partitionKey else { return nil }
        if let explicit = input.explicitHashKey {
            guard let key = UInt128(explicit) else { return nil }
            hashKey = key
        } else {
            hashKey = MD5.hashKey(partitionKey: partitionKey)
        }
        self.input = input
        self.data = data
        self.partitionKey = partitionKey
    }
}

extension KinesisWorld {
    /// `PutRecord`: one record to the open shard owning its hash key.
    ///
    /// Order: model validation, authorization (`kinesis:PutRecord` on the stream), the
    /// stream's existence and state, record size and hash key, SequenceNumberForOrdering,
    /// `kms:GenerateDataKey` on an encrypted stream's key, then the shard's write budget.
    public mutating func putRecord(_ input: PutRecordInput, as caller: Caller) throws(KinesisError) -> PutRecordOutput {
        try input.validate()
        // Validated above: both are present.
        guard let data = input.data, let partitionKey = input.partitionKey else { throw KinesisError(.internalFailure, "") }
        let written = try putRecord(input, data: data, partitionKey: partitionKey, hashKey: nil, as: caller)
        return written.output
    }

    /// `PutRecord` with the model's checks and the hash key done ahead (see
    /// ``PreparedPutRecord``); the same checks and outcome otherwise.
    public mutating func putRecord(_ prepared: PreparedPutRecord, as caller: Caller) throws(KinesisError) -> PutRecordOutput {
        try putRecord(prepared.input, data: prepared.data, partitionKey: prepared.partitionKey, hashKey: prepared.hashKey,
                      as: caller).output
    }

    /// Where a record was written.
    struct WrittenRecord {
        var streamCreatedAt: Int64
        var shard: Int
        var arrival: Int64
        var counter: UInt64
        var keyId: String?

        var output: PutRecordOutput {
            let number = SequenceNumber(streamCreatedAt: streamCreatedAt, shardIndex: shard, arrival: arrival, counter: counter)
            return PutRecordOutput(shardId: Shard.id(shard), sequenceNumber: number.description,
                                   encryptionType: keyId == nil ? nil : "KMS")
        }
    }

    /// PutRecord after the model's checks; `hashKey` when worked out ahead. An unencrypted
    /// stream is checked and written in one visit, in place.
    mutating func putRecord(_ input: PutRecordInput, data: [UInt8], partitionKey: String, hashKey known: UInt128?,
                            as caller: Caller) throws(KinesisError) -> WrittenRecord {
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:PutRecord", stream: ref)
        let now = self.now.milliseconds
        let enforce = settings.enforceThroughputLimits
        func write(_ s: inout Stream, hashKey: UInt128, keyId: String?) throws(KinesisError) -> WrittenRecord {
            guard let shard = ShardRouter.openShard(of: s, for: hashKey) else {
                throw KinesisError(.internalFailure, "No open shard owns hash key \(hashKey).")
            }
            if enforce, !s.shards[shard].throughput.admitWrite(size: data.count + partitionKey.utf8.count, now: now) {
                throw .rateExceeded(shard: shard, stream: s.name, account: s.account)
            }
            let counter = s.shards[shard].nextCounter
            s.shards[shard].nextCounter += 1
            s.shards[shard].records.append(data: data, partitionKey: partitionKey, arrival: now, counter: counter, keyId: keyId)
            return WrittenRecord(streamCreatedAt: s.createdAt.milliseconds, shard: shard, arrival: now, counter: counter, keyId: keyId)
        }
        enum Visit { case written(WrittenRecord), needsKey(String, UInt128) }
        let visit = try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> Visit in
            try Self.requireReadyForData(s)
            let maxBytes = s.maxRecordSizeKiB * 1024
            let hashKey: UInt128
            if let known {
                try RecordRules.checkSize(data: data, partitionKey: partitionKey, member: "", maxRecordBytes: maxBytes)
                hashKey = known
            } else {
                hashKey = try RecordRules.check(data: data, partitionKey: partitionKey, explicitHashKey: input.explicitHashKey,
                                                member: "", maxRecordBytes: maxBytes)
            }
            if let ordering = input.sequenceNumberForOrdering {
                try Self.checkOrdering(ordering, on: s)
            }
            if let keyId = Self.encryptionKey(of: s) { return .needsKey(keyId, hashKey) }
            return .written(try write(&s, hashKey: hashKey, keyId: nil))
        }
        switch visit {
        case .written(let written):
            return written
        case .needsKey(let keyId, let hashKey):
            // An encrypted stream: the caller must be able to use the key, which takes the
            // world (its keys and their policies).
            if let s = stream(ref) { try authorizeKMS(caller, "kms:GenerateDataKey", keyId: keyId, stream: s) }
            return try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> WrittenRecord in
                try write(&s, hashKey: hashKey, keyId: keyId)
            }
        }
    }

    /// The stream checks a write makes before touching the stream: it exists and takes data,
    /// `check` passes on it, and on an encrypted stream the caller may use the key.
    /// Reads the stream in place, never copying it (a copy retains every part of it, and
    /// would make the write that follows copy its records).
    mutating func preparePut<T>(_ ref: StreamRef, caller: Caller,
                                _ check: (Stream) throws(KinesisError) -> T) throws(KinesisError) -> (value: T, keyId: String?) {
        let (value, keyId) = try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> (T, String?) in
            try Self.requireReadyForData(s)
            return (try check(s), Self.encryptionKey(of: s))
        }
        if let keyId, let s = stream(ref) { try authorizeKMS(caller, "kms:GenerateDataKey", keyId: keyId, stream: s) }
        return (value, keyId)
    }

    /// `SequenceNumberForOrdering` must be a number this stream could have issued by now.
    /// Any record written now gets a greater number: arrival times never go back, and a
    /// child shard's numbers are above its parents'.
    static func checkOrdering(_ text: String, on s: Stream) throws(KinesisError) {
        let invalid = KinesisError(.invalidArgument,
            "ExclusiveMinimumSequenceNumber \(text) used in PutRecord on stream \(s.name) under account \(s.account) is invalid.")
        guard let n = SequenceNumber(text), n.streamCreatedAt == s.createdAt.milliseconds, n.shardIndex < s.shards.count,
              n.counter < s.shards[n.shardIndex].nextCounter else { throw invalid }
    }
}
