/// `UpdateShardCount`'s input.
public struct UpdateShardCountInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `TargetShardCount` (required).
    public var targetShardCount: Int?
    /// `ScalingType` (required): only `UNIFORM_SCALING`.
    public var scalingType: String?

    /// Creates an input.
    public init(_ target: StreamTarget, targetShardCount: Int?, scalingType: String? = "UNIFORM_SCALING") {
        self.target = target
        self.targetShardCount = targetShardCount
        self.scalingType = scalingType
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.required(targetShardCount, at: "targetShardCount")
        v.check(targetShardCount, at: "targetShardCount", range: 1...100_000)
        v.required(scalingType, at: "scalingType")
        v.check(scalingType, at: "scalingType", oneOf: ["UNIFORM_SCALING"])
        try v.throwIfAny()
    }
}

/// `UpdateShardCount`'s output.
public struct UpdateShardCountOutput: Sendable, Equatable {
    /// `StreamName`.
    public var streamName: String
    /// `StreamARN`.
    public var streamARN: String
    /// `CurrentShardCount`: open shards before the call.
    public var currentShardCount: Int
    /// `TargetShardCount`.
    public var targetShardCount: Int
}

extension KinesisWorld {
    /// Open shards one stream may have.
    static let maxShardsPerStream = 10_000
    /// UpdateShardCount calls allowed per stream in any 24 hours.
    static let scalingsPerDay = 10

    /// `UpdateShardCount` (UNIFORM_SCALING): leaves exactly `TargetShardCount` open shards,
    /// through the splits and merges AWS was seen to make, with ranges as near even as those
    /// allow (see ``UniformScalingPlan``). The stream goes UPDATING, then ACTIVE.
    ///
    /// `kinesis:UpdateShardCount` has no resource type, so it is authorized on `*`: only a
    /// statement whose Resource matches `*` grants it.
    public mutating func updateShardCount(_ input: UpdateShardCountInput, as caller: Caller) throws(KinesisError) -> UpdateShardCountOutput {
        try input.validate()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:UpdateShardCount", on: "*", owner: ref.account, region: ref.region)
        // Validated above: present and at least 1.
        let target = input.targetShardCount ?? 1
        let accountOpen = openShardCount(account: ref.account, region: ref.region)
        let shardLimit = settings.shardLimit
        let transition = updateTransition
        return try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> UpdateShardCountOutput in
            if s.status == .deleting { throw .streamNotFound(s.name, account: s.account) }
            if s.mode == .onDemand {
                throw KinesisError(.validation, "Request is invalid. Stream \(s.name) under account \(s.account) is in On-Demand mode.")
            }
            try Self.requireActive(s)
            let current = s.openShards.count
            let counts = "Current open shard count: \(current), Target shard count: \(target)"
            if target > Self.maxShardsPerStream {
                throw KinesisError(.limitExceeded,
                    "Target shard count or number of open shards cannot be greater than \(Self.maxShardsPerStream). \(counts)")
            }
            if target > current * 2 {
                throw KinesisError(.limitExceeded, "UpdateShardCount cannot scale up over double your current open shard count. \(counts)")
            }
            if target * 2 < current {
                throw KinesisError(.limitExceeded, "UpdateShardCount cannot scale down below half your current open shard count. \(counts)")
            }
            let added = target - current
            if added > 0 && accountOpen + added > shardLimit {
                throw KinesisError(.limitExceeded,
                    "This request would exceed the shard limit for the account \(s.account) in \(s.region). Current shard count for the account: \(accountOpen). Limit: \(shardLimit). Number of additional shards that would have resulted from this request: \(added). Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.")
            }
            let dayAgo = transition.now.adding(milliseconds: -86_400_000)
            s.scalingHistory.removeAll { $0 <= dayAgo }
            if s.scalingHistory.count >= Self.scalingsPerDay {
                throw KinesisError(.limitExceeded,
                    "Stream \(s.name) under account \(s.account) has already been scaled \(s.scalingHistory.count) times in the last 24 hours. UpdateShardCount allows \(Self.scalingsPerDay) scaling operations per rolling 24-hour period.")
            }
            s.scalingHistory.append(transition.now)
            s.scaleUniformly(to: target, now: transition.now)
            transition.begin(on: &s)
            return UpdateShardCountOutput(streamName: s.name, streamARN: s.arn, currentShardCount: current,
                                          targetShardCount: target)
        }
    }
}
