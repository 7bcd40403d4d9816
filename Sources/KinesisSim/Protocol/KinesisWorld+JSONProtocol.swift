import IAMPolicy

/// The Kinesis JSON 1.1 protocol in-process: the same request bodies the AWS CLI and boto3
/// send, the same responses and errors. The wire server only adds HTTP and SigV4 around it.
extension KinesisWorld {
    /// The `X-Amz-Target` prefix of Kinesis's JSON protocol.
    public static let targetPrefix = "Kinesis_20131202."

    /// Performs `operation` (an operation name such as `PutRecord`, or a full
    /// `Kinesis_20131202.PutRecord` target) with the JSON request `body`, as `caller`.
    public mutating func perform(_ operation: String, body: JSONValue, as caller: Caller) -> KinesisJSONResponse {
        let name = operation.hasPrefix(Self.targetPrefix) ? String(operation.dropFirst(Self.targetPrefix.count)) : operation
        guard let handler = Self.jsonHandlers[name] else {
            return .failure(KinesisError(.unknownOperation, "Operation \(name) is not supported by this service."))
        }
        do {
            let fields = try JSONFields(body)
            // The hot data-plane operations keep their typed output: it is written straight
            // to bytes (outside the service's lock) rather than built into a document.
            switch name {
            case "GetRecords": return .ok(.getRecords(try getRecords(try Self.getRecordsInput(fields), as: caller)))
            case "PutRecord": return .ok(.putRecord(try putRecord(try Self.putRecordInput(fields), as: caller)))
            default: return .ok(try handler(&self, fields, caller))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The operations `perform` knows, sorted.
    public static var supportedOperations: [String] { jsonHandlers.keys.sorted() }

    typealias JSONHandler = @Sendable (inout KinesisWorld, JSONFields, Caller) throws(KinesisError) -> JSONValue?

    /// One handler per operation: decode the body's members (SerializationException on wrong
    /// types), run the typed operation, encode its output.
    static let jsonHandlers: [String: JSONHandler] = {
        var h: [String: JSONHandler] = [:]
        for group in [lifecycleHandlers, dataHandlers, shardHandlers, controlHandlers] {
            for (name, handler) in group { h[name] = handler }
        }
        return h
    }()

    static let lifecycleHandlers: [(String, JSONHandler)] = [
        ("CreateStream", { world, f, caller throws(KinesisError) in
            let mode = try f.object("StreamModeDetails")?.string("StreamMode")
            try world.createStream(CreateStreamInput(
                streamName: try f.string("StreamName"), shardCount: try f.int("ShardCount"), streamMode: mode,
                tags: try f.stringMap("Tags"), maxRecordSizeInKiB: try f.int("MaxRecordSizeInKiB")), as: caller)
            return nil
        }),
        ("DeleteStream", { world, f, caller throws(KinesisError) in
            try world.deleteStream(DeleteStreamInput(try f.streamTarget(),
                                                     enforceConsumerDeletion: try f.bool("EnforceConsumerDeletion")), as: caller)
            return nil
        }),
        ("DescribeStreamSummary", { world, f, caller throws(KinesisError) in
            let s = try world.describeStreamSummary(try f.streamTarget(), as: caller)
            return .object([("StreamDescriptionSummary", JSONOutput.object([
                ("StreamName", .string(s.streamName)),
                ("StreamARN", .string(s.streamARN)),
                ("StreamStatus", .string(s.streamStatus.rawValue)),
                ("StreamModeDetails", .object([("StreamMode", .string(s.streamMode.rawValue))])),
                ("RetentionPeriodHours", .number(s.retentionPeriodHours)),
                ("StreamCreationTimestamp", JSONOutput.timestamp(s.streamCreationTimestamp)),
                ("EnhancedMonitoring", .array([.object([("ShardLevelMetrics", .array(s.enhancedMonitoring.map { .string($0) }))])])),
                ("EncryptionType", .string(s.encryptionType)),
                ("KeyId", JSONOutput.string(s.keyId)),
                ("OpenShardCount", .number(s.openShardCount)),
                ("ConsumerCount", .number(s.consumerCount)),
                ("StreamId", .string(s.streamId)),
                ("MaxRecordSizeInKiB", .number(s.maxRecordSizeInKiB)),
            ]))])
        }),
    ]
}
