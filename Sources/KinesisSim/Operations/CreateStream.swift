/// `CreateStream`'s input.
public struct CreateStreamInput: Sendable, Equatable {
    /// `StreamName` (required).
    public var streamName: String?
    /// `ShardCount` (PROVISIONED streams).
    public var shardCount: Int?
    /// `StreamModeDetails.StreamMode`: `PROVISIONED` (default) or `ON_DEMAND`.
    public var streamMode: String?
    /// `Tags`.
    public var tags: [String: String]?
    /// `MaxRecordSizeInKiB` (1024 … 10240).
    public var maxRecordSizeInKiB: Int?

    /// Creates an input.
    public init(streamName: String?, shardCount: Int? = nil, streamMode: String? = nil, tags: [String: String]? = nil,
                maxRecordSizeInKiB: Int? = nil) {
        self.streamName = streamName
        self.shardCount = shardCount
        self.streamMode = streamMode
        self.tags = tags
        self.maxRecordSizeInKiB = maxRecordSizeInKiB
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        v.required(streamName, at: "streamName")
        v.check(streamName, at: "streamName", length: 1...128, pattern: .streamName)
        v.check(shardCount, at: "shardCount", range: 1...Int(Int32.max))
        v.check(streamMode, at: "streamModeDetails.streamMode", oneOf: ["PROVISIONED", "ON_DEMAND"])
        TagRules.validate(tags, at: "tags", into: &v)
        v.check(maxRecordSizeInKiB, at: "maxRecordSizeInKiB", range: 1024...10240)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `CreateStream`: a new stream in the caller's account and region, CREATING until the
    /// world's creation time has passed. ON_DEMAND streams start with four shards.
    public mutating func createStream(_ input: CreateStreamInput, as caller: Caller) throws(KinesisError) {
        try input.validate()
        let name = input.streamName!
        let ref = StreamRef(account: caller.principal.account, region: caller.region, name: name)
        try authorize(caller, "kinesis:CreateStream", stream: ref, requestTags: input.tags)
        let mode = StreamMode(rawValue: input.streamMode ?? "PROVISIONED") ?? .provisioned
        let shardCount: Int
        switch mode {
        case .provisioned:
            guard let count = input.shardCount else {
                throw KinesisError(.invalidArgument, "ShardCount is required for a stream in PROVISIONED mode.")
            }
            shardCount = count
        case .onDemand:
            if input.shardCount != nil {
                throw KinesisError(.invalidArgument, "ShardCount must not be specified for a stream in ON_DEMAND mode.")
            }
            shardCount = 4
            let onDemand = accounts[ref.account]?.streams[ref.region]?.values.filter { $0.mode == .onDemand }.count ?? 0
            if onDemand >= settings.onDemandStreamLimit {
                throw KinesisError(.limitExceeded,
                    "This request would exceed the limit of \(settings.onDemandStreamLimit) on-demand streams for the account \(ref.account) in \(ref.region).")
            }
        }
        if stream(ref) != nil {
            throw KinesisError(.resourceInUse, "Stream \(name) under account \(ref.account) already exists.")
        }
        if let tags = input.tags {
            if tags.count > TagRules.maxTags {
                throw KinesisError(.invalidArgument, "A stream can have at most \(TagRules.maxTags) tags; \(tags.count) were given.")
            }
            try TagRules.check(tags)
        }
        let open = openShardCount(account: ref.account, region: ref.region)
        if open + shardCount > settings.shardLimit {
            throw KinesisError(.limitExceeded,
                "This request would exceed the shard limit for the account \(ref.account) in \(ref.region). Current shard count for the account: \(open). Limit: \(settings.shardLimit). Number of additional shards that would have resulted from this request: \(shardCount). Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.")
        }
        addAccount(ref.account)
        let until = settings.creatingMilliseconds > 0 ? now.adding(milliseconds: settings.creatingMilliseconds) : nil
        let streamId = random.string(count: 20) + "-" + random.string(count: 3)
        let stream = Stream(name: name, account: ref.account, region: ref.region, streamId: streamId, createdAt: now,
                            shardCount: shardCount, mode: mode, creatingUntil: until, tags: input.tags ?? [:],
                            maxRecordSizeKiB: input.maxRecordSizeInKiB ?? 1024)
        accounts[ref.account]!.streams[ref.region, default: [:]][name] = stream
    }
}
