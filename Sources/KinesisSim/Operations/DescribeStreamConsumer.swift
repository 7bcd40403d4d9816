extension KinesisWorld {
    /// `DescribeStreamConsumer`: by `ConsumerARN`, or by `StreamARN` and `ConsumerName`.
    /// Authorized on the consumer's ARN, honouring the consumer's resource policy.
    public func describeStreamConsumer(_ target: ConsumerTarget, as caller: Caller) throws(KinesisError) -> ConsumerDescription {
        var v = ValidationErrors()
        target.validate(into: &v)
        try v.throwIfAny()
        let ref = try resolve(target, for: caller)
        try authorize(caller, "kinesis:DescribeStreamConsumer", consumer: ref)
        _ = try existingStream(ref.stream)
        guard let c = consumer(ref) else { throw Self.consumerNotFound(ref.name, stream: ref.stream) }
        return ConsumerDescription(consumerName: c.name, consumerARN: c.arn, consumerStatus: c.status,
                                   consumerCreationTimestamp: c.createdAt, streamARN: ref.stream.arn)
    }
}
