import Digests

/// What PutRecord(s), GetShardIterator and GetRecords share: which streams take data,
/// record-size rules, shard ids in requests, and the throttling message.
extension KinesisWorld {
    /// Data calls need the stream ACTIVE or UPDATING. While CREATING the stream has no shards
    /// to use; while DELETING we answer as if it were already gone (AWS may still serve it for
    /// a moment, but no lab should depend on that). Both are `ResourceNotFoundException`.
    static func requireReadyForData(_ s: Stream) throws(KinesisError) {
        switch s.status {
        case .active, .updating: return
        case .creating, .deleting: throw .streamNotFound(s.name, account: s.account)
        }
    }

    /// The KMS key id the stream encrypts new records with, if it is encrypted.
    static func encryptionKey(of s: Stream) -> String? {
        if case .kms(let keyId) = s.encryption { return keyId }
        return nil
    }

    /// The index a request's `ShardId` names. Like the service, `shardId-1` and `1` mean
    /// `shardId-000000000001`; `nil` when the id names no index at all.
    static func shardIndex(named shardId: String) -> Int? {
        let digits = shardId.hasPrefix("shardId-") ? shardId.dropFirst(8) : Substring(shardId)
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let n = Int(digits), n <= Int(Int32.max) else { return nil }
        return n
    }
}

extension KinesisError {
    /// `Rate exceeded for shard shardId-… in stream … under account ….`
    static func rateExceeded(shard: Int, stream: String, account: String) -> KinesisError {
        KinesisError(.provisionedThroughputExceeded, rateExceededMessage(shard: shard, stream: stream, account: account))
    }

    /// The throttling message, also used for PutRecords entries.
    static func rateExceededMessage(shard: Int, stream: String, account: String) -> String {
        "Rate exceeded for shard \(Shard.id(shard)) in stream \(stream) under account \(account)."
    }

    /// `Shard shardId-… in stream … under account … does not exist`
    static func shardNotFound(_ shardId: String, stream: String, account: String) -> KinesisError {
        KinesisError(.resourceNotFound, "Shard \(shardId) in stream \(stream) under account \(account) does not exist")
    }
}

/// Record-size and hash-key rules shared by PutRecord and PutRecords.
enum RecordRules {
    /// The model's largest `Data` (10 MiB, for streams with a raised record size).
    static let modelMaxDataBytes = 10_485_760
    /// PutRecords' request limit on data plus keys.
    static let putRecordsMaxBytes = 5 * 1_048_576
    /// PutRecords' entry limit.
    static let putRecordsMaxEntries = 500

    /// How Coral shows a blob in a validation message.
    static func shown(_ data: [UInt8]) -> String {
        "java.nio.HeapByteBuffer[pos=0 lim=\(data.count) cap=\(data.count)]"
    }

    /// Model checks on one record's members (`member` gives `""` for PutRecord or
    /// `records.N.member.` for PutRecords; it is built only when something fails).
    static func validate(data: [UInt8]?, partitionKey: String?, explicitHashKey: String?,
                         member: @autoclosure () -> String, into v: inout ValidationErrors) {
        let dataOK = data.map { $0.count <= modelMaxDataBytes } ?? false
        // Fast path: 1…256 UTF-8 bytes is 1…256 characters.
        let keyOK = partitionKey.map { !$0.utf8.isEmpty && $0.utf8.count <= 256 } ?? false
        if dataOK && keyOK && explicitHashKey == nil { return }
        let member = member()
        v.required(data, at: member + "data")
        if let data, data.count > modelMaxDataBytes {
            v.fail(shown(data), at: member + "data", "Member must have length less than or equal to \(modelMaxDataBytes)")
        }
        v.required(partitionKey, at: member + "partitionKey")
        if let key = partitionKey, !keyOK {
            v.check(key, at: member + "partitionKey", length: 1...256)
        }
        v.check(explicitHashKey, at: member + "explicitHashKey", length: 0...Int.max, pattern: .hashKey)
    }

    /// The size checks of ``check(data:partitionKey:explicitHashKey:member:maxRecordBytes:)``.
    static func checkSize(data: [UInt8], partitionKey: String, member: @autoclosure () -> String,
                          maxRecordBytes: Int) throws(KinesisError) {
        if data.count > maxRecordBytes {
            throw .validation(shown(data), at: member() + "data", "Member must have length less than or equal to \(maxRecordBytes)")
        }
        let size = data.count + partitionKey.utf8.count
        if size > maxRecordBytes {
            throw KinesisError(.invalidArgument,
                "Record size \(size) bytes (data plus partition key) exceeds the stream's maximum record size of \(maxRecordBytes) bytes.")
        }
    }

    /// Semantic checks on one record against its stream: data within the stream's record
    /// size (AWS answered a larger blob with ValidationException), data plus key within it
    /// too, and an explicit hash key below 2^128. Returns the record's hash key.
    static func check(data: [UInt8], partitionKey: String, explicitHashKey: String?, member: @autoclosure () -> String,
                      maxRecordBytes: Int) throws(KinesisError) -> UInt128 {
        try checkSize(data: data, partitionKey: partitionKey, member: member(), maxRecordBytes: maxRecordBytes)
        guard let explicit = explicitHashKey else { return MD5.hashKey(partitionKey: partitionKey) }
        guard let key = UInt128(explicit) else {
            throw KinesisError(.invalidArgument,
                "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was \(explicit)")
        }
        return key
    }
}
