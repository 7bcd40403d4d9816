extension KinesisWorld {
    /// `DeregisterStreamConsumer`: the consumer goes DELETING (for the world's consumer
    /// transition time), then is gone. A consumer already DELETING is `ResourceNotFoundException`
    /// (the operation declares no ResourceInUseException).
    public mutating func deregisterStreamConsumer(_ target: ConsumerTarget, as caller: Caller) throws(KinesisError) {
        var v = ValidationErrors()
        target.validate(into: &v)
        try v.throwIfAny()
        let ref = try resolve(target, for: caller)
        try authorize(caller, "kinesis:DeregisterStreamConsumer", consumer: ref)
        let now = self.now
        let deleting = settings.consumerCreatingMilliseconds
        try modifyStream(ref.stream) { (s: inout Stream) throws(KinesisError) in
            guard let i = s.consumers.firstIndex(where: { ref.byARN ? $0.arn == ref.arn : $0.name == ref.name }),
                  s.consumers[i].status != .deleting else {
                throw Self.consumerNotFound(ref.name, stream: ref.stream)
            }
            if deleting > 0 {
                s.consumers[i].status = .deleting
                s.consumers[i].statusUntil = now.adding(milliseconds: deleting)
            } else {
                s.consumers.remove(at: i)
            }
        }
    }
}
