/// `SplitShard`'s input.
public struct SplitShardInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `ShardToSplit` (required).
    public var shardToSplit: String?
    /// `NewStartingHashKey` (required): the first hash key of the upper child, as a decimal string.
    public var newStartingHashKey: String?

    /// Creates an input.
    public init(_ target: StreamTarget, shardToSplit: String?, newStartingHashKey: String?) {
        self.target = target
        self.shardToSplit = shardToSplit
        self.newStartingHashKey = newStartingHashKey
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(shardToSplit, at: "shardToSplit")
        v.check(shardToSplit, at: "shardToSplit", length: 1...128, pattern: .shardId)
        v.required(newStartingHashKey, at: "newStartingHashKey")
        v.check(newStartingHashKey, at: "newStartingHashKey", length: 0...Int.max, pattern: .hashKey)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `SplitShard`: closes an open shard and appends two children that divide its hash key
    /// range at `NewStartingHashKey`. The stream goes UPDATING, then ACTIVE.
    ///
    /// The new shards exist at once (readers can see them while the stream is UPDATING).
    public mutating func splitShard(_ input: SplitShardInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:SplitShard", stream: ref)
        // Validated above: both members are present.
        let shardId = input.shardToSplit ?? "", keyText = input.newStartingHashKey ?? ""
        let shardLimit = settings.shardLimit
        let open = openShardCount(account: ref.account, region: ref.region)
        let transition = updateTransition
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            if s.status == .deleting { throw .streamNotFound(s.name, account: s.account) }
            // The state comes first, as the service checks it (CREATING, UPDATING: ResourceInUse).
            try Self.requireActive(s)
            let index = try Self.openShard(shardId, in: s)
            if open + 1 > shardLimit {
                throw KinesisError(.limitExceeded,
                    "This request would exceed the shard limit for the account \(s.account) in \(s.region). Current shard count for the account: \(open). Limit: \(shardLimit). Number of additional shards that would have resulted from this request: 1. Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.")
            }
            let range = s.shards[index].hashKeyRange
            // A key too large for 128 bits is, like any key past the end, outside the shard.
            guard let key = UInt128(keyText), key > range.start, key - range.start > 1, key < range.end else {
                throw KinesisError(.invalidArgument,
                    "NewStartingHashKey \(keyText) used in SplitShard() on shard \(shardId) in stream \(s.name) under account \(s.account) is not both greater than one plus the shard's StartingHashKey \(range.start) and less than the shard's EndingHashKey \(range.end).")
            }
            s.split(shard: index, at: key, now: transition.now)
            transition.begin(on: &s)
        }
    }

    /// The index of open shard `shardId` of `s`: `ResourceNotFoundException` when the stream
    /// has no such shard, `InvalidArgumentException` when it is closed.
    static func openShard(_ shardId: String, in s: Stream) throws(KinesisError) -> Int {
        guard let index = s.shardIndex(of: shardId) else {
            throw KinesisError(.resourceNotFound, "Could not find shard \(shardId) in stream \(s.name) under account \(s.account).")
        }
        guard s.shards[index].isOpen else {
            throw KinesisError(.invalidArgument,
                "Shard \(shardId) in stream \(s.name) under account \(s.account) has already been merged or split, and thus is not eligible for merging or splitting.")
        }
        return index
    }
}
