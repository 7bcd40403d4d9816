import IAMPolicy

/// Where a ListShards page starts and which shards it admits.
struct ShardPage {
    /// The stream.
    var ref: StreamRef
    /// The creation time the caller (or the token) expects the stream to have.
    var streamCreatedAt: Timestamp?
    /// Only shards with a larger index are listed (the last shard of the previous page).
    var after: Int
    /// `ExclusiveStartShardId`: only shards whose id sorts after it are listed.
    var exclusiveStart: String?
    /// The ShardFilter.
    var filter: Filter

    /// A checked ShardFilter.
    enum Filter: Equatable {
        case afterShardId(String)
        case atTrimHorizon
        case fromTrimHorizon
        case atLatest
        case atTimestamp(Timestamp)
        case fromTimestamp(Timestamp)

        /// Checks the combination of Type, ShardId and Timestamp (FROM_TRIM_HORIZON when absent).
        init(_ filter: ShardFilter?) throws(KinesisError) {
            guard let filter, let type = filter.type else { self = .fromTrimHorizon; return }
            let takesShardId = type == "AFTER_SHARD_ID"
            let takesTimestamp = type == "AT_TIMESTAMP" || type == "FROM_TIMESTAMP"
            if takesShardId && filter.shardId == nil {
                throw KinesisError(.invalidArgument, "ShardFilter type AFTER_SHARD_ID requires a ShardId.")
            }
            if !takesShardId && filter.shardId != nil {
                throw KinesisError(.invalidArgument, "ShardId may only be given with ShardFilter type AFTER_SHARD_ID.")
            }
            if takesTimestamp && filter.timestamp == nil {
                throw KinesisError(.invalidArgument, "ShardFilter type \(type) requires a Timestamp.")
            }
            if !takesTimestamp && filter.timestamp != nil {
                throw KinesisError(.invalidArgument, "Timestamp may only be given with ShardFilter type AT_TIMESTAMP or FROM_TIMESTAMP.")
            }
            switch (type, filter.shardId, filter.timestamp) {
            case ("AFTER_SHARD_ID", let id?, _): self = .afterShardId(id)
            case ("AT_TRIM_HORIZON", _, _): self = .atTrimHorizon
            case ("AT_LATEST", _, _): self = .atLatest
            case ("AT_TIMESTAMP", _, let t?): self = .atTimestamp(t)
            case ("FROM_TIMESTAMP", _, let t?): self = .fromTimestamp(t)
            default: self = .fromTrimHorizon
            }
        }

        /// Whether `shard` of `s` passes the filter at `now`.
        func admits(_ shard: Shard, in s: Stream, now: Timestamp) -> Bool {
            func openAt(_ t: Timestamp) -> Bool {
                shard.createdAt <= t && (shard.closedAt.map { $0 > t } ?? true)
            }
            switch self {
            // Shard ids are zero-padded, so their text order is their index order.
            case .afterShardId(let id): return shard.id > id
            case .atTrimHorizon: return openAt(s.trimHorizon(now: now))
            case .fromTrimHorizon: return true
            case .atLatest: return shard.isOpen
            case .atTimestamp(let t): return openAt(max(t, s.trimHorizon(now: now)))
            case .fromTimestamp(let t): return shard.closedAt.map { $0 >= t } ?? true
            }
        }

        /// The filter as three NextToken fields.
        var tokenFields: [String] {
            switch self {
            case .afterShardId(let id): ["AFTER_SHARD_ID", id, ""]
            case .atTrimHorizon: ["AT_TRIM_HORIZON", "", ""]
            case .fromTrimHorizon: ["FROM_TRIM_HORIZON", "", ""]
            case .atLatest: ["AT_LATEST", "", ""]
            case .atTimestamp(let t): ["AT_TIMESTAMP", "", String(t.milliseconds)]
            case .fromTimestamp(let t): ["FROM_TIMESTAMP", "", String(t.milliseconds)]
            }
        }

        /// The filter from its three NextToken fields.
        init?(tokenFields f: [String]) {
            guard f.count == 3 else { return nil }
            switch f[0] {
            case "AFTER_SHARD_ID": guard !f[1].isEmpty else { return nil }; self = .afterShardId(f[1])
            case "AT_TRIM_HORIZON": self = .atTrimHorizon
            case "FROM_TRIM_HORIZON": self = .fromTrimHorizon
            case "AT_LATEST": self = .atLatest
            case "AT_TIMESTAMP":
                guard let t = Int64(f[2]).flatMap(Timestamp.init(wireMilliseconds:)) else { return nil }
                self = .atTimestamp(t)
            case "FROM_TIMESTAMP":
                guard let t = Int64(f[2]).flatMap(Timestamp.init(wireMilliseconds:)) else { return nil }
                self = .fromTimestamp(t)
            default: return nil
            }
        }
    }
}
