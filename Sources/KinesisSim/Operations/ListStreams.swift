import IAMPolicy

/// `ListStreams`'s input.
public struct ListStreamsInput: Sendable, Equatable {
    /// `Limit`: names per page (1 … 10000, default 100).
    public var limit: Int?
    /// `ExclusiveStartStreamName`: list names after this one.
    public var exclusiveStartStreamName: String?
    /// `NextToken` from the previous page (it wins over `ExclusiveStartStreamName`).
    public var nextToken: String?

    /// Creates an input.
    public init(limit: Int? = nil, exclusiveStartStreamName: String? = nil, nextToken: String? = nil) {
        self.limit = limit
        self.exclusiveStartStreamName = exclusiveStartStreamName
        self.nextToken = nextToken
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        v.check(limit, at: "limit", range: 1...10_000)
        v.check(exclusiveStartStreamName, at: "exclusiveStartStreamName", length: 1...128, pattern: .streamName)
        v.check(nextToken, at: "nextToken", length: 1...1_048_576)
        try v.throwIfAny()
    }
}

/// One entry of `ListStreams`'s `StreamSummaries`.
public struct StreamSummary: Sendable, Equatable {
    /// `StreamName`.
    public var streamName: String
    /// `StreamARN`.
    public var streamARN: String
    /// `StreamStatus`.
    public var streamStatus: StreamStatus
    /// `StreamModeDetails.StreamMode`.
    public var streamMode: StreamMode
    /// `StreamCreationTimestamp`.
    public var streamCreationTimestamp: Timestamp
}

/// `ListStreams`'s output.
public struct ListStreamsOutput: Sendable, Equatable {
    /// `StreamNames`, sorted.
    public var streamNames: [String]
    /// `HasMoreStreams`.
    public var hasMoreStreams: Bool
    /// `NextToken` when more streams follow.
    public var nextToken: String?
    /// `StreamSummaries`, in the same order as the names.
    public var streamSummaries: [StreamSummary]
}

extension KinesisWorld {
    /// `ListStreams`: the caller's streams in the region it calls, by name, paged.
    /// `kinesis:ListStreams` has no resource type, so it is authorized on `*`.
    public func listStreams(_ input: ListStreamsInput = ListStreamsInput(), as caller: Caller) throws(KinesisError) -> ListStreamsOutput {
        try input.validate()
        let account = caller.principal.account, region = caller.region
        try authorize(caller, "kinesis:ListStreams", on: "*", owner: account)
        var after = input.exclusiveStartStreamName
        if let text = input.nextToken {
            guard let token = PageToken.decode(text, kind: "streams", count: 3),
                  token.fields[0] == account, token.fields[1] == region else { throw PageToken.invalid(text) }
            try token.checkFresh(now: now, lifetime: settings.nextTokenLifetimeMilliseconds)
            after = token.fields[2]
        }
        let streams = (accounts[account]?.streams[region]?.values).map(Array.init) ?? []
        let sorted = streams.filter { s in after.map { s.name > $0 } ?? true }.sorted { $0.name < $1.name }
        let limit = input.limit ?? 100
        let page = sorted.prefix(limit)
        let more = sorted.count > limit
        let token = more ? page.last.map {
            PageToken(kind: "streams", fields: [account, region, $0.name], issuedAt: now).encoded
        } : nil
        return ListStreamsOutput(
            streamNames: page.map(\.name), hasMoreStreams: more, nextToken: token,
            streamSummaries: page.map {
                StreamSummary(streamName: $0.name, streamARN: $0.arn, streamStatus: $0.status, streamMode: $0.mode,
                              streamCreationTimestamp: $0.createdAt)
            })
    }
}
