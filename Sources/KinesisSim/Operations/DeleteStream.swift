/// `DeleteStream`'s input.
public struct DeleteStreamInput: Sendable, Equatable {
    /// The stream.
    public var target: StreamTarget
    /// `EnforceConsumerDeletion`: delete even with registered consumers.
    public var enforceConsumerDeletion: Bool?

    /// Creates an input.
    public init(_ target: StreamTarget, enforceConsumerDeletion: Bool? = nil) {
        self.target = target
        self.enforceConsumerDeletion = enforceConsumerDeletion
    }
}

extension KinesisWorld {
    /// `DeleteStream`: the stream goes DELETING, then is gone; later calls on it answer
    /// `ResourceNotFoundException`. Registered consumers block it unless enforced.
    public mutating func deleteStream(_ input: DeleteStreamInput, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        input.target.validate(into: &v)
        try v.throwIfAny()
        let ref = try resolve(input.target, for: caller)
        try authorize(caller, "kinesis:DeleteStream", stream: ref)
        let deleting = settings.deletingMilliseconds
        let now = self.now
        try modifyStream(ref) { (s: inout Stream) throws(KinesisError) in
            if s.status == .deleting { throw .streamNotFound(s.name, account: s.account) }
            if !s.consumers.isEmpty && input.enforceConsumerDeletion != true {
                throw KinesisError(.resourceInUse,
                    "Stream \(s.name) under account \(s.account) has registered consumers. Deregister them first, or set EnforceConsumerDeletion.")
            }
            s.status = .deleting
            s.statusUntil = now.adding(milliseconds: deleting)
            for i in s.consumers.indices {
                s.consumers[i].status = .deleting
                s.consumers[i].statusUntil = now
            }
        }
        if deleting == 0 { accounts[ref.account]!.streams[ref.region]![ref.name] = nil }
    }
}
