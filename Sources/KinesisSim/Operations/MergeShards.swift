/// `MergeShards`'s input.
public struct MergeShardsInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `ShardToMerge` (required): becomes the child's `ParentShardId`.
    public var shardToMerge: String?
    /// `AdjacentShardToMerge` (required): becomes the child's `AdjacentParentShardId`.
    public var adjacentShardToMerge: String?

    /// Creates an input.
    public init(_ target: StreamTarget, shardToMerge: String?, adjacentShardToMerge: String?) {
        self.target = target
        self.shardToMerge = shardToMerge
        self.adjacentShardToMerge = adjacentShardToMerge
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(shardToMerge, at: "shardToMerge")
        v.check(shardToMerge, at: "shardToMerge", length: 1...128, pattern: .shardId)
        v.required(adjacentShardToMerge, at: "adjacentShardToMerge")
        v.check(adjacentShardToMerge, at: "adjacentShardToMerge", length: 1...128, pattern: .shardId)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `MergeShards`: closes two open shards whose ranges touch and appends one child covering
    /// both. The stream goes UPDATING, then ACTIVE.
    public mutating func mergeShards(_ input: MergeShardsInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:MergeShards", stream: ref)
        // Validated above: both members are present.
        let first = input.shardToMerge ?? "", second = input.adjacentShardToMerge ?? ""
        let transition = updateTransition
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            if s.status == .deleting { throw .streamNotFound(s.name, account: s.account) }
            // The state comes first, as the service checks it (CREATING, UPDATING: ResourceInUse).
            try Self.requireActive(s)
            let a = try Self.openShard(first, in: s)
            let b = try Self.openShard(second, in: s)
            guard Stream.areAdjacent(s.shards[a].hashKeyRange, s.shards[b].hashKeyRange) else {
                throw KinesisError(.invalidArgument,
                    "Shards \(first) and \(second) in stream \(s.name) under account \(s.account) are not an adjacent pair of shards eligible for merging")
            }
            s.merge(shard: a, adjacent: b, now: transition.now)
            transition.begin(on: &s)
        }
    }
}
