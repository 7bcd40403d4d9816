/// `RegisterStreamConsumer`'s input.
public struct RegisterStreamConsumerInput: Sendable, Equatable {
    /// `StreamARN` (required; there is no name form).
    public var streamARN: String?
    /// `ConsumerName` (required; unique on the stream).
    public var consumerName: String?
    /// `Tags`.
    public var tags: [String: String]?

    /// Creates an input.
    public init(streamARN: String?, consumerName: String?, tags: [String: String]? = nil) {
        self.streamARN = streamARN
        self.consumerName = consumerName
        self.tags = tags
    }

    func validate() throws(KinesisError) {
        var v = ValidationErrors()
        v.required(streamARN, at: "streamARN")
        v.check(streamARN, at: "streamARN", length: 1...2048, pattern: .streamARN)
        v.required(consumerName, at: "consumerName")
        v.check(consumerName, at: "consumerName", length: 1...128, pattern: .streamName)
        TagRules.validate(tags, at: "tags", into: &v)
        try v.throwIfAny()
    }
}

extension KinesisWorld {
    /// `RegisterStreamConsumer`: an enhanced fan-out consumer, CREATING for the world's
    /// consumer creation time, then ACTIVE. Its ARN is `STREAM_ARN/consumer/NAME:EPOCH_SECONDS`.
    /// A name already registered is `ResourceInUseException`; more than the per-stream quota
    /// (20) is `LimitExceededException`.
    public mutating func registerStreamConsumer(_ input: RegisterStreamConsumerInput, as caller: Caller) throws(KinesisError) -> ConsumerSummary {
        try input.validate()
        guard let streamARN = input.streamARN, let name = input.consumerName else {
            throw KinesisError(.invalidArgument, "StreamARN and ConsumerName are required.")
        }
        let ref = try resolve(StreamTarget.arn(streamARN), for: caller)
        try authorize(caller, "kinesis:RegisterStreamConsumer", stream: ref, requestTags: input.tags)
        let tags = try input.tags.map { (t) throws(KinesisError) in try TagRules.adding(t, to: [:], resource: "consumer \(name)") } ?? [:]
        let now = self.now
        let creating = settings.consumerCreatingMilliseconds
        let limit = settings.consumersPerStream
        return try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> ConsumerSummary in
            try Self.requireActive(s)
            if s.consumers.contains(where: { $0.name == name }) {
                throw KinesisError(.resourceInUse,
                    "Consumer \(name) under stream \(s.name) under account \(s.account) already exists.")
            }
            if s.consumers.count >= limit {
                throw KinesisError(.limitExceeded,
                    "Stream \(s.name) under account \(s.account) already has the maximum of \(limit) registered consumers.")
            }
            let consumer = Consumer(name: name, streamARN: s.arn, createdAt: now,
                                    status: creating > 0 ? .creating : .active,
                                    statusUntil: creating > 0 ? now.adding(milliseconds: creating) : nil, tags: tags)
            s.consumers.append(consumer)
            return ConsumerSummary(consumer)
        }
    }
}
