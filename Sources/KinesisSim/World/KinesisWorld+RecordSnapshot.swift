/// The world's records apart from everything else, for `kdslab serve --state`'s compaction:
/// a snapshot keeps every stream's records this way, and the requests that built everything
/// else as they were made.
///
/// Records are the only state PutRecord and PutRecords change besides the shard's counter
/// and its write budget, and no other operation reads them: replaying every other request in
/// order and then putting the records back rebuilds the same world. (Write budgets start
/// full again, as they would a second later; a replayed write never fails for it, since a
/// fuller budget admits whatever a lower one did.)
extension KinesisWorld {
    /// Where a shard's records belong, and the counters they continue.
    public struct ShardPlace: Sendable, Equatable {
        /// The stream's account.
        public var account: String
        /// The stream's region.
        public var region: String
        /// The stream's name.
        public var stream: String
        /// The stream's id, which tells a stream from an earlier one of the same name.
        public var streamId: String
        /// The shard's index.
        public var shard: Int
        /// The counter the shard's next record gets.
        public var nextCounter: UInt64
        /// The stable position of the shard's first readable record.
        public var firstPosition: Int

        /// Creates a place.
        public init(account: String, region: String, stream: String, streamId: String, shard: Int, nextCounter: UInt64,
                    firstPosition: Int) {
            self.account = account
            self.region = region
            self.stream = stream
            self.streamId = streamId
            self.shard = shard
            self.nextCounter = nextCounter
            self.firstPosition = firstPosition
        }
    }

    /// Why a shard's records could not be put back.
    public enum RestoreError: Error, Equatable, CustomStringConvertible {
        /// No stream of that name in that account and region.
        case streamNotFound(String)
        /// The stream of that name is another one (its id differs).
        case otherStream(String, streamId: String)
        /// The stream has no shard of that index.
        case shardNotFound(String, shard: Int)
        /// The shard has been written already.
        case shardWritten(String, shard: Int)
        /// A later part of a shard's records without the part before it.
        case partWithoutStart(String, shard: Int)

        public var description: String {
            switch self {
            case .streamNotFound(let name): "stream `\(name)` does not exist"
            case .otherStream(let name, let id): "stream `\(name)` is not the one with id `\(id)`"
            case .shardNotFound(let name, let shard): "stream `\(name)` has no shard \(Shard.id(shard))"
            case .shardWritten(let name, let shard): "shard \(Shard.id(shard)) of stream `\(name)` already holds records"
            case .partWithoutStart(let name, let shard): "the records of shard \(Shard.id(shard)) of stream `\(name)` do not follow their first part"
            }
        }
    }

    /// Every shard that has ever taken a record, with its log, in a fixed order (accounts,
    /// regions and streams by name, shards by index).
    public func forEachWrittenShard(_ body: (ShardPlace, RecordLog) -> Void) {
        for accountId in accounts.keys.sorted() {
            guard let account = accounts[accountId] else { continue }
            for region in account.streams.keys.sorted() {
                guard let streams = account.streams[region] else { continue }
                for name in streams.keys.sorted() {
                    guard let stream = streams[name] else { continue }
                    for shard in stream.shards where shard.nextCounter > 1 {
                        body(ShardPlace(account: accountId, region: region, stream: name, streamId: stream.streamId,
                                        shard: shard.index, nextCounter: shard.nextCounter,
                                        firstPosition: shard.records.snapshotFirstPosition), shard.records)
                    }
                }
            }
        }
    }

    /// The readable records of every stream, and their bytes of data and partition keys.
    public var storedRecords: (count: Int, bytes: Int) {
        var out = (count: 0, bytes: 0)
        for account in accounts.values {
            for streams in account.streams.values {
                for stream in streams.values {
                    for shard in stream.shards {
                        out.count += shard.records.count
                        out.bytes += shard.records.readableByteCount
                    }
                }
            }
        }
        return out
    }

    /// Puts a shard's records back: `records`, oldest first, into the shard at `place`,
    /// which must exist and never have been written. Several calls for one shard continue
    /// it (a snapshot splits a long log); the first sets its counter and first position.
    public mutating func restoreRecords(at place: ShardPlace, continuing: Bool,
                                        _ records: some Sequence<RecordLog.SnapshotRecord>) throws(RestoreError) {
        // Scalars only: a copy of the stream kept alive here would make the writes below copy
        // its records.
        func look<T>(_ read: (Stream) -> T) -> T? { accounts[place.account]?.streams[place.region]?[place.stream].map(read) }
        guard let streamId = look(\.streamId) else { throw .streamNotFound(place.stream) }
        guard streamId == place.streamId else { throw .otherStream(place.stream, streamId: place.streamId) }
        guard place.shard >= 0, let counter = look({ place.shard < $0.shards.count ? $0.shards[place.shard].nextCounter : nil }) ?? nil else {
            throw .shardNotFound(place.stream, shard: place.shard)
        }
        if continuing {
            guard counter == place.nextCounter else { throw .partWithoutStart(place.stream, shard: place.shard) }
        } else {
            guard counter == 1 else { throw .shardWritten(place.stream, shard: place.shard) }
        }
        // In place, through the subscripts, so the log is never copied.
        accounts[place.account]!.streams[place.region]![place.stream]!.shards[place.shard].restore(place, continuing: continuing, records)
    }
}

extension Shard {
    mutating func restore(_ place: KinesisWorld.ShardPlace, continuing: Bool, _ records: some Sequence<RecordLog.SnapshotRecord>) {
        if !continuing { self.records = RecordLog(startingAt: place.firstPosition) }
        nextCounter = place.nextCounter
        for record in records { self.records.restore(record) }
    }
}
