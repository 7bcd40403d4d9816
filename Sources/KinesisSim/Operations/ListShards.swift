import IAMPolicy

/// `ListShards`'s `ShardFilter`.
public struct ShardFilter: Sendable, Equatable {
    /// `Type` (required): AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST,
    /// AT_TIMESTAMP or FROM_TIMESTAMP.
    public var type: String?
    /// `ShardId`, for AFTER_SHARD_ID.
    public var shardId: String?
    /// `Timestamp`, for AT_TIMESTAMP and FROM_TIMESTAMP.
    public var timestamp: Timestamp?

    /// Creates a filter.
    public init(type: String?, shardId: String? = nil, timestamp: Timestamp? = nil) {
        self.type = type
        self.shardId = shardId
        self.timestamp = timestamp
    }

    static let types = ["AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP"]
}

/// `ListShards`'s input: a stream (with optional start and filter), or a NextToken.
public struct ListShardsInput: Sendable, Equatable {
    /// The stream (`StreamName` and/or `StreamARN`); leave empty with a NextToken.
    public var target: StreamTarget
    /// `NextToken` from the previous page.
    public var nextToken: String?
    /// `ExclusiveStartShardId`: list shards after this one.
    public var exclusiveStartShardId: String?
    /// `MaxResults` (1 … 10000; default and effective cap 1000).
    public var maxResults: Int?
    /// `StreamCreationTimestamp`: tells apart streams that reused a name.
    public var streamCreationTimestamp: Timestamp?
    /// `ShardFilter`.
    public var shardFilter: ShardFilter?

    /// Creates an input.
    public init(_ target: StreamTarget = StreamTarget(name: nil, arn: nil), nextToken: String? = nil,
                exclusiveStartShardId: String? = nil, maxResults: Int? = nil, streamCreationTimestamp: Timestamp? = nil,
                shardFilter: ShardFilter? = nil) {
        self.target = target
        self.nextToken = nextToken
        self.exclusiveStartShardId = exclusiveStartShardId
        self.maxResults = maxResults
        self.streamCreationTimestamp = streamCreationTimestamp
        self.shardFilter = shardFilter
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        v.check(nextToken, at: "nextToken", length: 1...1_048_576)
        v.check(exclusiveStartShardId, at: "exclusiveStartShardId", length: 1...128, pattern: .shardId)
        v.check(maxResults, at: "maxResults", range: 1...10_000)
        if let filter = shardFilter {
            v.required(filter.type, at: "shardFilter.type")
            v.check(filter.type, at: "shardFilter.type", oneOf: ShardFilter.types)
            v.check(filter.shardId, at: "shardFilter.shardId", length: 1...128, pattern: .shardId)
        }
        try v.throwIfAny()
    }
}

/// `ListShards`'s output.
public struct ListShardsOutput: Sendable, Equatable {
    /// One page of shards, in index order.
    public var shards: [ShardDescription]
    /// `NextToken` when more shards follow.
    public var nextToken: String?
}

extension KinesisWorld {
    /// `ListShards`: the stream's shards in index order, filtered and paged. A NextToken
    /// carries the stream, the filter and the position, and expires after
    /// `settings.nextTokenLifetimeMilliseconds`.
    public func listShards(_ input: ListShardsInput, as caller: Caller) throws(KinesisError) -> ListShardsOutput {
        try input.validate()
        let page = try shardPage(of: input, for: caller)
        try authorize(caller, "kinesis:ListShards", stream: page.ref)
        let s = try existingStream(page.ref)
        if let created = page.streamCreatedAt, created != s.createdAt { throw .streamNotFound(s.name, account: s.account) }
        if s.status == .creating { throw .streamNotActive(s.name, account: s.account, status: s.status) }
        // Shard ids are zero-padded, so their text order is their index order.
        let matching = s.listedShards(now: now).filter { shard in
            shard.index > page.after && page.exclusiveStart.map { shard.id > $0 } != false
                && page.filter.admits(shard, in: s, now: now)
        }
        let limit = min(input.maxResults ?? 1000, 1000)
        let shards = matching.prefix(limit)
        var token: String?
        if matching.count > limit, let last = shards.last {
            token = PageToken(kind: "shards", fields: [s.account, s.region, s.name, String(s.createdAt.milliseconds),
                                                       String(last.index)] + page.filter.tokenFields,
                              issuedAt: now).encoded
        }
        return ListShardsOutput(shards: shards.map { ShardDescription($0, in: s) }, nextToken: token)
    }

    /// Where a ListShards call starts: from its stream members, or from its NextToken.
    private func shardPage(of input: ListShardsInput, for caller: Caller) throws(KinesisError) -> ShardPage {
        let named = input.target.name != nil || input.target.arn != nil
        guard let text = input.nextToken else {
            guard named else { throw KinesisError(.invalidArgument, "Either NextToken or StreamName should be provided.") }
            let filter = try ShardPage.Filter(input.shardFilter)
            return ShardPage(ref: try resolve(input.target, for: caller), streamCreatedAt: input.streamCreationTimestamp,
                             after: -1, exclusiveStart: input.exclusiveStartShardId, filter: filter)
        }
        if named { throw KinesisError(.invalidArgument, "NextToken and StreamName cannot be provided together.") }
        if input.exclusiveStartShardId != nil {
            throw KinesisError(.invalidArgument, "NextToken and ExclusiveStartShardId cannot be provided together.")
        }
        if input.streamCreationTimestamp != nil {
            throw KinesisError(.invalidArgument, "NextToken and StreamCreationTimestamp cannot be provided together.")
        }
        if input.shardFilter != nil {
            throw KinesisError(.invalidArgument, "NextToken and ShardFilter cannot be provided together.")
        }
        guard let token = PageToken.decode(text, kind: "shards", count: 8),
              let created = Int64(token.fields[3]).flatMap(Timestamp.init(wireMilliseconds:)),
              let after = Int(token.fields[4]), let filter = ShardPage.Filter(tokenFields: Array(token.fields[5...])) else {
            throw PageToken.invalid(text)
        }
        try token.checkFresh(now: now, lifetime: settings.nextTokenLifetimeMilliseconds)
        let ref = StreamRef(account: token.fields[0], region: token.fields[1], name: token.fields[2])
        if ref.region != caller.region { throw PageToken.invalid(text) }
        return ShardPage(ref: ref, streamCreatedAt: created, after: after, exclusiveStart: nil,
                         filter: filter)
    }
}
