import IAMPolicy

/// Control operations over JSON: retention, encryption, tags, resource policies, enhanced
/// monitoring and enhanced fan-out consumers.
extension KinesisWorld {
    /// Handlers for the control operations.
    static let controlHandlers: [(String, JSONHandler)] = [
        ("IncreaseStreamRetentionPeriod", { world, f, caller throws(KinesisError) in
            try world.increaseStreamRetentionPeriod(StreamRetentionPeriodInput(
                try f.streamTarget(), retentionPeriodHours: try f.int("RetentionPeriodHours")), as: caller)
            return nil
        }),
        ("DecreaseStreamRetentionPeriod", { world, f, caller throws(KinesisError) in
            try world.decreaseStreamRetentionPeriod(StreamRetentionPeriodInput(
                try f.streamTarget(), retentionPeriodHours: try f.int("RetentionPeriodHours")), as: caller)
            return nil
        }),
        ("StartStreamEncryption", { world, f, caller throws(KinesisError) in
            try world.startStreamEncryption(try encryptionInput(f), as: caller)
            return nil
        }),
        ("StopStreamEncryption", { world, f, caller throws(KinesisError) in
            try world.stopStreamEncryption(try encryptionInput(f), as: caller)
            return nil
        }),
        ("AddTagsToStream", { world, f, caller throws(KinesisError) in
            try world.addTagsToStream(AddTagsToStreamInput(try f.streamTarget(), tags: try f.stringMap("Tags")), as: caller)
            return nil
        }),
        ("RemoveTagsFromStream", { world, f, caller throws(KinesisError) in
            try world.removeTagsFromStream(RemoveTagsFromStreamInput(try f.streamTarget(), tagKeys: try f.strings("TagKeys")),
                                           as: caller)
            return nil
        }),
        ("ListTagsForStream", { world, f, caller throws(KinesisError) in
            let out = try world.listTagsForStream(ListTagsForStreamInput(
                try f.streamTarget(), exclusiveStartTagKey: try f.string("ExclusiveStartTagKey"), limit: try f.int("Limit")),
                as: caller)
            return .object([("Tags", JSONOutput.tags(out.tags)), ("HasMoreTags", .bool(out.hasMoreTags))])
        }),
        ("TagResource", { world, f, caller throws(KinesisError) in
            try world.tagResource(TagResourceInput(resourceARN: try f.string("ResourceARN"), tags: try f.stringMap("Tags")),
                                  as: caller)
            return nil
        }),
        ("UntagResource", { world, f, caller throws(KinesisError) in
            try world.untagResource(UntagResourceInput(resourceARN: try f.string("ResourceARN"),
                                                       tagKeys: try f.strings("TagKeys")), as: caller)
            return nil
        }),
        ("ListTagsForResource", { world, f, caller throws(KinesisError) in
            let tags = try world.listTagsForResource(ResourceARNInput(resourceARN: try f.string("ResourceARN")), as: caller)
            return .object([("Tags", JSONOutput.tags(tags))])
        }),
        ("PutResourcePolicy", { world, f, caller throws(KinesisError) in
            try world.putResourcePolicy(PutResourcePolicyInput(resourceARN: try f.string("ResourceARN"),
                                                               policy: try f.string("Policy")), as: caller)
            return nil
        }),
        ("GetResourcePolicy", { world, f, caller throws(KinesisError) in
            let policy = try world.getResourcePolicy(ResourceARNInput(resourceARN: try f.string("ResourceARN")), as: caller)
            return .object([("Policy", .string(policy))])
        }),
        ("DeleteResourcePolicy", { world, f, caller throws(KinesisError) in
            try world.deleteResourcePolicy(ResourceARNInput(resourceARN: try f.string("ResourceARN")), as: caller)
            return nil
        }),
        ("EnableEnhancedMonitoring", { world, f, caller throws(KinesisError) in
            monitoringOutput(try world.enableEnhancedMonitoring(EnhancedMonitoringInput(
                try f.streamTarget(), shardLevelMetrics: try f.strings("ShardLevelMetrics")), as: caller))
        }),
        ("DisableEnhancedMonitoring", { world, f, caller throws(KinesisError) in
            monitoringOutput(try world.disableEnhancedMonitoring(EnhancedMonitoringInput(
                try f.streamTarget(), shardLevelMetrics: try f.strings("ShardLevelMetrics")), as: caller))
        }),
        ("RegisterStreamConsumer", { world, f, caller throws(KinesisError) in
            let c = try world.registerStreamConsumer(RegisterStreamConsumerInput(
                streamARN: try f.string("StreamARN"), consumerName: try f.string("ConsumerName"),
                tags: try f.stringMap("Tags")), as: caller)
            return .object([("Consumer", consumerOutput(c))])
        }),
        ("DescribeStreamConsumer", { world, f, caller throws(KinesisError) in
            let c = try world.describeStreamConsumer(try consumerTarget(f), as: caller)
            return .object([("ConsumerDescription", .object([
                ("ConsumerName", .string(c.consumerName)),
                ("ConsumerARN", .string(c.consumerARN)),
                ("ConsumerStatus", .string(c.consumerStatus.rawValue)),
                ("ConsumerCreationTimestamp", JSONOutput.timestamp(c.consumerCreationTimestamp)),
                ("StreamARN", .string(c.streamARN)),
            ]))])
        }),
        ("ListStreamConsumers", { world, f, caller throws(KinesisError) in
            let out = try world.listStreamConsumers(ListStreamConsumersInput(
                streamARN: try f.string("StreamARN"), nextToken: try f.string("NextToken"), maxResults: try f.int("MaxResults"),
                streamCreationTimestamp: try f.timestamp("StreamCreationTimestamp")), as: caller)
            return JSONOutput.object([
                ("Consumers", .array(out.consumers.map(consumerOutput))),
                ("NextToken", JSONOutput.string(out.nextToken)),
            ])
        }),
        ("DeregisterStreamConsumer", { world, f, caller throws(KinesisError) in
            try world.deregisterStreamConsumer(try consumerTarget(f), as: caller)
            return nil
        }),
    ]

    private static func encryptionInput(_ f: JSONFields) throws(KinesisError) -> StreamEncryptionInput {
        StreamEncryptionInput(try f.streamTarget(), encryptionType: try f.string("EncryptionType"), keyId: try f.string("KeyId"))
    }

    private static func consumerTarget(_ f: JSONFields) throws(KinesisError) -> ConsumerTarget {
        ConsumerTarget(streamARN: try f.string("StreamARN"), consumerName: try f.string("ConsumerName"),
                       consumerARN: try f.string("ConsumerARN"))
    }

    private static func monitoringOutput(_ out: EnhancedMonitoringOutput) -> JSONValue {
        .object([
            ("StreamName", .string(out.streamName)),
            ("StreamARN", .string(out.streamARN)),
            ("CurrentShardLevelMetrics", JSONOutput.strings(out.currentShardLevelMetrics)),
            ("DesiredShardLevelMetrics", JSONOutput.strings(out.desiredShardLevelMetrics)),
        ])
    }

    private static func consumerOutput(_ c: ConsumerSummary) -> JSONValue {
        .object([
            ("ConsumerName", .string(c.consumerName)),
            ("ConsumerARN", .string(c.consumerARN)),
            ("ConsumerStatus", .string(c.consumerStatus.rawValue)),
            ("ConsumerCreationTimestamp", JSONOutput.timestamp(c.consumerCreationTimestamp)),
        ])
    }
}
