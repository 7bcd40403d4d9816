import IAMPolicy

/// The simulated world: accounts with their IAM identities, streams and KMS keys, and a
/// clock its owner drives. Every Kinesis operation is a `mutating` method that authorizes
/// the caller first, exactly as the service does, and never touches the real clock.
public struct KinesisWorld: Sendable {
    /// Durations and quotas.
    public var settings: WorldSettings
    /// The world's clock.
    public private(set) var now: Timestamp {
        didSet { if authorizesCalls { nowISO8601 = now.iso8601 } }
    }
    /// `now` as ISO 8601 text, kept with the clock while calls are authorized (every request
    /// context carries it); see ``currentTimeISO8601``.
    private var nowISO8601: String
    /// Accounts by id.
    public internal(set) var accounts: [String: Account] = [:]
    /// The credentials the world accepts, by access key id: IAM users' access keys and the
    /// sessions STS has issued.
    public var credentials = CredentialStore()
    /// Seeded randomness for stream ids and iterator keys.
    var random: SplitMix64
    /// The key iterators are sealed with.
    let iteratorKey: UInt64
    /// Whether Kinesis calls are checked against the policies (the default). Replaying a
    /// journal turns it off: each call in it was authorized when it was made, in the world
    /// the replay rebuilds, so asking again would repeat the answer at a cost; and a change
    /// once made stays made when a policy changes later, as in AWS. Every other check (the
    /// stream's state, limits, expired credentials) still runs.
    public var authorizesCalls = true {
        didSet { if authorizesCalls { nowISO8601 = now.iso8601 } }
    }

    /// `now` as ISO 8601 text (`aws:CurrentTime`).
    var currentTimeISO8601: String {
        authorizesCalls ? nowISO8601 : now.iso8601
    }

    /// Creates an empty world at `start` (default 2026-01-01T00:00:00Z).
    public init(settings: WorldSettings = WorldSettings(), start: Timestamp = Timestamp(milliseconds: 1_767_225_600_000),
                seed: UInt64 = 0x6B64_736C_6162) {
        self.settings = settings
        self.now = start
        self.nowISO8601 = start.iso8601
        var random = SplitMix64(seed: seed)
        self.iteratorKey = random.next()
        self.random = random
    }

    /// Moves the clock forward by `milliseconds`, finishing any transition that falls due.
    public mutating func advance(milliseconds: Int64) {
        precondition(milliseconds >= 0, "the world's clock only moves forward")
        now = now.adding(milliseconds: milliseconds)
        settle()
    }

    /// Moves the clock to `time` (never backwards).
    public mutating func advance(to time: Timestamp) {
        let (gap, overflow) = time.milliseconds.subtractingReportingOverflow(now.milliseconds)
        advance(milliseconds: overflow ? (time > now ? .max : 0) : max(0, gap))
    }

    /// Adds an account (no-op when it exists).
    public mutating func addAccount(_ id: String) {
        if accounts[id] == nil { accounts[id] = Account(id: id) }
    }

    /// Finishes transitions that are due: CREATING/UPDATING → ACTIVE, DELETING → gone,
    /// consumers CREATING → ACTIVE and DELETING → gone; trims records past retention.
    mutating func settle() {
        let now = self.now
        // Mutate in place, by index, so record logs are never copied and no key is hashed:
        // this runs before every request. (Index loops, not `indices`, which would hold a
        // reference to the storage and make every write copy it.)
        var a = accounts.startIndex
        while a != accounts.endIndex {
            var r = accounts.values[a].streams.startIndex
            let regionsEnd = accounts.values[a].streams.endIndex
            while r != regionsEnd {
                var gone: [String] = []
                var s = accounts.values[a].streams.values[r].startIndex
                let streamsEnd = accounts.values[a].streams.values[r].endIndex
                while s != streamsEnd {
                    if Self.settle(&accounts.values[a].streams.values[r].values[s], now: now) {
                        gone.append(accounts.values[a].streams.values[r].keys[s])
                    }
                    accounts.values[a].streams.values[r].formIndex(after: &s)
                }
                // Removing names changes only this region's table, not the indexes above.
                for name in gone { accounts.values[a].streams.values[r][name] = nil }
                accounts.values[a].streams.formIndex(after: &r)
            }
            accounts.formIndex(after: &a)
        }
    }

    /// Settles one stream; returns whether it has finished deleting.
    private static func settle(_ stream: inout Stream, now: Timestamp) -> Bool {
        if let until = stream.statusUntil, until <= now {
            if stream.status == .deleting { return true }
            stream.status = .active
            stream.statusUntil = nil
        }
        stream.consumers.removeAll { $0.status == .deleting && ($0.statusUntil ?? now) <= now }
        for i in stream.consumers.indices where stream.consumers[i].status == .creating {
            if let until = stream.consumers[i].statusUntil, until <= now {
                stream.consumers[i].status = .active
                stream.consumers[i].statusUntil = nil
            }
        }
        let cutoff = now.milliseconds - Int64(stream.retentionHours) * 3_600_000
        for i in stream.shards.indices { stream.shards[i].records.trim(arrivedBefore: cutoff) }
        return false
    }
}
