import IAMPolicy

/// The data plane over JSON: PutRecord, PutRecords, GetShardIterator, GetRecords.
extension KinesisWorld {
    /// Handlers for the data-plane operations.
    static let dataHandlers: [(String, JSONHandler)] = [
        ("PutRecord", { world, f, caller throws(KinesisError) in
            JSONOutput.putRecord(try world.putRecord(try putRecordInput(f), as: caller))
        }),
        ("PutRecords", { world, f, caller throws(KinesisError) in
            var entries: [PutRecordsRequestEntry]?
            if let records = try f.objects("Records") {
                var list: [PutRecordsRequestEntry] = []
                list.reserveCapacity(records.count)
                for r in records {
                    list.append(PutRecordsRequestEntry(data: try r.blob("Data"), partitionKey: try r.string("PartitionKey"),
                                                       explicitHashKey: try r.string("ExplicitHashKey")))
                }
                entries = list
            }
            let out = try world.putRecords(PutRecordsInput(try f.streamTarget(), records: entries), as: caller)
            let results: [JSONValue] = out.records.map { r in
                if let code = r.errorCode {
                    return JSONOutput.object([
                        ("ErrorCode", .string(code.rawValue)),
                        ("ErrorMessage", JSONOutput.string(r.errorMessage)),
                    ])
                }
                return JSONOutput.object([
                    ("SequenceNumber", JSONOutput.string(r.sequenceNumber)),
                    ("ShardId", JSONOutput.string(r.shardId)),
                ])
            }
            return JSONOutput.object([
                ("FailedRecordCount", .number(out.failedRecordCount)),
                ("Records", .array(results)),
                ("EncryptionType", JSONOutput.string(out.encryptionType)),
            ])
        }),
        ("GetShardIterator", { world, f, caller throws(KinesisError) in
            let out = try world.getShardIterator(GetShardIteratorInput(
                try f.streamTarget(), shardId: try f.string("ShardId"), shardIteratorType: try f.string("ShardIteratorType"),
                startingSequenceNumber: try f.string("StartingSequenceNumber"), timestamp: try f.timestamp("Timestamp")),
                as: caller)
            return .object([("ShardIterator", .string(out.shardIterator))])
        }),
        ("GetRecords", { world, f, caller throws(KinesisError) in
            JSONOutput.getRecords(try world.getRecords(try getRecordsInput(f), as: caller))
        }),
    ]
}

extension KinesisWorld {
    /// PutRecord's input from its JSON members.
    static func putRecordInput(_ f: JSONFields) throws(KinesisError) -> PutRecordInput {
        PutRecordInput(
            try f.streamTarget(), data: try f.blob("Data"), partitionKey: try f.string("PartitionKey"),
            explicitHashKey: try f.string("ExplicitHashKey"),
            sequenceNumberForOrdering: try f.string("SequenceNumberForOrdering"))
    }

    /// GetRecords' input from its JSON members.
    static func getRecordsInput(_ f: JSONFields) throws(KinesisError) -> GetRecordsInput {
        GetRecordsInput(shardIterator: try f.string("ShardIterator"), limit: try f.int("Limit"), streamARN: try f.string("StreamARN"))
    }
}

extension JSONOutput {
    /// PutRecord's output document.
    static func putRecord(_ out: PutRecordOutput) -> JSONValue {
        object([
            ("ShardId", .string(out.shardId)),
            ("SequenceNumber", .string(out.sequenceNumber)),
            ("EncryptionType", string(out.encryptionType)),
        ])
    }

    /// GetRecords' output document.
    static func getRecords(_ out: GetRecordsOutput) -> JSONValue {
        let records: [JSONValue] = out.records.map { r in
            object([
                ("SequenceNumber", .string(r.sequenceNumber)),
                ("ApproximateArrivalTimestamp", timestamp(r.approximateArrivalTimestamp)),
                ("Data", .string(Base64.encode(r.data))),
                ("PartitionKey", .string(r.partitionKey)),
                ("EncryptionType", string(r.encryptionType)),
            ])
        }
        return object([
            ("Records", .array(records)),
            ("NextShardIterator", string(out.nextShardIterator)),
            ("MillisBehindLatest", .number(literal: String(out.millisBehindLatest))),
            ("ChildShards", out.childShards.map(childShards)),
        ])
    }

    /// GetRecords' `ChildShards`.
    static func childShards(_ children: [ChildShard]) -> JSONValue {
        .array(children.map { c in
            .object([
                ("ShardId", .string(c.shardId)),
                ("ParentShards", .array(c.parentShards.map { .string($0) })),
                ("HashKeyRange", hashKeyRange(c.hashKeyRange)),
            ])
        })
    }

    /// A `HashKeyRange` with decimal-string bounds.
    static func hashKeyRange(_ r: HashKeyRange) -> JSONValue {
        .object([("StartingHashKey", .string(String(r.start))), ("EndingHashKey", .string(String(r.end)))])
    }

    /// A `Shard` as DescribeStream and ListShards return it.
    static func shard(_ s: ShardDescription) -> JSONValue {
        object([
            ("ShardId", .string(s.shardId)),
            ("ParentShardId", string(s.parentShardId)),
            ("AdjacentParentShardId", string(s.adjacentParentShardId)),
            ("HashKeyRange", hashKeyRange(s.hashKeyRange)),
            ("SequenceNumberRange", object([
                ("StartingSequenceNumber", .string(s.startingSequenceNumber)),
                ("EndingSequenceNumber", string(s.endingSequenceNumber)),
            ])),
        ])
    }

    /// A list of `{Key, Value}` tags.
    static func tags(_ tags: [ResourceTag]) -> JSONValue {
        .array(tags.map { .object([("Key", .string($0.key)), ("Value", .string($0.value))]) })
    }

    /// A list of strings.
    static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
}
