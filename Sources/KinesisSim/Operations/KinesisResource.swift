/// What a `ResourceARN` names: a stream, or an enhanced fan-out consumer of a stream.
enum KinesisResource: Sendable, Equatable {
    /// `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`.
    case stream(StreamRef)
    /// `STREAM_ARN/consumer/NAME:EPOCH_SECONDS`.
    case consumer(StreamRef, name: String, arn: String)

    /// The stream, or the consumer's stream.
    var stream: StreamRef {
        switch self {
        case .stream(let ref), .consumer(let ref, _, _): ref
        }
    }

    /// The ARN authorization names.
    var arn: String {
        switch self {
        case .stream(let ref): ref.arn
        case .consumer(_, _, let arn): arn
        }
    }
}

extension KinesisWorld {
    /// Reads a stream or consumer ARN. Like a stream ARN, it may name another account but not
    /// another region.
    func resolveResource(_ arn: String, for caller: Caller) throws(KinesisError) -> KinesisResource {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1] == StreamRef.partition, parts[2] == "kinesis",
              parts[5].hasPrefix("stream/") else {
            throw KinesisError(.invalidArgument, "Invalid ResourceARN: \(arn)")
        }
        let path = parts[5].dropFirst("stream/".count)
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
        let ref = StreamRef(account: String(parts[4]), region: String(parts[3]), name: String(pieces[0]))
        if ref.region != caller.region {
            throw KinesisError(.invalidArgument,
                "Invalid ResourceARN: \(arn). The resource's region \(ref.region) does not match the request's region \(caller.region).")
        }
        switch pieces.count {
        case 1 where !ref.name.isEmpty:
            return .stream(ref)
        case 3 where pieces[1] == "consumer":
            let last = pieces[2].split(separator: ":", omittingEmptySubsequences: false)
            guard last.count == 2, !last[0].isEmpty, !last[1].isEmpty, last[1].allSatisfy(\.isNumber) else { break }
            return .consumer(ref, name: String(last[0]), arn: arn)
        default:
            break
        }
        throw KinesisError(.invalidArgument, "Invalid ResourceARN: \(arn)")
    }

    /// The consumer `arn` names on stream `ref`, if registered (the creation time must match too).
    func consumer(_ arn: String, on ref: StreamRef) -> Consumer? {
        stream(ref)?.consumers.first { $0.arn == arn }
    }

    /// Authorizes `action` on a stream or consumer, with that resource's own policy and tags.
    func authorize(_ caller: Caller, _ action: String, resource: KinesisResource,
                   requestTags: [String: String]? = nil, tagKeys: [String]? = nil) throws(KinesisError) {
        switch resource {
        case .stream(let ref):
            try authorize(caller, action, stream: ref, requestTags: requestTags, tagKeys: tagKeys)
        case .consumer(let ref, _, let arn):
            let existing = consumer(arn, on: ref)
            try authorize(caller, action, on: arn, owner: ref.account, region: ref.region,
                          resourcePolicy: existing?.resourcePolicy,
                          resourceTags: existing?.tags ?? [:], requestTags: requestTags, tagKeys: tagKeys)
        }
    }

    /// `Consumer NAME under stream … not found.` (ResourceNotFoundException).
    static func consumerNotFound(_ name: String, stream ref: StreamRef) -> KinesisError {
        KinesisError(.resourceNotFound, "Consumer \(name) under stream \(ref.name) under account \(ref.account) not found.")
    }

    /// Runs `body` on the consumer in place, or throws `ResourceNotFoundException` for a missing
    /// stream or consumer.
    mutating func modifyConsumer<R>(_ arn: String, name: String, on ref: StreamRef,
                                    _ body: (inout Consumer) throws(KinesisError) -> R) throws(KinesisError) -> R {
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) -> R in
            guard let i = s.consumers.firstIndex(where: { $0.arn == arn }) else { throw Self.consumerNotFound(name, stream: ref) }
            return try body(&s.consumers[i])
        }
    }
}
