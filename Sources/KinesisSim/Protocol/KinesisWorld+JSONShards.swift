import IAMPolicy

/// Streams and shards over JSON: DescribeStream, ListShards, ListStreams, SplitShard,
/// MergeShards, UpdateShardCount, UpdateStreamMode, DescribeLimits.
extension KinesisWorld {
    /// Handlers for the stream and shard operations.
    static let shardHandlers: [(String, JSONHandler)] = [
        ("DescribeStream", { world, f, caller throws(KinesisError) in
            let d = try world.describeStream(DescribeStreamInput(
                try f.streamTarget(), limit: try f.int("Limit"), exclusiveStartShardId: try f.string("ExclusiveStartShardId")),
                as: caller)
            return .object([("StreamDescription", JSONOutput.object([
                ("StreamName", .string(d.streamName)),
                ("StreamARN", .string(d.streamARN)),
                ("StreamStatus", .string(d.streamStatus.rawValue)),
                ("StreamModeDetails", .object([("StreamMode", .string(d.streamMode.rawValue))])),
                ("Shards", .array(d.shards.map(JSONOutput.shard))),
                ("HasMoreShards", .bool(d.hasMoreShards)),
                ("RetentionPeriodHours", .number(d.retentionPeriodHours)),
                ("StreamCreationTimestamp", JSONOutput.timestamp(d.streamCreationTimestamp)),
                ("EnhancedMonitoring", .array([.object([("ShardLevelMetrics", JSONOutput.strings(d.enhancedMonitoring))])])),
                ("EncryptionType", .string(d.encryptionType)),
                ("KeyId", JSONOutput.string(d.keyId)),
            ]))])
        }),
        ("ListShards", { world, f, caller throws(KinesisError) in
            var filter: ShardFilter?
            if let sf = try f.object("ShardFilter") {
                filter = ShardFilter(type: try sf.string("Type"), shardId: try sf.string("ShardId"),
                                     timestamp: try sf.timestamp("Timestamp"))
            }
            let out = try world.listShards(ListShardsInput(
                try f.streamTarget(), nextToken: try f.string("NextToken"),
                exclusiveStartShardId: try f.string("ExclusiveStartShardId"), maxResults: try f.int("MaxResults"),
                streamCreationTimestamp: try f.timestamp("StreamCreationTimestamp"), shardFilter: filter), as: caller)
            return JSONOutput.object([
                ("Shards", .array(out.shards.map(JSONOutput.shard))),
                ("NextToken", JSONOutput.string(out.nextToken)),
            ])
        }),
        ("ListStreams", { world, f, caller throws(KinesisError) in
            let out = try world.listStreams(ListStreamsInput(
                limit: try f.int("Limit"), exclusiveStartStreamName: try f.string("ExclusiveStartStreamName"),
                nextToken: try f.string("NextToken")), as: caller)
            return JSONOutput.object([
                ("StreamNames", JSONOutput.strings(out.streamNames)),
                ("HasMoreStreams", .bool(out.hasMoreStreams)),
                ("NextToken", JSONOutput.string(out.nextToken)),
                ("StreamSummaries", .array(out.streamSummaries.map { s in
                    .object([
                        ("StreamName", .string(s.streamName)),
                        ("StreamARN", .string(s.streamARN)),
                        ("StreamStatus", .string(s.streamStatus.rawValue)),
                        ("StreamModeDetails", .object([("StreamMode", .string(s.streamMode.rawValue))])),
                        ("StreamCreationTimestamp", JSONOutput.timestamp(s.streamCreationTimestamp)),
                    ])
                })),
            ])
        }),
        ("SplitShard", { world, f, caller throws(KinesisError) in
            try world.splitShard(SplitShardInput(
                try f.streamTarget(), shardToSplit: try f.string("ShardToSplit"),
                newStartingHashKey: try f.string("NewStartingHashKey")), as: caller)
            return nil
        }),
        ("MergeShards", { world, f, caller throws(KinesisError) in
            try world.mergeShards(MergeShardsInput(
                try f.streamTarget(), shardToMerge: try f.string("ShardToMerge"),
                adjacentShardToMerge: try f.string("AdjacentShardToMerge")), as: caller)
            return nil
        }),
        ("UpdateShardCount", { world, f, caller throws(KinesisError) in
            let out = try world.updateShardCount(UpdateShardCountInput(
                try f.streamTarget(), targetShardCount: try f.int("TargetShardCount"),
                scalingType: try f.string("ScalingType")), as: caller)
            return .object([
                ("StreamName", .string(out.streamName)),
                ("StreamARN", .string(out.streamARN)),
                ("CurrentShardCount", .number(out.currentShardCount)),
                ("TargetShardCount", .number(out.targetShardCount)),
            ])
        }),
        ("UpdateStreamMode", { world, f, caller throws(KinesisError) in
            try world.updateStreamMode(UpdateStreamModeInput(
                streamARN: try f.string("StreamARN"), streamMode: try f.object("StreamModeDetails")?.string("StreamMode"),
                warmThroughputMiBps: try f.int("WarmThroughputMiBps")), as: caller)
            return nil
        }),
        ("DescribeLimits", { world, _, caller throws(KinesisError) in
            let out = try world.describeLimits(as: caller)
            return .object([
                ("ShardLimit", .number(out.shardLimit)),
                ("OpenShardCount", .number(out.openShardCount)),
                ("OnDemandStreamCount", .number(out.onDemandStreamCount)),
                ("OnDemandStreamCountLimit", .number(out.onDemandStreamCountLimit)),
            ])
        }),
    ]
}
