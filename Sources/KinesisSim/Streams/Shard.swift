import IAMPolicy

/// One shard: a hash key range, a sequence of records, and its place in the lineage.
public struct Shard: Sendable {
    /// The shard's index in its stream (the `NNN` of `shardId-NNNNNNNNNNNN`).
    public var index: Int
    /// The hash keys the shard owns.
    public var hashKeyRange: HashKeyRange
    /// The parent it was split from, or the first of the two it was merged from.
    public var parentIndex: Int?
    /// The second parent of a merge.
    public var adjacentParentIndex: Int?
    /// When the shard was created.
    public var createdAt: Timestamp
    /// When the shard was closed by a split or merge; `nil` while open.
    public var closedAt: Timestamp?
    /// The records.
    public var records = RecordLog()
    /// The counter the next record's sequence number gets.
    var nextCounter: UInt64 = 1
    /// The shard's read and write budgets.
    var throughput = ShardThroughput()

    /// Creates an open shard.
    public init(index: Int, hashKeyRange: HashKeyRange, createdAt: Timestamp, parentIndex: Int? = nil,
                adjacentParentIndex: Int? = nil) {
        self.index = index
        self.hashKeyRange = hashKeyRange
        self.createdAt = createdAt
        self.parentIndex = parentIndex
        self.adjacentParentIndex = adjacentParentIndex
    }

    /// `shardId-000000000003`.
    public var id: String { Shard.id(index) }

    /// The id of shard `index`.
    public static func id(_ index: Int) -> String {
        let digits = String(index)
        return "shardId-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// Whether the shard still takes writes.
    public var isOpen: Bool { closedAt == nil }
}
