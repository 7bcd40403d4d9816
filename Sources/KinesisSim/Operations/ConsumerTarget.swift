import IAMPolicy

/// How DescribeStreamConsumer and DeregisterStreamConsumer name a consumer: its ARN, or its
/// stream's ARN and its name.
public struct ConsumerTarget: Sendable, Equatable {
    /// `StreamARN` (with `ConsumerName`).
    public var streamARN: String?
    /// `ConsumerName` (with `StreamARN`).
    public var consumerName: String?
    /// `ConsumerARN`.
    public var consumerARN: String?

    /// Creates a target.
    public init(streamARN: String? = nil, consumerName: String? = nil, consumerARN: String? = nil) {
        self.streamARN = streamARN
        self.consumerName = consumerName
        self.consumerARN = consumerARN
    }

    /// Names a consumer by ARN.
    public static func arn(_ arn: String) -> ConsumerTarget { ConsumerTarget(consumerARN: arn) }
    /// Names a consumer by its stream's ARN and its name.
    public static func named(_ name: String, stream streamARN: String) -> ConsumerTarget {
        ConsumerTarget(streamARN: streamARN, consumerName: name)
    }

    /// Model constraints on the three members.
    func validate(into v: inout ValidationErrors) {
        v.check(streamARN, at: "streamARN", length: 1...2048, pattern: .streamARN)
        v.check(consumerName, at: "consumerName", length: 1...128, pattern: .streamName)
        v.check(consumerARN, at: "consumerARN", length: 1...2048, pattern: .consumerARN)
    }
}

/// A consumer as RegisterStreamConsumer and ListStreamConsumers return it (AWS's `Consumer` shape).
public struct ConsumerSummary: Sendable, Equatable {
    /// `ConsumerName`.
    public var consumerName: String
    /// `ConsumerARN`: `STREAM_ARN/consumer/NAME:EPOCH_SECONDS`.
    public var consumerARN: String
    /// `ConsumerStatus`.
    public var consumerStatus: Consumer.Status
    /// `ConsumerCreationTimestamp`.
    public var consumerCreationTimestamp: Timestamp

    init(_ c: Consumer) {
        consumerName = c.name
        consumerARN = c.arn
        consumerStatus = c.status
        consumerCreationTimestamp = c.createdAt
    }
}

/// A consumer as DescribeStreamConsumer returns it (AWS's `ConsumerDescription` shape).
public struct ConsumerDescription: Sendable, Equatable {
    /// `ConsumerName`.
    public var consumerName: String
    /// `ConsumerARN`.
    public var consumerARN: String
    /// `ConsumerStatus`.
    public var consumerStatus: Consumer.Status
    /// `ConsumerCreationTimestamp`.
    public var consumerCreationTimestamp: Timestamp
    /// `StreamARN`: the stream the consumer reads.
    public var streamARN: String
}

/// A consumer target resolved: its stream, its name, and the ARN authorization names.
struct ConsumerRef: Sendable, Equatable {
    var stream: StreamRef
    var name: String
    /// The ARN the caller gave, or the registered consumer's ARN, or (for a name that is not
    /// registered) `STREAM_ARN/consumer/NAME` without the creation time.
    var arn: String
    /// Whether the caller named the consumer by ARN (then the creation time must match too).
    var byARN: Bool
}

extension KinesisWorld {
    /// Resolves a consumer target. Either `ConsumerARN`, or both `StreamARN` and `ConsumerName`;
    /// members given together must agree.
    func resolve(_ target: ConsumerTarget, for caller: Caller) throws(KinesisError) -> ConsumerRef {
        if let arn = target.consumerARN {
            guard case .consumer(let ref, let name, _) = try resolveResource(arn, for: caller) else {
                throw KinesisError(.invalidArgument, "Invalid ConsumerARN: \(arn)")
            }
            if let streamARN = target.streamARN, streamARN != ref.arn {
                throw KinesisError(.invalidArgument, "ConsumerARN \(arn) does not belong to stream \(streamARN).")
            }
            if let given = target.consumerName, given != name {
                throw KinesisError(.invalidArgument, "ConsumerARN \(arn) and ConsumerName \(given) do not name the same consumer.")
            }
            return ConsumerRef(stream: ref, name: name, arn: arn, byARN: true)
        }
        guard let streamARN = target.streamARN, let name = target.consumerName else {
            throw KinesisError(.invalidArgument, "Either ConsumerARN or both StreamARN and ConsumerName must be provided.")
        }
        let ref = try resolve(StreamTarget.arn(streamARN), for: caller)
        let registered = stream(ref)?.consumers.first { $0.name == name }
        return ConsumerRef(stream: ref, name: name, arn: registered?.arn ?? "\(ref.arn)/consumer/\(name)", byARN: false)
    }

    /// The registered consumer `c` names, if any.
    func consumer(_ c: ConsumerRef) -> Consumer? {
        stream(c.stream)?.consumers.first { c.byARN ? $0.arn == c.arn : $0.name == c.name }
    }

    /// Authorizes a consumer-scoped action on the consumer's ARN, with the consumer's own
    /// resource policy and tags.
    func authorize(_ caller: Caller, _ action: String, consumer c: ConsumerRef) throws(KinesisError) {
        let existing = consumer(c)
        try authorize(caller, action, on: c.arn, owner: c.stream.account, region: c.stream.region,
                      resourcePolicy: existing?.resourcePolicy,
                      resourceTags: existing?.tags ?? [:])
    }
}
