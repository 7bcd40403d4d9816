import IAMPolicy

/// `GetShardIterator`'s input.
public struct GetShardIteratorInput: Sendable, Equatable {
    /// The iterator types.
    public static let iteratorTypes = ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]

    /// The stream.
    public var target: StreamTarget
    /// `ShardId` (required).
    public var shardId: String?
    /// `ShardIteratorType` (required): one of ``iteratorTypes``.
    public var shardIteratorType: String?
    /// `StartingSequenceNumber`: for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER only.
    public var startingSequenceNumber: String?
    /// `Timestamp`: for AT_TIMESTAMP only.
    public var timestamp: Timestamp?

    /// Creates an input.
    public init(_ target: StreamTarget, shardId: String?, shardIteratorType: String?,
                startingSequenceNumber: String? = nil, timestamp: Timestamp? = nil) {
        self.target = target
        self.shardId = shardId
        self.shardIteratorType = shardIteratorType
        self.startingSequenceNumber = startingSequenceNumber
        self.timestamp = timestamp
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(shardId, at: "shardId")
        v.check(shardId, at: "shardId", length: 1...128, pattern: .shardId)
        v.required(shardIteratorType, at: "shardIteratorType")
        v.check(shardIteratorType, at: "shardIteratorType", oneOf: Self.iteratorTypes)
        v.check(startingSequenceNumber, at: "startingSequenceNumber", length: 0...Int.max, pattern: .sequenceNumber)
        try v.throwIfAny()
    }
}

/// `GetShardIterator`'s output.
public struct GetShardIteratorOutput: Sendable, Equatable {
    /// An opaque iterator (at most 512 characters), valid for the world's iterator lifetime.
    public var shardIterator: String
}

extension KinesisWorld {
    /// `GetShardIterator`: a position in one shard to read from with GetRecords.
    ///
    /// Order: model validation, authorization (`kinesis:GetShardIterator`), the stream and
    /// shard, the type's consistency with StartingSequenceNumber and Timestamp, the number's
    /// origin, then the shard's 5 calls/s budget.
    public mutating func getShardIterator(_ input: GetShardIteratorInput,
                                          as caller: Caller) throws(KinesisError) -> GetShardIteratorOutput {
        try input.validate()
        guard let shardId = input.shardId, let type = input.shardIteratorType else { throw KinesisError(.internalFailure, "") }
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:GetShardIterator", stream: ref)
        let position = try iteratorPosition(ref, shardId: shardId, type: type, input: input)
        let now = self.now.milliseconds
        let enforce = settings.enforceThroughputLimits
        let created = try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> Int64 in
            if enforce, !s.shards[position.shard].throughput.admitIteratorCall(now: now) {
                throw .rateExceeded(shard: position.shard, stream: s.name, account: s.account)
            }
            return s.createdAt.milliseconds
        }
        let token = ShardIteratorToken(streamARN: ref.arn, streamCreatedAt: created, shardIndex: position.shard,
                                       position: position.position, issuedAt: now)
        return GetShardIteratorOutput(shardIterator: token.sealed(with: iteratorKey))
    }

    /// Every check GetShardIterator makes on the stream, and the stable position it starts at.
    private func iteratorPosition(_ ref: StreamRef, shardId: String, type: String,
                                  input: GetShardIteratorInput) throws(KinesisError) -> (shard: Int, position: Int) {
        guard let s = stream(ref) else { throw .streamNotFound(ref.name, account: ref.account) }
        let normalized = Self.shardIndex(named: shardId).map(Shard.id) ?? shardId
        // A CREATING stream has no shards yet: the service names the shard it cannot find.
        if s.status == .creating { throw .shardNotFound(normalized, stream: s.name, account: s.account) }
        try Self.requireReadyForData(s)
        guard let shard = Self.shardIndex(named: shardId), shard < s.shards.count else {
            throw .shardNotFound(normalized, stream: s.name, account: s.account)
        }
        let bySequence = type == "AT_SEQUENCE_NUMBER" || type == "AFTER_SEQUENCE_NUMBER"
        let mismatch = "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified \(type) and"
        if bySequence && input.startingSequenceNumber == nil {
            throw KinesisError(.invalidArgument, "\(mismatch) no StartingSequenceNumber.")
        }
        if !bySequence && input.startingSequenceNumber != nil {
            throw KinesisError(.invalidArgument, "\(mismatch) also a StartingSequenceNumber.")
        }
        if type == "AT_TIMESTAMP" && input.timestamp == nil {
            throw KinesisError(.invalidArgument,
                "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.")
        }
        if type != "AT_TIMESTAMP" && input.timestamp != nil {
            throw KinesisError(.invalidArgument,
                "Timestamp is only valid with ShardIteratorType AT_TIMESTAMP. Request specified \(type) and also a Timestamp.")
        }
        let log = s.shards[shard].records
        switch type {
        case "TRIM_HORIZON":
            return (shard, log.firstReadablePosition)
        case "LATEST":
            return (shard, log.endPosition)
        case "AT_TIMESTAMP":
            let time = input.timestamp?.milliseconds ?? 0
            return (shard, log.position(ofIndex: log.firstIndex(arrivedAtOrAfter: time)))
        default:
            let text = input.startingSequenceNumber ?? ""
            let n = try Self.sequenceNumber(text, from: s, shard: shard)
            let counter = type == "AT_SEQUENCE_NUMBER" ? n.counter : n.counter + 1
            return (shard, log.position(ofIndex: log.firstIndex(counterAtLeast: counter)))
        }
    }

    /// A StartingSequenceNumber that this shard of this stream issued (or its range bounds).
    private static func sequenceNumber(_ text: String, from s: Stream, shard: Int) throws(KinesisError) -> SequenceNumber {
        let usedOn = "used in GetShardIterator on shard \(Shard.id(shard)) in stream \(s.name) under account \(s.account) is invalid"
        guard let n = SequenceNumber(text) else {
            throw KinesisError(.invalidArgument, "StartingSequenceNumber \(text) \(usedOn).")
        }
        if n.shardIndex != shard {
            throw KinesisError(.invalidArgument,
                "Invalid StartingSequenceNumber. It encodes \(Shard.id(n.shardIndex)), while it was used in a call to a shard with \(Shard.id(shard))")
        }
        if n.streamCreatedAt != s.createdAt.milliseconds {
            throw KinesisError(.invalidArgument, "StartingSequenceNumber \(text) \(usedOn) because it did not come from this stream.")
        }
        if n.counter >= s.shards[shard].nextCounter {
            throw KinesisError(.invalidArgument, "StartingSequenceNumber \(text) \(usedOn).")
        }
        return n
    }
}
